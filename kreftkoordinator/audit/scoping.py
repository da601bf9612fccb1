"""The scoping entry point: the only way personal data is queried (DESIGN section 3, rule 4).

A model holding personal data uses `AreaScopedQuerySet` as its manager and every view fetches
through `Model.objects.visible_to(user)` or `get_visible_or_404(...)`, which also writes the audit
entry. Visibility itself is decided in one place: `Area.objects.visible_to(user)`.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Self, TypeVar

from django.db import models
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from kreftkoordinator.organisation.models import Area

from . import record
from .models import Action

M = TypeVar("M", bound=models.Model)


class AreaScopedQuerySet(models.QuerySet[M]):
    """A queryset of records that each belong to exactly one area (the data controller)."""

    area_field = "area"

    def visible_to(self, user: Any, on: date | None = None) -> Self:
        return self.filter(**{f"{self.area_field}__in": Area.objects.visible_to(user, on)})


def get_visible_or_404(
    queryset: AreaScopedQuerySet[M],
    request: HttpRequest,
    *,
    action: str | None = Action.VIEW,
    reason: str = "",
    **lookup: Any,
) -> M:
    """Fetch one record the user may see, or 404 (never 403: the id's existence is not told),
    and log the access. `action=None` is for endpoints whose workflow logs the write itself,
    so that one action leaves one entry."""
    obj = get_object_or_404(queryset.visible_to(request.user), **lookup)
    if action is not None:
        record(request, action, obj, reason=reason)
    return obj
