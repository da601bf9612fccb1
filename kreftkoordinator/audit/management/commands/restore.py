"""`kreftkoordinator restore FILE --yes`: replace the whole database with a backup made by
`kreftkoordinator backup`, then check the audit log's chain. Stop the application first."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kreftkoordinator.audit.backups import BackupError, restore
from kreftkoordinator.audit.chain import verify


class Command(BaseCommand):
    help = "Replace the whole database with a backup (stop the application first)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--yes", action="store_true", help="yes, replace everything")

    def handle(self, *args, **options):
        if not options["yes"]:
            raise CommandError(
                "Dette erstatter hele databasen med sikkerhetskopien. Stopp applikasjonen og "
                "kjør igjen med --yes."
            )
        try:
            restore(Path(options["file"]))
        except BackupError as e:
            raise CommandError(str(e)) from e
        verdict = verify()
        if verdict.broken_at is not None:
            raise CommandError(
                f"Gjenopprettet, men revisjonsloggen er brutt ved oppføring {verdict.broken_at}: "
                f"{verdict.why}"
            )
        self.stdout.write(f"Gjenopprettet fra {options['file']}; revisjonsloggen er hel "
                          f"({verdict.checked} oppføringer).")  # fmt: skip
