"""`kreftkoordinator retention [--dry-run]`: the retention rules (casework/retention.py), run
nightly: handled contact requests deleted, people with nothing open and nothing recorded for
years anonymised, each area's run logged. --dry-run says what it would do."""

from django.core.management.base import BaseCommand

from kreftkoordinator import audit
from kreftkoordinator.casework.retention import run_retention
from kreftkoordinator.organisation.models import today


class Command(BaseCommand):
    help = "Delete and anonymise what the retention rules say (nightly)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="say what, change nothing")

    def handle(self, *args, **options):
        with audit.via("retention"):
            outcome = run_retention(today(), dry_run=options["dry_run"])
        verb = "ville" if options["dry_run"] else "har"
        self.stdout.write(
            f"Oppbevaringsreglene {verb} slettet {outcome.n_requests} kontaktforespørsler og "
            f"anonymisert {outcome.n_persons} personer."
        )
