"""The care team's workflows, shared by the pages, the importer and the demo: a member added or
changed writes one audit entry about the case's person; an organisation typed for a member in a
service role enters the directory, so the area's coordinators choose it next time."""

from django.db import transaction
from django.db.models import Q

from kreftkoordinator import audit
from kreftkoordinator.accounts.models import User
from kreftkoordinator.audit.models import Action
from kreftkoordinator.directory.models import Offer, Provider, ProviderKind
from kreftkoordinator.organisation.models import Area

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
    stay the member's own), unless it says something about the patient rather than a service."""
    name = member.organisation.strip()
    if member.provider_id or not name or member.role in PRIVATE_ROLES:
        return
    provider = Provider.objects.filter(name__iexact=name).first()
    if provider is None:
        kind = KIND_OF_ROLE.get(CareRole(member.role), ProviderKind.MUNICIPAL)
        provider = Provider.objects.create(name=name, kind=kind)
    member.provider, member.organisation = provider, ""


@transaction.atomic
def add_team_member(user: User, member: CareTeamMember, reason: str = "") -> CareTeamMember:
    member.area_id = member.case.area_id
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
