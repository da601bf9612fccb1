"""The national view: every position's submitted figures for a year side by side, their
distribution, the national totals, who has not submitted, and coverage. Read from submitted
reports only (what the positions have signed), never from casework, and suppressed throughout.

The distribution (mean, median, standard deviation, min, max, as the evaluation's tables give
them) is taken over the published cells only, so that no statistic can give back a hidden one.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Max, OuterRef, Prefetch, Q, Subquery, Sum

from kreftkoordinator.audit.disclosure import SMALL
from kreftkoordinator.organisation.models import Area, Population, Position

from .indicators import REGISTRY
from .models import Submission
from .published import Breakdown, Cell, breakdown, column, hide_shares_beside_hidden_counts


@dataclass
class Distribution:
    n: int
    mean: float | None = None
    median: float | None = None
    sd: float | None = None
    min: float | None = None
    max: float | None = None

    @classmethod
    def of(cls, cells: list[Cell]) -> Distribution:
        values = [c.value for c in cells if c.value is not None]
        if not values:
            return cls(0)
        return cls(
            n=len(values),
            mean=statistics.fmean(values),
            median=statistics.median(values),
            sd=statistics.stdev(values) if len(values) > 1 else None,
            min=min(values),
            max=max(values),
        )

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in ("n", "mean", "median", "sd", "min", "max")}


@dataclass
class NationalIndicator:
    key: str
    cells: list[Cell]  # one per position, in the view's order
    total: Cell
    distribution: Distribution
    parts: Breakdown | None = None


@dataclass
class Coverage:
    positions: int
    submitted: int
    areas_covered: int
    areas: int
    population_year: int | None = None
    population_covered: int | None = None
    population: int | None = None

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class NationalView:
    year: int
    positions: list[Position]  # each with `.submission` (the latest version) or None
    indicators: dict[str, NationalIndicator] = field(default_factory=dict)
    coverage: Coverage | None = None

    @property
    def not_submitted(self) -> list[Position]:
        return [p for p in self.positions if p.submission is None]  # type: ignore[attr-defined]

    def median(self, key: str) -> float | None:
        """The programme's median of an indicator ("Ditt tall mot landet"), where at least five
        positions' published figures make it (fewer, and it could be one position's)."""
        national = self.indicators.get(key)
        if national is None or national.distribution.n < SMALL:
            return None
        return national.distribution.median

    def as_dict(self) -> dict:
        """The view as `report national --json` prints it."""
        ids = [str(p.pk) if p.submission else None for p in self.positions]  # type: ignore[attr-defined]
        return {
            "year": self.year,
            "positions": [_position(p) for p in self.positions],
            "not_submitted": [p.pk for p in self.not_submitted],
            "coverage": self.coverage.as_dict() if self.coverage else None,
            "indicators": {
                key: _indicator(national, ids) for key, national in self.indicators.items()
            },
        }


def positions_during(year: int, areas) -> list[Position]:
    """The positions that covered any of the areas at some time in the year."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    return list(
        Position.objects.filter(covered_areas__in=areas, start_date__lte=last)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=first))
        .distinct()
        .select_related("host_area")
        .prefetch_related(Prefetch("covered_areas", queryset=Area.objects.order_by("code")))
        .order_by("host_area__code", "name")
    )


def latest_submissions(year: int, positions: list[Position]) -> dict[int, Submission]:
    """Each position's latest submitted version for the year, in one query."""
    newest = (
        Submission.objects.filter(position=OuterRef("position"), year=year)
        .order_by("-version")
        .values("version")[:1]
    )
    rows = Submission.objects.filter(year=year, position__in=positions, version=Subquery(newest))
    return {s.position_id: s for s in rows.select_related("submitted_by")}


def national_view(year: int, areas, with_parts: bool = True) -> NationalView:
    """The national view over `areas` (the figure scope of whoever asks: `figures_for`);
    without the breakdowns' two-way tables when only the distribution is wanted."""
    positions = positions_during(year, areas)
    submissions = latest_submissions(year, positions)
    for position in positions:
        position.submission = submissions.get(position.pk)  # type: ignore[attr-defined]
    reports = [
        s.figures["indicators"] if (s := submissions.get(p.pk)) is not None else None
        for p in positions
    ]
    view = NationalView(year, positions)
    columns = {}
    for key, indicator in REGISTRY.items():
        rows = [r.get(key) if r is not None else None for r in reports]
        columns[key] = (indicator, rows, *column(indicator, rows))
    hide_shares_beside_hidden_counts({key: cells for key, (_i, _r, cells, _t) in columns.items()})
    for key, (indicator, rows, cells, total) in columns.items():
        has_parts = with_parts and any(r and r.get("parts") for r in rows)
        view.indicators[key] = NationalIndicator(
            key,
            cells,
            total,
            Distribution.of(cells),
            breakdown(indicator, rows, cells, total) if has_parts else None,
        )
    view.coverage = _coverage(year, areas, positions, len(submissions))
    return view


def _coverage(year: int, areas, positions: list[Position], submitted: int) -> Coverage:
    covered = {a.pk for p in positions for a in p.covered_areas.all()}
    coverage = Coverage(len(positions), submitted, len(covered), areas.count())
    population = Population.objects.filter(area__in=areas, year__lte=year)
    latest = population.aggregate(y=Max("year"))["y"]
    if latest is not None:
        that_year = population.filter(year=latest)
        coverage.population_year = latest
        coverage.population = that_year.aggregate(n=Sum("persons"))["n"]
        coverage.population_covered = (
            that_year.filter(area__in=covered).aggregate(n=Sum("persons"))["n"] or 0
        )
    return coverage


def _position(position: Position) -> dict:
    submission = position.submission  # type: ignore[attr-defined]
    return {
        "id": position.pk,
        "name": position.name,
        "areas": [a.code for a in position.covered_areas.all()],
        "submitted": (
            {"version": submission.version, "at": submission.submitted_at.isoformat()}
            if submission
            else None
        ),
    }


def _indicator(national: NationalIndicator, ids: list[str | None]) -> dict:
    definition = REGISTRY[national.key]
    reference = definition.reference
    row = {
        "label": str(definition.label),
        "unit": str(definition.unit),
        "reference_2017": (
            {"value": reference.value, "source": reference.source} if reference else None
        ),
        "total": national.total.as_dict(),
        "distribution": national.distribution.as_dict(),
        "positions": {
            pk: cell.as_dict()
            for pk, cell in zip(ids, national.cells, strict=True)
            if pk is not None
        },
    }
    if national.parts is not None:
        parts = national.parts
        row["parts"] = {
            code: {
                **total.as_dict(),
                "positions": {
                    pk: cells[k].as_dict()
                    for pk, cells in zip(ids, parts.cells, strict=True)
                    if pk is not None
                },
            }
            for k, (code, total) in enumerate(zip(parts.codes, parts.totals, strict=True))
        }
    return row
