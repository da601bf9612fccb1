from django.db import migrations


def load(apps, schema_editor):
    from kreftkoordinator.directory.starter import load_starter_set

    load_starter_set(apps.get_model("directory", "Provider"), apps.get_model("directory", "Offer"))


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
