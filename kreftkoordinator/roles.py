"""The roles and the page guard: shared vocabulary for every app (it imports no app, so the
lowest app can use it without pointing an import upwards).

- coordinator: personal records of the areas her current assignments cover (nothing else)
- leader: indicators and economics for the areas granted to her, never a person
- programme: the funder's staff; national figures and grants, never a person
- admin: positions, assignments, users and the activity log; never a person
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import models
from django.dispatch import Signal
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Kreftkoordinator")
    LEADER = "leader", _("Leder i kommunen")
    PROGRAMME = "programme", _("Programansvarlig i Kreftforeningen")
    ADMIN = "admin", _("Administrator")


def role_required(*roles: str) -> Callable:
    """Who may open which page: one decorator, used by every view that needs a role."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        @login_required
        def wrapper(request, *args, **kwargs):
            if request.user.role not in roles:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def post_only(page: Callable[..., str]) -> Callable:
    """A form's target that shows its page again when something was wrong. Reloading that
    error page, or switching language on it, asks for the target with GET: go to the page the
    form is on (`page(request, **kwargs)` gives its address) instead of answering 405."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method != "POST":
                return redirect(page(request, **kwargs))
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


# Sent by the account and assignment workflows (organisation, accounts) with `actor`, `user` and
# `change` (a short Norwegian description). The audit app, above them, writes the entry; the
# signal lets the lower apps be audited without importing upwards.
account_changed = Signal()
# Sent by accounts when someone logs in through an OpenID provider, with `user` and `how` (the
# provider, the assurance level it reported and whether that counted as two factors).
signed_in = Signal()
