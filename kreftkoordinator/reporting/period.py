"""What a figure is computed over: a set of areas and a calendar year in Norwegian time."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Q

OSLO = ZoneInfo("Europe/Oslo")


@dataclass(frozen=True)
class Period:
    """`area_ids`: the areas whose records count. `position_ids`: the positions whose own time
    and system work count (a position's report; an area's report has none, since a position's
    time is not split between its areas)."""

    area_ids: tuple[int, ...]
    year: int
    position_ids: tuple[int, ...] = ()
    _memo: dict[str, Any] = field(
        default_factory=dict, init=False, compare=False, hash=False, repr=False
    )

    def once(self, key: str, make: Callable[[], Any]) -> Any:
        """A sub-result several indicators share, computed once per report (never kept past
        it, so a report always reads the casework as it is)."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    @property
    def first(self) -> date:
        return date(self.year, 1, 1)

    @property
    def last(self) -> date:
        return date(self.year, 12, 31)

    @property
    def moments(self) -> tuple[datetime, datetime]:
        """The year as moments: from midnight on 1 January, up to midnight on 1 January after
        (half-open), in Norwegian time."""
        return (
            datetime.combine(self.first, time.min, tzinfo=OSLO),
            datetime.combine(date(self.year + 1, 1, 1), time.min, tzinfo=OSLO),
        )

    def dated(self, field: str) -> Q:
        """A date field that falls in the year."""
        return Q(**{f"{field}__gte": self.first, f"{field}__lte": self.last})

    def timed(self, field: str) -> Q:
        """A time field that falls in the year (Norwegian time)."""
        start, end = self.moments
        return Q(**{f"{field}__gte": start, f"{field}__lt": end})

    def open_during(self, prefix: str = "") -> Q:
        """A case open during the year: opened on or before 31 December, not closed before
        1 January."""
        return Q(**{f"{prefix}opened_on__lte": self.last}) & (
            Q(**{f"{prefix}closed_on__isnull": True}) | Q(**{f"{prefix}closed_on__gte": self.first})
        )
