from datetime import date

from django.core.management.base import BaseCommand, CommandError

from kreftkoordinator.commands import refused
from kreftkoordinator.organisation.area_import import AreaImportError, import_file


class Command(BaseCommand):
    help = (
        "Update the area registry from an SSB KLASS CSV export (counties, municipalities or "
        "city districts). Every row is checked first; one bad row and nothing is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV file exported from SSB KLASS")
        parser.add_argument(
            "--valid-from",
            type=date.fromisoformat,
            help="date the areas are valid from, for files without a validFrom column",
        )

    def handle(self, *args, **options):
        try:
            result = import_file(options["file"], options["valid_from"])
        except FileNotFoundError as e:
            raise CommandError(f"Finner ikke filen {options['file']}.") from e
        except AreaImportError as e:
            raise refused(self, e.errors) from e
        for label, items in (
            ("Ny", result.created),
            ("Nytt navn", result.renamed),
            ("Avsluttet", result.ended),
        ):
            for item in items:
                self.stdout.write(f"{label}: {item}")
        self.stdout.write(self.style.SUCCESS(f"Områder oppdatert: {result.summary()}."))
