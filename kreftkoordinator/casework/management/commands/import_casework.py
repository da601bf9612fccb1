from django.core.management.base import BaseCommand, CommandError

from kreftkoordinator import audit
from kreftkoordinator.casework.importing import CaseworkImportError, import_file
from kreftkoordinator.commands import active_user


class Command(BaseCommand):
    help = (
        "Import casework from a JSON or XLSX file (docs/import-format.md) into the areas the "
        "given coordinator covers. Every row is checked first; one bad row and nothing is "
        "imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--user",
            required=True,
            help="user name of the coordinator the records are imported for",
        )
        parser.add_argument("--dry-run", action="store_true", help="check the file only")

    def handle(self, *args, **options):
        user = active_user(options["user"])
        try:
            with audit.via("import-casework"):
                summary = import_file(options["file"], user, dry_run=options["dry_run"])
        except CaseworkImportError as e:
            for line in e.errors:
                self.stderr.write(line)
            raise CommandError(
                f"Ingenting er importert: {len(e.errors)} feil. Rett dem og prøv igjen."
            ) from e
        verb = "Filen er i orden" if options["dry_run"] else "Importert"
        self.stdout.write(self.style.SUCCESS(f"{verb}: {summary}."))
