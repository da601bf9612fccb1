from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kreftkoordinator import numbers
from kreftkoordinator.languages import document_links, write_for
from kreftkoordinator.organisation.models import Area, Position, today
from kreftkoordinator.roles import Role, role_required

from .annual import ReportError, annual_report, shown_row
from .charts import bar_chart
from .exports import AnnualExport, annual_download
from .forms import SubmitForm
from .groups import grouped
from .indicators import REGISTRY
from .models import Submission
from .national import national_view
from .submissions import changes_since, check_submittable, position_figures, submit_report


def definitions(request):
    """Every indicator's definition, public, so that any figure anyone sees can be traced."""
    return render(request, "reporting/definitions.html", {"indicators": REGISTRY.values()})


def _own_position(user, pk: int) -> Position:
    """A position the coordinator holds or stands in for today; another's is 404."""
    position = (
        Position.objects.held_by(user, today()).filter(pk=pk).select_related("host_area").first()
    )
    if position is None:
        raise Http404
    return position


@role_required(Role.COORDINATOR)
def annual(request, position_pk: int, year: int, form=None):
    """The position's annual report: every indicator for its areas together, the year before
    beside it, each area apart, and the evaluation's figure. Figures, never a person. Below:
    the narrative and the submitted versions."""
    position = _own_position(request.user, position_pk)
    try:
        report = annual_report(year, position=position)  # the command's and the submission's
    except ReportError as e:
        return render(
            request, "reporting/annual.html", {"position": position, "year": year, "error": e}
        )
    national = national_view(year, Area.objects.serviceable())  # shares the cache
    medians = {key: national.median(key) for key in REGISTRY}
    # The position's own coordinator: its own figures, not suppressed.
    export = AnnualExport.of(report, medians, suppressed=False)
    if request.GET.get("format") in ("csv", "xlsx"):
        write_for(request, position.host_area)
        return annual_download(export, request.GET["format"], f"arsrapport-{position.pk}-{year}")
    context = {
        "position": position,
        "year": year,
        "headings": [heading for heading, _rows in export.columns],
        "groups": export.table(),
        "charts": annual_charts(report.figures),
        "empty": report.empty,
        "form": form or SubmitForm(),
        "routines": report.routines,
        "document_links": document_links(request, position.host_area, format="xlsx"),
        "preliminary": year >= today().year,  # the year is not over: a preview, not submittable
        "submissions": Submission.objects.filter(position=position, year=year).select_related(
            "submitted_by"
        ),
    }
    return render(request, "reporting/annual.html", context)


@role_required(Role.COORDINATOR)
def submitted(request, position_pk: int, year: int, version: int):
    """A submitted version as it was frozen: its figures, narrative, date and signature."""
    position = _own_position(request.user, position_pk)
    submission = get_object_or_404(
        Submission.objects.select_related("submitted_by"),
        position=position,
        year=year,
        version=version,
    )
    rows = [
        (REGISTRY[key], row, shown_row(row, REGISTRY[key]))
        for key, row in submission.figures["indicators"].items()
        if key in REGISTRY
    ]
    context = {
        "position": position,
        "submission": submission,
        "rows": rows,
        "groups": grouped(rows),
        "document_links": document_links(request, position.host_area),
    }
    # The report as the municipality reads it: in its language form unless another is chosen.
    write_for(request, position.host_area)
    return render(request, "reporting/submitted.html", context)


def annual_charts(figures) -> list:
    """This year's time use (table 4-2), contacts by mode and sources of first contact."""
    time = [
        (
            REGISTRY[f"share_minutes_{k}"].label,
            (figures[f"share_minutes_{k}"].value or 0) * 100,
            numbers.percent(figures[f"share_minutes_{k}"].value or 0),
        )
        for k in ("direct", "coordination", "system", "competence")
    ]
    charts = [bar_chart("chart-time", _("Slik ble tiden brukt"), time)]
    for key in ("contacts_by_mode", "first_contact_sources"):
        indicator = REGISTRY[key]
        items = [(indicator.part_label(code), n, str(n)) for code, n in figures[key].parts.items()]
        charts.append(bar_chart(f"chart-{key}", str(indicator.label), items))
    return charts


@role_required(Role.COORDINATOR)
@require_POST
def submit(request, position_pk: int, year: int):
    """Submit the report in two steps: a confirmation page shows what will be frozen (the
    figures, the narrative, the version, and what changed since the last one); only confirming
    it freezes them, dated and signed. Submitting again makes a new version and keeps the old."""
    position = _own_position(request.user, position_pk)
    form = SubmitForm(request.POST)
    if not form.is_valid():
        return annual(request, position_pk, year, form=form)
    narrative = form.cleaned_data["narrative"]
    try:
        check_submittable(year, position)
        if request.POST.get("confirm") != "1":
            return _confirm_page(request, position, year, narrative)
        submission = submit_report(request.user, position, year, narrative)
    except ReportError as e:
        form.add_error(None, str(e))
        return annual(request, position_pk, year, form=form)
    messages.success(
        request,
        _("Årsrapporten for %(year)s er levert (versjon %(version)s).")
        % {"year": year, "version": submission.version},
    )
    return redirect("reporting:annual", position_pk=position.pk, year=year)


def _confirm_page(request, position, year: int, narrative: str):
    figures = position_figures(position, year)
    previous = Submission.objects.filter(position=position, year=year).order_by("-version").first()
    rows = [
        (REGISTRY[key], shown_row(row, REGISTRY[key]))
        for key, row in figures["indicators"].items()
        if key in REGISTRY
    ]
    return render(
        request,
        "reporting/submit_confirm.html",
        {
            "position": position,
            "year": year,
            "narrative": narrative,
            "version": previous.version + 1 if previous else 1,
            "previous": previous,
            "changes": changes_since(previous, figures, narrative),
            "groups": grouped(rows),
        },
    )
