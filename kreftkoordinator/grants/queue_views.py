"""The programme officer's queue (`/tilskudd/oppgaver/`): each group of what waits for her, with
its count on the programme page linking here; a reminder to a municipality whose report is
late."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from kreftkoordinator.organisation.models import today
from kreftkoordinator.roles import Role, role_required

from .queue import queue_context
from .reminders import remind_of_report
from .views import _agreement


@role_required(Role.PROGRAMME)
def work_queue(request):
    return render(request, "grants/queue.html", queue_context(request.user))


@role_required(Role.PROGRAMME)
@require_POST
def remind_report(request, pk: int, number: int):
    agreement = _agreement(request.user, pk)
    sent = remind_of_report(request.user, agreement, number, today())
    if sent:
        messages.success(
            request,
            ngettext(
                "Påminnelsen er sendt til %(n)d person i kommunen.",
                "Påminnelsen er sendt til %(n)d personer i kommunen.",
                sent,
            )
            % {"n": sent},
        )
    else:
        messages.info(
            request,
            _(
                "Ingen påminnelse sendt: rapporten er levert, eller kommunen har ingen å sende "
                "den til."
            ),
        )
    return redirect("grants:queue")
