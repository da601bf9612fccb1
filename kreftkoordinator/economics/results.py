"""Everything a scenario's page shows, computed once: the parameters (the evaluation's, the
position's own figures, then the values set by hand), the effects, the years, the tornado, the
simulation and the break-even values."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .cpi import current_index
from .model import (
    PARAMETERS,
    Estimate,
    Parameter,
    break_even,
    estimates,
    simulate,
    tornado,
    total,
    with_values,
)
from .model.nonpriced import NON_PRICED, NonPriced
from .model.prices import PriceIndex, in_price_year, verdict_in
from .model.stakeholders import Split, by_stakeholder, totals
from .model.uncertainty import BreakEven, Simulation, Swing, base, days_to_break_even, net
from .model.verdict import Verdict
from .model.years import TABLE_3_1, Year, financing_plan, share_in
from .models import Scenario
from .scenario import Filled, from_position, from_reporting

DRAWS = 10_000


@dataclass
class Result:
    parameters: dict[str, Parameter]
    filled: dict[str, Filled]
    own: dict[str, dict]
    estimates: list[Estimate]
    total: Estimate
    plan: list[Year]
    centre: float
    swings: list[Swing]
    simulation: Simulation
    break_even: dict[str, BreakEven]
    days: tuple[float, float] | None  # delayed-discharge days avoided: counted, and to break even
    non_priced: list[NonPriced]
    agreement_year: int | None  # the stakeholders' split: in this agreement year, or after
    splits: list[Split]
    parties: dict[str, Estimate]
    verdict: Verdict  # the report's own (7.10), in the scenario's price year
    index: PriceIndex  # the consumer price index the amounts were moved with

    @property
    def own_salary(self) -> bool:
        """The salary is the position's own, not the report's."""
        return "social_cost_rate" in self.filled

    def source(self, key: str) -> str:
        """Where a parameter's value comes from: someone's own figure, the position's, or the
        evaluation's."""
        if key in self.own:
            own = self.own[key]
            return _("Satt av %(by)s: %(reason)s") % {
                "by": own.get("by", ""),
                "reason": own["reason"],
            }
        if key in self.filled:
            return self.filled[key].source
        return _("Evalueringen 2017, %(source)s") % {"source": _(self.parameters[key].source)}

    @property
    def deciders(self) -> list[Swing]:
        """The three parameters that decide the answer."""
        return self.swings[:3]


def agreement_years() -> list[int]:
    """The agreement years whose split between the parties differs (table 3-1's)."""
    return list(range(1, len(TABLE_3_1) + 1))


def scenario_result(
    scenario: Scenario, protect: bool = True, agreement_year: int | None = None
) -> Result:
    """`agreement_year` outside table 3-1 is taken as after the step-down."""
    if agreement_year not in agreement_years():
        agreement_year = None
    index = current_index()
    found = from_reporting(scenario.position, scenario.year, protect, scenario.home_death_reading)
    found += from_position(scenario.position, scenario.price_year, index)
    filled = {f.key: f for f in found}
    parameters = with_values(
        {**{k: f.value for k, f in filled.items()}, **scenario.own_settings(index)},
        in_price_year(PARAMETERS, scenario.price_year, index),
    )
    effects = estimates(parameters)
    splits = by_stakeholder(parameters, share_in(agreement_year) if agreement_year else 0.0)
    return Result(
        parameters=parameters,
        filled=filled,
        own=scenario.own_values,
        estimates=effects,
        total=total(effects),
        plan=financing_plan(parameters),
        centre=float(net(base(parameters))),
        swings=tornado(parameters),
        simulation=simulate(parameters, DRAWS),
        break_even={b.key: b for b in break_even(parameters)},
        days=days_to_break_even(parameters),
        non_priced=[
            e.rerate(**scenario.own_ratings[e.key]) if e.key in scenario.own_ratings else e
            for e in NON_PRICED
        ],
        agreement_year=agreement_year,
        splits=splits,
        parties=totals(splits),
        verdict=verdict_in(scenario.price_year, index),
        index=index,
    )
