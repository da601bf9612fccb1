"""People: list, register (with a duplicate warning), view, edit, access log."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.forms import CheckboxInput
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from kreftkoordinator import audit
from kreftkoordinator.audit.models import Action, AuditEntry
from kreftkoordinator.forms import record_id, search_text
from kreftkoordinator.validators import shown_phone

from .access import contact_for, contact_request_for, person_for
from .forms.people import PersonForm
from .models import Person
from .pages import coordinator_only, is_identity_query, person_search, save_versioned
from .requests import register_from_request
from .workflows import register_person, register_person_from_contact


@coordinator_only
def person_list(request):
    """The search is posted: a fødselsnummer is answered at once and never put in the address
    (browser history, server logs); a name or phone goes on to `?q=`, which pages and links."""
    if request.method == "POST":
        query = search_text(request.POST)
        if query and not is_identity_query(query):
            return redirect(f"{reverse('casework:person_list')}?{urlencode({'q': query})}")
    else:
        query = search_text(request.GET)
        if is_identity_query(query):
            messages.info(
                request,
                _("Søk på fødselsnummer i søkefeltet, så havner nummeret ikke i nettadressen."),
            )
            query = ""
    persons = Person.objects.visible_to(request.user).select_related("area")
    if query:
        persons = persons.filter(person_search(query))
    page = Paginator(persons, 50).get_page(request.GET.get("side"))
    audit.record(
        request.user,
        Action.VIEW,
        object_type="casework.person",
        persons=list(page),
        reason="personliste",
    )
    return render(request, "casework/person_list.html", {"page": page, "query": query})


@coordinator_only
def person_create(request):
    """A new person; from a contact request (`?fra=ID`) with its name, phone, e-mail and area
    filled in, the request then linked to her in the same step (it stays open until the contact
    that answers it is recorded); or from a quick contact made without a person (`?kontakt=ID`),
    which then joins her history."""
    source = record_id(request.POST, "fra") or record_id(request.GET, "fra")
    contact_request = (
        contact_request_for(request.user, source, action=None) if source is not None else None
    )
    quick = record_id(request.POST, "kontakt") or record_id(request.GET, "kontakt")
    contact = (
        contact_for(request.user, quick, action=None)
        if quick is not None and not contact_request
        else None
    )
    if contact is not None and contact.person_id:
        contact = None
    initial = (
        {
            "name": contact_request.name,
            "phone": shown_phone(contact_request.phone),
            "email": contact_request.email,
            "area": contact_request.area_id,
        }
        if contact_request
        else {"area": contact.area_id}
        if contact
        else None
    )
    form = PersonForm(request.POST or None, user=request.user, initial=initial)
    duplicates = []
    posted = request.method == "POST" and form.is_valid()
    if posted and contact is not None and form.instance.area_id != contact.area_id:
        form.add_error(None, _("Personen må høre til samme område som kontakten."))
    if request.method == "POST" and form.is_valid():
        person = form.instance
        duplicates = list(Person.objects.visible_to(request.user).possible_duplicates(person)[:5])
        if not duplicates or form.cleaned_data.get("confirm_duplicate"):
            if contact_request:
                register_from_request(request.user, person, contact_request)
                messages.success(
                    request,
                    _(
                        "Personen er registrert og koblet til forespørselen. Registrer kontakten "
                        "når du har snakket med henne."
                    ),
                )
                return redirect("casework:request_detail", pk=contact_request.pk)
            elif contact:
                register_person_from_contact(request.user, person, contact)
                messages.success(request, _("Personen er registrert, med kontakten."))
            else:
                register_person(request.user, person)
                messages.success(request, _("Personen er registrert."))
            return redirect("casework:person_detail", pk=person.pk)
        form.fields["confirm_duplicate"].widget = CheckboxInput(attrs={"class": "ds-input"})
        # The warning shows these people's names and numbers: a read of each of them.
        audit.record(
            request.user,
            Action.VIEW,
            object_type="casework.person",
            area=duplicates[0].area_id,
            persons=duplicates,
            reason="mulig duplikat",
        )
    return render(
        request,
        "casework/person_form.html",
        {
            "form": form,
            "duplicates": duplicates,
            "person": None,
            "contact_request": contact_request,
            "contact": contact,
        },
    )


@coordinator_only
def person_detail(request, pk):
    person = person_for(request.user, pk, action=None)
    relations = list(person.relations.select_related("case__person"))
    audit.record(request.user, Action.VIEW, person, persons=[r.case.person for r in relations])
    context = {
        "person": person,
        "cases": person.cases.select_related("area").order_by("-opened_on"),
        "relations": relations,
        "contacts": person.contacts.filter(case__isnull=True).select_related("created_by")[:20],
    }
    return render(request, "casework/person_detail.html", context)


@coordinator_only
def person_edit(request, pk):
    person = person_for(request.user, pk, action=None)
    form = PersonForm(request.POST or None, instance=person, user=request.user)
    return save_versioned(
        request,
        person,
        form,
        "casework/person_form.html",
        {"duplicates": [], "person": person},
        _("Endringene er lagret."),
        reverse("casework:person_detail", args=[person.pk]),
    )


@coordinator_only
def person_access_log(request, pk):
    """Innsyn: who has looked at this person's records, when and why (DESIGN 3, rule 5)."""
    person = person_for(request.user, pk, reason="innsynslogg")
    # Her contact requests too: one read before it was linked to her is hers as well.
    entries = AuditEntry.objects.about_person(
        person.pk, person.contact_requests.only("pk")
    ).select_related("user", "area", "recovery__requested_by", "recovery__approved_by")
    page = Paginator(entries, 100).get_page(request.GET.get("side"))
    rows = grouped_refusals(page)
    return render(
        request,
        "casework/person_access_log.html",
        {"person": person, "page": page, "rows": rows},
    )


def grouped_refusals(entries) -> list[tuple[AuditEntry, int, AuditEntry]]:
    """(entry, how many, first) per row: refused attempts one after another by the same user
    are one row ("Avvist, 12 forsøk"), so probing does not bury the reads that matter."""
    rows: list[tuple[AuditEntry, int, AuditEntry]] = []
    for entry in entries:
        if rows and entry.action == Action.REFUSED:
            last, count, _first = rows[-1]
            if last.action == Action.REFUSED and last.user_id == entry.user_id:
                rows[-1] = (last, count + 1, entry)
                continue
        rows.append((entry, 1, entry))
    return rows
