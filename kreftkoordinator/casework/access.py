"""One access helper per object type: fetch through the scoping entry point (404 outside the
user's areas, logged as refused) and write the audit entry."""

from kreftkoordinator.accounts.models import User
from kreftkoordinator.audit.models import Action
from kreftkoordinator.audit.scoping import get_visible_or_404

from .models import (
    Assessment,
    CareTeamMember,
    Case,
    Contact,
    ContactRequest,
    Document,
    FollowUp,
    Person,
    ServiceLink,
)


def person_for(user: User, pk: int, action: str | None = Action.VIEW, reason: str = "") -> Person:
    return get_visible_or_404(
        Person.objects.select_related("area"), user, pk=pk, action=action, reason=reason
    )


def case_for(user: User, pk: int, action: str | None = Action.VIEW, reason: str = "") -> Case:
    return get_visible_or_404(
        Case.objects.select_related("person", "area", "relative_of__person"),
        user,
        pk=pk,
        action=action,
        reason=reason,
    )


def follow_up_for(user: User, pk: int, action: str | None = None) -> FollowUp:
    return get_visible_or_404(
        FollowUp.objects.select_related("case__person", "area"), user, pk=pk, action=action
    )


def assessment_for(user: User, pk: int) -> Assessment:
    return get_visible_or_404(
        Assessment.objects.select_related("case__person", "area").prefetch_related("needs"),
        user,
        pk=pk,
    )


def service_link_for(user: User, pk: int) -> ServiceLink:
    # The workflow logs the write; fetching for it is not a separate read.
    return get_visible_or_404(
        ServiceLink.objects.select_related("case__person", "area"), user, pk=pk, action=None
    )


def contact_request_for(user: User, pk: int, action: str | None = Action.VIEW) -> ContactRequest:
    return get_visible_or_404(
        ContactRequest.objects.select_related("area", "handled_by"), user, pk=pk, action=action
    )


def contact_for(user: User, pk: int, action: str | None = Action.VIEW) -> Contact:
    return get_visible_or_404(
        Contact.objects.select_related("area", "person", "case__person"), user, pk=pk, action=action
    )


def team_member_for(user: User, pk: int) -> CareTeamMember:
    # The page that shows her logs the read; the workflow logs the write.
    return get_visible_or_404(
        CareTeamMember.objects.select_related("case__person", "case__area", "area", "provider"),
        user,
        pk=pk,
        action=None,
    )


def document_for(
    user: User, pk: int, action: str | None = Action.VIEW, reason: str = ""
) -> Document:
    return get_visible_or_404(
        Document.objects.select_related("case__person", "area"),
        user,
        pk=pk,
        action=action,
        reason=reason,
    )
