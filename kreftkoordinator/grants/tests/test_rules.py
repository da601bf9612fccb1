"""The worked examples of docs/grants.md, computed by hand there, reproduced to the krone."""

from datetime import date
from fractions import Fraction

import pytest

from kreftkoordinator.grants.rules import (
    LEAVE,
    SICK,
    VACANCY,
    Absence,
    Quarter,
    RuleError,
    Terms,
    add_years,
    calculate,
)

TABLE_3_1 = [75, 75, 75, 60, 40, 20]
APPENDIX_3 = [75, 75, 75, 60]


def example_1() -> Terms:
    return Terms.of(date(2024, 3, 15), 470_000, "0.35", TABLE_3_1)


def amounts(calc) -> dict[str, int]:
    return {str(s.quarter): s.amount for s in calc.statements}


def test_1_a_full_position_from_15_march():
    terms = example_1()
    assert terms.salary_costs == 634_500
    calc = calculate(terms)
    assert [y.grant for y in calc.years] == [475_875, 475_875, 475_875, 380_700, 253_800, 126_900]
    # Table 7-1 rounds the salary costs to 635 000 first.
    assert Fraction(75, 100) * 635_000 == 476_250
    first = calc.years[0]
    assert (first.first, first.last, first.days) == (date(2024, 3, 15), date(2025, 3, 14), 365)
    got = amounts(calc)
    assert [got[q] for q in ("2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1")] == [
        22_164,
        118_643,
        119_946,
        119_947,
        117_339,
    ]
    assert len(calc.statements) == 25 and str(calc.statements[-1].quarter) == "2030-Q1"
    assert calc.total == 2_189_025 == calc.exact_total


def test_2_a_half_position_with_social_costs_capped():
    terms = Terms.of(date(2025, 9, 1), 240_000, "0.40", TABLE_3_1)
    assert terms.salary_costs == 324_000 and terms.social_rate_used == Fraction(35, 100)
    assert "satt ned til 35\u00a0%" in terms.notes()[0]
    calc = calculate(terms)
    assert calc.years[0].grant == 243_000
    assert amounts(calc)["2025-Q3"] == 19_973 and amounts(calc)["2025-Q4"] == 61_249


def test_3_sick_leave_counts_from_the_17th_day_across_a_quarter():
    spell = Absence(SICK, date(2024, 6, 10), date(2024, 7, 19))
    assert spell.counted() == (date(2024, 6, 26), date(2024, 7, 19))
    calc = calculate(example_1(), [spell])
    got = amounts(calc)
    assert (got["2024-Q2"], got["2024-Q3"], got["2024-Q4"]) == (112_124, 95_175, 119_947)
    assert calc.statement(Quarter(2024, 2)).absence_days == 5
    assert calc.statement(Quarter(2024, 3)).absence_days == 19
    # A spell of 16 days or less never reduces the grant.
    assert Absence(SICK, date(2024, 6, 10), date(2024, 6, 25)).counted() is None


def test_4_a_vacancy_counts_every_day():
    calc = calculate(example_1(), [Absence(VACANCY, date(2024, 11, 1), date(2024, 12, 31))])
    assert amounts(calc)["2024-Q4"] == 40_417
    assert round(calc.payable(calc.years[0])) == 396_345


def test_5_a_leave_across_29_february_in_a_366_day_year():
    calc = calculate(example_1(), [Absence(LEAVE, date(2028, 2, 20), date(2028, 3, 5))])
    fourth = calc.years[3]
    assert (fourth.first, fourth.last, fourth.days) == (date(2027, 3, 15), date(2028, 3, 14), 366)
    assert calc.statement(Quarter(2028, 1)).years == (4, 5)  # two shares in one quarter
    assert calc.statement(Quarter(2028, 1)).absence_days == 15
    assert amounts(calc)["2028-Q1"] == 73_190
    assert round(calc.payable(fourth)) == 365_098


def test_6_the_older_four_year_scheme():
    terms = Terms.of(date(2013, 6, 1), 420_000, "0.30", APPENDIX_3)
    calc = calculate(terms)
    assert terms.salary_costs == 546_000 and terms.end == date(2017, 5, 31)
    assert [y.grant for y in calc.years] == [409_500, 409_500, 409_500, 327_600]
    assert calc.years[2].days == 366
    assert amounts(calc)["2013-Q2"] == 33_658
    assert len(calc.statements) == 17 and calc.total == 1_556_100


@pytest.mark.parametrize("seed", range(20))
def test_the_statements_always_add_up_to_the_rounded_exact_total(seed):
    import random

    rng = random.Random(seed)
    start = date(2012, 1, 1) + (date(2026, 1, 1) - date(2012, 1, 1)) * rng.random()
    terms = Terms.of(start, rng.randint(200_000, 700_000), rng.choice(["0.3", "0.35"]), TABLE_3_1)
    spells = []
    day = terms.start
    for _ in range(4):
        first = day + (terms.end - day) * rng.random() * 0.3
        last = min(first + (date(2000, 1, 1) - date(1999, 11, 1)) * rng.random(), terms.end)
        if first > terms.end:
            break
        spells.append(Absence(rng.choice([SICK, LEAVE, VACANCY]), first, last))
        day = last + (date(2000, 1, 2) - date(2000, 1, 1))
    calc = calculate(terms, spells)
    rounded = int(calc.exact_total + Fraction(1, 2))
    assert calc.total == rounded
    assert all(s.amount >= 0 for s in calc.statements)


def test_absences_outside_the_agreement_or_overlapping_are_refused_naming_each():
    with pytest.raises(RuleError) as e:
        calculate(
            example_1(),
            [
                Absence(LEAVE, date(2024, 1, 1), date(2024, 3, 20)),
                Absence(SICK, date(2024, 5, 1), date(2024, 5, 30)),
                Absence(VACANCY, date(2024, 5, 20), date(2024, 6, 5)),
                Absence(LEAVE, date(2024, 9, 5), date(2024, 9, 1)),
            ],
        )
    problems = e.value.problems
    assert any("utenfor avtalen" in p and "01.01.2024" in p for p in problems)
    assert any("overlapper" in p for p in problems)
    assert any("slutter før det begynner" in p for p in problems)


def test_bad_terms_are_refused_all_at_once():
    with pytest.raises(RuleError) as e:
        Terms.of(date(2024, 1, 1), 0, "1.2", [75, 120])
    assert len(e.value.problems) == 3


def test_agreement_years_from_29_february():
    start = date(2024, 2, 29)
    assert add_years(start, 1) == date(2025, 2, 28)
    years = calculate(Terms.of(start, 400_000, "0.35", TABLE_3_1)).years
    assert years[0].last == date(2025, 2, 27) and years[1].first == date(2025, 2, 28)
    assert years[3].days == 366  # 28.02.2027-28.02.2028


def test_a_declined_year_is_granted_nothing():
    calc = calculate(example_1(), declined=[2])
    assert calc.years[1].grant == 0 and calc.total == 2_189_025 - 475_875


def test_quarters():
    assert Quarter.parse("2024-q3") == Quarter(2024, 3)
    assert Quarter(2024, 4).next() == Quarter(2025, 1)
    assert Quarter(2025, 1).previous() == Quarter(2024, 4)
    assert Quarter(2024, 1).last == date(2024, 3, 31)
    for bad in ("2024-Q5", "2024", "Q3-2024", ""):
        with pytest.raises(RuleError, match="kvartal"):
            Quarter.parse(bad)
