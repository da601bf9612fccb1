"""The care team's workflows, shared by the pages, the importer and the demo: a member added or
changed writes one audit entry about the case's person; an organisation typed for a member in a
service role enters the directory, so the area's coordinators choose it next time; a
responsibility-group meeting is one group contact, with its members, decisions and next steps."""

from datetime import date, datetime

from django.db import transaction
from django.db.models import Q

from kreftkoordinator import audit
from kreftkoordinator.accounts.models import User
from kreftkoordinator.audit.models import Action
from kreftkoordinator.directory.models import Offer, Provider, ProviderKind
from kreftkoordinator.organisation.models import Area

from .models import Case, Contact, ContactMode, FollowUp, Meeting
from .models.careteam import PRIVATE_ROLES, CareRole, CareTeamMember

KIND_OF_ROLE = {
    CareRole.NAV: ProviderKind.NAV,
    CareRole.HOSPITAL_NURSE: ProviderKind.HOSPITAL,
    CareRole.PATHWAY_COORDINATOR: ProviderKind.HOSPITAL,
    CareRole.PRIEST: ProviderKind.CHURCH,
    CareRole.VOLUNTARY: ProviderKind.VOLUNTARY_CENTRE,
}


def providers_for(area: Area):
    """The organisations a member on a case in `area` can be chosen from: those with offers
    there, and those the area's care teams already name."""
    return (
        Provider.objects.filter(
            Q(offers__in=Offer.objects.for_area(area)) | Q(care_team_members__area=area)
        )
        .distinct()
        .order_by("name")
    )


def file_organisation(member: CareTeamMember) -> None:
    """Put a typed organisation into the directory (by name, without contact details, which
    stay the member's own), unless it says something about the patient rather than a service.
    A name is matched only among the area's own organisations: another municipality's
    «Hjemmetjenesten» has another phone number."""
    name = member.organisation.strip()
    if member.provider_id or not name or member.role in PRIVATE_ROLES:
        return
    provider = providers_for(member.area).filter(name__iexact=name).first()
    if provider is None:
        kind = KIND_OF_ROLE.get(CareRole(member.role), ProviderKind.MUNICIPAL)
        provider = Provider.objects.create(name=name, kind=kind)
    member.provider, member.organisation = provider, ""


@transaction.atomic
def add_team_member(user: User, member: CareTeamMember, reason: str = "") -> CareTeamMember:
    member.area = member.case.area
    member.created_by = user
    file_organisation(member)
    member.save()
    audit.record(user, Action.CREATE, member, person=member.case.person, reason=reason)
    return member


@transaction.atomic
def change_team_member(user: User, member: CareTeamMember, reason: str = "") -> CareTeamMember:
    file_organisation(member)
    member.save()
    audit.record(user, Action.UPDATE, member, person=member.case.person, reason=reason)
    return member


@transaction.atomic
def hold_meeting(
    user: User,
    case: Case,
    at: datetime,
    minutes: int,
    members: list[CareTeamMember],
    decisions: str,
    steps: list[tuple[str, CareTeamMember | None, date]],
    with_patient: bool = False,
    with_relative: bool = False,
    position=None,
    reason: str = "",
) -> Meeting:
    """A responsibility-group meeting: a contact of mode `group` (coordination, with the
    professionals), so it counts once in the contact and time figures; each next step becomes a
    follow-up for its member, or for the coordinator."""
    contact = Contact.objects.create(
        area_id=case.area_id,
        case=case,
        person_id=case.person_id,
        at=at,
        duration_minutes=minutes,
        mode=ContactMode.GROUP,
        coordination=True,
        with_professional=True,
        with_patient=with_patient,
        with_relative=with_relative,
        position=position,
        created_by=user,
    )
    meeting = Meeting.objects.create(
        area_id=case.area_id, case=case, contact=contact, decisions=decisions, created_by=user
    )
    meeting.members.set(members)
    FollowUp.objects.bulk_create(
        FollowUp(
            area_id=case.area_id,
            case=case,
            meeting=meeting,
            what=what,
            team_member=who,
            due_on=due,
            created_by=user,
        )
        for what, who, due in steps
    )
    audit.record(user, Action.CREATE, meeting, person=case.person_id, reason=reason)
    return meeting
