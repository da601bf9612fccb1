"""Kroner of another year: the consumer price index shipped as data, checked against SSB's
published annual changes, and the whole model moved to a chosen price year."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kreftkoordinator.economics.model import PARAMETERS, ParameterError, estimates, total
from kreftkoordinator.economics.model.prices import CPI, DATA, in_price_year
from kreftkoordinator.economics.model.uncertainty import simulate


def test_the_index_agrees_with_ssb_s_published_annual_changes():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    assert data["source"] and data["retrieved"] and data["url"].startswith("https://www.ssb.no")
    assert CPI.values[2015] == 100.0  # the reference year
    for year, change in data["checked_against"].items():
        ours = (CPI.values[int(year)] / CPI.values[int(year) - 1] - 1) * 100
        assert abs(ours - change) < 0.1, year  # one decimal each side


def test_a_krone_of_2017_in_2024_and_back():
    assert CPI.factor(2017, 2024) == pytest.approx(133.6 / 105.5)
    assert CPI.factor(2024, 2017) * CPI.factor(2017, 2024) == pytest.approx(1)
    assert CPI.factor(2017, 2017) == 1


def test_a_year_outside_the_index_is_refused_naming_the_years_it_has():
    with pytest.raises(ParameterError, match=r"Prisår 2031: .* 2015–2024"):
        CPI.factor(2017, 2031)


def test_every_result_moves_with_the_index_and_nothing_else_does():
    moved = in_price_year(PARAMETERS, 2024)
    f = CPI.factor(2017, 2024)
    assert moved["salary_annual"].base == pytest.approx(470_000 * f)
    assert moved["salary_annual"].price_year == 2024
    assert moved["patients_per_year"] == PARAMETERS["patients_per_year"]  # not an amount
    for ours, report in zip(estimates(moved), estimates(PARAMETERS), strict=True):
        assert ours.low == pytest.approx(report.low * f)
        assert ours.high == pytest.approx(report.high * f)
    # The same draws, every amount by the same factor: the same answer in other kroner.
    assert simulate(moved, 1_000).mean == pytest.approx(simulate(PARAMETERS, 1_000).mean * f)
    assert (
        simulate(moved, 1_000).probability_of_gain
        == simulate(PARAMETERS, 1_000).probability_of_gain
    )


@pytest.mark.django_db
def test_the_command_prints_the_chosen_price_year_and_reads_amounts_in_it():
    out = StringIO()
    call_command("economics", "--price-year", "2024", "--json", stdout=out)
    data = json.loads(out.getvalue())
    f = CPI.factor(2017, 2024)
    assert data["price_year"] == 2024
    assert data["price_index"]["factor_from_2017"] == pytest.approx(f, abs=1e-6)
    assert data["parameters"]["salary_annual"] == pytest.approx(470_000 * f)
    assert data["total"]["mid"] == pytest.approx(total(estimates(PARAMETERS)).mid * f, abs=1)
    # --set is read in the price year: a salary of 600 000 2024 kroner is just that.
    out = StringIO()
    call_command(
        "economics", "--price-year", "2024", "--set", "salary_annual=600000", "--json", stdout=out
    )
    salary = json.loads(out.getvalue())["effects"][0]
    assert salary["low"] == -600_000 * 1.40 and salary["high"] == -600_000 * 1.30


@pytest.mark.django_db
def test_the_command_refuses_a_price_year_without_an_index():
    with pytest.raises(CommandError, match="--price-year 2030: konsumprisindeksen har 2015–2024"):
        call_command("economics", "--price-year", "2030")
