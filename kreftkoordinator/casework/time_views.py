"""The week: time by the evaluation's four categories, and system work."""

from datetime import date, timedelta

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kreftkoordinator.forms import EARLIEST, LATEST
from kreftkoordinator.organisation.models import today
from kreftkoordinator.roles import post_only

from .forms.work_time import SystemActivityForm, TimeEntryForm
from .models import TimeEntry
from .pages import coordinator_only
from .week import build_week, monday_of


def _monday(request) -> date:
    """The week asked for, or this week for a date that is not one or is out of bounds."""
    try:
        day = date.fromisoformat(request.GET.get("uke", ""))
    except ValueError:
        day = today()
    if not EARLIEST <= day <= LATEST:
        day = today()
    return monday_of(day)


def _week_url(day: date) -> str:
    return f"{reverse('casework:week')}?uke={monday_of(day).isoformat()}"


@coordinator_only
def week(request):
    monday = _monday(request)
    this_week = monday <= today() < monday + timedelta(weeks=1)
    context = {
        "week": build_week(request.user, monday),
        "entry_form": TimeEntryForm(
            user=request.user, initial={"on": today() if this_week else monday}
        ),
    }
    return render(request, "casework/week.html", context)


@coordinator_only
@post_only(lambda request: reverse("casework:week"))
def time_entry_add(request):
    form = TimeEntryForm(request.POST, user=request.user)
    if form.is_valid():
        form.save()
        messages.success(request, _("Tiden er ført."))
        return redirect(_week_url(form.instance.on))
    monday = monday_of(form.cleaned_data.get("on") or today())
    return render(
        request,
        "casework/week.html",
        {"week": build_week(request.user, monday), "entry_form": form},
    )


@coordinator_only
@require_POST
def time_entry_delete(request, pk):
    entry = get_object_or_404(TimeEntry, pk=pk, user=request.user)
    entry.delete()
    messages.success(request, _("Tidsføringen er slettet."))
    return redirect(_week_url(entry.on))


@coordinator_only
def activity_add(request):
    form = SystemActivityForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Aktiviteten er registrert."))
        return redirect(_week_url(form.instance.on))
    return render(request, "casework/activity_form.html", {"form": form})
