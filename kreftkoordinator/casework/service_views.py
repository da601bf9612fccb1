"""Services connected: choose from the code list, then follow the link through its statuses."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from kreftkoordinator.forms import search_text
from kreftkoordinator.roles import post_only

from .access import case_for, service_link_for
from .forms.services import ServiceLinkForm, ServiceStatusForm
from .pages import case_page_with_errors, coordinator_only, form_page
from .workflows import advance_service, connect_service


@coordinator_only
def service_add(request, case_pk):
    case = case_for(request.user, case_pk, action=None)
    form = ServiceLinkForm(request.POST or None, case=case)
    if request.method == "POST" and request.POST.get("search_offers"):
        form.show_offers(search_text(request.POST, "offer_query"))
        form.errors.clear()  # only searching: nothing is saved, nothing is wrong yet
    elif request.method == "POST" and form.is_valid():
        connect_service(request.user, form.instance)
        messages.success(request, _("Tjenesten er lagt til."))
        return redirect("casework:case_detail", pk=case.pk)
    return form_page(request, "casework/service_form.html", {"form": form, "case": case}, case)


@coordinator_only
@post_only(
    lambda request, pk: reverse(
        "casework:case_detail", args=[service_link_for(request.user, pk).case_id]
    )
)
def service_status(request, pk):
    link = service_link_for(request.user, pk)
    form = ServiceStatusForm(request.POST, link=link, prefix=f"s{link.pk}")
    if not form.is_valid():
        return case_page_with_errors(
            request, case_for(request.user, link.case_id, action=None), form
        )
    advance_service(request.user, link, form.cleaned_data["status"], form.cleaned_data["on"])
    messages.success(
        request,
        _("Status er oppdatert: %(service)s er %(status)s.")
        % {"service": link, "status": link.get_status_display().lower()},
    )
    return redirect("casework:case_detail", pk=link.case_id)
