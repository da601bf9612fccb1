"""The inbox of contact requests from the public (the form itself is issue 4's)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kreftkoordinator import audit
from kreftkoordinator.audit.models import Action

from .access import contact_request_for
from .views import coordinator_only


@coordinator_only
def request_detail(request, pk):
    contact_request = contact_request_for(request, pk)
    return render(request, "casework/request_detail.html", {"contact_request": contact_request})


@coordinator_only
@require_POST
def request_handled(request, pk):
    contact_request = contact_request_for(request, pk, action=None)
    if contact_request.handled_at is None:
        contact_request.handled_at, contact_request.handled_by = timezone.now(), request.user
        contact_request.save(update_fields=["handled_at", "handled_by"])
        audit.record(
            request,
            Action.UPDATE,
            contact_request,
            area=contact_request.area,
            reason="kontaktforespørsel behandlet",
        )
    messages.success(request, _("Forespørselen er merket som behandlet."))
    return redirect("casework:caseload")
