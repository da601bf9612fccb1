"""The coordinator's day, on her start page and above her caseload: what arrived (contact
requests, notifications), what is due (follow-ups due today or overdue) and what she did
lately (her latest contacts). A fixed number of queries however large the caseload."""

from __future__ import annotations

from dataclasses import dataclass

from kreftkoordinator import audit
from kreftkoordinator.accounts.models import User
from kreftkoordinator.audit.models import Action

from .models import Contact, ContactRequest, FollowUp, Notification


@dataclass
class Day:
    inbox: list[ContactRequest]
    follow_ups: list[FollowUp]
    notifications: list[Notification]
    contacts: list[Contact]

    def persons(self) -> list[int]:
        shown = [f.case.person_id for f in self.follow_ups if f.case]
        for c in self.contacts:
            shown += [p for p in (c.person_id, c.case.person_id if c.case else None) if p]
        return shown


def day_of(user: User, recent: int = 8) -> Day:
    # Her latest contacts are picked before they are joined to their people: PostgreSQL would
    # otherwise join all of her years of contacts first and sort them after (60 ms, not 5).
    latest = Contact.objects.visible_to(user).filter(created_by=user).order_by("-at", "-pk")
    return Day(
        inbox=list(ContactRequest.objects.visible_to(user).waiting().select_related("area")[:50]),
        follow_ups=list(
            FollowUp.objects.visible_to(user)
            .due()
            .select_related("case__person")
            .order_by("due_on", "pk")[:30]
        ),
        notifications=list(Notification.objects.filter(user=user, read_at__isnull=True)[:10]),
        contacts=list(
            Contact.objects.filter(pk__in=latest[:recent])
            .select_related("person", "case__person")
            .order_by("-at", "-pk")
        )
        if recent
        else [],
    )


def record_day(user: User, day: Day, reason: str) -> None:
    """The page names the people on it: one entry names them all."""
    audit.record(
        user, Action.VIEW, object_type="casework.case", persons=day.persons(), reason=reason
    )
