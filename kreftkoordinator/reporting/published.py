"""Figures as they may leave an area: submitted reports' figures, several side by side (areas of
a position, positions of the country), through the one suppression (`audit.disclosure`).

A column of counts with its total is a one-way table; a breakdown over several reports is a
two-way table (reports by codes) with its margins. Shares are shown as percentages only, and not
where they would give a small count away (`share_reveals`), nor in a row where a count had to be
hidden: a share beside its own denominator would undo the hiding.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from kreftkoordinator import numbers
from kreftkoordinator.audit.disclosure import (
    HIDDEN,
    protect,
    protect_table,
    share_reveals,
    suppress,
)

from .registry import Indicator

UNKNOWN = "unknown"  # the part of a breakdown's total no code accounts for


class Cell(NamedTuple):
    """One published figure: its value, or None with the mark it is shown with. (A named
    tuple: a national view holds thousands, made and cached quickly.)"""

    value: int | float | None
    mark: str = ""  # "<5", "skjult" or ":" when suppressed
    share: bool = False

    @property
    def suppressed(self) -> bool:
        return bool(self.mark)

    def as_dict(self) -> dict:
        return {"value": self.value, "suppressed": self.suppressed}

    @property
    def text(self) -> str:
        """The cell as the suppression reads it: its mark, or its count as digits."""
        return self.mark or str(self.value)

    def __str__(self) -> str:
        return numbers.figure(self.value, mark=self.mark, share=self.share)


EMPTY = Cell(None)


def is_share(row: dict) -> bool:
    return row.get("denominator") is not None


def _from_text(text: str, value: int) -> Cell:
    return Cell(value) if text == str(value) else Cell(None, text)


def counts(values: list[int | None]) -> tuple[list[Cell], Cell]:
    """A column of counts (None where there is no figure) and its total, protected together."""
    present = [i for i, v in enumerate(values) if v is not None]
    protected = protect([values[i] or 0 for i in present])
    cells = [EMPTY] * len(values)
    for i, text in zip(present, protected.cells, strict=True):
        cells[i] = _from_text(text, values[i] or 0)
    return cells, _from_text(protected.total, sum(values[i] or 0 for i in present))


def shares(rows: list[dict | None]) -> tuple[list[Cell], Cell]:
    """A column of shares, each shown unless it gives a small count away; the total is the sum
    of the numerators over the sum of the denominators."""
    cells = []
    numerator = denominator = 0
    for row in rows:
        if row is None or row.get("denominator") is None:
            cells.append(EMPTY)
            continue
        numerator += row["numerator"] or 0
        denominator += row["denominator"] or 0
        cells.append(_share(row["numerator"] or 0, row["denominator"] or 0))
    return cells, _share(numerator, denominator)


def _share(numerator: int, denominator: int) -> Cell:
    if not denominator:
        return Cell(None, share=True)
    if share_reveals(numerator, denominator):
        return Cell(None, HIDDEN, share=True)
    return Cell(numerator / denominator, share=True)


def plain(rows: list[dict | None]) -> tuple[list[Cell], Cell]:
    """Figures that are not counts of people or records (a median number of hours): shown as
    they are, with no total."""
    return [Cell(row["value"]) if row else EMPTY for row in rows], EMPTY


def column(indicator: Indicator, rows: list[dict | None]) -> tuple[list[Cell], Cell]:
    """One indicator over several reports (None where a report is missing), and its total."""
    sample = next((r for r in rows if r is not None), None)
    if sample is None:
        return [EMPTY] * len(rows), EMPTY
    if is_share(sample):
        return shares(rows)
    if all(r is None or isinstance(r["value"], int) for r in rows):
        return counts([r["value"] if r else None for r in rows])
    return plain(rows)


def hide_shares_beside_hidden_counts(table: dict[str, list[Cell]]) -> None:
    """Where a report's count had to be hidden, its shares go too (a share and a count beside
    it could give the hidden count back)."""
    rows = len(next(iter(table.values()), []))
    for r in range(rows):
        if any(cells[r].mark == HIDDEN and not cells[r].share for cells in table.values()):
            for cells in table.values():
                if cells[r].share and cells[r].value is not None:
                    cells[r] = Cell(None, HIDDEN, share=True)


@dataclass
class Breakdown:
    codes: list[str]
    cells: list[list[Cell]]  # one row per report, one cell per code
    totals: list[Cell]  # per code over all reports


def breakdown(
    indicator: Indicator, rows: list[dict | None], values: list[Cell], total: Cell
) -> Breakdown:
    """A breakdown (contacts by mode, …) over several reports, under its indicator's column
    (`values`, `total`) as `column` published it: a two-way table whose margins stay as they
    are, when the parts add up; else each count on its own."""
    present = [i for i, r in enumerate(rows) if r is not None]
    codes = sorted({code for i in present for code in rows[i]["parts"]})  # type: ignore[index]
    # Submitted parts are as `report annual --json` has them: {"value": n, "suppressed": …}.
    matrix = [
        [(rows[i]["parts"].get(code) or {}).get("value") or 0 for code in codes]  # type: ignore[index]
        for i in present
    ]
    if not present:
        return Breakdown(codes, [[] for _r in rows], [])
    if indicator.parts_add_up:
        rest = [(rows[i]["value"] or 0) - sum(m) for i, m in zip(present, matrix, strict=True)]  # type: ignore[index]
        if any(rest):
            codes.append(UNKNOWN)
            matrix = [[*m, x] for m, x in zip(matrix, rest, strict=True)]
        protected = protect_table(
            matrix, row_totals=[values[i].text for i in present], total=total.text
        )
        texts, totals_text = protected.cells, protected.column_totals
    else:
        texts = [[suppress(n) for n in m] for m in matrix]
        totals_text = [suppress(sum(col)) for col in zip(*matrix, strict=True)]
    sums = [sum(col) for col in zip(*matrix, strict=True)]
    cells: list[list[Cell]] = [[EMPTY] * len(codes) for _r in rows]
    for i, text_row, m in zip(present, texts, matrix, strict=True):
        cells[i] = [_from_text(t, n) for t, n in zip(text_row, m, strict=True)]
    return Breakdown(
        codes, cells, [_from_text(t, n) for t, n in zip(totals_text, sums, strict=True)]
    )
