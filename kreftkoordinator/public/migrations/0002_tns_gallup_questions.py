from django.db import migrations, models


def map_old_answers(apps, schema_editor):
    """Answers to "Fikk du den hjelpen du var ute etter?" on the TNS Gallup scale
    (docs/reporting.md): ja is "som forventet", delvis "mindre enn forventet", nei "fikk ikke
    hjelpen". The old answer is kept beside it."""
    SurveyAnswer = apps.get_model("public", "SurveyAnswer")
    for old, new in {"yes": "as_expected", "partly": "less", "no": "none"}.items():
        SurveyAnswer.objects.filter(got_help=old).update(help_matched=new)


class Migration(migrations.Migration):
    dependencies = [("public", "0001_initial")]

    operations = [
        migrations.AlterField(
            model_name="surveyanswer",
            name="got_help",
            field=models.CharField(
                blank=True,
                choices=[("yes", "Ja"), ("partly", "Delvis"), ("no", "Nei")],
                max_length=10,
                verbose_name="fikk hjelpen du var ute etter (spørsmålet før 2026)",
            ),
        ),
        migrations.AddField(
            model_name="surveyanswer",
            name="help_matched",
            field=models.CharField(
                choices=[
                    ("more", "Mer enn jeg forventet"),
                    ("as_expected", "Som jeg forventet"),
                    ("less", "Mindre enn jeg forventet"),
                    ("none", "Jeg fikk ikke den hjelpen jeg var ute etter"),
                ],
                default="",
                max_length=12,
                verbose_name="hjelpen sammenlignet med det du var ute etter",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="surveyanswer",
            name="helped_with_others",
            field=models.BooleanField(
                blank=True, null=True, verbose_name="fikk hjelp til å få hjelp fra andre"
            ),
        ),
        migrations.AddField(
            model_name="surveyanswer",
            name="others_hospital",
            field=models.BooleanField(default=False, verbose_name="sykehuset"),
        ),
        migrations.AddField(
            model_name="surveyanswer",
            name="others_home_care",
            field=models.BooleanField(default=False, verbose_name="hjemmesykepleien"),
        ),
        migrations.AddField(
            model_name="surveyanswer",
            name="others_nav",
            field=models.BooleanField(default=False, verbose_name="NAV"),
        ),
        migrations.AddField(
            model_name="surveyanswer",
            name="others_gp",
            field=models.BooleanField(default=False, verbose_name="fastlegen"),
        ),
        migrations.AddField(
            model_name="surveyanswer",
            name="others_other",
            field=models.BooleanField(default=False, verbose_name="andre"),
        ),
        migrations.RunPython(map_old_answers, migrations.RunPython.noop),
    ]
