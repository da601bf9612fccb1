"""`kreftkoordinator audit verify`: walk the audit log's hash chain and name the first broken link.

Exit status 0 when the chain is whole, 1 when it is broken, so a nightly job can alert on it.
`--expect ID:DIGEST` also checks that an entry recorded earlier (outside the database) is still
in the chain with the same digest, which catches a rewrite of the whole tail.

`kreftkoordinator audit grants APP_ROLE` prints the PostgreSQL grants for the application's
least-privilege role (docs/security.md); run them as the owner after every migrate.
"""

from django.core.management.base import BaseCommand, CommandError

from kreftkoordinator.audit.chain import verify
from kreftkoordinator.audit.grants import grant_statements
from kreftkoordinator.audit.models import AuditEntry


class Command(BaseCommand):
    help = "Check the audit log's hash chain (verify)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="what", required=True)
        check = sub.add_parser("verify", help="walk the chain and report the first broken link")
        check.add_argument(
            "--expect",
            metavar="ID:DIGEST",
            help="an entry and digest noted earlier that must still be in the chain",
        )
        grants = sub.add_parser("grants", help="print the grants for the application's role")
        grants.add_argument("app_role")

    def handle(self, *args, what, expect=None, app_role=None, **options):
        if what == "grants":
            for sql in grant_statements(app_role):
                self.stdout.write(sql + ";")
            return
        verdict = verify()
        if verdict.broken_at is not None:
            why = {
                "link": "does not follow the entry before it (an entry was removed or inserted)",
                "content": "does not match its digest (the entry was changed)",
            }[verdict.why]
            self.stderr.write(
                f"BROKEN at entry {verdict.broken_at}: it {why}. "
                f"{verdict.checked} entries before it are intact."
            )
            raise SystemExit(1)
        if expect:
            self._check_anchor(expect)
        head = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first()
        self.stdout.write(
            f"OK: {verdict.checked} entries, chain intact. Head: {head or 0}:{verdict.head}"
        )

    def _check_anchor(self, expect: str) -> None:
        pk, _, value = expect.partition(":")
        if not pk.isdigit() or len(value) != 64:
            raise CommandError("--expect takes ID:DIGEST as printed by an earlier verify")
        found = AuditEntry.objects.filter(pk=int(pk)).values_list("digest", flat=True).first()
        if found != value:
            self.stderr.write(f"BROKEN: entry {pk} no longer has the digest noted earlier.")
            raise SystemExit(1)
