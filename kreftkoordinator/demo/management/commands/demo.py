from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from kreftkoordinator.accounts.models import User
from kreftkoordinator.demo.arrangements import DEMO_PASSWORD, create_arrangements, demo_logins
from kreftkoordinator.demo.grants import create_grants
from kreftkoordinator.demo.national import create_national
from kreftkoordinator.demo.reports import submit_demo_reports
from kreftkoordinator.organisation.models import today


class Command(BaseCommand):
    help = "Build the demo database (areas, the evaluation's arrangements, users) and serve it."

    def add_arguments(self, parser):
        parser.add_argument("--no-server", action="store_true", help="build the data and stop")
        parser.add_argument("--addrport", default="127.0.0.1:8000")
        parser.add_argument(
            "--years", type=int, default=2, help="years of casework per position (default 2)"
        )
        parser.add_argument(
            "--positions",
            type=int,
            default=0,
            help="add this many full-time positions across the country, each "
            "with a coordinator and casework: the benchmarks' data set",
        )

    def handle(self, *args, **options):
        if not settings.DEMO:
            raise CommandError("Run the demo through `kreftkoordinator demo` (it sets demo mode).")
        self._fresh_database()
        call_command("migrate", verbosity=0)
        self.stdout.write("Lager demodata …")
        create_arrangements(years=options["years"])
        if options["positions"]:
            create_national(options["positions"], options["years"], progress=self.stdout.write)
        submit_demo_reports(options["years"], progress=self.stdout.write)
        create_grants(today())
        self._print_logins()
        if not options["no_server"]:
            call_command("runserver", options["addrport"], use_reloader=False)

    def _fresh_database(self):
        db = settings.DATABASES["default"]
        if db["ENGINE"].endswith("sqlite3"):
            connection.close()
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{db['NAME']}{suffix}").unlink(missing_ok=True)
            Path(db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        else:
            call_command("migrate", verbosity=0)
            if User.objects.exists():
                raise CommandError(
                    "The database already has users. The demo only fills an empty database."
                )

    def _print_logins(self):
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Kreftkoordinator-demo: http://127.0.0.1:8000/"))
        self.stdout.write(
            f"Alle brukere har passordet «{DEMO_PASSWORD}». Tofaktor er slått av i demomodus."
        )
        logins = demo_logins()
        width = max(len(u) for u, _, _ in logins)
        for username, name, what in logins:
            self.stdout.write(f"  {username.ljust(width)}  {name} – {what}")
        self.stdout.write("")
