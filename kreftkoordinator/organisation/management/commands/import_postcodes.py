"""`kreftkoordinator import-postcodes FILE`: Bring's postcode register as places to find."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

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
            data = Path(options["file"]).read_bytes()
        except OSError as e:
            raise CommandError(f"Finner ikke filen {options['file']}.") from e
        try:
            count = import_places(data)
        except PlaceImportError as e:
            for line in e.errors:
                self.stderr.write(line)
            raise CommandError("Ingenting er importert. Rett feilene over og prøv igjen.") from e
        self.stdout.write(self.style.SUCCESS(f"Postnumre lagret: {count}."))
