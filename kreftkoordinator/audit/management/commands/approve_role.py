"""`kreftkoordinator approve-role USERNAME`: the operator on the server approves the first
administrator's role, which no second administrator exists yet to approve (docs/security.md).
Later ones are approved by another administrator under Godkjenning.
It lives in the audit app because it names itself in the log (`audit.via`)."""

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from kreftkoordinator import audit
from kreftkoordinator.accounts.administration import approve_role
from kreftkoordinator.accounts.models import User


class Command(BaseCommand):
    help = "Approve an administrator's or leader's role from the server (the first one)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Ingen bruker heter {username}.")
        try:
            with audit.via("approve-role"):
                approve_role(None, user)
        except PermissionDenied as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Rollen til {username} er godkjent.")
