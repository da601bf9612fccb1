"""One access helper per object type: fetch through the scoping entry point (404 outside the
user's areas) and write the audit entry."""

from django.http import HttpRequest

from kreftkoordinator.audit.models import Action
from kreftkoordinator.audit.scoping import get_visible_or_404

from .models import Assessment, Case, ContactRequest, FollowUp, Person, ServiceLink


def person_for(
    request: HttpRequest, pk: int, action: str | None = Action.VIEW, reason: str = ""
) -> Person:
    return get_visible_or_404(
        Person.objects.select_related("area"), request, pk=pk, action=action, reason=reason
    )


def case_for(
    request: HttpRequest, pk: int, action: str | None = Action.VIEW, reason: str = ""
) -> Case:
    return get_visible_or_404(
        Case.objects.select_related("person", "area"), request, pk=pk, action=action, reason=reason
    )


def follow_up_for(request: HttpRequest, pk: int, action: str = Action.UPDATE) -> FollowUp:
    return get_visible_or_404(
        FollowUp.objects.select_related("case__person", "area"), request, pk=pk, action=action
    )


def assessment_for(request: HttpRequest, pk: int) -> Assessment:
    return get_visible_or_404(
        Assessment.objects.select_related("case__person", "area").prefetch_related("needs"),
        request,
        pk=pk,
    )


def service_link_for(request: HttpRequest, pk: int) -> ServiceLink:
    # The workflow logs the write; fetching for it is not a separate read.
    return get_visible_or_404(
        ServiceLink.objects.select_related("case__person", "area"), request, pk=pk, action=None
    )


def contact_request_for(
    request: HttpRequest, pk: int, action: str | None = Action.VIEW
) -> ContactRequest:
    return get_visible_or_404(
        ContactRequest.objects.select_related("area", "handled_by"), request, pk=pk, action=action
    )
