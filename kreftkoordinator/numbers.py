"""Numbers written the Norwegian way, for pages, exports and documents alike: the one place that
formats money, shares and figures.

- One rounding: half up (2,5 gives 3, −2,5 gives −2), exact for decimal input, as the grant
  rules round kroner (`grants/rules.py: round_half_up`).
- Thousands grouped with a no-break space (22 540), a decimal comma (4,4), the minus sign
  (−, U+2212) rather than a hyphen, and a no-break space before a unit (37 %, kr 595 185).
- Money as "kr 595 185" (Språkrådet's order); shares as whole per cent unless asked for more.

The word-free helpers import nothing (the economics core and the grant rules are plain Python
and may use them); the few helpers with words look them up in Django's catalogue when called.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

NBSP = "\u00a0"
MINUS = "\u2212"
DASH = "–"  # an empty figure

Number = int | float | Decimal | Fraction


def _exact(value: Number) -> Fraction:
    # A float goes through its shortest decimal form, so 2.675 is read as written, not as the
    # binary fraction just below it.
    if isinstance(value, float):
        return Fraction(Decimal(repr(value)))
    return Fraction(value)


def round_half_up(value: Number, places: int = 0) -> Decimal:
    """`value` rounded half up to `places` decimals."""
    scale = Fraction(10) ** places
    whole = int((_exact(value) * scale + Fraction(1, 2)).__floor__())
    return Decimal(whole).scaleb(-places)


def number(value: Number | None, places: int = 0, trim: bool = False) -> str:
    """22 540; 4,4; −253 301. With `trim`, a decimal part of noughts is left out (75 rather
    than 75,0). None is a dash."""
    if value is None:
        return DASH
    rounded = round_half_up(value, places)
    sign = MINUS if rounded < 0 else ""
    whole, _, decimals = f"{abs(rounded):.{places}f}".partition(".")
    if trim:
        decimals = decimals.rstrip("0")
    groups: list[str] = []
    while len(whole) > 3:
        whole, tail = whole[:-3], whole[-3:]
        groups.insert(0, tail)
    text = NBSP.join([whole, *groups])
    return sign + text + ("," + decimals if decimals else "")


def for_files(value: Number, places: int = 2) -> str:
    """118643,00; -2000,00: no grouping, a decimal comma and a plain hyphen for the minus, as a
    ledger import and Excel in a Norwegian locale read a CSV cell."""
    rounded = round_half_up(value, places)
    return f"{rounded:.{places}f}".replace(".", ",")


def kroner(value: Number | None, places: int = 0) -> str:
    """kr 595 185; kr −253 301; kr 1 234,50 with `places=2`. None is a dash."""
    if value is None:
        return DASH
    return f"kr{NBSP}{number(value, places)}"


def percent(share: Number | None, places: int = 0) -> str:
    """A share (0.37) as per cent: 37 %. `places` decimals at most, noughts left out
    (37,5 %; 75 %). None is a dash."""
    if share is None:
        return DASH
    return f"{number(_exact(share) * 100, places, trim=True)}{NBSP}%"


def with_unit(value: Number | None, unit: str, places: int = 0) -> str:
    """4,4 døgn; 12 pasienter."""
    if value is None:
        return DASH
    return f"{number(value, places, trim=True)}{NBSP}{unit}".rstrip()


def _(text: str) -> str:
    from django.utils.translation import gettext

    return gettext(text)


def hours_and_minutes(minutes: int | None) -> str:
    """22 540 minutes as "375 t 40 min"; under an hour "40 min"."""
    if minutes is None:
        return DASH
    sign = MINUS if minutes < 0 else ""
    hours, rest = divmod(abs(int(minutes)), 60)
    if not hours:
        return f"{sign}{rest}{NBSP}{_('min')}"
    text = f"{sign}{number(hours)}{NBSP}{_('t')}"
    return f"{text} {rest}{NBSP}{_('min')}" if rest else text


def share_of(share: Number | None, numerator: int | None, denominator: int | None) -> str:
    """A share with its counts: "37 % (10 av 27)"; without a denominator, a dash."""
    if share is None or numerator is None or not denominator:
        return DASH
    return f"{percent(share)} ({number(numerator)} {_('av')} {number(denominator)})"


def figure(
    value: Number | None,
    numerator: int | None = None,
    denominator: int | None = None,
    *,
    mark: str = "",
    share: bool = False,
    minutes: bool = False,
) -> str:
    """A figure as every page, export and document shows it: its suppression mark ("<5"), a
    dash when empty, a share with its counts ("37 % (10 av 27)") or as per cent alone (a
    median of shares), minutes as hours and minutes, a count grouped (22 540), any other
    number with one decimal (4,4)."""
    if mark:
        return mark
    if value is None:
        return DASH
    if denominator is not None and numerator is not None:
        return share_of(value, numerator, denominator)
    if share:
        return percent(value)
    if minutes:
        return hours_and_minutes(int(round_half_up(value)))
    if isinstance(value, float | Decimal | Fraction) and value != int(value):
        return number(value, 1)
    return number(value)
