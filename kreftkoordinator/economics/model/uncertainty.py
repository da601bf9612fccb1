"""How sure the answer is: one-way sensitivity (the tornado), a seeded Monte Carlo simulation
over every parameter, and break-even values, all of the municipality's net result a year (the
nine effects summed at one set of parameter values).

The effect functions are plain arithmetic, so they take numpy arrays as they take numbers: a
simulation is one evaluation over arrays of draws.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from kreftkoordinator.numbers import round_half_up

from .effects import EFFECTS, Values, delayed_discharge_days, whole
from .parameters import SHARE, WEEKS, Parameter


def net(values: Values) -> Any:
    """The municipality's net result a year: every effect at these values, summed (a number, or
    an array for arrays of draws)."""
    result: Any = 0.0
    for effect in EFFECTS:
        result = result + effect.compute(values)
    return result


def base(parameters: Mapping[str, Parameter]) -> dict[str, float]:
    return {key: p.base for key, p in parameters.items()}


@dataclass(frozen=True)
class Swing:
    """One bar of the tornado: the net result with one parameter at its low and its high end."""

    key: str
    label: str
    at_low: float
    at_high: float

    @property
    def width(self) -> float:
        return abs(self.at_high - self.at_low)


def tornado(parameters: Mapping[str, Parameter]) -> list[Swing]:
    """Every parameter that has a range, widest swing first."""
    values = base(parameters)
    swings = [
        Swing(
            key,
            p.label,
            float(net({**values, key: p.low})),
            float(net({**values, key: p.high})),
        )
        for key, p in parameters.items()
        if p.low != p.high and p.for_municipality
    ]
    return sorted(swings, key=lambda s: -s.width)


@dataclass(frozen=True)
class Simulation:
    draws: int
    seed: int
    mean: float
    interval_90: tuple[float, float]
    interval_95: tuple[float, float]
    probability_of_gain: float  # the share of draws in which the municipality comes out ahead
    # The distribution: (from, to, share of draws) for each of 20 equal bins.
    histogram: tuple[tuple[float, float, float], ...] = ()

    def as_dict(self) -> dict:
        return {
            "draws": self.draws,
            "seed": self.seed,
            "mean": whole(self.mean),
            "interval_90": [whole(x) for x in self.interval_90],
            "interval_95": [whole(x) for x in self.interval_95],
            "probability_of_gain": float(round_half_up(self.probability_of_gain, 4)),
        }


def draw(p: Parameter, n: int, rng: np.random.Generator) -> float | np.ndarray:
    """n draws of a parameter: PERT over low-base-high (a beta distribution weighted towards
    the base), or triangular; a parameter without a range is that value."""
    if p.low == p.high:
        return p.base
    if p.distribution == "triangular":
        return rng.triangular(p.low, p.base, p.high, n)
    span = p.high - p.low
    alpha = 1 + 4 * (p.base - p.low) / span
    beta = 1 + 4 * (p.high - p.base) / span
    return p.low + span * rng.beta(alpha, beta, n)


def simulate(
    parameters: Mapping[str, Parameter], draws: int = 10_000, seed: int = 2017
) -> Simulation:
    """The net result over `draws` draws of every parameter at once; the same seed gives the
    same answer."""
    rng = np.random.default_rng(seed)
    values = {key: draw(p, draws, rng) for key, p in parameters.items() if p.for_municipality}
    results = np.broadcast_to(net(values), (draws,))
    low90, high90, low95, high95 = np.percentile(results, [5, 95, 2.5, 97.5])
    counts, edges = np.histogram(results, bins=20)
    return Simulation(
        draws,
        seed,
        float(results.mean()),
        (float(low90), float(high90)),
        (float(low95), float(high95)),
        float((results > 0).mean()),
        tuple(
            (float(edges[i]), float(edges[i + 1]), float(counts[i] / draws))
            for i in range(len(counts))
        ),
    )


@dataclass(frozen=True)
class BreakEven:
    """The value of one parameter, the others at their base, at which the position pays for
    itself (net result nought); None where no sensible value does."""

    key: str
    label: str
    value: float | None
    base: float = 0.0
    unit: str = ""


def days_to_break_even(parameters: Mapping[str, Parameter]) -> tuple[float, float] | None:
    """The delayed-discharge days a year the model counts as avoided, and how many would make
    the position pay for itself, the rest at their base; None where the day has no price."""
    values = base(parameters)
    price = values["delayed_discharge_day_price"]
    if price <= 0:
        return None
    now = float(delayed_discharge_days(values))
    return now, max(0.0, now - float(net(values)) / price)


def break_even(parameters: Mapping[str, Parameter]) -> list[BreakEven]:
    values = base(parameters)
    found = []
    for key, p in parameters.items():
        if not p.for_municipality:
            continue
        upper = {SHARE: 1.0, WEEKS: 52.0}.get(p.unit, max(p.high, 1.0) * 20)
        value = _root(lambda x, k=key: net({**values, k: x}), upper)
        found.append(BreakEven(key, p.label, value, p.base, p.unit))
    return found


def _root(f, upper: float, steps: int = 60) -> float | None:
    """Where f crosses nought on [0, upper] (bisection: the net result moves one way with each
    parameter); None if it does not."""
    lo, hi = 0.0, upper
    f_lo, f_hi = float(f(lo)), float(f(hi))
    if f_lo == 0:
        return lo
    if (f_lo > 0) == (f_hi > 0):
        return None
    for _ in range(steps):
        middle = (lo + hi) / 2
        f_middle = float(f(middle))
        if (f_middle > 0) == (f_lo > 0):
            lo, f_lo = middle, f_middle
        else:
            hi = middle
    return (lo + hi) / 2
