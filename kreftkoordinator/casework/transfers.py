"""Moving a case to another area when the person moves."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kreftkoordinator import audit
from kreftkoordinator.accounts.models import User, coordinators_covering
from kreftkoordinator.audit.models import Action
from kreftkoordinator.mail import in_their_language, mail_users
from kreftkoordinator.organisation.models import Area, today

from .models import (
    CareTeamMember,
    Case,
    CaseClosing,
    FollowUp,
    Notification,
    Person,
    Relation,
    ServiceLink,
    ServiceStatus,
    Transfer,
)
from .models.cases import CasePhase
from .models.services import ServiceStatusChange

# Services still under way move with the case; finished ones stay in the sending area's records.
ONGOING = [
    ServiceStatus.PROPOSED,
    ServiceStatus.APPLIED,
    ServiceStatus.GRANTED,
    ServiceStatus.STARTED,
]


def check_transfer(case: Case, to_area: Area) -> list[User]:
    """Why a case cannot be moved, as a ValidationError; else the coordinators to notify."""
    if not case.is_open:
        raise ValidationError(_("Bare åpne oppfølginger kan overføres."))
    if to_area.pk == case.area_id:
        raise ValidationError(_("Oppfølgingen hører allerede til %(area)s.") % {"area": to_area})
    if not case.consent_given_on or case.consent_withdrawn_on:
        raise ValidationError(
            _(
                "Overføring krever at personen har samtykket. Registrer "
                "samtykket på oppfølgingen først."
            )
        )
    coordinators = coordinators_covering(to_area)
    if not coordinators:
        raise ValidationError(
            _(
                "Ingen kreftkoordinator dekker %(area)s i dag, så oppfølgingen "
                "kan ikke overføres dit."
            )
            % {"area": to_area.name}
        )
    return coordinators


@transaction.atomic
def transfer_case(user: User, case: Case, to_area: Area, reason: str, seen_version: int) -> Case:
    """Move a case to another area. One entry, in the sending area, naming the person on both
    sides; the receiving side finds it through the moved person's access log."""
    coordinators = check_transfer(case, to_area)
    case.bump(seen_version, closed_on=today(), closing_reason=CaseClosing.MOVED)
    day = today()
    person = case.person
    moved = Person.objects.create(
        area=to_area,
        name=person.name,
        birth_date=person.birth_date,
        birth_year=person.birth_year,
        identity_number=person.identity_number,
        phone=person.phone,
        email=person.email,
        language=person.language,
        needs_interpreter=person.needs_interpreter,
    )
    new_case = Case.objects.create(
        area=to_area,
        person=moved,
        kind=case.kind,
        opened_on=day,
        phase=case.phase,
        cancer_site=case.cancer_site,
        first_contact_source=case.first_contact_source,
        consent_given_on=case.consent_given_on,
        consent_scope=case.consent_scope,
        created_by=user,
    )
    CasePhase.objects.create(case=new_case, phase=case.phase, from_date=day, recorded_by=user)
    for relation in case.relations.select_related("person"):
        relative = relation.person
        copy = Person.objects.create(
            area=to_area,
            name=relative.name,
            phone=relative.phone,
            birth_date=relative.birth_date,
            birth_year=relative.birth_year,
        )
        Relation.objects.create(case=new_case, person=copy, relation=relation.relation)
    # The team around the person goes on (the hospital, often the GP); past members stay.
    team: dict[int | None, CareTeamMember] = {}
    for member in case.team.current():
        old = member.pk
        member.pk, member.case, member.area, member.created_by = None, new_case, to_area, user
        member.save()
        team[old] = member
    for follow_up in case.follow_ups.filter(done_on__isnull=True):
        FollowUp.objects.create(
            area=to_area,
            case=new_case,
            due_on=follow_up.due_on,
            what=follow_up.what,
            team_member=team.get(follow_up.team_member_id),
            created_by=user,
        )
    for link in case.services.filter(status__in=ONGOING):
        copy_link = ServiceLink.objects.create(
            area=to_area,
            case=new_case,
            service=link.service,
            description=link.description,
            status=link.status,
            status_on=link.status_on,
            without_coordinator=link.without_coordinator,
            handled_by=team.get(link.handled_by_id),
            created_by=user,
        )
        ServiceStatusChange.objects.create(link=copy_link, status=link.status, on=link.status_on)
    Transfer.objects.create(
        from_case=case,
        to_case=new_case,
        from_area=case.area,
        to_area=to_area,
        on=day,
        reason=reason,
        by=user,
    )
    audit.record(
        user,
        Action.TRANSFER,
        case,
        person=person,
        persons=[moved],
        area=case.area,
        reason=reason,
    )
    _notify(coordinators, new_case, case.area)
    return new_case


def _notify(coordinators: list[User], new_case: Case, from_area: Area) -> None:
    moved = gettext_lazy("En oppfølging er overført til %(to)s fra %(from)s.")
    places = {"to": new_case.area.name, "from": from_area.name}
    url = reverse("casework:case_detail", args=[new_case.pk])
    Notification.objects.bulk_create(
        Notification(user=u, message=in_their_language(u, moved, places), url=url)
        for u in coordinators
    )
    # The e-mail names no person and holds no link with an id: it only says to log in.
    mail_users(
        coordinators,
        gettext_lazy("Ny oppfølging i Kreftkoordinator"),
        gettext_lazy(
            "En oppfølging er overført til %(to)s fra %(from)s. Logg inn for å se den: %(site)s"
        ),
        {**places, "site": settings.SITE_URL},
    )
