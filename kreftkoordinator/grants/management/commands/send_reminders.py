"""`kreftkoordinator send-reminders`: the grants' daily reminders (reports due, years awaiting
approval, absences to confirm), as notifications and e-mail. Run it once a day (docs/grants.md
has the cron and systemd timer lines)."""

from django.core.management.base import BaseCommand

from kreftkoordinator.grants.reminders import send_reminders
from kreftkoordinator.organisation.models import today


class Command(BaseCommand):
    help = "Send the grants' daily reminders as notifications and e-mail."

    def handle(self, *args, **options):
        sent = send_reminders(today())
        self.stdout.write(f"{sent} påminnelser sendt.")
