"""Casework workflows that touch several records. Each takes the acting user (not a request, so
views, the importer, commands and tasks share them) and an optional reason (required by the
caller for anything outside normal caseload work), and writes exactly one audit entry naming
every person it touches. Changes to a versioned record name the version the user saw."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kreftkoordinator import audit
from kreftkoordinator.accounts.models import User
from kreftkoordinator.audit.models import Action
from kreftkoordinator.organisation.models import today

from .models import (
    Assessment,
    AssessmentNeed,
    CareEvent,
    Case,
    Contact,
    ContactRequest,
    Estimate,
    FollowUp,
    Person,
    Relation,
)
from .models.cases import CasePhase
from .models.services import ServiceLink, ServiceStatusChange


@transaction.atomic
def register_person(user: User, person: Person, reason: str = "") -> Person:
    person.save()
    audit.record(user, Action.CREATE, person, reason=reason)
    return person


@transaction.atomic
def open_case(user: User, case: Case, reason: str = "") -> Case:
    case.area_id = case.person.area_id
    case.created_by = user
    case.save()
    CasePhase.objects.create(
        case=case, phase=case.phase, from_date=case.opened_on, recorded_by=user
    )
    audit.record(user, Action.CREATE, case, person=case.person, reason=reason)
    return case


def _set_phase(user: User, case: Case, phase: str, day: date, seen_version: int) -> None:
    """Record a new phase from `day`; the case's current phase is the latest one."""
    CasePhase.objects.create(case=case, phase=phase, from_date=day, recorded_by=user)
    latest = case.phases.order_by("-from_date", "-pk")[0]  # at least the one just made
    case.bump(seen_version, phase=latest.phase)


@transaction.atomic
def change_phase(
    user: User, case: Case, phase: str, day: date, seen_version: int, reason: str = ""
) -> None:
    _set_phase(user, case, phase, day, seen_version)
    audit.record(user, Action.UPDATE, case, person=case.person, reason=reason or "fase")


@transaction.atomic
def add_relative(
    user: User, case: Case, relative: Person, relation: str, reason: str = ""
) -> Relation:
    """Link a relative to a case, registering her first if she is new. One entry, about the
    relative, naming the patient too."""
    new = relative.pk is None
    if new:
        relative.area_id = case.area_id
        relative.save()
    link = Relation.objects.create(case=case, person=relative, relation=relation)
    audit.record(
        user,
        Action.CREATE,
        link,
        person=relative,
        persons=[case.person_id],
        area=case.area,
        reason=reason or ("pårørende registrert" if new else "pårørende lagt til"),
    )
    return link


@transaction.atomic
def record_contact(
    user: User, contact: Contact, reason: str = "", answers: ContactRequest | None = None
) -> Contact:
    """Record a contact. One that answers a «Kontakt meg» request keeps the caller's words in
    its note and is what marks the request handled."""
    if contact.case is not None:
        contact.area_id = contact.case.area_id
        contact.person_id = contact.person_id or contact.case.person_id
    if answers is not None:
        message = answers.message.strip()
        if message and message not in contact.note:
            heading = _("Melding i kontaktforespørselen")
            contact.note = f"{heading}: {message}\n\n{contact.note}".strip()
        contact.answers = answers
        contact.person_id = contact.person_id or answers.person_id
    contact.created_by = user
    contact.save()
    if answers is not None and answers.handled_at is None:
        answers.handled_at, answers.handled_by = timezone.now(), user
        answers.save(update_fields=["handled_at", "handled_by"])
    audit.record(
        user,
        Action.CREATE,
        contact,
        person=contact.person_id,
        area=contact.area_id,
        reason=reason or ("svar på kontaktforespørsel" if answers else ""),
    )
    return contact


@transaction.atomic
def register_person_from_contact(user: User, person: Person, contact: Contact) -> Person:
    """Register the one a quick contact was with: she and the contact, one entry."""
    if person.area_id != contact.area_id:
        raise ValidationError(_("Personen må høre til samme område som kontakten."))
    person.save()
    contact.person = person
    contact.save(update_fields=["person"])
    audit.record(user, Action.CREATE, person, reason="fra kontakt")
    return person


