from datetime import date

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kreftkoordinator.exports import download
from kreftkoordinator.forms import fits_a_key
from kreftkoordinator.languages import document_links, write_for
from kreftkoordinator.organisation.models import today
from kreftkoordinator.roles import Role, post_only, role_required
from kreftkoordinator.text import InvisibleCharacter, plain_text

from . import charts
from .brief import Resolution, docx_brief
from .exports import xlsx_workbook
from .forms import RatingForm, ReadingForm, SalaryForm, ScenarioForm, ValueForm
from .model.stakeholders import STAKEHOLDERS
from .models import Scenario, salary_positions
from .results import agreement_years, scenario_result
from .words import headline, index_in_words, summary, uncertainty_in_words
from .workflows import (
    choose_reading,
    rate_effect,
    remove_own_value,
    remove_rating,
    set_own_value,
    set_position_salary,
)

WHO = (Role.COORDINATOR, Role.LEADER, Role.PROGRAMME)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _scenario(user, pk: int) -> Scenario:
    """The one access helper: a scenario of a position wholly within the user's figure scope."""
    return get_object_or_404(
        Scenario.objects.visible_to(user).select_related("position__host_area"), pk=pk
    )


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
    if not all(fits_a_key(pk) for pk in ids):
        raise Http404
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


def resolution_from(query) -> Resolution:
    """The brief's proposed resolution as the form above its link asks for it: from when
    (1 January next year unless given), where the money comes from, and its heading."""
    try:
        start = date.fromisoformat(query.get("fra", ""))
    except ValueError:
        start = date(today().year + 1, 1, 1)
    try:
        funding = plain_text(query.get("finansiering", "")).strip()[:200]
    except InvisibleCharacter:  # a pasted control character: the usual wording instead
        funding = ""
    return Resolution(
        start,
        funding or _("kommunens budsjett for helse og omsorg"),
        recommendation=query.get("overskrift") == "innstilling",
    )


@role_required(*WHO)
def scenario_detail(request, pk: int, value_form=None, rating_form=None):
    scenario = _scenario(request.user, pk)
    year = request.GET.get("avtaleaar", "")
    agreement_year = int(year) if year.isascii() and year.isdigit() else None
    kind = request.GET.get("format")
    if kind in ("docx", "xlsx"):
        # Written for the municipality: in its language form unless the writer chose another.
        write_for(request, scenario.position.host_area)
        result = scenario_result(
            scenario, protect=not request.user.is_coordinator, agreement_year=agreement_year
        )
        if kind == "xlsx":
            return xlsx_workbook(scenario, result).response(f"scenario-{scenario.pk}.xlsx")
        brief = docx_brief(scenario, result, resolution_from(request.GET))
        return download(brief, f"saksframlegg-{scenario.pk}.docx", DOCX)
    result = scenario_result(
        scenario, protect=not request.user.is_coordinator, agreement_year=agreement_year
    )
    default = resolution_from({})
    context = {
        "scenario": scenario,
        "result": result,
        "brief_start": default.start,
        "brief_funding": default.funding,
        "document_links": document_links(
            request,
            scenario.position.host_area,
            format="docx",
            **({"avtaleaar": year} if year else {}),
        ),
        "summary": summary(scenario, result),
        "answer": headline(result),
        "uncertainty": uncertainty_in_words(result),
        "index_words": index_in_words(result.index, today().year),
        "value_form": value_form or ValueForm(),
        "rating_form": rating_form or RatingForm(),
        "reading_form": ReadingForm(instance=scenario),
        "salary_editable": salary_positions(request.user).filter(pk=scenario.position_id).exists(),
        "waterfall": charts.waterfall(result.estimates, result.total),
        "tornado": charts.tornado_chart(result.swings, result.centre),
        "distribution": charts.distribution_chart(result.simulation),
        "stakeholders": STAKEHOLDERS,
        "party_rows": [(s.label, [s.parts[p] for p in STAKEHOLDERS]) for s in result.splits],
        "party_totals": [result.parties[p] for p in STAKEHOLDERS],
        "agreement_years": agreement_years(),
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
@post_only(lambda request, pk: reverse("economics:scenario", args=[pk]))
def scenario_value(request, pk: int):
    def save(scenario, data):
        set_own_value(request.user, scenario, data["key"], float(data["value"]), data["reason"])

    return _change(request, pk, ValueForm, save, remove_own_value, "value", _("Verdien er lagret."))


@role_required(*WHO)
@post_only(lambda request, pk: reverse("economics:scenario", args=[pk]))
def scenario_rating(request, pk: int):
    def save(scenario, data):
        rate_effect(
            request.user,
            scenario,
            data["key"],
            data["significance"],
            data["scope"],
            data["justification"],
        )

    return _change(
        request, pk, RatingForm, save, remove_rating, "justification", _("Vurderingen er lagret.")
    )


def _change(request, pk: int, form_class, save, remove, field: str, done: str):
    """A value or rating of one's own: removed, or saved from the form; a refusal (in
    Norwegian, naming what is wrong) shows the page again with what was typed."""
    scenario = _scenario(request.user, pk)
    if "remove" in request.POST:
        remove(scenario, request.POST["remove"])
        return redirect("economics:scenario", pk=pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            save(scenario, form.cleaned_data)
        except ValueError as e:  # ParameterError names every problem
            for problem in getattr(e, "problems", [str(e)]):
                form.add_error(field, problem)
        else:
            messages.success(request, done)
            return redirect("economics:scenario", pk=pk)
    forms = {ValueForm: "value_form", RatingForm: "rating_form"}
    return scenario_detail(request, pk, **{forms[form_class]: form})


@role_required(*WHO)
@post_only(lambda request, pk: reverse("economics:scenario", args=[pk]))
def scenario_reading(request, pk: int):
    """Which home deaths the scenario counts as added by the coordinator (7.5.6)."""
    scenario = _scenario(request.user, pk)
    form = ReadingForm(request.POST, instance=scenario)
    if form.is_valid():
        choose_reading(scenario, form.cleaned_data["home_death_reading"])
        messages.success(request, _("Lesningen er lagret."))
    else:
        messages.error(request, _("Velg en av lesningene av hjemmedødsfallene."))
    return redirect("economics:scenario", pk=pk)


@role_required(Role.LEADER, Role.ADMIN)
def position_salary(request, pk: int):
    """The position's own salary figures: its host area's leader, or an administrator."""
    position = get_object_or_404(salary_positions(request.user), pk=pk)
    form = SalaryForm(request.POST or None, instance=position)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        set_position_salary(
            request.user,
            position,
            data["salary_annual"],
            data["social_cost_rate"],
            data["salary_price_year"],
        )
        messages.success(request, _("Lønnen er lagret."))
        return redirect("economics:position_salary", pk=pk)
    return render(request, "economics/salary.html", {"position": position, "form": form})
