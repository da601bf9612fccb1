"""`kreftkoordinator import-postcodes FILE`: Bring's postcode register as places to find."""

from django.core.management.base import BaseCommand

from kreftkoordinator.commands import read_bytes, refused
from kreftkoordinator.organisation.place_import import PlaceImportError, import_places


class Command(BaseCommand):
    help = (
        "Replace the places the find page knows with Bring's postcode register "
        "(https://www.bring.no/postnummerregister-ansi.txt, tab-separated). Every line is "
        "checked first; one bad line and nothing is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Postnummerregister-ansi.txt from Bring")

    def handle(self, *args, **options):
        try:
            count = import_places(read_bytes(options["file"]))
        except PlaceImportError as e:
            raise refused(self, e.errors) from e
        self.stdout.write(self.style.SUCCESS(f"Postnumre lagret: {count}."))
