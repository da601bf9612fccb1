"""What the leader's dashboard answers first (issue 31, point 1): eight headline figures of each
position wholly in her areas, this year so far (computed now, suppressed as any figure that
leaves casework) and last year (as submitted), each with its trend over the years submitted
since the position began and the programme's median where at least five positions make it;
then what needs her. Other apps add what needs her from their side through `NEEDS` (economics:
a scenario on older figures than the last report), since reporting must not import them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.urls import reverse
from django.utils.translation import gettext as _

from kreftkoordinator.organisation.models import Assignment

from .annual import annual_report
from .indicators import REGISTRY
from .published import Cell, column
from .registry import Indicator

HEADLINE = [
    "patients_followed",
    "patients_new",
    "relatives_followed",
    "contacts",
    "services_connected",
    "home_deaths",
    "share_deaths_at_wished_place",
    "share_minutes_direct",
]
SUBSTITUTE_NOTICE = timedelta(days=30)


@dataclass
class Headline:
    indicator: Indicator
    now: Cell  # this year so far
    last: Cell | None  # last year, as submitted; None when not submitted
    trend: list[tuple[int, Cell]]  # (year, as submitted), oldest first
    median: float | None

    @property
    def trend_text(self) -> str:
        """The chart's text alternative: every year's figure as it is published."""
        return ", ".join(f"{year}: {cell}" for year, cell in self.trend)

    @property
    def points(self) -> str:
        """The trend as SVG polyline points in a 120 × 32 box; hidden years are gaps."""
        values = [(n, c.value) for n, (_y, c) in enumerate(self.trend) if c.value is not None]
        if len(values) < 2:
            return ""
        top = max(v for _n, v in values) or 1
        step = 120 / (len(self.trend) - 1)
        return " ".join(f"{n * step:.1f},{30 - 28 * v / top:.1f}" for n, v in values)


@dataclass
class Need:
    text: str
    url: str = ""


# Each takes (user, day, histories) and gives what needs her; apps add theirs in ready().
NEEDS: list[Callable] = []


@dataclass
class Answers:
    headlines: dict[int, list[Headline]] = field(default_factory=dict)  # by position
    needs: list[Need] = field(default_factory=list)


def _cell(key: str, row: dict | None) -> Cell:
    return column(REGISTRY[key], [row])[0][0]


def headlines(history, day: date, median: Callable[[str], float | None]) -> list[Headline]:
    """The headline figures of a position wholly in the leader's areas."""
    live = annual_report(day.year, position=history.position).as_dict()["indicators"]
    by_year = {s.year: s.figures["indicators"] for s in history.every_year}
    found = []
    for key in HEADLINE:
        indicator = REGISTRY[key]
        last = by_year.get(day.year - 1)
        trend = [(year, _cell(key, by_year[year].get(key))) for year in sorted(by_year)]
        found.append(
            Headline(
                indicator,
                _cell(key, live.get(key)),
                _cell(key, last.get(key)) if last is not None else None,
                trend,
                median(key),
            )
        )
    return found


def needs(user, day: date, histories) -> list[Need]:
    found = []
    for history in histories:
        position = history.position
        years = {s.year for s in history.submissions}
        started = position.start_date.year if position.start_date else day.year
        if started < day.year and (day.year - 1) not in years:
            found.append(
                Need(
                    _("Årsrapporten for %(year)s for %(name)s er ikke levert ennå.")
                    % {"year": day.year - 1, "name": position.name}
                )
            )
    positions = [h.position for h in histories]
    ending = (
        Assignment.objects.filter(
            position__in=positions,
            kind=Assignment.Kind.SUBSTITUTE,
            valid_to__gte=day,
            valid_to__lte=day + SUBSTITUTE_NOTICE,
        )
        .select_related("user", "position")
        .order_by("valid_to")
    )
    for assignment in ending:
        found.append(
            Need(
                _(
                    "Vikariatet til %(who)s i %(name)s slutter %(day)s. Forleng det, eller "
                    "be om en ny vikar."
                )
                % {
                    "who": assignment.user,
                    "name": assignment.position.name,
                    "day": assignment.valid_to.strftime("%d.%m.%Y"),  # type: ignore[union-attr]
                },
                reverse("accounts:approvals"),
            )
        )
    for check in NEEDS:
        found += check(user, day, histories)
    return found
