import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kreftkoordinator.directory.hsds import HSDSImportError, export_services, import_services
from kreftkoordinator.directory.hsds_tabular import export_zip, read_zip
from kreftkoordinator.directory.models import Offer


class Command(BaseCommand):
    help = (
        "Export the directory as Open Referral HSDS 3.0 services (JSON, or the tabular CSV "
        "package when FILE ends in .zip), or import such a file: "
        "`kreftkoordinator hsds export FILE` / `kreftkoordinator hsds import FILE`. An import "
        "checks every service first and imports all or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "import"])
        parser.add_argument("file")

    def handle(self, *args, **options):
        path = Path(options["file"])
        tabular = path.suffix.lower() == ".zip"  # the CSV package; otherwise JSON
        if options["action"] == "export":
            services = export_services(Offer.objects.order_by("pk"))
            if tabular:
                path.write_bytes(export_zip(services))
            else:
                path.write_text(
                    json.dumps(services, ensure_ascii=False, indent=1), encoding="utf-8"
                )
            self.stdout.write(self.style.SUCCESS(f"Eksportert {len(services)} tjenester."))
            return
        try:
            if tabular:
                services = read_zip(path.read_bytes())
                result = import_services(services, where=lambda n: f"services.csv, linje {n + 1}")
            else:
                services = json.loads(path.read_text(encoding="utf-8"))
                result = import_services(services)
        except FileNotFoundError as e:
            raise CommandError(f"Finner ikke filen {path}.") from e
        except UnicodeDecodeError as e:
            raise CommandError(
                f"Filen er ikke UTF-8-tekst (ugyldig byte ved posisjon {e.start})."
            ) from e
        except json.JSONDecodeError as e:
            raise CommandError(
                f"Filen er ikke gyldig JSON (linje {e.lineno}, kolonne {e.colno})."
            ) from e
        except RecursionError as e:
            raise CommandError("Filen er for dypt nøstet til å være en HSDS-fil.") from e
        except HSDSImportError as e:
            for line in e.errors:
                self.stderr.write(line)
            raise CommandError("Ingenting er importert. Rett feilene og prøv igjen.") from e
        self.stdout.write(
            self.style.SUCCESS(f"Importert: {result.created} nye, {result.updated} oppdatert.")
        )
