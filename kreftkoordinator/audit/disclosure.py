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
# Narrowing a two-way table's cells line by line ends when nothing changes; on a table of
# counts that takes a few rounds. The cap keeps a pathological table from looping on.
PROPAGATION_ROUNDS = 50


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


@dataclass
class ProtectedTable:
    """A protected two-way table: the cells, each row's total, each column's total and the
    grand total, as they may be shown."""

    cells: list[list[str]]
    row_totals: list[str]
    column_totals: list[str]
    total: str


def protect_table(
    counts: Sequence[Sequence[int]],
    row_totals: Sequence[str] | None = None,
    total: str | None = None,
) -> ProtectedTable:
    """Protect a two-way table (rows by columns) whose row, column and grand totals are published
    too. Every row and every column with its total is a sum the reader can use, and she can use
    them together: what one line tells of a hidden cell narrows what another line allows. So
    what the reader can know of every cell is worked out over all lines at once (narrowing each
    cell by each line until nothing changes), and hiding goes on, one cell at a time, until no
    hidden cell is left with one possible value.

    `row_totals` and `total`, when given, are the margins as they are already published
    elsewhere (a breakdown's totals are its indicator's own column): they are taken as they
    are and never hidden further here."""
    rows = [[int(c) for c in row] for row in counts]
    width = len(rows[0]) if rows else 0
    # The grid with its margins: row totals in the last column, column totals in the last row.
    grid = [[*row, sum(row)] for row in rows]
    grid.append([sum(col) for col in zip(*grid, strict=True)] if rows else [0])
    shown: dict[tuple[int, int], str] = {
        (i, j): LESS_THAN_FIVE
        for i, row in enumerate(grid)
        for j, v in enumerate(row)
        if is_small(v)
    }
    fixed: set[tuple[int, int]] = set()
    if row_totals is not None:
        fixed |= {(i, width) for i in range(len(rows))}
        shown.update({(i, width): t for i, t in enumerate(row_totals) if t != str(grid[i][-1])})
    if total is not None:
        fixed.add((len(rows), width))
        shown.pop((len(rows), width), None)
        if total != str(grid[-1][-1]):
            shown[len(rows), width] = total
    lines = [[(i, j) for j in range(width + 1)] for i in range(len(grid))] + [
        [(i, j) for i in range(len(grid))] for j in range(width + 1)
    ]
    _protect_lines(grid, shown, lines, fixed)
    while True:
        known = _what_the_reader_knows(grid, shown, lines)
        # A fixed margin is protected where it is published; only this table's cells count.
        exposed = [c for c in shown if c not in fixed and _size(known[c], 2) == 1]
        if not exposed:
            break
        # One more cell hidden beside each exposed one (several at a time: re-reading a large
        # table after every single cell is what would make this slow).
        before = dict(shown)
        for cell in exposed:
            _hide_one_more(cell, grid, shown, lines, known, fixed)
        if shown == before:
            # Everything this table may hide is withheld; what is still known follows from
            # margins published (and protected) elsewhere, so a count that is not small is
            # shown rather than hidden in vain.
            for i, j in exposed:
                if not is_small(grid[i][j]):
                    del shown[i, j]
            break
    text = [[shown.get((i, j), str(v)) for j, v in enumerate(row)] for i, row in enumerate(grid)]
    return ProtectedTable(
        cells=[row[:-1] for row in text[:-1]],
        row_totals=[row[-1] for row in text[:-1]],
        column_totals=text[-1][:-1],
        total=text[-1][-1],
    )


def _protect_lines(grid, shown, lines, fixed) -> None:
    """First each row and column on its own, as `protect` does a one-way table, until no line
    gives a cell away by itself: cheap, and it leaves the joint reading below little to do."""
    changed = True
    while changed:
        changed = False
        for line in lines:
            values = [grid[i][j] for i, j in line]
            while True:
                marks = [shown.get(c) for c in line]
                if not any(marks) or not any(recoverable(_domains(values, marks))):
                    break
                open_cells = [k for k, c in enumerate(line) if c not in shown and c not in fixed]
                if not open_cells:
                    break  # left to the joint reading, which can withhold
                k = min(open_cells, key=lambda k: (values[k] == 0, values[k], k))
                shown[line[k]] = HIDDEN
                changed = True


