"""A scenario filled from the municipality's own figures: reporting's indicators for a position
and a year (its latest submitted report, or, for the position's own coordinator and the
command, the report as casework gives it now before one is submitted), each value with where it
came from. Never personal data: indicators only.

Our readings (docs/economics.md):
- patients the coordinator is in contact with a year: `patients_followed`;
- the share with a short-term stay: `share_short_term_stay`;
- delayed-discharge days per patient: `delayed_discharge_days` over the patients with a hospital
  stay in the year (`share_hospital`'s numerator);
- home deaths added by the coordinator: `home_deaths_needed_coordinator` (would not have been
  possible without her);
- hours a week of coordination and system work: the two shares of the time (table 4-2's
  categories) of a working week of 37.5 hours at the position's FTE.
"""

from __future__ import annotations

from dataclasses import dataclass

from kreftkoordinator.audit.disclosure import is_small, share_reveals
from kreftkoordinator.organisation.models import Position
from kreftkoordinator.reporting.annual import annual_report
from kreftkoordinator.reporting.models import Submission

FULL_TIME_HOURS = 37.5


@dataclass(frozen=True)
class Filled:
    key: str  # the parameter
    value: float
    source: str  # in Norwegian: which figure, from which report


def from_reporting(position: Position, year: int, protect: bool = False) -> list[Filled]:
    """The parameters the position's figures for the year can give. Raises ReportError for a
    year that cannot be reported. With `protect` (pages for leaders and the funder), only a
    submitted report is read (what leaders and the funder see of a position), and a value that
    would show a count of 1 to 4 is not filled: the evaluation's value stays."""
    submission = (
        Submission.objects.filter(position=position, year=year).order_by("-version").first()
    )
    if submission is None and protect:
        return []
    if submission is not None:
        rows = submission.figures["indicators"]
        origin = f"levert årsrapport {year}, versjon {submission.version}"
    else:
        rows = annual_report(year, position=position).as_dict()["indicators"]
        origin = f"årsrapporten {year} slik oppfølgingen gir den nå"

    def value(key):
        row = rows.get(key)
        return None if row is None else row["value"]

    filled = []

    def fill(key: str, amount, what: str) -> None:
        if amount is not None:
            filled.append(Filled(key, float(amount), f"{what} ({origin})"))

    def small(*counts) -> bool:
        return protect and any(isinstance(n, int) and is_small(n) for n in counts)

    followed = value("patients_followed")
    if followed and not small(followed):
        fill("patients_per_year", followed, f"{followed} pasienter fulgt opp")
    stay_row = rows.get("share_short_term_stay") or {}
    stay = stay_row.get("value")
    revealing = (
        protect
        and stay_row.get("denominator")
        and share_reveals(stay_row.get("numerator") or 0, stay_row["denominator"])
    )
    if stay is not None and not revealing:
        fill("short_term_stay_share", stay, f"{stay:.0%} med korttidsopphold".replace("%", " %"))
    admitted = (rows.get("share_hospital") or {}).get("numerator")
    days = value("delayed_discharge_days")
    if admitted and days is not None and not small(admitted, days):
        fill(
            "delayed_discharge_avg_days",
            days / admitted,
            f"{days} overliggerdøgn over {admitted} pasienter med sykehusopphold",
        )
    needed = value("home_deaths_needed_coordinator")
    if needed is not None and not small(needed):
        fill("home_deaths_added", needed, f"{needed} hjemmedødsfall som krevde koordinatoren")
    coordination, system = value("share_minutes_coordination"), value("share_minutes_system")
    if coordination is not None and system is not None:
        hours = (coordination + system) * FULL_TIME_HOURS * position.fte / 100
        fill(
            "coordination_hours_per_week",
            hours,
            f"{coordination + system:.0%} av tiden til koordinering og systemarbeid".replace(
                "%", " %"
            ),
        )
    return filled
