"""The one formatter for money, shares and figures (issue 26, point 19), table by table."""

from decimal import Decimal
from fractions import Fraction

import pytest

from kreftkoordinator import numbers

S, M = "\u00a0", "\u2212"  # the no-break space and the minus sign


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (2.5, 0, Decimal(3)),
        (-2.5, 0, Decimal(-2)),  # half up, towards the larger number, as the grant rules
        (2.675, 2, Decimal("2.68")),  # read as written, not as the float just below it
        (Fraction(1, 2), 0, Decimal(1)),
        (Decimal("0.125"), 2, Decimal("0.13")),
        (595184.5, 0, Decimal(595185)),
        (-0.4, 0, Decimal(0)),
    ],
)
def test_rounding_is_half_up(value, places, expected):
    assert numbers.round_half_up(value, places) == expected


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [
        (22540, {}, f"22{S}540"),
        (999, {}, "999"),
        (1000, {}, f"1{S}000"),
        (1234567.891, {"places": 2}, f"1{S}234{S}567,89"),
        (-253301, {}, f"{M}253{S}301"),
        (4.4, {"places": 1}, "4,4"),
        (75.0, {"places": 1, "trim": True}, "75"),
        (0.35, {"places": 2}, "0,35"),
        (None, {}, "–"),
    ],
)
def test_number(value, kwargs, expected):
    assert numbers.number(value, **kwargs) == expected


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (595185, 0, f"kr{S}595{S}185"),
        (-253301.4, 0, f"kr{S}{M}253{S}301"),
        (475874.5, 0, f"kr{S}475{S}875"),
        (Fraction(123456789, 100), 2, f"kr{S}1{S}234{S}567,89"),
        (0, 0, f"kr{S}0"),
        (None, 0, "–"),
    ],
)
def test_kroner(value, places, expected):
    assert numbers.kroner(value, places) == expected


@pytest.mark.parametrize(
    ("share", "places", "expected"),
    [
        (0.37, 0, f"37{S}%"),
        (0.375, 0, f"38{S}%"),
        (0.375, 1, f"37,5{S}%"),
        (Fraction(3, 4), 1, f"75{S}%"),
        (0.005, 0, f"1{S}%"),
        (0, 0, f"0{S}%"),
        (None, 0, "–"),
    ],
)
def test_percent(share, places, expected):
    assert numbers.percent(share, places) == expected


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [
        (22540, f"375{S}t 40{S}min"),
        (40, f"40{S}min"),
        (120, f"2{S}t"),
        (60 * 1500 + 5, f"1{S}500{S}t 5{S}min"),
        (None, "–"),
    ],
)
def test_hours_and_minutes(minutes, expected):
    assert numbers.hours_and_minutes(minutes) == expected


@pytest.mark.parametrize(
    ("args", "kwargs", "expected"),
    [
        ((10 / 27, 10, 27), {}, f"37{S}% (10 av 27)"),
        ((None, 0, 0), {}, "–"),
        ((3,), {"mark": "<5"}, "<5"),
        ((0.52,), {"share": True}, f"52{S}%"),
        ((22540,), {"minutes": True}, f"375{S}t 40{S}min"),
        ((22540,), {}, f"22{S}540"),
        ((4.4,), {}, "4,4"),
        ((12.0,), {}, "12"),
        ((None,), {}, "–"),
    ],
)
def test_figure(args, kwargs, expected):
    assert numbers.figure(*args, **kwargs) == expected


def test_with_unit():
    assert numbers.with_unit(4.4, "døgn", 1) == f"4,4{S}døgn"
    assert numbers.with_unit(18213.2, "kr") == f"18{S}213{S}kr"
