"""The scoping entry point: the only way personal data is queried (DESIGN section 3, rule 4).

A model holding personal data uses `AreaScopedQuerySet` as its manager and every view fetches
through `Model.objects.visible_to(user)` or `get_visible_or_404(...)`, which also writes the audit
entry. Visibility itself is decided in one place: `Area.objects.visible_to(user)`.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Self, TypeVar

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import models
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kreftkoordinator.accounts.models import Role, User
from kreftkoordinator.mail import mail_users
from kreftkoordinator.organisation.models import Area

from . import record
from .models import Action, AuditEntry

M = TypeVar("M", bound=models.Model)


class AreaScopedQuerySet(models.QuerySet[M]):
    """A queryset of records that each belong to exactly one area (the data controller)."""

    area_field = "area"

    def visible_to(self, user: Any, on: date | None = None) -> Self:
        return self.filter(**{f"{self.area_field}__in": Area.objects.visible_to(user, on)})


def get_visible_or_404(
    queryset: AreaScopedQuerySet[M],
    user: Any,
    *,
    action: str | None = Action.VIEW,
    reason: str = "",
    persons: Any = (),
    **lookup: Any,
) -> M:
    """Fetch one record the user may see, or 404 (never 403: the id's existence is not told),
    and log the access. `action=None` is for endpoints whose workflow logs the write itself,
    so that one action leaves one entry. An attempt on another area's record is logged as
    refused, in that area, so its coordinators and the person can see who tried."""
    try:
        obj = queryset.visible_to(user).get(**lookup)
    except (ObjectDoesNotExist, ValueError, TypeError):
        _log_refusal(queryset, user, lookup)
        raise Http404 from None
    if action is not None:
        record(user, action, obj, reason=reason, persons=persons)
    return obj


def _log_refusal(queryset: models.QuerySet, user: Any, lookup: dict[str, Any]) -> None:
    try:
        other = queryset.model._default_manager.filter(**lookup).first()
    except (ValueError, TypeError):
        return
    if other is None:
        return
    since = timezone.now() - timedelta(hours=1)
    before = AuditEntry.objects.refusals_by(user, since).count()
    if before >= settings.REFUSED_READS_PER_HOUR:
        # Probing: stop it, and keep it out of the people's access logs (the administrators
        # were told when the limit was reached).
        raise PermissionDenied(
            _("For mange avviste oppslag. Administratorene er varslet; prøv igjen om en time.")
        )
    record(user, Action.REFUSED, other, reason="utenfor brukerens områder")
    if before + 1 == settings.REFUSED_READS_PER_HOUR:
        _tell_administrators(user)


def _tell_administrators(user: Any) -> None:
    addresses = User.objects.filter(role=Role.ADMIN, is_active=True).exclude(pk=user.pk)
    mail_users(
        addresses,
        gettext_lazy("Mange avviste oppslag i Kreftkoordinator"),
        gettext_lazy(
            "Brukeren %(u)s har fått %(n)d avviste oppslag i andre områders opplysninger den "
            "siste timen, og får ikke gjøre flere før det har gått en time. Se brukerens "
            "aktivitetslogg: %(link)s"
        ),
        {
            "u": user.username,
            "n": settings.REFUSED_READS_PER_HOUR,
            "link": settings.SITE_URL.rstrip("/") + reverse("audit:user_activity", args=[user.pk]),
        },
    )
