"""The inbox of contact requests from the public (the form itself is issue 4's)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kreftkoordinator.forms import record_id

from .access import contact_request_for, person_for
from .pages import coordinator_only
from .requests import handle_contact_request, link_request


@coordinator_only
def request_detail(request, pk):
    contact_request = contact_request_for(request.user, pk)
    # The answering contact goes on the person's open case when she has exactly one there.
    person = contact_request.person
    cases = list(person.cases.open().filter(area_id=contact_request.area_id)[:2]) if person else []
    answer_url = (
        reverse("casework:case_contact_create", args=[cases[0].pk])
        if len(cases) == 1
        else reverse("casework:contact_create")
    )
    answer = getattr(contact_request, "answer", None)
    return render(
        request,
        "casework/request_detail.html",
        {"contact_request": contact_request, "answer_url": answer_url, "answer": answer},
    )


@coordinator_only
@require_POST
def request_link(request, pk):
    """The one who wrote is already registered (the duplicate warning named her)."""
    contact_request = contact_request_for(request.user, pk, action=None)
    person_id = record_id(request.POST, "person")
    if person_id is None:
        return redirect("casework:request_detail", pk=pk)
    person = person_for(request.user, person_id, action=None)
    if person.area_id != contact_request.area_id:
        messages.error(request, _("Personen hører til et annet område enn forespørselen."))
        return redirect("casework:request_detail", pk=pk)
    link_request(request.user, contact_request, person)
    messages.success(
        request,
        _("Forespørselen er koblet til personen. Den står åpen til du har registrert kontakten."),
    )
    return redirect("casework:request_detail", pk=pk)


@coordinator_only
@require_POST
def request_handled(request, pk):
    contact_request = contact_request_for(request.user, pk, action=None)
    handle_contact_request(request.user, contact_request)
    messages.success(request, _("Forespørselen er merket som behandlet."))
    return redirect("casework:caseload")
