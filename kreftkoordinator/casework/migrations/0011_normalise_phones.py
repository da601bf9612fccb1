"""Phone numbers in one form (E.164), so "912 34 567" and "91234567" are one number to the
search and the duplicate check. A value that is not a phone number is left as it was."""

from django.core.exceptions import ValidationError
from django.db import migrations

from kreftkoordinator.validators import normalise_phone

MODELS = [
    ("casework", "Person"),
    ("casework", "ContactRequest"),
    ("accounts", "User"),
    ("organisation", "Position"),
]


def normalise(apps, schema_editor):
    for app, name in MODELS:
        model = apps.get_model(app, name)
        for pk, phone in model.objects.exclude(phone="").values_list("pk", "phone").iterator():
            try:
                shaped = normalise_phone(phone)
            except ValidationError:
                continue
            if shaped != phone:
                model.objects.filter(pk=pk).update(phone=shaped)


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0010_bounds"),
        ("accounts", "0002_initial"),
        ("organisation", "0004_population"),
    ]

    operations = [migrations.RunPython(normalise, migrations.RunPython.noop)]
