"""Everything a scenario's page shows, computed once: the parameters (the evaluation's, the
position's own figures, then the values set by hand), the effects, the years, the tornado, the
simulation and the break-even values."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Estimate, Parameter, break_even, estimates, simulate, tornado, total, with_values
from .model.nonpriced import NON_PRICED, NonPriced
from .model.uncertainty import BreakEven, Simulation, Swing, base, net
from .model.years import Year, financing_plan
from .models import Scenario
from .scenario import Filled, from_reporting

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
    non_priced: list[NonPriced]

    @property
    def deciders(self) -> list[Swing]:
        """The three parameters that decide the answer."""
        return self.swings[:3]


def scenario_result(scenario: Scenario, protect: bool = True) -> Result:
    filled = {f.key: f for f in from_reporting(scenario.position, scenario.year, protect)}
    own = scenario.own_values
    parameters = with_values(
        {**{k: f.value for k, f in filled.items()}, **{k: v["value"] for k, v in own.items()}}
    )
    found = estimates(parameters)
    return Result(
        parameters=parameters,
        filled=filled,
        own=own,
        estimates=found,
        total=total(found),
        plan=financing_plan(parameters),
        centre=float(net(base(parameters))),
        swings=tornado(parameters),
        simulation=simulate(parameters, DRAWS),
        break_even={b.key: b for b in break_even(parameters)},
        non_priced=[
            e.rerate(**scenario.own_ratings[e.key]) if e.key in scenario.own_ratings else e
            for e in NON_PRICED
        ],
    )
