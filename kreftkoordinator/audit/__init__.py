"""The audit log. `record(...)` is the one way an entry is written.

Workflows, imports, commands and tasks call it with the acting user, never a request, so the same
function serves them all. Where the action came from (a page's path without its query string,
or a command's name) is taken from `channel`, which a middleware sets for each request and a
command sets with `with audit.via("import-casework"):`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .models import AuditEntry

channel: ContextVar[str] = ContextVar("audit_channel", default="")
# The unconfirmed recovery the request's session was opened after (accounts/recovery.py).
recovery: ContextVar[int | None] = ContextVar("audit_recovery", default=None)


@contextmanager
def via(name: str) -> Iterator[None]:
    """Mark entries written inside the block as coming from `name` (a page path or command)."""
    token = channel.set(name[:300])
    try:
        yield
    finally:
        channel.reset(token)


def record(
    user: Any,
    action: str,
    obj: Any = None,
    *,
    person: Any = None,
    persons: Iterable[Any] = (),
    area: Any = None,
    reason: str = "",
    object_type: str = "",
) -> AuditEntry:
    """Log one action on personal data: who, when, what, which people, which area, why.

    `obj` is the record touched; `person` the person it is about (defaults to `obj.person`, or
    `obj` itself for a person); `persons` further people the action showed or touched (ids or
    records); `area` defaults to the person's or the object's area. One action, one entry.
    """
    from django.utils import timezone

    from . import chain
    from .models import Action, AuditEntry

    if action not in Action.values:  # SQLite would store anything; PostgreSQL refuses
        raise ValueError(f"Unknown audit action {action!r}: use audit.models.Action.")

    if person is None and obj is not None:
        person = _person_of(obj)
    if area is None:
        area = getattr(obj, "area_id", None) or getattr(person, "area_id", None)
    main = _id(person)
    further = {_id(p) for p in persons} - {main, None}
    entry = AuditEntry(
        at=timezone.now(),
        user=user if getattr(user, "is_authenticated", False) else None,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else object_type,
        object_id=str(obj.pk) if obj is not None else "",
        person_id=main,
        area_id=_id(area),
        reason=str(reason)[:300],
        path=channel.get(),
        recovery_id=recovery.get(),
    )
    return chain.append(entry, sorted(p for p in further if p is not None))


def _id(obj: Any) -> int | None:
    if obj is None or isinstance(obj, int):
        return obj
    return obj.pk


def _person_of(obj: Any) -> Any:
    """The person a record is about: itself, its person, or its case's person."""
    if obj._meta.label_lower == "casework.person":
        return obj
    if getattr(obj, "person_id", None):
        return obj.person_id
    case = getattr(obj, "case", None)
    return case.person_id if case is not None else None
