"""`kreftkoordinator carry-out-recoveries`: carry out the approved recoveries whose waiting time
is over (accounts/recovery.py). Run it every ten minutes (docs/security.md has the cron line).
It lives in the audit app because it names itself in the log (`audit.via`)."""

from django.core.management.base import BaseCommand

from kreftkoordinator import audit
from kreftkoordinator.accounts.recovery import carry_out_due


class Command(BaseCommand):
    help = "Carry out the approved account recoveries whose waiting time is over."

    def handle(self, *args, **options):
        with audit.via("carry-out-recoveries"):
            done = carry_out_due()
        self.stdout.write(f"{done} gjenopprettinger gjennomført.")
