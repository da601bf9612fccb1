"""Self-service innsyn: a person logs in with ID-porten and reads who has read or changed her
records, and when (DESIGN 3, rule 5). She is found by the keyed hash of her pid among the people
registered with a fødselsnummer or D-nummer (`Person.identity_key`), in every area; she sees
her own log only, and of other people nothing but that the entry was about "en pårørende" or
"en annen person" where she was named. The session holds the hash, never the number, for
`INNSYN_MINUTES`.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kreftkoordinator import audit
from kreftkoordinator.accounts import providers
from kreftkoordinator.accounts.sign_on_views import answer, begin, refused
from kreftkoordinator.audit.models import Action, AuditEntry
from kreftkoordinator.casework.models import Person, Relation
from kreftkoordinator.identity_numbers import national_key

SESSION = "innsyn"
INNSYN_MINUTES = 15
SHOWN = 500  # the newest entries; older ones on request to the coordinator


def _provider():
    return providers.get(settings.INNSYN_PROVIDER) if settings.INNSYN_PROVIDER else None


def _signed_in_key(request) -> str | None:
    held = request.session.get(SESSION)
    if not held or time.time() - held.get("at", 0) > INNSYN_MINUTES * 60:
        request.session.pop(SESSION, None)
        return None
    return held["key"]


def innsyn(request):
    provider = _provider()
    key = _signed_in_key(request)
    context = {"provider": provider, "signed_in": key is not None}
    if key is not None:
        context.update(own_log(key))
    return render(request, "public/innsyn.html", context)


def start(request):
    provider = _provider()
    if provider is None:
        raise Http404
    return begin(request, provider, "innsyn")


def signed_on(request):
    provider = _provider()
    if provider is None:
        raise Http404
    claims, pending = answer(request, provider, "innsyn")
    if claims is None:
        return pending
    level, high_enough = provider.level_of(claims)
    pid = str(claims.get(provider.identity_claim) or "")
    if not high_enough or not pid:
        return refused(
            request,
            provider,
            f"innsyn på nivå {level or 'ikke oppgitt'}",
            _(
                "Innsyn i helseopplysninger krever innlogging på høyt sikkerhetsnivå (for "
                "eksempel BankID). Logg inn på nytt med en slik e-ID."
            ),
            "innsyn",
        )
    request.session.cycle_key()
    request.session[SESSION] = {"key": national_key(pid), "at": time.time()}
    return redirect("public:innsyn")


@require_POST
def sign_out(request):
    request.session.pop(SESSION, None)
    messages.success(request, _("Du er logget ut av innsynet."))
    return redirect("public:innsyn")


def own_log(key: str) -> dict:
    """Her entries, newest first, each as (when, who, where, what, about her or someone else)."""
    people = list(Person.objects.filter(identity_key=key).only("pk", "area_id"))
    if not people:
        return {"rows": [], "found": False}
    ids = {p.pk for p in people}
    entries = AuditEntry.objects.none()
    for person in people:
        entries = entries | AuditEntry.objects.about_person(
            person.pk, person.contact_requests.only("pk")
        )
    entries = entries.select_related("user", "area").order_by("-at", "-pk")[:SHOWN]
    relatives = set(Relation.objects.filter(case__person__in=ids).values_list("person", flat=True))
    rows = []
    for entry in entries:
        if entry.person_id in ids or entry.person_id is None:
            about = ""
        elif entry.person_id in relatives:
            about = _("en pårørende")
        else:
            about = _("en annen person der du er nevnt")
        rows.append(
            {
                "at": entry.at,
                "who": str(entry.user) if entry.user else _("Systemet"),
                "area": str(entry.area) if entry.area else "",
                "what": entry.get_action_display(),
                "about": about,
                "reason": "" if about else entry.reason,
            }
        )
    for person in people:
        audit.record(None, Action.VIEW, person, reason="innsyn: personen selv, med ID-porten")
    return {"rows": rows, "found": True}
