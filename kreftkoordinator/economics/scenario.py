"""A scenario filled from the municipality's own figures: reporting's indicators for a position
and a year (its latest submitted report, or, for the position's own coordinator and the
command, the report as casework gives it now before one is submitted), and the position's own
salary and FTE. Each value says which indicators it came from, their values, and the reading.
Never personal data: indicators only.

Our readings of the report (docs/economics.md, sections 7.5.2 and 7.5.6):
- patients the coordinator is in contact with a year: `patients_followed`;
- the share with a short-term stay: `share_short_term_stay`;
- delayed-discharge days per stay: `delayed_discharge_days` over the hospital stays reported
  ready for discharge (the report's 4.4 is the average stay after a patient is reported ready);
- the share whose discharge the coordinator sped up: the distinct patients with a stay answered
  "came home earlier thanks to the coordinator" over `patients_followed` (the report's 10 % is
  of all patients followed), once at least 5 stays in the year are answered;
- extra home deaths: the home deaths she helped arrange (`home_deaths_facilitated`, 7.5.6), or,
  as the stricter reading, those that needed her (`home_deaths_needed_coordinator`);
- hours a week of coordination and system work: the two shares of the time (table 4-2's
  categories) of a working week of 37.5 hours at the position's FTE;
- the coordinator's own estimates (issue 29): the days of short-term stay avoided, the weeks a
  nursing home was deferred and the home-care hours a week saved, each summed over the cases
  whose estimate for the year answers it, once at least 5 do; the effect then takes the sum in
  place of the report's share of the patients (7.5.3-7.5.5);
- the salary: the position's own gross salary and social-cost rate, moved to the price year;
  without them the report's, and either way scaled by the FTE.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kreftkoordinator import numbers
from kreftkoordinator.audit.disclosure import is_small, share_reveals
from kreftkoordinator.organisation.models import Position
from kreftkoordinator.reporting.annual import annual_report
from kreftkoordinator.reporting.models import Submission

from .model.parameters import PARAMETERS, Setting
from .model.prices import PriceIndex

FULL_TIME_HOURS = 37.5
# The answers "came home earlier thanks to the coordinator" a year needs before the share is
# the position's own rather than the report's 5-10 %.
ANSWERS_NEEDED = 5

# The coordinator's own estimates (issue 29): the summed answer, the cases answering, and how
# the source says it.
ESTIMATE_QUESTIONS = [
    (
        "short_term_days_avoided",
        "estimates_short_term_answered",
        gettext_noop("%(sum)s døgn på korttidsopphold unngått, anslått i %(n)s oppfølginger"),
    ),
    (
        "nursing_home_weeks_deferred",
        "estimates_nursing_home_answered",
        gettext_noop("%(sum)s uker sykehjem utsatt, anslått i %(n)s oppfølginger"),
    ),
    (
        "home_care_hours_saved_per_week",
        "estimates_home_care_answered",
        gettext_noop("%(sum)s timer hjemmetjeneste spart per uke, anslått i %(n)s oppfølginger"),
    ),
]

FACILITATED, NEEDED = "facilitated", "needed"
HOME_DEATH_READINGS = {
    FACILITATED: "home_deaths_facilitated",
    NEEDED: "home_deaths_needed_coordinator",
}


@dataclass(frozen=True)
class Filled:
    key: str  # the parameter
    value: Setting  # a number, or {"low", "base", "high"} (the report's salary range by FTE)
    source: str  # in Norwegian: which figure, from which report
    indicators: dict[str, float] = field(default_factory=dict)  # what it was computed from
    reading: str = ""  # how, in a few words (the docs give the section)

    def as_dict(self) -> dict:
        return {
            "value": self.value,
            "indicators": self.indicators,
            "reading": self.reading,
            "source": self.source,
        }


def from_reporting(
    position: Position, year: int, protect: bool = False, home_deaths: str = FACILITATED
) -> list[Filled]:
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
        origin = _("levert årsrapport %(year)s, versjon %(version)s") % {
            "year": year,
            "version": submission.version,
        }
    else:
        rows = annual_report(year, position=position).as_dict()["indicators"]
        origin = _("årsrapporten %(year)s slik oppfølgingen gir den nå") % {"year": year}

    def value(key):
        row = rows.get(key)
        return None if row is None else row["value"]

    filled: list[Filled] = []

    def fill(key: str, amount, what: str, used: dict, reading: str) -> None:
        if amount is not None:
            filled.append(Filled(key, float(amount), f"{what} ({origin})", used, reading))

    def small(*counts) -> bool:
        return protect and any(isinstance(n, int) and is_small(n) for n in counts)

    followed = value("patients_followed")
    if followed and not small(followed):
        fill(
            "patients_per_year",
            followed,
            _("%(n)s pasienter fulgt opp") % {"n": numbers.number(followed)},
            {"patients_followed": followed},
            "patients_followed",
        )
    stay_row = rows.get("share_short_term_stay") or {}
    stay = stay_row.get("value")
    revealing = (
        protect
        and stay_row.get("denominator")
        and share_reveals(stay_row.get("numerator") or 0, stay_row["denominator"])
    )
    if stay is not None and not revealing:
        fill(
            "short_term_stay_share",
            stay,
            _("%(share)s med korttidsopphold") % {"share": numbers.percent(stay)},
            {"share_short_term_stay": stay},
            "share_short_term_stay",
        )
    ready, days = value("hospital_stays_ready_for_discharge"), value("delayed_discharge_days")
    if ready and days is not None and not small(ready, days):
        fill(
            "delayed_discharge_avg_days",
            days / ready,
            _("%(days)s overliggerdøgn over %(stays)s sykehusopphold meldt utskrivningsklar")
            % {"days": numbers.number(days), "stays": numbers.number(ready)},
            {"delayed_discharge_days": days, "hospital_stays_ready_for_discharge": ready},
            "delayed_discharge_days / hospital_stays_ready_for_discharge (7.5.2)",
        )
    answered, earlier = (
        value("hospital_stays_home_earlier_answered"),
        value("patients_home_earlier"),
    )
    if (
        answered is not None
        and answered >= ANSWERS_NEEDED
        and followed
        and earlier is not None
        # The share leaves the area with its counts: the one rule for a share (`share_reveals`).
        and not (protect and share_reveals(earlier, followed))
    ):
        fill(
            "delayed_discharge_share",
            earlier / followed,
            _(
                "%(earlier)s av %(followed)s pasienter kom hjem tidligere takket være "
                "koordinatoren (%(answered)s opphold vurdert)"
            )
            % {
                "earlier": numbers.number(earlier),
                "followed": numbers.number(followed),
                "answered": numbers.number(answered),
            },
            {
                "patients_home_earlier": earlier,
                "patients_followed": followed,
                "hospital_stays_home_earlier_answered": answered,
            },
            "patients_home_earlier / patients_followed (7.5.2)",
        )
    for key, answered_key, what in ESTIMATE_QUESTIONS:
        answered, summed = value(answered_key), value(key)
        # The answers are the position's once enough cases give them (ANSWERS_NEEDED, as for
        # the discharge question); the count of cases is at least 5, so nothing small leaves.
        if answered is not None and answered >= ANSWERS_NEEDED and summed is not None:
            fill(
                key,
                summed,
                _(what) % {"sum": numbers.number(summed, 1, trim=True), "n": answered},
                {key: summed, answered_key: answered},
                f"{key}: sum over cases answering, {answered_key} >= {ANSWERS_NEEDED}",
            )
    indicator = HOME_DEATH_READINGS.get(home_deaths, HOME_DEATH_READINGS[FACILITATED])
    deaths = value(indicator)
    if deaths is not None and not small(deaths):
        what = (
            _("%(n)s hjemmedødsfall som krevde koordinatoren")
            if indicator == HOME_DEATH_READINGS[NEEDED]
            else _("%(n)s hjemmedødsfall koordinatoren la til rette for")
        )
        fill(
            "home_deaths_added",
            deaths,
            what % {"n": numbers.number(deaths)},
            {indicator: deaths},
            f"{indicator} (7.5.6)",
        )
    coordination, system = value("share_minutes_coordination"), value("share_minutes_system")
    if coordination is not None and system is not None:
        hours = (coordination + system) * FULL_TIME_HOURS * position.fte / 100
        fill(
            "coordination_hours_per_week",
            hours,
            _("%(share)s av tiden til koordinering og systemarbeid")
            % {"share": numbers.percent(coordination + system)},
            {"share_minutes_coordination": coordination, "share_minutes_system": system},
            "(share_minutes_coordination + share_minutes_system) x 37.5 h x FTE",
        )
    return filled


def from_position(position: Position, price_year: int, index: PriceIndex) -> list[Filled]:
    """The salary and social costs of the position: its own figures, moved from their price
    year to `price_year`, or the report's (already in `price_year`), either way scaled by the
    FTE. Nothing for a full-time position without figures of its own: the report's stand."""
    share = position.fte / 100
    if position.salary_annual and position.social_cost_rate is not None:
        from_year = position.salary_price_year or price_year
        salary = position.salary_annual * index.factor(from_year, price_year) * share
        rate = float(position.social_cost_rate) / 100
        fte = numbers.percent(share)
        return [
            Filled(
                "salary_annual",
                salary,
                _("stillingens egen lønn, %(salary)s i %(year)s-kroner, i %(fte)s stilling")
                % {"salary": numbers.kroner(position.salary_annual), "year": from_year, "fte": fte},
                {},
                "position.salary_annual x FTE",
            ),
            Filled(
                "social_cost_rate",
                rate,
                _("stillingens egne sosiale kostnader, %(rate)s")
                % {"rate": numbers.percent(rate, 1)},
                {},
                "position.social_cost_rate",
            ),
        ]
    if share == 1:
        return []
    report = PARAMETERS["salary_annual"]
    factor = index.factor(report.price_year or price_year, price_year) * share
    return [
        Filled(
            "salary_annual",
            {
                "low": report.low * factor,
                "base": report.base * factor,
                "high": report.high * factor,
            },
            _("evalueringens lønn i %(fte)s stilling") % {"fte": numbers.percent(share)},
            {},
            "PARAMETERS.salary_annual x FTE",
        )
    ]
