from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from kreftkoordinator.accounts.models import User
from kreftkoordinator.roles import Role, role_required

from .forms import PeriodForm
from .models import AuditEntry


def _activity_page(request, user):
    form = PeriodForm(request.GET or None)
    entries = AuditEntry.objects.filter(user=user).select_related(
        "area", "recovery__requested_by", "recovery__approved_by"
    )
    if form.is_valid():
        entries = entries.between(form.cleaned_data["start"], form.cleaned_data["end"])
    page = Paginator(entries, 100).get_page(request.GET.get("side"))
    return form, page


def _changes_to(user):
    return AuditEntry.objects.about_user(user.pk).select_related("user")[:100]


@role_required(*Role.values)
def my_activity(request):
    """What I have looked at and changed, and what was changed on my account. People are shown
    by number, linked to their page: opening it checks access and is logged like any read, so
    this page shows no name that was not read through the scoping entry point."""
    form, page = _activity_page(request, request.user)
    context = {
        "form": form,
        "page": page,
        "shown": request.user,
        "own": True,
        "changes": _changes_to(request.user),
    }
    return render(request, "audit/activity.html", context)


@role_required(Role.ADMIN)
def user_activity(request, pk):
    """An administrator's view of one user's activity (person ids and areas, never names) and of
    every change made to the account, by whom."""
    shown = get_object_or_404(User, pk=pk)
    form, page = _activity_page(request, shown)
    context = {"form": form, "page": page, "shown": shown, "own": False}
    context["changes"] = _changes_to(shown)
    return render(request, "audit/activity.html", context)


@role_required(Role.ADMIN)
def account_changes(request):
    """Every change to users, roles, areas, assignments and two-factor, by every administrator:
    each administrator's changes are in front of the others."""
    entries = AuditEntry.objects.filter(object_type="accounts.user").select_related("user")
    page = Paginator(entries, 100).get_page(request.GET.get("side"))
    users = User.objects.in_bulk([int(e.object_id) for e in page])
    rows = [(entry, users.get(int(entry.object_id))) for entry in page]
    return render(request, "audit/account_changes.html", {"page": page, "rows": rows})
