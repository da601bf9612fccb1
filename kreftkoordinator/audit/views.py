from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from kreftkoordinator.accounts.access import role_required
from kreftkoordinator.accounts.models import Role, User

from .forms import PeriodForm
from .models import AuditEntry


def _activity_page(request, user):
    form = PeriodForm(request.GET or None)
    entries = AuditEntry.objects.filter(user=user).select_related("area")
    if form.is_valid():
        entries = entries.between(form.cleaned_data["start"], form.cleaned_data["end"])
    page = Paginator(entries, 100).get_page(request.GET.get("side"))
    return form, page


@role_required(*Role.values)
def my_activity(request):
    """What I have looked at and changed, and what was changed on my account. People are shown
    by number, linked to their page: opening it checks access and is logged like any read, so
    this page shows no name that was not read through the scoping entry point."""
    form, page = _activity_page(request, request.user)
    return render(
        request,
        "audit/activity.html",
        {"form": form, "page": page, "shown": request.user, "own": True},
    )


@role_required(Role.ADMIN)
def user_activity(request, pk):
    """An administrator's view of one user's activity: person ids and areas, never names."""
    shown = get_object_or_404(User, pk=pk)
    form, page = _activity_page(request, shown)
    return render(
        request, "audit/activity.html", {"form": form, "page": page, "shown": shown, "own": False}
    )
