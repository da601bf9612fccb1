"""Over the years: the funder's step-down (table 3-1) against the municipality's salary costs
(table 7-1) and the effects, year by year and cumulated, discounted.

The schedule is a plain input (the funder's share of the salary costs in agreement year 1, 2,
...; grants will own the schedules): the default is table 3-1's 75 % in years 1-3, then 60, 40
and 20 %. The funder's share is of the gross salary at the start plus social costs of at most
35 % (DESIGN section 6). The rate is Finansdepartementet's R-109 real discount rate, 4 %; the
first year is not discounted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .effects import EFFECTS, Values, base_values, estimate
from .parameters import PARAMETERS, Parameter

TABLE_3_1 = (0.75, 0.75, 0.75, 0.60, 0.40, 0.20)
DISCOUNT_RATE = 0.04
FUNDER_SOCIAL_COST_CAP = 0.35


@dataclass(frozen=True)
class Year:
    number: int  # agreement year, from 1
    funder_share: float
    salary_costs: float  # the position's salary and social costs
    grant: float  # what the funder pays of them
    effects: float  # the other eight effects' midpoints, summed
    net: float  # for the municipality: effects - (salary costs - grant)
    discounted: float
    cumulated: float
    cumulated_discounted: float


def salary_costs(parameters: Mapping[str, Parameter]) -> float:
    return parameters["salary_annual"].base * (1 + parameters["social_cost_rate"].base)


def grant(v: Values, share: float) -> float:
    """The funder's part of a year's salary costs (table 7-1: 75 % of 635 000 is 476 250)."""
    social = min(v["social_cost_rate"], FUNDER_SOCIAL_COST_CAP)
    return share * v["salary_annual"] * (1 + social)


def funder_pays(parameters: Mapping[str, Parameter], share: float) -> float:
    return grant(base_values(parameters), share)


def share_in(year: int, schedule: Sequence[float] = TABLE_3_1) -> float:
    """The funder's share in an agreement year (from 1); nought after the schedule."""
    return schedule[year - 1] if 1 <= year <= len(schedule) else 0.0


def financing_plan(
    parameters: Mapping[str, Parameter] = PARAMETERS,
    schedule: Sequence[float] = TABLE_3_1,
    years: int = 10,
    rate: float = DISCOUNT_RATE,
) -> list[Year]:
    others = sum(estimate(e, parameters).mid for e in EFFECTS if e.key != "salary_and_social_costs")
    costs = salary_costs(parameters)
    plan: list[Year] = []
    cumulated = cumulated_discounted = 0.0
    for number in range(1, years + 1):
        share = share_in(number, schedule)
        grant = funder_pays(parameters, share)
        net = others - (costs - grant)
        discounted = net / (1 + rate) ** (number - 1)
        cumulated += net
        cumulated_discounted += discounted
        plan.append(
            Year(
                number,
                share,
                costs,
                grant,
                others,
                net,
                discounted,
                cumulated,
                cumulated_discounted,
            )
        )
    return plan
