"""Administrators manage positions, coverage and assignments; the funder's staff may look."""

from django.contrib import messages
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kreftkoordinator.forms import search_text
from kreftkoordinator.roles import Role, role_required

from .administration import save_assignment
from .forms import AreaLanguageForm, AssignmentForm, PositionForm
from .models import Area, AreaKind, Assignment, Position, today

staff_only = role_required(Role.ADMIN, Role.PROGRAMME)
admin_only = role_required(Role.ADMIN)


def _positions():
    return Position.objects.select_related("host_area", "district_office").prefetch_related(
        Prefetch("covered_areas", queryset=Area.objects.order_by("code")),
        Prefetch(
            "assignments",
            queryset=Assignment.objects.valid_on(today()).select_related("user"),
            to_attr="current_assignments",
        ),
    )


@staff_only
def position_list(request):
    positions = _positions().annotate(n_areas=Count("covered_areas"))
    query = search_text(request.GET)
    if query:
        positions = positions.filter(
            Q(name__icontains=query)
            | Q(covered_areas__name__icontains=query)
            | Q(covered_areas__code=query)
        ).distinct()
    return render(
        request, "organisation/position_list.html", {"positions": positions, "query": query}
    )


@staff_only
def position_detail(request, pk):
    position = get_object_or_404(_positions(), pk=pk)
    assignments = position.assignments.select_related("user").order_by("-valid_from")
    return render(
        request,
        "organisation/position_detail.html",
        {"position": position, "assignments": assignments, "today": today()},
    )


@admin_only
def position_edit(request, pk=None):
    position = get_object_or_404(Position, pk=pk) if pk else None
    form = PositionForm(request.POST or None, instance=position)
    if request.method == "POST" and form.is_valid():
        position = form.save()
        messages.success(request, _("Stillingen er lagret."))
        return redirect("organisation:position_detail", pk=position.pk)
    return render(request, "organisation/position_form.html", {"form": form, "position": position})


@admin_only
def assignment_edit(request, position_pk, pk=None):
    position = get_object_or_404(Position, pk=position_pk)
    assignment = get_object_or_404(Assignment, pk=pk, position=position) if pk else None
    form = AssignmentForm(
        request.POST or None, instance=assignment, position=position, actor=request.user
    )
    if request.method == "POST" and form.is_valid():
        saved = save_assignment(request.user, form.save(commit=False))
        if saved.approved_at is None:
            messages.success(
                request,
                _(
                    "Tilsettingen er lagret og venter på godkjenning: en annen administrator "
                    "eller lederen for området godkjenner den under Godkjenning. Til da gir den "
                    "ingen tilgang."
                ),
            )
        else:
            messages.success(request, _("Tilsettingen er lagret."))
        return redirect("organisation:position_detail", pk=position.pk)
    return render(
        request,
        "organisation/assignment_form.html",
        {"form": form, "position": position, "assignment": assignment},
    )


@admin_only
def area_list(request):
    query = search_text(request.GET)
    areas = Area.objects.current().exclude(kind=AreaKind.COUNTY).select_related("parent")
    if query:
        areas = areas.filter(Q(name__icontains=query) | Q(code__startswith=query))
    areas = areas.annotate(
        n_positions=Count(
            "covering_positions",
            filter=Q(covering_positions__in=Position.objects.active_on(today())),
        )
    )
    counts = {kind: Area.objects.current().filter(kind=kind).count() for kind in AreaKind}
    return render(
        request, "organisation/area_list.html", {"areas": areas, "query": query, "counts": counts}
    )


@admin_only
def area_edit(request, pk):
    """An area's official language form: what documents to it and pages about it are in."""
    area = get_object_or_404(Area.objects.current().serviceable(), pk=pk)
    form = AreaLanguageForm(request.POST or None, instance=area)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Målformen for %(name)s er lagret.") % {"name": area.name})
        return redirect("organisation:area_list")
    return render(request, "organisation/area_form.html", {"form": form, "area": area})
