"""The pages with figures for leaders and the funder: never a person, always suppressed, and
always scoped by `Area.objects.figures_for(user)`."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from kreftkoordinator.organisation.models import Area, today
from kreftkoordinator.roles import Role, role_required

from .annual import FIRST_YEAR, ReportError, check_year
from .dashboard import leader_dashboard
from .exports import national_workbook
from .groups import grouped
from .headline import headlines, needs
from .indicators import REGISTRY
from .national import national_view


@role_required(Role.LEADER)
def leader(request):
    """The leader's areas: the submitted reports of the positions covering them, over the
    years, with the programme's median of the latest year beside them."""
    areas = Area.objects.figures_for(request.user).order_by("code")
    histories = leader_dashboard(areas)
    years = [s.year for h in histories for s in h.submissions]
    latest = max(years, default=today().year - 1)
    # Only the medians: without the breakdowns the cached view is a tenth of the size to read.
    national = national_view(latest, Area.objects.serviceable(), with_parts=False)
    for history in histories:
        history.rows = [
            (indicator, cells, national.median(indicator.key)) for indicator, cells in history.rows
        ]
        history.groups = grouped(history.rows)
    day = today()
    # Last year's median where it is there; else the latest year's.
    year_before = national_view(day.year - 1, Area.objects.serviceable(), with_parts=False)
    medians = year_before if year_before.positions else national
    for history in histories:
        history.headlines = headlines(history, day, medians.median) if history.whole else []
    context = {
        "areas": areas,
        "histories": histories,
        "median_year": latest,
        "needs": needs(request.user, day, histories),
        "this_year": day.year,
        "last_year": day.year - 1,
    }
    return render(request, "reporting/leader.html", context)


@role_required(Role.PROGRAMME)
def national(request, year: int):
    """The funder's national view of one year's submitted reports."""
    try:
        check_year(year)
    except ReportError as e:
        return render(request, "reporting/national.html", {"year": year, "error": e})
    previous = year - 1 if year > FIRST_YEAR else None
    view = national_view(year, Area.objects.figures_for(request.user))
    if request.GET.get("format") == "xlsx":
        return national_workbook(view).response(f"nasjonalt-{year}.xlsx")
    key = request.GET.get("indikator", "patients_followed")
    if key not in REGISTRY:
        raise Http404(_("Ukjent indikator."))
    chosen = view.indicators[key]
    context = {
        "year": year,
        "previous": previous,
        "view": view,
        "rows": [(REGISTRY[k], n) for k, n in view.indicators.items()],
        "chosen": REGISTRY[key],
        "per_position": [
            (position, cell, chosen.parts.cells[i] if chosen.parts else [])
            for i, (position, cell) in enumerate(zip(view.positions, chosen.cells, strict=True))
            if position.submission  # type: ignore[attr-defined]
        ],
        "total": chosen.total,
        "parts": chosen.parts,
        "part_labels": (
            [REGISTRY[key].part_label(c) for c in chosen.parts.codes] if chosen.parts else []
        ),
        "indicators": REGISTRY.values(),
    }
    return render(request, "reporting/national.html", context)
