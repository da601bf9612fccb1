"""The inputs of the 2017 evaluation's economic model (chapter 7), one parameter each.

A parameter has a low, a base and a high value. Where the report gives a low and a high
assumption (the share of patients, the days saved, ...), those are low and high, and the base
is their middle; where it gives one figure (a price, 78 patients), low, base and high are that
figure unless the report itself names a range (the delayed-discharge days of the health trusts,
2.5 to 10.3 around the average 4.4). Prices are 2017 kroner.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

from kreftkoordinator.numbers import number

from .text import gettext_noop

PRICE_YEAR = 2017

KR, SHARE, PATIENTS, DAYS, HOURS, WEEKS = (
    gettext_noop("kr"),
    gettext_noop("andel"),
    gettext_noop("pasienter"),
    gettext_noop("døgn"),
    gettext_noop("timer"),
    gettext_noop("uker"),
)


@dataclass(frozen=True)
class Parameter:
    key: str
    label: str
    unit: str
    low: float
    base: float
    high: float
    source: str  # the report's section or table
    distribution: str = "pert"  # over low-base-high, for the simulation
    price_year: int | None = None  # for amounts in kroner
    # False for what only other parties pay (stakeholders.py): not in the municipality's net
    # result, so not in its tornado, simulation or break-even values.
    for_municipality: bool = True

    def fixed(self, value: float) -> Parameter:
        """The parameter set to one value (a scenario's own figure): low, base and high alike."""
        return replace(self, low=value, base=value, high=value)

    def problems(self) -> list[str]:
        """Why the values make no sense, in Norwegian, naming the parameter."""
        found = []
        name = f"{self.label} ({self.key})"
        if not all(math.isfinite(x) for x in (self.low, self.base, self.high)):
            return [f"{name}: må være et endelig tall."]
        if not self.low <= self.base <= self.high:
            found.append(
                f"{name}: lavt ({_n(self.low)}) må være høyst basis ({_n(self.base)}), "
                f"og basis høyst høyt ({_n(self.high)})."
            )
        if self.low < 0:
            found.append(f"{name}: kan ikke være negativ ({_n(self.low)}).")
        if self.unit == SHARE and self.high > 1:
            found.append(f"{name}: en andel kan ikke være over 100 % ({_n(self.high)}).")
        return found


def _n(value: float) -> str:
    return number(value, 4, trim=True)


def _p(key, label, unit, low, high, source, base=None, price=False, municipal=True) -> Parameter:
    middle = (low + high) / 2 if base is None else base
    return Parameter(
        key,
        label,
        unit,
        low,
        middle,
        high,
        source,
        price_year=PRICE_YEAR if price else None,
        for_municipality=municipal,
    )


PARAMETERS: dict[str, Parameter] = {
    p.key: p
    for p in [
        # 7.2: salary and social costs; the municipality pays all (table 7-7's footnote).
        _p(
            "salary_annual",
            gettext_noop("Brutto årslønn"),
            KR,
            470_000,
            500_000,
            "7.2",
            base=470_000,
            price=True,
        ),
        _p(
            "social_cost_rate",
            gettext_noop("Sosiale kostnader, andel av lønn"),
            SHARE,
            0.30,
            0.40,
            "7.2",
        ),
        # 7.5.2: the patients a coordinator is in contact with in a year.
        _p(
            "patients_per_year",
            gettext_noop("Pasienter i kontakt med per år"),
            PATIENTS,
            78,
            78,
            "7.5.2",
        ),
        # 7.5.2, figure 7-5: delayed-discharge days.
        _p(
            "delayed_discharge_share",
            gettext_noop("Andel pasienter med halverte overliggerdøgn"),
            SHARE,
            0.05,
            0.10,
            "7.5.2",
        ),
        _p(
            "delayed_discharge_avg_days",
            gettext_noop("Overliggerdøgn per utskrivningsklar pasient"),
            DAYS,
            2.5,
            10.3,
            gettext_noop("7.5.2, figur 7-4"),
            base=4.4,
        ),
        _p(
            "delayed_discharge_day_price",
            gettext_noop("Døgnpris for utskrivningsklar pasient"),
            KR,
            4_622,
            4_622,
            "7.5.2",
            price=True,
        ),
        # 7.5.3, table 7-2: short-term stays.
        _p(
            "short_term_stay_share",
            gettext_noop("Andel pasienter med korttidsopphold"),
            SHARE,
            0.35,
            0.35,
            "7.5.3",
        ),
        _p(
            "short_term_reduced_share",
            gettext_noop("Andel av dem med kortere opphold"),
            SHARE,
            0.20,
            0.50,
            "7.5.3",
        ),
        _p("short_term_days_reduced", gettext_noop("Færre døgn per opphold"), DAYS, 1, 3, "7.5.3"),
        _p(
            "nursing_home_day_price",
            gettext_noop("Døgnpris på sykehjem"),
            KR,
            2_730,
            2_730,
            "7.5.3",
            price=True,
        ),
        _p(
            "home_care_hour_price",
            gettext_noop("Timepris i hjemmetjenesten"),
            KR,
            550,
            550,
            "7.5.4",
            price=True,
        ),
        _p(
            "home_care_hours_per_replaced_day",
            gettext_noop("Timer hjemmetjeneste i stedet for et døgn"),
            HOURS,
            1,
            1,
            "7.5.3",
        ),
        # 7.5.4, table 7-3: less home care in the first phase.
        _p(
            "less_home_care_share",
            gettext_noop("Andel pasienter med mindre hjemmetjeneste"),
            SHARE,
            0.10,
            0.20,
            "7.5.4",
        ),
        _p(
            "less_home_care_hours_per_week",
            gettext_noop("Færre timer hjemmetjeneste per uke"),
            HOURS,
            1,
            2,
            "7.5.4",
        ),
        _p(
            "less_home_care_weeks",
            gettext_noop("Uker med mindre hjemmetjeneste"),
            WEEKS,
            12,
            12,
            "7.5.4",
        ),
        # 7.5.5, table 7-4: deferred nursing home.
        _p(
            "deferred_nursing_home_share",
            gettext_noop("Andel pasienter med utsatt sykehjemsopphold"),
            SHARE,
            0.10,
            0.10,
            "7.5.5",
        ),
        _p(
            "deferred_nursing_home_weeks",
            gettext_noop("Uker sykehjemsopphold utsatt"),
            WEEKS,
            1,
            3,
            "7.5.5",
        ),
        _p(
            "deferred_home_care_hours_per_week",
            gettext_noop("Timer hjemmetjeneste per utsatt uke"),
            HOURS,
            15,
            20,
            "7.5.5",
        ),
        # 7.5.6, table 7-5: more deaths at home.
        _p(
            "home_deaths_added",
            gettext_noop("Flere hjemmedødsfall per år"),
            PATIENTS,
            5,
            5,
            "7.5.6",
        ),
        _p(
            "home_death_else_nursing_home_share",
            gettext_noop("Andel som ellers ville dødd på sykehjem"),
            SHARE,
            0.5,
            0.5,
            "7.5.6",
        ),
        _p(
            "home_death_nursing_home_weeks",
            gettext_noop("Uker på sykehjem som unngås"),
            WEEKS,
            1,
            3,
            "7.5.6",
        ),
        _p(
            "home_death_extra_hours",
            gettext_noop("Ekstra kommunale timer per hjemmedød"),
            HOURS,
            25,
            40,
            "7.5.6",
        ),
        _p(
            "home_death_hour_price",
            gettext_noop("Timepris for hjemmedød (med lege)"),
            KR,
            700,
            700,
            "7.5.6",
            price=True,
        ),
        # 7.7, table 7-6: more efficient coordination.
        _p(
            "coordination_hours_per_week",
            gettext_noop("Timer koordinering og systemarbeid per uke"),
            HOURS,
            15,
            15,
            gettext_noop("7.7, tabell 4-2"),
        ),
        _p(
            "coordinator_hour_cost",
            gettext_noop("Timelønnskostnad"),
            KR,
            275,
            275,
            "7.7",
            price=True,
        ),
        _p(
            "working_weeks",
            gettext_noop("Arbeidsuker i året"),
            WEEKS,
            46,
            46,
            gettext_noop("7.7 (vår lesning)"),
        ),
        _p(
            "coordination_efficiency",
            gettext_noop("Hvor mye mer effektiv koordinatoren er"),
            SHARE,
            0.10,
            0.30,
            "7.7",
        ),
        # 7.8: relief of other services.
        _p(
            "relief_share",
            gettext_noop("Andel av oppgavene andre ellers ville gjort"),
            SHARE,
            0.15,
            0.50,
            "7.8",
        ),
        # 7.9: increased use of services (a judgement in kroner).
        _p(
            "increased_service_use",
            gettext_noop("Økt tjenestebruk per år"),
            KR,
            50_000,
            200_000,
            "7.9",
            price=True,
        ),
        # What the specialist health service pays (stakeholders.py; the report prices the
        # municipality only, chapter 8 discusses the rest in words). A delayed-discharge day
        # costs the hospital what the municipality pays for it unless one knows better (our
        # reading); the last week of life in hospital is 13 600 kroner DRG-based and "a little
        # above 20 000" to society (8.4, figure 8-2).
        _p(
            "hospital_bed_day_cost",
            gettext_noop("Sykehusets kostnad per overliggerdøgn"),
            KR,
            4_622,
            4_622,
            gettext_noop("7.5.2 (vår lesning: lik døgnprisen)"),
            price=True,
            municipal=False,
        ),
        _p(
            "hospital_end_of_life_cost",
            gettext_noop("Sykehusets kostnad for siste leveuke"),
            KR,
            13_600,
            20_000,
            gettext_noop("8.4, figur 8-2"),
            base=20_000,
            price=True,
            municipal=False,
        ),
    ]
}


# The coordinator's own per-case answers, summed over a year (7.5.3-7.5.5: the questions the
# survey asked in aggregate). Not in PARAMETERS: a set of parameters holds one only when a
# position's cases answer it, and the effect then uses it in place of the report's shares.
ESTIMATES: dict[str, Parameter] = {
    p.key: p
    for p in [
        _p(
            "short_term_days_avoided",
            gettext_noop("Døgn på korttidsopphold unngått (koordinatorens anslag)"),
            DAYS,
            0,
            0,
            "7.5.3",
        ),
        _p(
            "nursing_home_weeks_deferred",
            gettext_noop("Uker sykehjem utsatt (koordinatorens anslag)"),
            WEEKS,
            0,
            0,
            "7.5.5",
        ),
        _p(
            "home_care_hours_saved_per_week",
            gettext_noop("Timer hjemmetjeneste spart per uke (koordinatorens anslag)"),
            HOURS,
            0,
            0,
            "7.5.4",
        ),
    ]
}


class ParameterError(ValueError):
    """Every problem found in a set of parameters, each naming its parameter."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


Setting = float | Mapping[str, float]  # a value of one's own, or {"low", "base", "high"}


def with_values(
    values: Mapping[str, Setting], base: Mapping[str, Parameter] = PARAMETERS
) -> dict[str, Parameter]:
    """The parameters with some set by the user: a number fixes low, base and high; an object
    with `low`, `base` and `high` (any of them) gives a range of one's own. Every problem is
    raised at once."""
    problems = []
    base = {**base, **{k: ESTIMATES[k] for k in values if k in ESTIMATES and k not in base}}
    unknown = sorted(set(values) - set(base))
    if unknown:
        problems.append(
            f"Ukjent parameter: {', '.join(unknown)}. Gyldige: {', '.join(sorted(base))}."
        )
    parameters = dict(base)
    for key, setting in values.items():
        if key not in base:
            continue
        numbers = setting.values() if isinstance(setting, Mapping) else [setting]
        if not all(isinstance(n, int | float) and not isinstance(n, bool) for n in numbers):
            problems.append(f"{key}: «{setting}» er ikke et tall (eller low/base/high med tall).")
            continue
        if isinstance(setting, Mapping):
            extra = sorted(set(setting) - {"low", "base", "high"})
            if extra:
                problems.append(f"{key}: ukjent felt {', '.join(extra)} (bruk low, base, high).")
                continue
            low = setting.get("low", base[key].low)
            high = setting.get("high", base[key].high)
            middle = setting.get("base", (low + high) / 2)
            parameters[key] = replace(base[key], low=low, base=middle, high=high)
        else:
            parameters[key] = base[key].fixed(setting)
    problems += [problem for p in parameters.values() for problem in p.problems()]
    if problems:
        raise ParameterError(problems)
    return parameters


def read_settings(data: object) -> Mapping[str, Setting]:
    """A parameter file's object: {"key": 1.5} or {"key": {"low": 1, "high": 2}}."""
    if not isinstance(data, Mapping):
        raise ParameterError(["Filen må være et JSON-objekt med parameternøkler."])
    return data
