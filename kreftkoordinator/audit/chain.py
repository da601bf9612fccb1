"""The hash chain that makes the audit log tamper-evident.

Each entry's digest is SHA-256 over its own content (with the further people it names) and the
digest of the entry before it. Changing, removing or inserting an entry anywhere, even as the
database owner with the triggers switched off, breaks the chain from that entry on; `verify`
finds the first broken link. Entries are appended one at a time under a lock (an advisory lock
on PostgreSQL; SQLite has one writer at a time anyway), so the chain never forks.

Whoever rewrites the whole chain from a point onwards can make it consistent again; keeping the
head (`kreftkoordinator audit verify` prints it) outside the database, for example in the
operations log each night, turns that into a detectable change too (docs/security.md).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import connection, transaction

from .models import AuditEntry, AuditPerson

# Any constant will do: it only has to be the same for every writer of the log.
LOCK_KEY = 7_206_101_017


def digest(entry: AuditEntry, persons: Iterable[int], previous: str) -> str:
    content = [
        entry.at.isoformat(timespec="microseconds"),
        entry.user_id,
        entry.action,
        entry.object_type,
        entry.object_id,
        entry.person_id,
        entry.area_id,
        entry.reason,
        entry.path,
        sorted(set(persons)),
        previous,
    ]
    if entry.recovery_id is not None:
        # Only where set, so that the entries written before the field came still verify.
        content.append(entry.recovery_id)
    text = json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def append(entry: AuditEntry, persons: list[int]) -> AuditEntry:
    """Save a new entry as the chain's next link, with the further people it names."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # Two statements on purpose: the head must be read with a snapshot taken after
            # the lock is granted, or a writer that committed meanwhile would be missed.
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])
        head = AuditEntry.objects.order_by("-pk").values_list("digest", flat=True).first()
        entry.previous = head or ""
        entry.digest = digest(entry, persons, entry.previous)
        entry.save()
        AuditPerson.objects.bulk_create(
            [AuditPerson(entry=entry, person_id=p) for p in sorted(set(persons))]
        )
    return entry


@dataclass
class Verdict:
    checked: int
    broken_at: int | None = None
    why: str = ""
    head: str = ""


def _entries(batch: int = 2000) -> Iterator[tuple[AuditEntry, list[int]]]:
    """Entries in chain order with their further people, a batch at a time (constant memory)."""
    last = 0
    while True:
        entries = list(AuditEntry.objects.filter(pk__gt=last).order_by("pk")[:batch])
        if not entries:
            return
        persons: dict[int, list[int]] = {}
        for entry_id, person_id in AuditPerson.objects.filter(
            entry__gte=entries[0].pk, entry__lte=entries[-1].pk
        ).values_list("entry_id", "person_id"):
            persons.setdefault(entry_id, []).append(person_id)
        for entry in entries:
            yield entry, persons.get(entry.pk, [])
        last = entries[-1].pk


def verify() -> Verdict:
    """Walk the whole chain; stop at the first entry whose content or link does not match."""
    previous, checked = "", 0
    for entry, persons in _entries():
        if entry.previous != previous:
            return Verdict(checked, entry.pk, "link", previous)
        if entry.digest != digest(entry, persons, previous):
            return Verdict(checked, entry.pk, "content", previous)
        previous = entry.digest
        checked += 1
    return Verdict(checked, head=previous)
