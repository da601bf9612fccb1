"""Entries for what the apps below audit announce: changes to accounts and assignments (sent by
accounts and organisation, which may not import this app), and log-ins through an OpenID
provider with the level the provider reported."""

from . import record
from .models import Action


def log_account_change(sender, *, actor, user, change: str, **kwargs) -> None:
    record(actor, Action.UPDATE, user, reason=change)


def log_sign_in(sender, *, user, how: str, **kwargs) -> None:
    record(user, Action.LOGIN, user, reason=how)