@transaction.atomic
def link_contact(user: User, contact: Contact, person: Person, reason: str = "") -> Contact:
    """A quick contact made without a person turns out to be hers: it joins her history."""
    if person.area_id != contact.area_id:
        raise ValidationError(_("Personen hører til et annet område enn kontakten."))
    contact.person = person
    contact.save(update_fields=["person"])
    audit.record(
        user, Action.UPDATE, contact, person=person, area=contact.area_id, reason=reason or "koblet"
    )
    return contact


def _save_follow_up(user: User, follow_up: FollowUp) -> FollowUp:
    if follow_up.case is not None:
        follow_up.area_id = follow_up.case.area_id
    follow_up.created_by = user
    follow_up.save()
    return follow_up


@transaction.atomic
def add_follow_up(user: User, follow_up: FollowUp, reason: str = "") -> FollowUp:
    _save_follow_up(user, follow_up)
    person = follow_up.case.person_id if follow_up.case is not None else None
    audit.record(
        user, Action.CREATE, follow_up, person=person, area=follow_up.area_id, reason=reason
    )
    return follow_up


@transaction.atomic
def finish_follow_up(user: User, follow_up: FollowUp, reason: str = "") -> FollowUp:
    follow_up.done_on = today()
    follow_up.save(update_fields=["done_on"])
    person = follow_up.case.person_id if follow_up.case is not None else None
    audit.record(
        user, Action.UPDATE, follow_up, person=person, area=follow_up.area_id, reason=reason
    )
    return follow_up


@transaction.atomic
def record_assessment(user: User, case: Case, data: dict, needs, reason: str = "") -> Assessment:
    assessment = Assessment.objects.create(
        area_id=case.area_id,
        case=case,
        assessed_on=data["assessed_on"],
        checkpoint=data["checkpoint"],
        distress=data["distress"],
        what_matters=data["what_matters"],
        created_by=user,
    )
    AssessmentNeed.objects.bulk_create(
        [
            AssessmentNeed(assessment=assessment, topic=topic, level=level, note=note)
            for topic, level, note in needs
        ]
    )
    audit.record(
        user, Action.CREATE, assessment, person=case.person_id, area=case.area_id, reason=reason
    )
    return assessment


@transaction.atomic
def connect_service(user: User, link: ServiceLink, reason: str = "") -> ServiceLink:
    link.area_id = link.case.area_id
    link.created_by = user
    link.save()
    ServiceStatusChange.objects.create(link=link, status=link.status, on=link.status_on)
    audit.record(
        user, Action.CREATE, link, person=link.case.person_id, area=link.area_id, reason=reason
    )
    return link


@transaction.atomic
def advance_service(user: User, link: ServiceLink, status: str, on: date, reason: str = "") -> None:
    """Move a service link one step along its workflow (the form has checked the step)."""
    ServiceStatusChange.objects.create(link=link, status=status, on=on)
    link.status, link.status_on = status, on
    link.save(update_fields=["status", "status_on"])
    audit.record(
        user, Action.UPDATE, link, person=link.case.person_id, area=link.area_id, reason=reason
    )


def _save_care_event(user: User, event: CareEvent) -> CareEvent:
    event.area_id = event.case.area_id
    event.created_by = user
    event.save()
    return event


@transaction.atomic
def record_care_event(user: User, event: CareEvent, reason: str = "") -> CareEvent:
    _save_care_event(user, event)
    audit.record(
        user, Action.CREATE, event, person=event.case.person_id, area=event.area_id, reason=reason
    )
    return event


@transaction.atomic
def record_estimate(user: User, estimate: Estimate, reason: str = "") -> Estimate:
    """The coordinator's estimate for a case and a year, made or changed: one entry."""
    new = estimate.pk is None
    estimate.area_id = estimate.case.area_id
    estimate.created_by = estimate.created_by or user
    estimate.save()
    audit.record(user, Action.CREATE if new else Action.UPDATE, estimate, reason=reason)
    return estimate
