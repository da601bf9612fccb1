"""Casework workflows that touch several records. Each writes its audit entries."""

from datetime import date, timedelta
from typing import cast

from django.db import transaction
from django.http import HttpRequest
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
    FollowUp,
    Person,
    Phase,
    Relation,
)
from .models.cases import CasePhase
from .models.services import ServiceLink, ServiceStatusChange


def _user(request: HttpRequest) -> User:
    """Every casework view is behind role_required, so the user is a signed-in coordinator."""
    return cast(User, request.user)


@transaction.atomic
def register_person(request: HttpRequest, person: Person) -> Person:
    person.save()
    audit.record(request, Action.CREATE, person)
    return person


@transaction.atomic
def open_case(request: HttpRequest, case: Case) -> Case:
    case.area_id = case.person.area_id
    case.created_by = _user(request)
    case.save()
    CasePhase.objects.create(
        case=case, phase=case.phase, from_date=case.opened_on, recorded_by=_user(request)
    )
    audit.record(request, Action.CREATE, case, person=case.person)
    return case


@transaction.atomic
def change_phase(request: HttpRequest, case: Case, phase: str, day: date) -> None:
    """Record a new phase from `day`; the case's current phase is the latest one."""
    CasePhase.objects.create(case=case, phase=phase, from_date=day, recorded_by=_user(request))
    latest = case.phases.order_by("-from_date", "-pk")[0]  # at least the one just made
    Case.objects.filter(pk=case.pk).update(phase=latest.phase, version=case.version + 1)
    audit.record(request, Action.UPDATE, case, person=case.person, reason="fase")


@transaction.atomic
def add_relative(request: HttpRequest, case: Case, relative: Person, relation: str) -> Relation:
    if relative.pk is None:
        relative.area_id = case.area_id
        register_person(request, relative)
    link = Relation.objects.create(case=case, person=relative, relation=relation)
    audit.record(request, Action.UPDATE, case, person=case.person, reason="pårørende lagt til")
    return link


@transaction.atomic
def record_contact(request: HttpRequest, contact: Contact) -> Contact:
    if contact.case is not None:
        contact.area_id = contact.case.area_id
        contact.person_id = contact.person_id or contact.case.person_id
    contact.created_by = _user(request)
    contact.save()
    audit.record(request, Action.CREATE, contact, person=contact.person, area=contact.area)
    return contact


@transaction.atomic
def add_follow_up(request: HttpRequest, follow_up: FollowUp) -> FollowUp:
    if follow_up.case is not None:
        follow_up.area_id = follow_up.case.area_id
    follow_up.created_by = _user(request)
    follow_up.save()
    person = follow_up.case.person if follow_up.case is not None else None
    audit.record(request, Action.CREATE, follow_up, person=person, area=follow_up.area)
    return follow_up


@transaction.atomic
def record_assessment(request: HttpRequest, case: Case, data: dict, needs) -> Assessment:
    assessment = Assessment.objects.create(
        area_id=case.area_id,
        case=case,
        assessed_on=data["assessed_on"],
        checkpoint=data["checkpoint"],
        distress=data["distress"],
        what_matters=data["what_matters"],
        created_by=_user(request),
    )
    AssessmentNeed.objects.bulk_create(
        [
            AssessmentNeed(assessment=assessment, topic=topic, level=level, note=note)
            for topic, level, note in needs
        ]
    )
    audit.record(request, Action.CREATE, assessment, person=case.person, area=case.area)
    return assessment


@transaction.atomic
def connect_service(request: HttpRequest, link: ServiceLink) -> ServiceLink:
    link.area_id = link.case.area_id
    link.created_by = _user(request)
    link.save()
    ServiceStatusChange.objects.create(link=link, status=link.status, on=link.status_on)
    audit.record(request, Action.CREATE, link, person=link.case.person, area=link.case.area)
    return link


@transaction.atomic
def advance_service(request: HttpRequest, link: ServiceLink, status: str, on: date) -> None:
    """Move a service link one step along its workflow (the form has checked the step)."""
    ServiceStatusChange.objects.create(link=link, status=status, on=on)
    link.status, link.status_on = status, on
    link.save(update_fields=["status", "status_on"])
    audit.record(request, Action.UPDATE, link, person=link.case.person, area=link.case.area)


@transaction.atomic
def record_care_event(request: HttpRequest, event: CareEvent) -> CareEvent:
    event.area_id = event.case.area_id
    event.created_by = _user(request)
    event.save()
    audit.record(request, Action.CREATE, event, person=event.case.person, area=event.case.area)
    return event


BEREAVEMENT_CONVERSATION_AFTER = timedelta(weeks=4)


@transaction.atomic
def register_death(request: HttpRequest, event: CareEvent) -> FollowUp:
    """Record a patient's death: the case moves to bereavement follow-up for the relatives, and a
    follow-up for a bereavement conversation is proposed about four weeks later."""
    case = event.case
    record_care_event(request, event)
    CasePhase.objects.create(
        case=case, phase=Phase.BEREAVEMENT, from_date=event.on, recorded_by=_user(request)
    )
    Case.objects.filter(pk=case.pk).update(phase=Phase.BEREAVEMENT, version=case.version + 1)
    follow_up = FollowUp(
        case=case,
        due_on=max(event.on + BEREAVEMENT_CONVERSATION_AFTER, today()),
        what=str(_("Etterlattesamtale med de pårørende")),
    )
    return add_follow_up(request, follow_up)
