"""The audit log. `record(...)` is the one way an entry is written."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.http import HttpRequest

    from .models import AuditEntry


def record(
    request: HttpRequest | None,
    action: str,
    obj: Any = None,
    *,
    person: Any = None,
    area: Any = None,
    reason: str = "",
    user: Any = None,
    object_type: str = "",
) -> AuditEntry:
    """Log one read or write of personal data: who, when, what, which person, which area, why.

    `obj` is the record touched; `person` the person it is about (defaults to `obj.person`, or
    `obj` itself for a person); `area` defaults to the person's or the object's area.
    """
    from .models import AuditEntry

    if person is None and obj is not None:
        person = getattr(obj, "person", None) or (obj if _is_person(obj) else None)
    if area is None:
        area = getattr(person, "area", None) or getattr(obj, "area", None)
    if user is None and request is not None and request.user.is_authenticated:
        user = request.user
    return AuditEntry.objects.create(
        user=user,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else object_type,
        object_id=str(obj.pk) if obj is not None else "",
        person_id=person.pk if person is not None else None,
        area=area,
        reason=reason[:300],
        path=request.get_full_path()[:300] if request is not None else "",
    )


def _is_person(obj: Any) -> bool:
    return obj._meta.label_lower == "casework.person"
