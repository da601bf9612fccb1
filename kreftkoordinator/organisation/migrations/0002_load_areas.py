"""Load the shipped area registry (SSB, valid from 2024-01-01) so every installation has it."""

from django.db import migrations


def load(apps, schema_editor):
    from kreftkoordinator.organisation.area_import import SHIPPED_FILE, apply, decode, parse

    apply(parse(decode(SHIPPED_FILE.read_bytes())), Area=apps.get_model("organisation", "Area"))


class Migration(migrations.Migration):
    dependencies = [("organisation", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
