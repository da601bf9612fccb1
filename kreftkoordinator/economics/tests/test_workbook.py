"""The scenario workbook for the municipality's controller (issue 31, point 3), cell by cell:
labels as headers with the keys beside them, amounts as numbers in whole-krone formats, totals
as formulas over their parts that come to the brief's totals, the header kept in view, and a
sheet saying where the figures come from."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from kreftkoordinator.conftest import login
from kreftkoordinator.economics.model.effects import whole
from kreftkoordinator.economics.models import Scenario
from kreftkoordinator.economics.results import scenario_result
from kreftkoordinator.exports import SHARE, WHOLE


@pytest.fixture
def workbook(client, per, drammen_position):
    scenario = Scenario.objects.create(
        name="Drammen 2025", position=drammen_position, year=2025, created_by=per
    )
    login(client, per)
    url = reverse("economics:scenario", args=[scenario.pk])
    content = client.get(url, {"format": "xlsx"}).content
    return load_workbook(BytesIO(content)), scenario_result(scenario)


def summed(sheet, formula: str) -> float:
    """What Excel makes of one of our =SUM(C2:C11) formulas."""
    assert formula.startswith("=SUM(") and formula.endswith(")")
    first, last = formula[5:-1].split(":")
    return sum(cell.value for (cell,) in sheet[first:last])


def by_key(sheet) -> dict:
    return {row[1].value: row for row in sheet.iter_rows(min_row=2)}


@pytest.mark.django_db
def test_the_effects_and_their_total_as_a_formula(workbook):
    book, result = workbook
    sheet = book["Virkninger"]
    header = [c.value for c in sheet[1]]
    assert header == [
        "Virkning",
        "Nøkkel",
        "Lavt, 2017-kroner",
        "Høyt, 2017-kroner",
        "Midt, 2017-kroner",
    ]
    assert sheet.freeze_panes == "C2" and sheet["A1"].font.bold
    rows = by_key(sheet)
    for e in result.estimates:
        cells = rows[e.key][2:]
        assert [c.data_type for c in cells] == ["n"] * 3
        assert [c.number_format for c in cells] == [WHOLE] * 3
        assert cells[0].value == pytest.approx(e.low)
    total = rows["total"]
    assert [c.data_type for c in total[2:]] == ["f"] * 3
    assert total[2].value == f"=SUM(C2:C{len(result.estimates) + 1})"
    # The sum of the parts is the brief's total, to the krone.
    assert whole(summed(sheet, total[2].value)) == whole(result.total.low)
    assert whole(summed(sheet, total[3].value)) == whole(result.total.high)


@pytest.mark.django_db
def test_each_party_s_total_is_the_sum_of_its_rows(workbook):
    book, result = workbook
    sheet = book["Per part"]
    totals = [row for row in sheet.iter_rows(min_row=2) if row[1].value == "total"]
    assert [row[2].value for row in totals] == [
        "Kommunen",
        "Kreftforeningen",
        "Spesialisthelsetjenesten",
        "Samfunnet",
    ]
    for row, party in zip(totals, result.parties.values(), strict=True):
        assert row[3].data_type == "f"
        assert whole(summed(sheet, row[3].value)) == whole(party.low)
        assert whole(summed(sheet, row[4].value)) == whole(party.high)


@pytest.mark.django_db
def test_parameters_have_the_format_of_their_unit(workbook):
    book, result = workbook
    rows = by_key(book["Parametre"])
    salary, share = rows["salary_annual"], rows["social_cost_rate"]
    assert salary[2].value == "kr" and salary[4].number_format == WHOLE
    assert salary[4].value == pytest.approx(result.parameters["salary_annual"].base)
    assert share[4].number_format == SHARE and 0 < share[4].value < 1
    assert rows["patients_per_year"][4].number_format == WHOLE
    assert rows["patients_per_year"][6].value.startswith("Evalueringen 2017")  # its source


@pytest.mark.django_db
def test_the_years_with_the_funder_s_share_and_their_sums(workbook):
    book, result = workbook
    sheet = book["År for år"]
    assert sheet.freeze_panes == "C2"
    first = by_key(sheet)[1]
    assert first[0].value == "År 1" and first[2].number_format == SHARE
    assert first[2].value == result.plan[0].funder_share
    assert first[4].value == pytest.approx(result.plan[0].grant)
    total = by_key(sheet)["total"]
    assert total[4].value == f"=SUM(E2:E{len(result.plan) + 1})"
    assert whole(summed(sheet, total[6].value)) == whole(result.plan[-1].cumulated)


@pytest.mark.django_db
def test_the_uncertainty_and_where_the_figures_come_from(workbook):
    book, result = workbook
    rows = by_key(book["Usikkerhet"])
    assert rows["probability_of_gain"][2].number_format == SHARE
    assert rows["seed"][2].value == result.simulation.seed
    assert [c.value for c in rows["interval_90"][2:4]] == pytest.approx(
        list(result.simulation.interval_90)
    )
    swings = by_key(book["Følsomhet"])
    assert set(swings) == {s.key for s in result.swings}
    about = {row[0]: row[1] for row in book["Om tallene"].iter_rows(values_only=True)}
    assert "kapittel 7" in about["Kilde"] and "2017-kroner" in about["Prisår"]
    assert about["Scenario"] == "Drammen 2025: Kreftkoordinator i Drammen"
    assert set(about) >= {"Prisindeks", "Usikkerhet", "Laget"}
