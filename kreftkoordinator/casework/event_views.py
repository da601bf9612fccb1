"""Care events: hospital stays, short- and long-term stays, hospice, home care, and deaths."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kreftkoordinator import audit
from kreftkoordinator.audit.models import Action

from .access import case_for
from .deaths import register_death, still_open, wrap_up_after_death
from .forms.events import CareEventForm
from .models import EventKind
from .models.versioned import EditConflict
from .pages import CONFLICT, coordinator_only, form_page
from .workflows import record_care_event


@coordinator_only
def care_event_add(request, case_pk, kind):
    if kind not in EventKind.values:
        raise Http404
    case = case_for(request.user, case_pk, action=None)
    form = CareEventForm(request.POST or None, case=case, kind=kind)
    if request.method == "POST" and form.is_valid():
        if kind == EventKind.DEATH:
            try:
                follow_up = register_death(
                    request.user, form.instance, form.cleaned_data["seen_version"]
                )
            except EditConflict:
                form.add_error(None, CONFLICT)
                return _form_page(request, form, case, kind)
            messages.success(
                request,
                _(
                    "Dødsfallet er registrert. Oppfølgingen gjelder nå de etterlatte, og en "
                    "etterlattesamtale er foreslått til %(date)s."
                )
                % {"date": follow_up.due_on.strftime("%d.%m.%Y")},
            )
            return redirect("casework:after_death", pk=case.pk)
        else:
            record_care_event(request.user, form.instance)
            messages.success(request, _("Hendelsen er registrert."))
        return redirect("casework:case_detail", pk=case.pk)
    return _form_page(request, form, case, kind)


def _form_page(request, form, case, kind):
    return form_page(
        request,
        "casework/care_event_form.html",
        {
            "form": form,
            "case": case,
            "kind_label": EventKind(kind).label,
            "is_death": kind == EventKind.DEATH,
        },
        case,
    )


@coordinator_only
def after_death(request, pk):
    """The checklist after a death: end the patient's open services and tasks (the coordinator
    unticks what should go on), and give the bereavement conversation to a named relative."""
    case = case_for(request.user, pk, action=None)
    death = case.death
    services, follow_ups = still_open(case) if death else ([], [])
    relations = list(case.relations.select_related("person")) if death else []
    conversation = case.follow_ups.pending().filter(bereavement=True).first()
    if request.method == "POST" and death:
        chosen_services = set(request.POST.getlist("service"))
        chosen_follow_ups = set(request.POST.getlist("follow_up"))
        bereaved = next((r for r in relations if str(r.pk) == request.POST.get("bereaved")), None)
        own = wrap_up_after_death(
            request.user,
            case,
            [s for s in services if str(s.pk) in chosen_services],
            [f for f in follow_ups if str(f.pk) in chosen_follow_ups],
            bereaved,
        )
        if own is not None and bereaved is not None:
            messages.success(
                request,
                _("Etterlattesamtalen er lagt på oppfølgingen av %(name)s.")
                % {"name": bereaved.person},
            )
            return redirect("casework:case_detail", pk=own.pk)
        messages.success(request, _("Det du valgte er avsluttet."))
        return redirect("casework:case_detail", pk=pk)
    audit.record(
        request.user,
        Action.VIEW,
        case,
        person=case.person_id,
        persons=[r.person_id for r in relations],
        reason="etter dødsfall",
    )
    # Proposed: every service, and the tasks due by the death; later ones are likely for the
    # relatives, so left unticked.
    return render(
        request,
        "casework/after_death.html",
        {
            "case": case,
            "death": death,
            "services": services,
            "follow_ups": [(f, f.due_on <= death.on) for f in follow_ups] if death else [],
            "relations": relations,
            "conversation": conversation,
        },
    )
