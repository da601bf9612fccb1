"""Figures that leave an area count distinct people and hide what could point at a person
(DESIGN section 3, rule 6). Every table shown outside an area goes through `protect`.

- Primary suppression: a count of 1 to 4 is shown as "<5".
- Secondary suppression: where the total and the shown cells would let a reader work out a
  hidden cell, further cells are hidden ("skjult") until none can be, the total last.
- A table that still gives a cell away with everything hidden (four people, one in each of four
  cells) is withheld: its cells are shown as ":" (as Statistics Norway marks figures withheld
  for confidentiality) and only its total is shown, as "<5".

What the reader is assumed to know (the strongest reader, docs/security.md): every shown number,
that a "<5" cell is 1 to 4, and that a "skjult" cell is 0 or at least 5 (it would be "<5"
otherwise). A hidden cell counts as recovered when those facts leave it one possible value;
`recoverable` decides that exactly, with interval arithmetic, for any size of count.

Differencing (learning a hidden count from two figures that differ by what one knows oneself,
such as one's own people) is prevented where figures are made: a coordinator sees her own
areas' count exactly and everyone else's as a separate protected figure that hers do not change.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

SMALL = 5
LESS_THAN_FIVE = "<5"
HIDDEN = "skjult"
WITHHELD = ":"

INF = math.inf
Interval = tuple[float, float]  # closed, integer-valued; hi may be INF, lo may be -INF
Domain = list[Interval]

PRIMARY: Domain = [(1, SMALL - 1)]
SECONDARY: Domain = [(0, 0), (SMALL, INF)]
ANY: Domain = [(0, INF)]


def is_small(count: int) -> bool:
    """1 to 4: a count that could point at a person."""
    return 0 < count < SMALL


def suppress(count: int) -> str:
    """A single count on its own: 1 to 4 are shown as "<5"."""
    return LESS_THAN_FIVE if is_small(count) else str(count)


def share_reveals(numerator: int, denominator: int) -> bool:
    """A share gives away a small count when the counted or the uncounted part is 1 to 4
    (2 of 40, and 38 of 40, both tell of two people)."""
    return is_small(numerator) or is_small(denominator - numerator)


@dataclass
class Protected:
    """A protected one-way table: the cells and the total as they may be shown."""

    cells: list[str]
    total: str


def protect(counts: Sequence[int]) -> Protected:
    """Protect a table of counts whose total is published too (a total is always assumed known:
    if not shown here, it may be elsewhere)."""
    counts = [int(c) for c in counts]
    total = sum(counts)
    shown: list[str | None] = [None] * (len(counts) + 1)  # the last one is the total
    values = [*counts, total]
    for i, value in enumerate(values):
        if is_small(value):
            shown[i] = LESS_THAN_FIVE
    while any(recoverable(_domains(values, shown))):
        candidates = [i for i in range(len(counts)) if shown[i] is None]
        if candidates:
            # The smallest count that can hide something: a positive one before a zero.
            pick = min(candidates, key=lambda i: (values[i] == 0, values[i], i))
        elif shown[-1] is None:
            pick = len(counts)
        else:
            shown[:-1] = [WITHHELD] * len(counts)
            break
        shown[pick] = HIDDEN
    text = [s if s is not None else str(v) for s, v in zip(shown, values, strict=True)]
    return Protected(cells=text[:-1], total=text[-1])


def _domains(values: list[int], shown: list[str | None]) -> list[Domain]:
    """What the reader knows of each cell (the total last)."""
    known = {LESS_THAN_FIVE: PRIMARY, HIDDEN: SECONDARY, WITHHELD: ANY}
    return [known[s] if s is not None else [(v, v)] for v, s in zip(values, shown, strict=True)]


def recoverable(domains: list[Domain]) -> list[bool]:
    """For cells c_1..c_n and a total t (the last domain) with sum(c) = t: for each hidden one
    (a domain that is not a single value), whether the constraint leaves it one value."""
    *cells, total = domains
    result = []
    for k, domain in enumerate(domains):
        if _size(domain, 2) == 1 and domain[0][0] == domain[0][1]:
            result.append(False)  # shown, nothing to recover
            continue
        if k == len(cells):
            feasible = _intersect(domain, _sum_all(cells))
        else:
            others = _sum_all(cells[:k] + cells[k + 1 :])
            feasible = _intersect(domain, _add(total, _negate(others)))
        result.append(_size(feasible, 2) == 1)
    return result


def _sum_all(domains: list[Domain]) -> Domain:
    total: Domain = [(0, 0)]
    for domain in domains:
        total = _add(total, domain)
    return total


def _add(a: Domain, b: Domain) -> Domain:
    return _merge([(x[0] + y[0], x[1] + y[1]) for x in a for y in b])


def _negate(a: Domain) -> Domain:
    return _merge([(-hi, -lo) for lo, hi in a])


def _intersect(a: Domain, b: Domain) -> Domain:
    out = [(max(x[0], y[0]), min(x[1], y[1])) for x in a for y in b]
    return _merge([(lo, hi) for lo, hi in out if lo <= hi])


def _merge(intervals: list[Interval]) -> Domain:
    merged: Domain = []
    for lo, hi in sorted(intervals):
        if merged and lo <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _size(domain: Domain, cap: int) -> int:
    """How many integers the domain holds, counting no further than `cap`."""
    n = 0
    for lo, hi in domain:
        n += cap if hi == INF or lo == -INF else int(hi - lo + 1)
        if n >= cap:
            return cap
    return n
