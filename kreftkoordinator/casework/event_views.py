"""Care events: hospital stays, short- and long-term stays, hospice, home care, and deaths."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .access import case_for
from .forms import CareEventForm
from .models import EventKind
from .models.versioned import EditConflict
from .views import CONFLICT, coordinator_only, form_page
from .workflows import record_care_event, register_death


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
