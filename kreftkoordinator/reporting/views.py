import csv

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kreftkoordinator.organisation.models import Assignment, Position, today
from kreftkoordinator.roles import Role, role_required

from .annual import ReportError, check_year, position_columns
from .forms import SubmitForm
from .indicators import REGISTRY
from .models import Submission
from .submissions import submit_report


def definitions(request):
    """Every indicator's definition, public, so that any figure anyone sees can be traced."""
    return render(request, "reporting/definitions.html", {"indicators": REGISTRY.values()})


def _own_position(user, pk: int) -> Position:
    """A position the coordinator holds or stands in for today; another's is 404."""
    held = Assignment.objects.valid_on(today()).filter(user=user, position_id=pk)
    position = Position.objects.filter(pk=pk, pk__in=held.values("position")).first()
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
        check_year(year, position)  # the same check as the command
    except ReportError as e:
        return render(
            request, "reporting/annual.html", {"position": position, "year": year, "error": e}
        )
    columns = position_columns(position, year)
    rows = [
        (
            indicator,
            [figures[indicator.key] for _label, figures in columns],
            [
                (code, [figures[indicator.key].parts.get(code, 0) for _l, figures in columns])
                for code in columns[0][1][indicator.key].parts
            ],
        )
        for indicator in REGISTRY.values()
    ]
    if request.GET.get("format") == "csv":
        return _csv(position, year, columns, rows)
    context = {
        "position": position,
        "year": year,
        "headings": [label for label, _figures in columns],
        "rows": rows,
        "form": form or SubmitForm(),
        "submissions": Submission.objects.filter(position=position, year=year).select_related(
            "submitted_by"
        ),
    }
    return render(request, "reporting/annual.html", context)


@role_required(Role.COORDINATOR)
@require_POST
def submit(request, position_pk: int, year: int):
    """Submit the report: the figures are frozen as they are now, with the narrative, dated and
    signed; submitting again makes a new version and keeps the old."""
    position = _own_position(request.user, position_pk)
    form = SubmitForm(request.POST)
    if not form.is_valid():
        return annual(request, position_pk, year, form=form)
    try:
        submission = submit_report(request.user, position, year, form.cleaned_data["narrative"])
    except ReportError as e:
        form.add_error(None, str(e))
        return annual(request, position_pk, year, form=form)
    messages.success(
        request,
        _("Årsrapporten for %(year)s er levert (versjon %(version)s).")
        % {"year": year, "version": submission.version},
    )
    return redirect("reporting:annual", position_pk=position.pk, year=year)


def _csv(position, year, columns, rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"arsrapport-{position.pk}-{year}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("indikator"), *[label for label, _f in columns], _("evalueringen 2017")])
    for indicator, figures, parts in rows:
        reference = indicator.reference.value if indicator.reference else ""
        writer.writerow([indicator.key, *[_cell(f) for f in figures], reference])
        for code, counts in parts:
            writer.writerow([f"{indicator.key}.{code}", *counts, ""])
    return response


def _cell(figure) -> str:
    if figure.value is None:
        return ""
    if figure.denominator is not None:
        return f"{figure.value:.4f}"
    return str(figure.value)
