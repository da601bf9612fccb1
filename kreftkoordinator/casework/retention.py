"""Keeping little, for no longer than needed (DESIGN section 3, rule 7): the nightly retention run
(`kreftkoordinator retention [--dry-run]`), by rules set in settings.

- A handled contact request is deleted RETENTION_REQUEST_DAYS after it was handled: it held a
  name, a number and a message, and once the person is registered (or the call made) it is done.
- A person with nothing open (no open case of her own, no relation to an open case) and nothing
  recorded for RETENTION_YEARS (her cases' closing, contacts with her or in her cases, her
  registration) is anonymised: name, contact details, fødselsnummer and birth date go (the birth
  year stays), and the free text in her cases (contact notes, assessment notes and what matters,
  follow-ups, the care team's names) is blanked, and the documents on her cases are deleted,
  files and all. The records stay as figures (dates, codes, counts), so the reports of
  past years do not change.

Each run writes one audit entry per area it touched, naming every person (the log keeps ids
only, and outlives what is anonymised).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone

from kreftkoordinator import audit
from kreftkoordinator.audit.models import Action

from .documents import delete_files
from .models import (
    Assessment,
    AssessmentNeed,
    CareTeamMember,
    Case,
    Contact,
    ContactRequest,
    Document,
    FollowUp,
    Person,
    Relation,
)


@dataclass
class Outcome:
    requests: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))  # by area
    persons: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))

    @property
    def n_requests(self) -> int:
        return sum(len(v) for v in self.requests.values())

    @property
    def n_persons(self) -> int:
        return sum(len(v) for v in self.persons.values())


def due(day: date) -> Outcome:
    """What the rules would delete and anonymise on `day`."""
    outcome = Outcome()
    request_cutoff = timezone.now() - timedelta(days=settings.RETENTION_REQUEST_DAYS)
    for pk, area in ContactRequest.objects.filter(handled_at__lt=request_cutoff).values_list(
        "pk", "area_id"
    ):
        outcome.requests[area].append(pk)
    cutoff = day.replace(year=day.year - settings.RETENTION_YEARS)
    open_own = Case.objects.filter(person=OuterRef("pk"), closed_on__isnull=True)
    open_related = Relation.objects.filter(person=OuterRef("pk"), case__closed_on__isnull=True)
    candidates = (
        Person.objects.filter(anonymised_at__isnull=True, created_at__date__lt=cutoff)
        .exclude(Exists(open_own))
        .exclude(Exists(open_related))
        .annotate(
            closed=Max("cases__closed_on"),
            contact=Max("contacts__at"),
            case_contact=Max("cases__contacts__at"),
        )
    )
    for pk, area, closed, contact, case_contact in candidates.values_list(
        "pk", "area_id", "closed", "contact", "case_contact"
    ):
        latest = [
            d
            for d in (
                closed,
                contact.date() if contact else None,
                case_contact.date() if case_contact else None,
            )
            if d
        ]
        if not latest or max(latest) < cutoff:
            outcome.persons[area].append(pk)
    return outcome


@transaction.atomic
def run_retention(day: date, dry_run: bool = False) -> Outcome:
    outcome = due(day)
    if dry_run:
        return outcome
    for area, ids in outcome.requests.items():
        ContactRequest.objects.filter(pk__in=ids).delete()
        audit.record(
            None,
            Action.DELETE,
            object_type="casework.contactrequest",
            area=area,
            reason=f"oppbevaringsregel: behandlet for over {settings.RETENTION_REQUEST_DAYS} "
            f"dager siden ({len(ids)} forespørsler)",
        )
    now = timezone.now()
    for area, ids in outcome.persons.items():
        _anonymise(ids, now)
        audit.record(
            None,
            Action.UPDATE,
            object_type="casework.person",
            area=area,
            persons=ids,
            reason=f"anonymisert etter oppbevaringsregel: ingenting registrert på "
            f"{settings.RETENTION_YEARS} år",
        )
    return outcome


def _anonymise(ids: list[int], now) -> None:
    persons = Person.objects.filter(pk__in=ids)
    for person in persons.filter(birth_date__isnull=False, birth_year__isnull=True):
        person.birth_year = person.birth_date.year  # type: ignore[union-attr]
        person.save(update_fields=["birth_year"])
    persons.update(
        name="",
        phone="",
        email="",
        address="",
        identity_number="",
        identity_key="",
        birth_date=None,
        language="",
        anonymised_at=now,
    )
    cases = Case.objects.filter(person__in=ids)
    Contact.objects.filter(Q(person__in=ids) | Q(case__in=cases)).update(note="")
    Assessment.objects.filter(case__in=cases).update(what_matters="")
    AssessmentNeed.objects.filter(assessment__case__in=cases).update(note="")
    FollowUp.objects.filter(case__in=cases).update(what="")
    # Who helped her says who she is (her employer, her school): only roles and periods stay.
    CareTeamMember.objects.filter(case__in=cases).update(
        name="", organisation="", phone="", email=""
    )
    # A letter or a discharge summary cannot be blanked and kept: it goes, file and row.
    documents = Document.objects.filter(case__in=cases)
    delete_files(list(documents.values_list("stored_as", flat=True)))
    documents.delete()
