"""What the casework pages share: the guard, a form page whose showing is a read, an edit that
refuses a lost update, the person search, and a case page shown again with a side form's
errors."""

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from kreftkoordinator import audit
from kreftkoordinator.accounts.models import Role
from kreftkoordinator.audit.models import Action
from kreftkoordinator.organisation.models import Position, today
from kreftkoordinator.roles import role_required

from .models.versioned import EditConflict

coordinator_only = role_required(Role.COORDINATOR)

# Lazy: made at import, said in the reader's language when shown.
CONFLICT = _(
    "Noen andre har lagret endringer mens du skrev. Ingenting er overskrevet: last siden "
    "på nytt for å se endringene, og skriv inn dine på nytt."
)


def is_identity_query(query: str) -> bool:
    """An 11-digit number (fødselsnummer or D-nummer), perhaps with spaces."""
    compact = query.replace(" ", "")
    return len(compact) == 11 and compact.isdigit()


def person_search(query: str, prefix: str = "") -> Q:
    """Name (any part), phone (digits) or an 11-digit identity number. `prefix` reaches the
    person through a relation (`person__` from a case), so a list filters on its own join."""
    digits = "".join(ch for ch in query if ch.isdigit())
    if query.strip().startswith("00"):  # 0047 ...: phones are stored as +47...
        digits = digits[2:]
    if len(digits) == 11 and len(digits) >= len(query.replace(" ", "")):
        return Q(**{f"{prefix}identity_number": digits})
    condition = Q(**{f"{prefix}name__icontains": query})
    if len(digits) >= 3:
        condition |= Q(**{f"{prefix}phone__contains": digits})
    return condition


def position_for(user, area_id):
    """The position through which the user covers the area today (for the time accounts)."""
    return Position.objects.held_by(user, today()).filter(covered_areas=area_id).first()


def form_page(request, template, context, about):
    """A form page about a person or a case (fetched with `action=None`). Showing it is a read,
    logged here once; a POST that succeeds leaves only its workflow's entry instead, so one
    action is one entry."""
    if about is not None:
        audit.record(request.user, Action.VIEW, about)
    return render(request, template, context)


def save_versioned(request, obj, form, template, context, done_message, done_url):
    """Save an edit of a Versioned record, refusing it if someone else saved in between; the
    form comes back with what was typed and says why."""
    if request.method == "POST" and form.is_valid():
        try:
            obj.save_version(form.cleaned_data["seen_version"])
        except EditConflict:
            form.add_error(None, CONFLICT)
        else:
            audit.record(request.user, Action.UPDATE, obj)
            messages.success(request, done_message)
            return redirect(done_url)
    return form_page(request, template, {"form": form, **context}, obj)


def case_page_with_errors(request, case, form):
    """A side form of the case page (phase, follow-up, service status) came back with errors:
    show the page again with what was typed."""
    from .case_views import case_page

    return case_page(request, case, bound=form)
