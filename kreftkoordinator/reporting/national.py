"""The national view: every position's submitted figures for a year side by side, their
distribution, the national totals, who has not submitted, and coverage. Read from submitted
reports only (what the positions have signed), never from casework, and suppressed throughout.

The distribution (mean, median, standard deviation, min, max, as the evaluation's tables give
them) is taken over the published cells only, so that no statistic can give back a hidden one.
"""

from __future__ import annotations

import hashlib
import statistics
from dataclasses import dataclass, field
from datetime import date

from django.core.cache import cache
from django.db.models import Max, OuterRef, Q, Subquery, Sum

from kreftkoordinator.audit.disclosure import SMALL
from kreftkoordinator.organisation.models import Population, Position

from .indicators import REGISTRY
from .models import Submission
from .published import Breakdown, Cell, breakdown, column, hide_shares_beside_hidden_counts

# A day: the key changes with every submission, so this only bounds what the cache keeps.
CACHE_SECONDS = 24 * 60 * 60


WITHHELD = "for få innleveringer"


@dataclass
class Distribution:
    """Mean, median and spread between the positions, only where at least five positions'
    figures make them (with fewer, one position's figure could be read off); otherwise each is
    None and `withheld` says why. `n` is how many positions have a figure."""

    n: int
    mean: float | None = None
    median: float | None = None
    sd: float | None = None
    min: float | None = None
    max: float | None = None
    withheld: str | None = None

    @classmethod
    def of(cls, cells: list[Cell]) -> Distribution:
        values = [c.value for c in cells if c.value is not None]
        if len(values) < SMALL:
            return cls(len(values), withheld=WITHHELD)
        return cls(
            n=len(values),
            mean=statistics.fmean(values),
            median=statistics.median(values),
            sd=statistics.stdev(values) if len(values) > 1 else None,
            min=min(values),
            max=max(values),
        )

    def as_dict(self) -> dict:
        keys = ("n", "mean", "median", "sd", "min", "max", "withheld")
        return {k: getattr(self, k) for k in keys}


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
    """The positions that covered any of the areas at some time in the year, each with
    `area_ids` and `area_codes` (the areas it covers, by code)."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    positions = list(
        Position.objects.filter(covered_areas__in=areas, start_date__lte=last)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=first))
        .distinct()
        .only("name", "start_date", "end_date", "host_area__code")
        .select_related("host_area")
        .order_by("host_area__code", "name")
    )
    covered: dict[int, list[tuple[int, str]]] = {}
    through = Position.covered_areas.through.objects.filter(position__in=positions)
    for position_id, area_id, code in through.order_by("area__code").values_list(
        "position_id", "area_id", "area__code"
    ):
        covered.setdefault(position_id, []).append((area_id, code))
    for position in positions:
        pairs = covered.get(position.pk, [])
        position.area_ids = [pk for pk, _code in pairs]  # type: ignore[attr-defined]
        position.area_codes = [code for _pk, code in pairs]  # type: ignore[attr-defined]
    return positions


def latest_submissions(year: int, positions: list[Position]) -> dict[int, Submission]:
    """Each position's latest submitted version for the year, in one query."""
    newest = (
        Submission.objects.filter(position=OuterRef("position"), year=year)
        .order_by("-version")
        .values("version")[:1]
    )
    rows = Submission.objects.filter(year=year, position__in=positions, version=Subquery(newest))
    # Without the figures: they are read only when the view is not already cached.
    rows = rows.only("position_id", "year", "version", "submitted_at")
    return {s.position_id: s for s in rows}


def national_view(year: int, areas, with_parts: bool = True) -> NationalView:
    """The national view over `areas` (the figure scope of whoever asks: `figures_for`);
    without the breakdowns' two-way tables when only the distribution is wanted.

    Submitted reports never change (a resubmission is a new row), so the protected tables are
    cached under the positions, their areas and the submissions they were made from: the
    first reader after a submission pays for suppressing them, the next ones do not."""
    positions = positions_during(year, areas)
    submissions = latest_submissions(year, positions)
    for position in positions:
        position.submission = submissions.get(position.pk)  # type: ignore[attr-defined]
    view = NationalView(year, positions)
    made_from = [
        (p.pk, p.area_ids, getattr(submissions.get(p.pk), "pk", None))  # type: ignore[attr-defined]
        for p in positions
    ]
    key = "national:" + hashlib.sha256(repr((year, with_parts, made_from)).encode()).hexdigest()
    packed = cache.get(key)
    if packed is None:
        view.indicators = _indicators(positions, submissions, with_parts)
        cache.set(key, _pack(view.indicators), CACHE_SECONDS)
    else:
        view.indicators = _unpack(packed)
    view.coverage = _coverage(year, areas, positions, len(submissions))
    return view


def _indicators(positions, submissions, with_parts: bool) -> dict[str, NationalIndicator]:
    figures = dict(
        Submission.objects.filter(pk__in=[s.pk for s in submissions.values()]).values_list(
            "pk", "figures"
        )
    )
    reports = [
        figures[s.pk]["indicators"] if (s := submissions.get(p.pk)) is not None else None
        for p in positions
    ]
    columns = {}
    for key, indicator in REGISTRY.items():
        rows = [r.get(key) if r is not None else None for r in reports]
        columns[key] = (indicator, rows, *column(indicator, rows))
    hide_shares_beside_hidden_counts({key: cells for key, (_i, _r, cells, _t) in columns.items()})
    indicators = {}
    for key, (indicator, rows, cells, total) in columns.items():
        has_parts = with_parts and any(r and r.get("parts") for r in rows)
        indicators[key] = NationalIndicator(
            key,
            cells,
            total,
            Distribution.of(cells),
            breakdown(indicator, rows, cells, total) if has_parts else None,
        )
    return indicators


def _pack(indicators: dict[str, NationalIndicator]) -> list:
    """The tables as tuples (cells are named tuples): quick to store and to read back,
    wherever the cache lives."""
    return [
        (
            n.key,
            n.cells,
            n.total,
            tuple(n.distribution.as_dict().values()),
            (n.parts.codes, n.parts.cells, n.parts.totals) if n.parts else None,
        )
        for n in indicators.values()
    ]


def _unpack(packed: list) -> dict[str, NationalIndicator]:
    return {
        key: NationalIndicator(
            key, cells, total, Distribution(*distribution), Breakdown(*parts) if parts else None
        )
        for key, cells, total, distribution, parts in packed
    }


def _coverage(year: int, areas, positions: list[Position], submitted: int) -> Coverage:
    covered = {pk for p in positions for pk in p.area_ids}  # type: ignore[attr-defined]
    units = set(areas.coverage_units().values_list("pk", flat=True))
    coverage = Coverage(len(positions), submitted, len(covered & units), len(units))
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
        "areas": position.area_codes,  # type: ignore[attr-defined]
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
        # "N av M stillinger har levert": how many positions' figures the total is made of.
        "submitted": national.distribution.n,
        "of_positions": len(ids),
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
