"""`kreftkoordinator import-population FILE`: municipalities' population from SSB table 07459."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

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
            data = Path(options["file"]).read_bytes()
        except OSError as e:
            raise CommandError(f"Finner ikke filen {options['file']}.") from e
        try:
            result = import_population(data)
        except PopulationImportError as e:
            for line in e.errors:
                self.stderr.write(line)
            raise CommandError("Ingenting er importert. Rett feilene over og prøv igjen.") from e
        if result.skipped_regions:
            self.stdout.write(
                f"Hoppet over {len(result.skipped_regions)} regioner som ikke er kommuner i "
                f"områdelisten, blant dem {', '.join(result.skipped_regions[:3])}."
            )
        years = ", ".join(map(str, result.years))
        self.stdout.write(self.style.SUCCESS(f"Folketall lagret: {result.saved} ({years})."))
