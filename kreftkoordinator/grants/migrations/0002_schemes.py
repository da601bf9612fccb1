from django.db import migrations

# Table 3-1 (agreements from 2016) and appendix 3's older four-year scheme.
SCHEMES = [
    ("Tabell 3-1", [75, 75, 75, 60, 40, 20]),
    ("Vedlegg 3 (eldre avtaler)", [75, 75, 75, 60]),
]


def add(apps, schema_editor):
    Scheme = apps.get_model("grants", "Scheme")
    for name, shares in SCHEMES:
        Scheme.objects.get_or_create(name=name, defaults={"shares": shares})


class Migration(migrations.Migration):
    dependencies = [("grants", "0001_initial")]

    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
