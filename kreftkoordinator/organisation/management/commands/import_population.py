"""`kreftkoordinator import-population FILE`: municipalities' population from SSB table 07459."""

from django.core.management.base import BaseCommand

from kreftkoordinator.commands import read_bytes, refused
from kreftkoordinator.organisation.population import PopulationImportError, import_population


class Command(BaseCommand):
    help = (
        "Import municipalities' population from an SSB table 07459 download (semicolon "
        "separated). Every row is checked first; one bad row and nothing is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV file downloaded from SSB table 07459")

    def handle(self, *args, **options):
        try:
            result = import_population(read_bytes(options["file"]))
        except PopulationImportError as e:
            raise refused(self, e.errors) from e
        if result.skipped_regions:
            self.stdout.write(
                f"Hoppet over {len(result.skipped_regions)} regioner som ikke er kommuner i "
                f"områdelisten, blant dem {', '.join(result.skipped_regions[:3])}."
            )
        years = ", ".join(map(str, result.years))
        self.stdout.write(self.style.SUCCESS(f"Folketall lagret: {result.saved} ({years})."))
