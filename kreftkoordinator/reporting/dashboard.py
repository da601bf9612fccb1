"""The area leader's dashboard: the submitted reports of the positions covering her areas, over
the years, her areas apart; figures only, suppressed as figures that leave casework.

A position that also covers areas outside her scope (an inter-municipal position) shows only
her own areas: its total, beside her areas, would give the others' figures away.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import OuterRef, Prefetch, Subquery

from kreftkoordinator.organisation.models import Area, Position

from .indicators import REGISTRY
from .models import Submission
from .published import Cell, column, hide_shares_beside_hidden_counts

YEARS_SHOWN = 5


@dataclass
class Column:
    year: int
    heading: str  # the position, or one of its areas
    submission: Submission


@dataclass
class PositionHistory:
    position: Position
    areas: list[Area]  # the position's areas within the leader's scope
    whole: bool  # all the position's areas are within her scope
    columns: list[Column] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)  # (indicator, [Cell per column])
    submissions: list[Submission] = field(default_factory=list)  # newest first
    every_year: list[Submission] = field(default_factory=list)  # since the position began
    headlines: list = field(default_factory=list)  # headline.Headline, when wholly hers
    groups: list = field(default_factory=list)  # the rows in their groups, as groups.grouped


def latest_versions(positions) -> list[Submission]:
    """The latest version of each position's report for each year, newest year first."""
    newest = (
        Submission.objects.filter(position=OuterRef("position"), year=OuterRef("year"))
        .order_by("-version")
        .values("version")[:1]
    )
    return list(
        Submission.objects.filter(position__in=positions, version=Subquery(newest))
        .select_related("submitted_by")
        .order_by("position", "-year")
    )


def leader_dashboard(areas) -> list[PositionHistory]:
    """Each position covering any of `areas` (the leader's figure scope), with its submitted
    reports' figures for at most the last five years submitted."""
    scope = {a.pk for a in areas}
    positions = list(
        Position.objects.filter(covered_areas__in=scope)
        .distinct()
        .prefetch_related(Prefetch("covered_areas", queryset=Area.objects.order_by("code")))
        .order_by("name")
    )
    by_position: dict[int, list[Submission]] = {}
    for submission in latest_versions(positions):
        by_position.setdefault(submission.position_id, []).append(submission)
    histories = []
    for position in positions:
        covered = list(position.covered_areas.all())
        mine = [a for a in covered if a.pk in scope]
        history = PositionHistory(position, mine, whole=len(mine) == len(covered))
        history.every_year = by_position.get(position.pk, [])
        history.submissions = history.every_year[:YEARS_SHOWN]
        _fill(history, multi=len(covered) > 1)
        histories.append(history)
    return histories


def _fill(history: PositionHistory, multi: bool) -> None:
    """The columns (per year: the position when it is wholly hers, then each of her areas when
    it covers several) and the rows, each year's cells protected together."""
    year_cells: list[dict[str, list[Cell]]] = []
    for submission in history.submissions:
        reports: list[tuple[str, dict]] = []
        if history.whole:
            reports.append((history.position.name, submission.figures["indicators"]))
        if multi:
            by_area = submission.figures.get("by_area", {})
            reports += [
                (area.name, by_area[area.code]["indicators"])
                for area in history.areas
                if area.code in by_area
            ]
        history.columns += [Column(submission.year, h, submission) for h, _r in reports]
        cells: dict[str, list[Cell]] = {}
        for key, indicator in REGISTRY.items():
            rows = [r.get(key) for _h, r in reports]
            if history.whole and multi:
                # The position beside its areas: the areas as one table, the position's own
                # figure (its total) on its own.
                own, _t = column(indicator, rows[:1])
                areas, _total = column(indicator, rows[1:])
                cells[key] = own + areas
            else:
                cells[key] = [column(indicator, [row])[0][0] for row in rows]
        hide_shares_beside_hidden_counts(cells)
        year_cells.append(cells)
    history.rows = [
        (indicator, [cell for cells in year_cells for cell in cells[key]])
        for key, indicator in REGISTRY.items()
    ]
