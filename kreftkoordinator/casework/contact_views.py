"""Recording contacts (with or without a case) and follow-ups."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kreftkoordinator import audit
from kreftkoordinator.audit.models import Action
from kreftkoordinator.forms import record_id, search_text
from kreftkoordinator.roles import post_only

from .access import case_for, contact_for, contact_request_for, follow_up_for, person_for
from .forms.contacts import ContactForm, FollowUpForm
from .models import Person
from .pages import (
    case_page_with_errors,
    coordinator_only,
    form_page,
    is_identity_query,
    person_search,
    position_for,
)
from .workflows import add_follow_up, finish_follow_up, link_contact, record_contact

# Who took contact, from the role the caller gave on the public form.
INITIATOR_OF_ROLE = {"patient": "patient", "relative": "relative", "professional": "other"}


def _answered_request(request, case):
    """The «Kontakt meg» request this contact answers (`?svar=ID`, kept in the form's address),
    if it is still open and in the same area."""
    source = record_id(request.GET, "svar")
    if source is None:
        return None
    contact_request = contact_request_for(request.user, source, action=None)
    if contact_request.handled_at is not None:
        return None
    if case is not None and case.area_id != contact_request.area_id:
        return None
    return contact_request


@coordinator_only
def contact_create(request, case_pk=None):
    """The quick contact: from a case, or on its own for an anonymous or one-off call; or the
    call that answers a request from the public, with the caller's message in its note."""
    case = case_for(request.user, case_pk, action=None) if case_pk else None
    answers = _answered_request(request, case)
    initial = (
        {
            "note": answers.message,
            "area": answers.area_id,
            "initiated_by": INITIATOR_OF_ROLE[answers.role],
        }
        if answers
        else None
    )
    form = ContactForm(request.POST or None, user=request.user, case=case, initial=initial)
    if request.method == "POST" and form.is_valid():
        contact = form.instance
        contact.position = position_for(request.user, contact.area_id)
        if answers is not None and contact.area_id != answers.area_id:
            answers = None  # the coordinator chose another area: not the request's answer
        record_contact(request.user, contact, answers=answers)
        messages.success(
            request,
            _("Kontakten er registrert, og forespørselen er besvart.")
            if answers
            else _("Kontakten er registrert."),
        )
        if case:
            return redirect("casework:case_detail", pk=case.pk)
        if contact.person_id:
            return redirect("casework:person_detail", pk=contact.person_id)
        return redirect("casework:contact_create")
    # The page shows the case, or the request's words: a read of the one it is about.
    return form_page(
        request,
        "casework/contact_form.html",
        {"form": form, "case": case, "answers": answers},
        case if case is not None else answers,
    )


@coordinator_only
def contact_person(request, pk):
    """A quick contact made without a person: link it to someone registered (searched by name
    or phone in the contact's area), or register her from it."""
    contact = contact_for(request.user, pk, action=None)
    if request.method == "POST":
        person_id = record_id(request.POST, "person")
        if person_id is None:
            raise Http404
        person = person_for(request.user, person_id, action=None)
        try:
            link_contact(request.user, contact, person)
        except ValidationError as e:
            messages.error(request, e.messages[0])
            return redirect("casework:contact_person", pk=pk)
        messages.success(request, _("Kontakten er koblet til %(name)s.") % {"name": person})
        return redirect("casework:person_detail", pk=person.pk)
    query = search_text(request.GET)
    found = []
    if query and not is_identity_query(query):
        found = list(
            Person.objects.visible_to(request.user)
            .filter(area_id=contact.area_id)
            .filter(person_search(query))[:20]
        )
    audit.record(
        request.user,
        Action.VIEW,
        contact,
        area=contact.area_id,
        persons=found,
        reason="koble kontakt til person",
    )
    return render(
        request,
        "casework/contact_person.html",
        {"contact": contact, "query": query, "found": found},
    )


@coordinator_only
@post_only(lambda request, case_pk: reverse("casework:case_detail", args=[case_pk]))
def follow_up_add(request, case_pk):
    case = case_for(request.user, case_pk, action=None)  # add_follow_up logs the write
    form = FollowUpForm(request.POST, case=case)
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
