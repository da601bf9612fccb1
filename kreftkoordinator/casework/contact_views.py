"""Recording contacts (with or without a case) and follow-ups."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kreftkoordinator.organisation.models import Assignment, today
from kreftkoordinator.roles import post_only

from .access import case_for, follow_up_for
from .case_views import case_page_with_errors
from .forms import ContactForm, FollowUpForm
from .views import coordinator_only, form_page
from .workflows import add_follow_up, finish_follow_up, record_contact


def _position_for(user, area_id):
    """The position through which the user covers the area today (for the time accounts)."""
    assignment = (
        Assignment.objects.valid_on(today())
        .filter(user=user, position__covered_areas=area_id)
        .select_related("position")
        .first()
    )
    return assignment.position if assignment else None


@coordinator_only
def contact_create(request, case_pk=None):
    """The quick contact: from a case, or on its own for an anonymous or one-off call."""
    case = case_for(request.user, case_pk, action=None) if case_pk else None
    form = ContactForm(request.POST or None, user=request.user, case=case)
    if request.method == "POST" and form.is_valid():
        contact = form.instance
        contact.position = _position_for(request.user, contact.area_id)
        record_contact(request.user, contact)
        messages.success(request, _("Kontakten er registrert."))
        if case:
            return redirect("casework:case_detail", pk=case.pk)
        return redirect("casework:contact_create")
    return form_page(request, "casework/contact_form.html", {"form": form, "case": case}, case)


@coordinator_only
@post_only(lambda request, case_pk: reverse("casework:case_detail", args=[case_pk]))
def follow_up_add(request, case_pk):
    case = case_for(request.user, case_pk, action=None)  # add_follow_up logs the write
    form = FollowUpForm(request.POST)
    if not form.is_valid():
        return case_page_with_errors(request, case, form)
    form.instance.case = case
    add_follow_up(request.user, form.instance)
    messages.success(request, _("Oppgaven er lagt til."))
    return redirect("casework:case_detail", pk=case.pk)


@coordinator_only
@require_POST
def follow_up_done(request, pk):
    follow_up = finish_follow_up(request.user, follow_up_for(request.user, pk))
    messages.success(request, _("Oppgaven er merket som utført."))
    if follow_up.case_id:
        return redirect("casework:case_detail", pk=follow_up.case_id)
    return redirect("casework:caseload")
