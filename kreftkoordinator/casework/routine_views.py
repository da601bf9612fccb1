"""The register of routines, plans and agreements the coordinator's positions drive."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .forms.routines import RoutineForm, RoutineStatusForm
from .pages import coordinator_only
from .routines import change_routine_status, register_routine, routine_for, routines_of


@coordinator_only
def routine_list(request):
    routines = (
        routines_of(request.user).select_related("position").order_by("position__name", "title")
    )
    return render(request, "casework/routine_list.html", {"routines": routines})


@coordinator_only
def routine_add(request):
    form = RoutineForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        register_routine(request.user, form.instance)
        messages.success(request, _("«%(title)s» er lagt til.") % {"title": form.instance.title})
        return redirect("casework:routine_list")
    return render(request, "casework/routine_form.html", {"form": form})


@coordinator_only
def routine_status(request, pk):
    routine = routine_for(request.user, pk)
    form = RoutineStatusForm(request.POST or None, routine=routine)
    if request.method == "POST" and form.is_valid():
        change_routine_status(routine, form.cleaned_data["status"], form.cleaned_data["status_on"])
        messages.success(request, _("Statusen er endret."))
        return redirect("casework:routine_list")
    changes = routine.changes.all()
    return render(
        request,
        "casework/routine_status.html",
        {"form": form, "routine": routine, "changes": changes},
    )
