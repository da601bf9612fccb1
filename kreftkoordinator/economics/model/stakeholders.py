"""Who gains and who pays: each priced effect split between the municipality, the funder, the
specialist health service and society as a whole (DESIGN section 5; the report's 7.5.6 and
chapter 8).

The report prices the municipality only. We add two flows it describes in words: the day price
for a delayed-discharge day is a payment from the municipality to the hospital, which in turn
frees a bed (7.5.2, 8.2); and of the added home deaths, those that would have been in hospital
were free for the municipality ("betales av staten") but cost the hospital the last week of life
(7.5.6, 8.4). The funder pays its share of the salary costs in the agreement years (table 3-1).
Society is the sum of the three: a payment from one to another (the grant, the day price)
cancels out, and what is left is resources used or freed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .effects import (
    EFFECTS,
    MUNICIPALITY,
    Estimate,
    Values,
    delayed_discharge_days,
    ends,
    salary_and_social_costs,
)
from .parameters import Parameter
from .text import gettext_noop
from .years import grant

FUNDER = "funder"
SPECIALIST = "specialist_health_service"
SOCIETY = "society"
STAKEHOLDERS = {
    MUNICIPALITY: gettext_noop("Kommunen"),
    FUNDER: gettext_noop("Kreftforeningen"),
    SPECIALIST: gettext_noop("Spesialisthelsetjenesten"),
    SOCIETY: gettext_noop("Samfunnet"),
}

Flow = Callable[[Values], float]


def _hospital_bed_days(v: Values) -> float:
    # Loses the municipality's payment, saves the bed day.
    return delayed_discharge_days(v) * (
        v["hospital_bed_day_cost"] - v["delayed_discharge_day_price"]
    )


def _hospital_deaths(v: Values) -> float:
    # The added home deaths that would otherwise have been in hospital: the last week there.
    in_hospital = v["home_deaths_added"] * (1 - v["home_death_else_nursing_home_share"])
    return in_hospital * v["hospital_end_of_life_cost"]


def _flows(grant_share: float) -> dict[str, dict[str, Flow]]:
    """For each effect that reaches beyond the municipality, its flow to each party; the
    municipality's own flow is the effect unless given here."""
    return {
        "salary_and_social_costs": {
            MUNICIPALITY: lambda v: salary_and_social_costs(v) + grant(v, grant_share),
            FUNDER: lambda v: -grant(v, grant_share),
        },
        "delayed_discharge": {SPECIALIST: _hospital_bed_days},
        "home_death": {SPECIALIST: _hospital_deaths},
    }


# The parameters beyond the effect's own whose low and high make the other parties' estimates.
_ALSO = {
    "delayed_discharge": ("hospital_bed_day_cost",),
    "home_death": ("hospital_end_of_life_cost",),
}


@dataclass(frozen=True)
class Split:
    key: str
    label: str
    parts: dict[str, Estimate]  # stakeholder key to its low and high


def by_stakeholder(parameters: Mapping[str, Parameter], grant_share: float = 0.0) -> list[Split]:
    """Every priced effect for each party, in a year when the funder pays `grant_share` of the
    salary costs (nought: after the step-down, as table 7-7)."""
    flows = _flows(grant_share)
    splits = []
    for effect in EFFECTS:
        own = flows.get(effect.key, {})
        parties: dict[str, Flow] = {
            MUNICIPALITY: own.get(MUNICIPALITY, effect.compute),
            FUNDER: own.get(FUNDER, _nothing),
            SPECIALIST: own.get(SPECIALIST, _nothing),
        }
        parties[SOCIETY] = _sum(list(parties.values()))
        scenario = effect.scenario + _ALSO.get(effect.key, ())
        parts = {}
        for party, flow in parties.items():
            low, high = ends(flow, scenario, parameters)
            parts[party] = Estimate(effect.key, effect.label, party, low, high)
        splits.append(Split(effect.key, effect.label, parts))
    return splits


def totals(splits: list[Split]) -> dict[str, Estimate]:
    """Each party's effects summed (low with low, high with high, as table 7-7)."""
    return {
        party: Estimate(
            "total",
            "Sum prissatte virkninger",
            party,
            sum(s.parts[party].low for s in splits),
            sum(s.parts[party].high for s in splits),
        )
        for party in STAKEHOLDERS
    }


def _nothing(v: Values) -> float:
    return 0.0


def _sum(flows: list[Flow]) -> Flow:
    return lambda v: sum(f(v) for f in flows)