def _hide_one_more(cell, grid, shown, lines, known, fixed) -> None:
    around = [c for line in lines if cell in line for c in line if c not in fixed]
    open_cells = [c for c in around if c not in shown]
    hidden = [c for c in around if shown[c] != WITHHELD] if not open_cells else []
    if open_cells:
        # The smallest count that can hide something: a positive one before a zero.
        i, j = min(open_cells, key=lambda c: (grid[c[0]][c[1]] == 0, grid[c[0]][c[1]], c))
        shown[i, j] = HIDDEN
    elif hidden:
        shown.update(dict.fromkeys(hidden, WITHHELD))
    else:  # every cell around is withheld already: withhold the whole table
        shown.update({c: WITHHELD for c in known if c not in fixed})


def _what_the_reader_knows(grid, shown, lines) -> dict[tuple[int, int], Domain]:
    """Each cell's possible values, narrowed by every line (cells sum to the line's total, the
    last) in turn until nothing changes."""
    known: dict[tuple[int, int], Domain] = {
        (i, j): (_domain_of(shown[i, j]) if (i, j) in shown else [(v, v)])
        for i, row in enumerate(grid)
        for j, v in enumerate(row)
    }
    # A line whose cells are all shown narrows nothing, and stays so.
    lines = [line for line in lines if any(c in shown for c in line)]
    for _round in range(PROPAGATION_ROUNDS):
        changed = False
        for line in lines:
            *cells, total = line
            # Shown cells narrow nothing: they add up to a constant, and only the others (few,
            # in a table of national counts) are narrowed, with sums of those before and after
            # each one so that each "all but this one" is one addition.
            loose = [c for c in cells if not _is_point(known[c])]
            if not loose and _is_point(known[total]):
                continue
            constant = sum(known[c][0][0] for c in cells if _is_point(known[c]))
            domains = [known[c] for c in loose]
            before, after = [[(constant, constant)]], [[(0.0, 0.0)]]
            for domain in domains:
                before.append(_add(before[-1], domain))
            for domain in reversed(domains):
                after.append(_add(after[-1], domain))
            after.reverse()
            narrowed = {total: _intersect(known[total], before[-1])}
            for k, cell in enumerate(loose):
                others = _add(before[k], after[k + 1])
                narrowed[cell] = _intersect(known[cell], _add(known[total], _negate(others)))
            for cell, domain in narrowed.items():
                if domain != known[cell]:
                    known[cell], changed = domain, True
        if not changed:
            break
    return known


def _is_point(domain: Domain) -> bool:
    return len(domain) == 1 and domain[0][0] == domain[0][1]


def _domains(values: list[int], shown: list[str | None]) -> list[Domain]:
    """What the reader knows of each cell (the total last)."""
    return [
        _domain_of(s) if s is not None else [(v, v)] for v, s in zip(values, shown, strict=True)
    ]


def _domain_of(text: str) -> Domain:
    return {LESS_THAN_FIVE: PRIMARY, HIDDEN: SECONDARY, WITHHELD: ANY}[text]


def recoverable(domains: list[Domain]) -> list[bool]:
    """For cells c_1..c_n and a total t (the last domain) with sum(c) = t: for each hidden one
    (a domain that is not a single value), whether the constraint leaves it one value."""
    *cells, total = domains
    # Shown cells add up to a constant; only the hidden ones are summed, with sums of those
    # before and after each one, so that a long line costs one pass, not one per cell.
    loose = [k for k, domain in enumerate(cells) if not _is_point(domain)]
    constant = sum(domain[0][0] for domain in cells if _is_point(domain))
    before: list[Domain] = [[(constant, constant)]]
    for k in loose:
        before.append(_add(before[-1], cells[k]))
    after: list[Domain] = [[(0, 0)]]
    for k in reversed(loose):
        after.append(_add(after[-1], cells[k]))
    after.reverse()
    result = [False] * len(domains)
    for position, k in enumerate(loose):
        others = _add(before[position], after[position + 1])
        result[k] = _size(_intersect(cells[k], _add(total, _negate(others))), 2) == 1
    if not _is_point(total):
        result[-1] = _size(_intersect(total, before[-1]), 2) == 1
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
