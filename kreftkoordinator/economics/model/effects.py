"""The nine priced effects for the municipality (table 7-7), each a function of the parameters.

An effect's low and high are its least and greatest value over the low and high ends of the
parameters that make the report's two estimates (its `scenario`); every other parameter is at
its base. Within one effect each scenario parameter moves it one way only, so the ends are the
corners. The midpoint is the average of the two (figure 0-1).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import product
from typing import Any

from kreftkoordinator.numbers import round_half_up

from .parameters import PARAMETERS, Parameter
from .text import gettext_noop

# A number each, or numpy arrays of draws: the arithmetic below is the same for both.
Values = Mapping[str, Any]

MUNICIPALITY = "municipality"


def salary_and_social_costs(v: Values) -> float:
    return -v["salary_annual"] * (1 + v["social_cost_rate"])


def delayed_discharge_days(v: Values) -> float:
    # Half the delayed-discharge days avoided for a share of the patients (7.5.2).
    return (
        v["patients_per_year"] * v["delayed_discharge_share"] * v["delayed_discharge_avg_days"] / 2
    )


def delayed_discharge(v: Values) -> float:
    return delayed_discharge_days(v) * v["delayed_discharge_day_price"]


def short_term_stays(v: Values) -> float:
    # Days of short-term stay avoided, each replaced by an hour of home care (7.5.3): the
    # coordinator's own summed estimate where her cases give one, else the report's shares.
    days = v.get("short_term_days_avoided")
    if days is None:
        days = (
            v["patients_per_year"]
            * v["short_term_stay_share"]
            * v["short_term_reduced_share"]
            * v["short_term_days_reduced"]
        )
    per_day = (
        v["nursing_home_day_price"]
        - v["home_care_hours_per_replaced_day"] * v["home_care_hour_price"]
    )
    return days * per_day


def less_home_care(v: Values) -> float:
    # Hours a week saved, over the weeks of the first phase (7.5.4).
    per_week = v.get("home_care_hours_saved_per_week")
    if per_week is None:
        per_week = (
            v["patients_per_year"] * v["less_home_care_share"] * v["less_home_care_hours_per_week"]
        )
    return per_week * v["less_home_care_weeks"] * v["home_care_hour_price"]


def deferred_nursing_home(v: Values) -> float:
    # Weeks of nursing home deferred, each replaced by hours of home care (7.5.5).
    # The weeks summed: the coordinator's own estimate, else the report's share of the patients
    # times its weeks each.
    weeks = v.get("nursing_home_weeks_deferred")
    if weeks is None:
        weeks = (
            v["patients_per_year"]
            * v["deferred_nursing_home_share"]
            * v["deferred_nursing_home_weeks"]
        )
    saved = weeks * 7 * v["nursing_home_day_price"]
    added = weeks * v["deferred_home_care_hours_per_week"] * v["home_care_hour_price"]
    return saved - added


def home_death(v: Values) -> float:
    # Half of the added home deaths would have been in a nursing home (the rest in hospital, paid
    # by the state); each home death takes extra municipal hours at a higher price (7.5.6).
    deaths = v["home_deaths_added"]
    avoided = (
        deaths
        * v["home_death_else_nursing_home_share"]
        * v["home_death_nursing_home_weeks"]
        * 7
        * v["nursing_home_day_price"]
    )
    extra = deaths * v["home_death_extra_hours"] * v["home_death_hour_price"]
    return avoided - extra


def efficient_coordination(v: Values) -> float:
    # Others would need (1 + e) times the coordinator's hours for the same coordination and
    # system work; what the coordinator saves is that time's share 1 - 1/(1 + e) (7.7; our
    # reading, the one that gives both of table 7-6's figures).
    hours = v["coordination_hours_per_week"] * v["working_weeks"]
    saved = 1 - 1 / (1 + v["coordination_efficiency"])
    return hours * v["coordinator_hour_cost"] * saved


def relief_of_other_services(v: Values) -> float:
    # A share of the coordinator's work would otherwise be done by others, at her cost (7.8).
    return v["relief_share"] * v["salary_annual"] * (1 + v["social_cost_rate"])


def increased_service_use(v: Values) -> float:
    return -v["increased_service_use"]


@dataclass(frozen=True)
class Effect:
    key: str
    label: str
    stakeholder: str
    compute: Callable[[Values], float]
    scenario: tuple[str, ...]  # the parameters whose low and high make the report's estimates
    source: str


EFFECTS: list[Effect] = [
    Effect(
        "salary_and_social_costs",
        gettext_noop("Lønn og sosiale kostnader"),
        MUNICIPALITY,
        salary_and_social_costs,
        ("salary_annual", "social_cost_rate"),
        gettext_noop("7.2, tabell 7-1"),
    ),
    Effect(
        "delayed_discharge",
        gettext_noop("Færre overliggerdøgn"),
        MUNICIPALITY,
        delayed_discharge,
        ("delayed_discharge_share",),
        gettext_noop("7.5.2, figur 7-5"),
    ),
    Effect(
        "short_term_stays",
        gettext_noop("Færre korttidsopphold"),
        MUNICIPALITY,
        short_term_stays,
        ("short_term_reduced_share", "short_term_days_reduced"),
        gettext_noop("7.5.3, tabell 7-2"),
    ),
    Effect(
        "less_home_care",
        gettext_noop("Mindre hjemmetjenester i første fase"),
        MUNICIPALITY,
        less_home_care,
        ("less_home_care_share", "less_home_care_hours_per_week"),
        gettext_noop("7.5.4, tabell 7-3"),
    ),
    Effect(
        "deferred_nursing_home",
        gettext_noop("Utsatt sykehjemsopphold"),
        MUNICIPALITY,
        deferred_nursing_home,
        ("deferred_nursing_home_weeks", "deferred_home_care_hours_per_week"),
        gettext_noop("7.5.5, tabell 7-4"),
    ),
    Effect(
        "home_death",
        gettext_noop("Flere dør hjemme"),
        MUNICIPALITY,
        home_death,
        ("home_death_nursing_home_weeks", "home_death_extra_hours"),
        gettext_noop("7.5.6, tabell 7-5"),
    ),
    Effect(
        "efficient_coordination",
        gettext_noop("Mer effektiv koordinering"),
        MUNICIPALITY,
        efficient_coordination,
        ("coordination_efficiency",),
        gettext_noop("7.7, tabell 7-6"),
    ),
    Effect(
        "relief_of_other_services",
        gettext_noop("Avlastning av andre tjenester"),
        MUNICIPALITY,
        relief_of_other_services,
        ("relief_share",),
        "7.8",
    ),
    Effect(
        "increased_service_use",
        gettext_noop("Økt tjenestebruk"),
        MUNICIPALITY,
        increased_service_use,
        ("increased_service_use",),
        "7.9",
    ),
]


@dataclass(frozen=True)
class Estimate:
    key: str
    label: str
    stakeholder: str
    low: float
    high: float

    @property
    def mid(self) -> float:
        return (self.low + self.high) / 2

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "label": self.label,
            "stakeholder": self.stakeholder,
            "low": whole(self.low),
            "high": whole(self.high),
            "mid": whole(self.mid),
        }


def whole(value: float) -> int:
    """Whole kroner, rounded half up as every figure the product shows."""
    return int(round_half_up(value))


def base_values(parameters: Mapping[str, Parameter]) -> dict[str, float]:
    return {key: p.base for key, p in parameters.items()}


def ends(
    compute: Callable[[Values], float],
    scenario: tuple[str, ...],
    parameters: Mapping[str, Parameter],
) -> tuple[float, float]:
    """The least and greatest value over the low and high ends of the scenario's parameters,
    the others at their base."""
    values = base_values(parameters)
    corners = product(*[(parameters[k].low, parameters[k].high) for k in scenario])
    results = [compute({**values, **dict(zip(scenario, c, strict=True))}) for c in corners]
    return min(results), max(results)


def estimate(effect: Effect, parameters: Mapping[str, Parameter] = PARAMETERS) -> Estimate:
    low, high = ends(effect.compute, effect.scenario, parameters)
    return Estimate(effect.key, effect.label, effect.stakeholder, low, high)


def estimates(parameters: Mapping[str, Parameter] = PARAMETERS) -> list[Estimate]:
    return [estimate(effect, parameters) for effect in EFFECTS]


def total(found: list[Estimate]) -> Estimate:
    """The sum of the effects' low and high estimates (table 7-7 summed)."""
    return Estimate(
        "total",
        gettext_noop("Sum prissatte virkninger"),
        MUNICIPALITY,
        sum(e.low for e in found),
        sum(e.high for e in found),
    )
