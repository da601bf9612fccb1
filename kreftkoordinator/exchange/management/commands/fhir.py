import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from kreftkoordinator import audit
from kreftkoordinator.commands import active_user
from kreftkoordinator.exchange.fhir import export_person


class Command(BaseCommand):
    help = (
        "FHIR R4 (HL7 Norway no-basis): `fhir export --person ID --user USERNAME [--out FILE]` "
        "writes the person's record as one Bundle, as the user may see it (docs/exchange.md)."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        export = actions.add_parser("export", help="one person's record as a Bundle")
        export.add_argument("--person", type=int, required=True, help="the person's id")
        export.add_argument("--user", required=True, help="user name of the coordinator")
        export.add_argument("--out", help="the file to write (default: standard output)")

    def handle(self, *args, **options):
        user = active_user(options["user"])
        try:
            with audit.via("fhir export"):
                result = export_person(user, options["person"])
        except Http404 as e:
            # The same answer whether she does not exist or is another area's (and logged).
            raise CommandError(
                f"{user.username} har ingen person med id {options['person']} i sine områder."
            ) from e
        text = json.dumps(result, ensure_ascii=False, indent=2)
        if options["out"]:
            Path(options["out"]).write_text(text + "\n", encoding="utf-8")
            count = len(result["entry"])
            self.stderr.write(f"Skrev {count} ressurser til {options['out']}.")
        else:
            self.stdout.write(text)
