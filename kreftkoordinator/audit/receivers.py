"""Entries for what the apps below audit announce: changes to accounts and assignments (sent by
accounts and organisation, which may not import this app)."""

from . import record
from .models import Action


def log_account_change(sender, *, actor, user, change: str, **kwargs) -> None:
    record(actor, Action.UPDATE, user, reason=change)
