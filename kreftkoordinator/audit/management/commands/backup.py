"""`kreftkoordinator backup [FILE]`: a consistent copy of the whole database (SQLite's online
backup, or pg_dump). Default: DATA_DIR/backups/kreftkoordinator-<time>.<sqlite3|dump>."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kreftkoordinator.audit.backups import BackupError, backup, default_path


class Command(BaseCommand):
    help = "Back up the whole database to a file."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="where to write it")

    def handle(self, *args, **options):
        path = Path(options["file"]) if options["file"] else default_path()
        try:
            written = backup(path)
        except BackupError as e:
            raise CommandError(str(e)) from e
        self.stdout.write(f"Sikkerhetskopi: {written}")
