"""The model against the evaluation's printed figures: table 7-7 (each effect's low and high) and
figure 0-1 (the midpoints), and what happens when a municipality sets its own figures."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kreftkoordinator.economics.model import (
    EFFECTS,
    PARAMETERS,
    ParameterError,
    estimates,
    total,
    with_values,
)

# Table 7-7, per coordinator per year, 2017 kroner (low, high).
TABLE_7_7 = {
    "salary_and_social_costs": (-700_000, -600_000),
    "delayed_discharge": (40_000, 80_000),
    "short_term_stays": (10_000, 90_000),
    "less_home_care": (50_000, 200_000),
    "deferred_nursing_home": (65_000, 250_000),
    "home_death": (-90_000, 50_000),
    "efficient_coordination": (20_000, 45_000),
    "relief_of_other_services": (100_000, 300_000),
    "increased_service_use": (-200_000, -50_000),
}


def close(ours: float, printed: float) -> bool:
    """Within 10 % or NOK 10 000 of the printed figure, whichever is larger (issue 9)."""
    return abs(ours - printed) <= max(0.10 * abs(printed), 10_000)


def by_key(found):
    return {e.key: e for e in found}


def test_the_nine_effects_are_those_of_table_7_7():
    assert [e.key for e in EFFECTS] == list(TABLE_7_7)


@pytest.mark.parametrize("key", TABLE_7_7)
def test_each_effect_reproduces_table_7_7(key):
    found = by_key(estimates())[key]
    low, high = TABLE_7_7[key]
    assert close(found.low, low), (key, found.low, low)
    assert close(found.high, high), (key, found.high, high)


def test_figure_0_1_is_the_midpoints():
    found = by_key(estimates())
    for key, (low, high) in TABLE_7_7.items():
        assert close(found[key].mid, (low + high) / 2), key
    # The printed midpoints sum to -170 000; the report rounds its verdict to about -200 000.
    assert close(total(estimates()).mid, -170_000)


def test_the_report_s_own_workings():
    """Figures the text gives on the way: 17 and 9 delayed-discharge days (figure 7-5), 5.5 and
    40 days of short-term stay (table 7-2), 90 and 375 hours of home care (table 7-3), 635 000 in
    salary and social costs (7.2)."""
    base = {k: p.base for k, p in PARAMETERS.items()}
    days = base["patients_per_year"] * base["delayed_discharge_avg_days"] / 2
    assert round(days * 0.05) == 9 and round(days * 0.10) == 17
    stays = base["patients_per_year"] * base["short_term_stay_share"]
    assert round(stays * 0.20 * 1, 1) == 5.5 and abs(stays * 0.50 * 3 - 40) < 1.5
    hours = base["patients_per_year"] * base["less_home_care_weeks"]
    assert abs(hours * 0.10 * 1 - 90) < 5 and round(hours * 0.20 * 2) == 374
    assert round(base["salary_annual"] * (1 + base["social_cost_rate"]), -3) == 634_000


def test_an_effect_follows_a_parameter_it_depends_on():
    mine = by_key(estimates(with_values({"delayed_discharge_day_price": 9_244})))
    report = by_key(estimates())
    assert mine["delayed_discharge"].low == pytest.approx(2 * report["delayed_discharge"].low)
    assert mine["short_term_stays"] == report["short_term_stays"]  # not a parameter of it


def test_a_municipality_s_own_figure_fixes_low_and_high():
    mine = by_key(estimates(with_values({"patients_per_year": 120, "relief_share": 0.3})))
    assert mine["relief_of_other_services"].low == mine["relief_of_other_services"].high
    assert mine["less_home_care"].high == pytest.approx(205_920 * 120 / 78)


def test_bad_parameters_are_refused_all_at_once_naming_each():
    with pytest.raises(ParameterError) as caught:
        with_values({"home_care_hour_price": -5, "relief_share": 1.5, "nei": 1})
    problems = "\n".join(caught.value.problems)
    assert "Ukjent parameter: nei. Gyldige:" in problems and "patients_per_year" in problems
    assert "home_care_hour_price" in problems and "negativ" in problems
    assert "relief_share" in problems and "over 100 %" in problems


def test_low_above_high_is_refused():
    from dataclasses import replace

    upside_down = replace(PARAMETERS["relief_share"], low=0.5, high=0.15)
    assert any("lavt" in p for p in upside_down.problems())


@pytest.mark.django_db
def test_the_command_prints_json_with_the_contract_s_keys():
    out = StringIO()
    call_command("economics", "--set", "patients_per_year=100", "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["parameters"]["patients_per_year"] == 100
    assert [e["key"] for e in data["effects"]] == list(TABLE_7_7)
    assert set(data["effects"][0]) == {"key", "label", "stakeholder", "low", "high", "mid"}
    assert set(data["total"]) == {"low", "high", "mid"}
    # Each effect is rounded to the krone, the total from the exact sums.
    assert abs(data["total"]["mid"] - sum(e["mid"] for e in data["effects"])) <= 9


@pytest.mark.django_db
def test_the_command_refuses_bad_settings_with_a_message():
    with pytest.raises(CommandError, match="Gyldige"):
        call_command("economics", "--set", "foo=1")
    with pytest.raises(CommandError, match="ikke et tall"):
        call_command("economics", "--set", "patients_per_year=mange")
    for endless in ("inf", "nan"):
        with pytest.raises(CommandError, match="endelig tall"):
            call_command("economics", "--set", f"patients_per_year={endless}")
    out = StringIO()
    call_command("economics", stdout=out)
    assert "Sum prissatte virkninger" in out.getvalue()
    assert "\u2212700\u00a0000" in out.getvalue()
    assert "alt går dårlig" in out.getvalue()


@pytest.mark.django_db
def test_the_report_s_verdict_is_its_own_judgement_not_table_7_7_summed():
    """7.10: about -200 000, interval -500 000 to 200 000; table 7-7's lows sum to -705 000
    and its highs to +365 000 (issue 26, point 1)."""
    assert sum(low for low, _high in TABLE_7_7.values()) == -705_000
    assert sum(high for _low, high in TABLE_7_7.values()) == 365_000
    out = StringIO()
    call_command("economics", "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["report_verdict"] == {
        "mid": -200000,
        "low": -500000,
        "high": 200000,
        "section": "7.10",
    }


@pytest.mark.django_db
def test_the_report_s_verdict_moves_with_the_price_year():
    from kreftkoordinator.economics.model.prices import CPI

    out = StringIO()
    call_command("economics", "--json", "--price-year", "2024", stdout=out)
    verdict = json.loads(out.getvalue())["report_verdict"]
    factor = CPI.factor(2017, 2024)
    assert verdict["mid"] == round(-200_000 * factor)
    assert verdict["low"] == round(-500_000 * factor)
    assert verdict["high"] == round(200_000 * factor)
    assert verdict["section"] == "7.10"


def test_the_coordinator_s_summed_estimates_follow_the_report_s_arithmetic():
    """Issue 29, point 4: 10 days of short-term stay avoided at 2 730 - 550; 3 hours a week of
    home care for the 12 weeks of the first phase at 550; 4 weeks of nursing home deferred, each
    7 days at 2 730 less 15 to 20 hours of home care a week (table 7-4)."""
    from kreftkoordinator.economics.model import estimates
    from kreftkoordinator.economics.model.parameters import with_values

    own = with_values(
        {
            "short_term_days_avoided": 10,
            "home_care_hours_saved_per_week": 3,
            "nursing_home_weeks_deferred": 4,
        }
    )
    found = {e.key: e for e in estimates(own)}
    assert (found["short_term_stays"].low, found["short_term_stays"].high) == (21_800, 21_800)
    assert (found["less_home_care"].low, found["less_home_care"].high) == (19_800, 19_800)
    deferred = found["deferred_nursing_home"]
    assert (deferred.low, deferred.high) == (4 * (7 * 2_730 - 20 * 550), 4 * (7 * 2_730 - 15 * 550))
    # Without them, the report's shares and table 7-7's figures.
    report = {e.key: e for e in estimates()}
    assert "short_term_days_avoided" not in with_values({})
    assert report["short_term_stays"].low != found["short_term_stays"].low
