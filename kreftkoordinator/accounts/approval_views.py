"""What waits for a second person: assignments, recoveries and approvers' roles. Administrators
and leaders decide here; the rules (never one's own, a leader only for her areas) are in the
workflows (`organisation/administration.py`, `recovery.py`, `administration.approve_role`)."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kreftkoordinator.organisation import administration as assignments
from kreftkoordinator.organisation.models import Assignment
from kreftkoordinator.roles import Role, role_required

from . import administration, recovery, two_factor
from .models import Recovery, User


def approvers(view):
    """Administrators and leaders, with the second factor shown in this session (a leader who
    logs in with a password alone sets up an app to approve): the second person must be one."""

    @role_required(Role.ADMIN, Role.LEADER)
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not settings.DEMO and not two_factor.is_satisfied(request):
            return redirect(f"{reverse('accounts:verify')}?next={reverse('accounts:approvals')}")
        return view(request, *args, **kwargs)

    return wrapper


@approvers
def approvals(request):
    actor = request.user
    context = {
        "assignments": assignments.approvable_by(actor).order_by("valid_from", "pk"),
        "recoveries": recovery.approvable_by(actor),
        "roles": administration.roles_approvable_by(actor),
        "asked": Assignment.objects.pending()
        .filter(requested_by=actor)
        .select_related("user", "position"),
        "recoveries_asked": Recovery.objects.waiting().filter(requested_by=actor),
        "may_approve": actor.is_approver,
    }
    return render(request, "accounts/approvals.html", context)


@approvers
@require_POST
def decide_assignment(request, pk):
    assignment = get_object_or_404(Assignment.objects.select_related("position", "user"), pk=pk)
    if request.POST.get("decision") == "approve":
        try:
            assignments.approve_assignment(request.user, assignment)
        except ValidationError as error:  # the rules again: a holder may have come meanwhile
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Tilsettingen er godkjent og gir tilgang fra nå."))
    else:
        assignments.decline_assignment(request.user, assignment)
        messages.success(request, _("Forslaget om tilsetting er fjernet."))
    return redirect("accounts:approvals")


@approvers
@require_POST
def decide_recovery(request, pk):
    found = get_object_or_404(Recovery.objects.select_related("user"), pk=pk)
    if request.POST.get("decision") == "approve":
        recovery.approve_recovery(request.user, found)
        messages.success(
            request,
            _("Godkjent. Det skjer %(when)s, om ingen stopper det.")
            % {"when": f"{timezone.localtime(found.takes_effect_at):%d.%m.%Y %H:%M}"},
        )
    else:
        recovery.stop_recovery(found, request.user)
        messages.success(request, _("Gjenopprettingen er stoppet."))
    return redirect("accounts:approvals")


@approvers
@require_POST
def approve_role(request, pk):
    administration.approve_role(request.user, get_object_or_404(User, pk=pk))
    messages.success(request, _("Rollen er godkjent."))
    return redirect("accounts:approvals")
