from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kreftkoordinator.reporting.exports import xlsx_response
from kreftkoordinator.roles import Role, role_required

from . import charts
from .brief import docx_brief, summary, xlsx_workbook
from .forms import RatingForm, ScenarioForm, ValueForm
from .model import ParameterError
from .models import Scenario
from .results import scenario_result
from .workflows import rate_effect, remove_own_value, remove_rating, set_own_value

WHO = (Role.COORDINATOR, Role.LEADER, Role.PROGRAMME)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _scenario(user, pk: int) -> Scenario:
    """The one access helper: a scenario of a position wholly within the user's figure scope."""
    return get_object_or_404(Scenario.objects.visible_to(user).select_related("position"), pk=pk)


@role_required(*WHO)
def scenario_list(request):
    """The user's scenarios, and a new one filled from a position's own figures."""
    form = ScenarioForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        scenario = form.save(commit=False)
        scenario.created_by = request.user
        scenario.save()
        return redirect("economics:scenario", pk=scenario.pk)
    scenarios = Scenario.objects.visible_to(request.user).select_related("position")
    return render(request, "economics/list.html", {"form": form, "scenarios": scenarios})


@role_required(*WHO)
def compare(request):
    """Scenarios side by side: `?id=1&id=2`; one the user may not see is not found."""
    try:
        ids = [int(pk) for pk in request.GET.getlist("id")][:6]
    except ValueError:
        ids = []
    found = {s.pk: s for s in Scenario.objects.visible_to(request.user).filter(pk__in=ids)}
    if len(found) != len(set(ids)):
        raise Http404
    columns = [
        (found[pk], scenario_result(found[pk], protect=not request.user.is_coordinator))
        for pk in dict.fromkeys(ids)
    ]
    rows = (
        [
            (estimate.label, [result.estimates[i].mid for _s, result in columns])
            for i, estimate in enumerate(columns[0][1].estimates)
        ]
        if columns
        else []
    )
    context = {
        "columns": columns,
        "rows": rows,
        "scenarios": Scenario.objects.visible_to(request.user).select_related("position"),
        "chosen": set(ids),
    }
    return render(request, "economics/compare.html", context)


@role_required(*WHO)
def scenario_detail(request, pk: int, value_form=None, rating_form=None):
    scenario = _scenario(request.user, pk)
    result = scenario_result(scenario, protect=not request.user.is_coordinator)
    kind = request.GET.get("format")
    if kind == "docx":
        response = HttpResponse(docx_brief(scenario, result), content_type=DOCX)
        response["Content-Disposition"] = f'attachment; filename="notat-{scenario.pk}.docx"'
        return response
    if kind == "xlsx":
        return xlsx_response(xlsx_workbook(scenario, result), f"scenario-{scenario.pk}.xlsx")
    context = {
        "scenario": scenario,
        "result": result,
        "summary": summary(scenario, result),
        "value_form": value_form or ValueForm(),
        "rating_form": rating_form or RatingForm(),
        "waterfall": charts.waterfall(result.estimates, result.total),
        "tornado": charts.tornado_chart(result.swings, result.centre),
        "distribution": charts.distribution_chart(result.simulation),
        "rows": [
            (
                key,
                p,
                result.filled.get(key),
                result.own.get(key),
                result.break_even.get(key),
            )
            for key, p in result.parameters.items()
        ],
    }
    return render(request, "economics/scenario.html", context)


@role_required(*WHO)
@require_POST
def scenario_value(request, pk: int):
    scenario = _scenario(request.user, pk)
    if "remove" in request.POST:
        remove_own_value(scenario, request.POST["remove"])
        return redirect("economics:scenario", pk=pk)
    form = ValueForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            set_own_value(request.user, scenario, data["key"], float(data["value"]), data["reason"])
        except ParameterError as e:
            for problem in e.problems:
                form.add_error("value", problem)
        else:
            messages.success(request, _("Verdien er lagret."))
            return redirect("economics:scenario", pk=pk)
    return scenario_detail(request, pk, value_form=form)


@role_required(*WHO)
@require_POST
def scenario_rating(request, pk: int):
    scenario = _scenario(request.user, pk)
    if "remove" in request.POST:
        remove_rating(scenario, request.POST["remove"])
        return redirect("economics:scenario", pk=pk)
    form = RatingForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            rate_effect(
                request.user,
                scenario,
                data["key"],
                data["significance"],
                data["scope"],
                data["justification"],
            )
        except ValueError as e:
            form.add_error("justification", str(e))
        else:
            messages.success(request, _("Vurderingen er lagret."))
            return redirect("economics:scenario", pk=pk)
    return scenario_detail(request, pk, rating_form=form)
