"""A patient's death: its rules (`check_…`) and what it sets in motion (the workflows).

Every way a death or a dated record comes in (the case page, the importer, the demo) calls the
same checks, and a death has the same consequences however it comes in: the patient's case moves
to bereavement follow-up and a bereavement conversation is proposed. The checklist after the death
then ends what no longer applies, with outcomes of their own (a service ended by the death, a task
cancelled), and gives the bereavement conversation to a named relative, on her own case.
"""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kreftkoordinator import audit
from kreftkoordinator.accounts.models import User
from kreftkoordinator.audit.models import Action
from kreftkoordinator.organisation.models import today

from .models import CareEvent, Case, EventKind, FollowUp, Person, Phase, Relation
from .models.cases import CasePhase
from .models.services import ServiceLink, ServiceStatus, ServiceStatusChange
from .workflows import _save_care_event, _save_follow_up, _set_phase

BEREAVEMENT_CONVERSATION_AFTER = timedelta(weeks=4)


def _d(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def check_death(case: Case, on: date | None, already_registered: bool) -> None:
    """A death is registered on a patient's case, once, and not before the case began."""
    if case.kind != Case.Kind.PATIENT:
        raise ValidationError(_("Dødsfall registreres på pasientens oppfølging."))
    if already_registered:
        raise ValidationError(_("Dødsfallet er allerede registrert."))
    if on and case.opened_on and on < case.opened_on:
        raise ValidationError(
            {
                "on": _("Dødsdatoen kan ikke være før oppfølgingen startet (%(date)s).")
                % {"date": _d(case.opened_on)}
            }
        )


def check_before_death(death_on: date | None, on: date | None, field: str) -> None:
    """Nothing on the patient's case is dated after her death: what happens afterwards is the
    relatives', and belongs on their own cases."""
    if death_on is not None and on is not None and on > death_on:
        raise ValidationError(
            {
                field: _(
                    "Pasienten døde %(date)s. Det som skjer etter dødsfallet, registreres på "
                    "de pårørendes egne oppfølginger."
                )
                % {"date": _d(death_on)}
            }
        )


def death_on(case: Case) -> date | None:
    death = case.death
    return death.on if death else None


def bereavement_follow_up(case: Case, on: date) -> FollowUp:
    """The bereavement conversation a death proposes, about four weeks after it."""
    return FollowUp(
        area_id=case.area_id,
        case=case,
        due_on=max(on + BEREAVEMENT_CONVERSATION_AFTER, today()),
        what=str(_("Etterlattesamtale med de pårørende")),
        bereavement=True,
    )


@transaction.atomic
def register_death(user: User, event: CareEvent, seen_version: int, reason: str = "") -> FollowUp:
    """Record a patient's death: the case moves to bereavement follow-up for the relatives, and a
    follow-up for a bereavement conversation is proposed about four weeks later."""
    case = event.case
    check_death(case, event.on, case.care_events.filter(kind=EventKind.DEATH).exists())
    _save_care_event(user, event)
    Person.objects.filter(pk=case.person_id).update(died_on=event.on)
    case.person.died_on = event.on
    _set_phase(user, case, Phase.BEREAVEMENT, event.on, seen_version)
    follow_up = _save_follow_up(user, bereavement_follow_up(case, event.on))
    audit.record(
        user,
        Action.CREATE,
        event,
        person=case.person_id,
        area=case.area_id,
        reason=reason or "dødsfall",
    )
    return follow_up


def still_open(case: Case) -> tuple[list[ServiceLink], list[FollowUp]]:
    """The services and tasks on the patient's case that a death leaves open (the bereavement
    conversation apart: it goes to a relative)."""
    services = [link for link in case.services.all() if link.is_open]
    follow_ups = list(case.follow_ups.pending().filter(bereavement=False).order_by("due_on", "pk"))
    return services, follow_ups


@transaction.atomic
def wrap_up_after_death(
    user: User,
    case: Case,
    services: list[ServiceLink],
    follow_ups: list[FollowUp],
    bereaved: Relation | None = None,
) -> Case | None:
    """The checklist after a death, in one step and one entry in the log: the chosen services end
    by the death, the chosen tasks are cancelled, and the bereavement conversation moves to the
    chosen relative's own case (opened, as a relative of this patient, if she has none). Returns
    that case. Without a relative the conversation stays on the patient's case."""
    on = death_on(case)
    if on is None:
        raise ValidationError(_("Det er ikke registrert noe dødsfall på denne oppfølgingen."))
    for link in services:
        if link.is_open:
            day = max(on, link.status_on)
            ServiceStatusChange.objects.create(link=link, status=ServiceStatus.BY_DEATH, on=day)
            link.status, link.status_on = ServiceStatus.BY_DEATH, day
            link.save(update_fields=["status", "status_on"])
    for follow_up in follow_ups:
        follow_up.cancel()
    own = None
    if bereaved is not None:
        own = _relatives_own_case(user, case, bereaved)
        conversation = case.follow_ups.pending().filter(bereavement=True).first()
        conversation = conversation or bereavement_follow_up(case, on)
        conversation.case = own
        _save_follow_up(user, conversation)
    audit.record(
        user,
        Action.UPDATE,
        case,
        person=case.person_id,
        persons=[bereaved.person_id] if bereaved else [],
        reason="avsluttet etter dødsfall",
    )
    return own


def _relatives_own_case(user: User, patient_case: Case, bereaved: Relation) -> Case:
    """The relative's open case, or a new one as a relative of this patient, from today."""
    own = (
        Case.objects.open()
        .filter(person_id=bereaved.person_id, area_id=patient_case.area_id)
        .order_by("-opened_on")
        .first()
    )
    if own is not None:
        if own.relative_of_id is None and own.kind == Case.Kind.RELATIVE:
            own.relative_of = patient_case
            own.save(update_fields=["relative_of"])
        return own
    own = Case(
        area_id=patient_case.area_id,
        person_id=bereaved.person_id,
        kind=Case.Kind.RELATIVE,
        relative_of=patient_case,
        opened_on=today(),
        phase=Phase.BEREAVEMENT,
        created_by=user,
    )
    own.save()
    CasePhase.objects.create(case=own, phase=own.phase, from_date=own.opened_on, recorded_by=user)
    return own
