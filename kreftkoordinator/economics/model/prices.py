"""Kroner of one year in another's: the consumer price index (SSB table 03014, annual average),
shipped as data in `data/kpi.json` with its source and the date it was read.

Every effect is a sum of quantities times prices, so moving every amount in kroner by the same
factor moves every result by it: the model runs in the chosen price year from the start
(`in_price_year`), and the tornado, the simulation, the break-even values and the plan follow.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from .parameters import KR, PRICE_YEAR, Parameter, ParameterError
from .verdict import REPORT_VERDICT, Verdict

DATA = Path(__file__).parent / "data" / "kpi.json"


@dataclass(frozen=True)
class PriceIndex:
    name: str
    source: str
    citation: str  # short, for messages and footnotes
    url: str
    retrieved: str
    values: dict[int, float]

    @property
    def years(self) -> list[int]:
        return sorted(self.values)

    def factor(self, from_year: int, to_year: int) -> float:
        """What a krone of `from_year` is in `to_year` kroner. Raises ParameterError (in
        Norwegian, with the years the index has) for a year outside the series."""
        missing = [y for y in (from_year, to_year) if y not in self.values]
        if missing:
            raise ParameterError(
                [
                    f"Prisår {missing[0]}: konsumprisindeksen har bare årene "
                    f"{self.years[0]}–{self.years[-1]} ({self.citation}, lest {self.retrieved})."
                ]
            )
        return self.values[to_year] / self.values[from_year]


def load(path: Path = DATA) -> PriceIndex:
    data = json.loads(path.read_text(encoding="utf-8"))
    return PriceIndex(
        data["name"],
        data["source"],
        data["citation"],
        data["url"],
        data["retrieved"],
        {int(year): float(value) for year, value in data["values"].items()},
    )


CPI = load()


def in_price_year(
    parameters: Mapping[str, Parameter], year: int, index: PriceIndex = CPI
) -> dict[str, Parameter]:
    """The parameters with every amount in kroner moved from its own price year to `year`."""
    moved = {}
    for key, p in parameters.items():
        if p.unit == KR and p.price_year != year:
            f = index.factor(p.price_year or PRICE_YEAR, year)
            p = replace(p, low=p.low * f, base=p.base * f, high=p.high * f, price_year=year)
        moved[key] = p
    return moved


def verdict_in(year: int, index: PriceIndex = CPI) -> Verdict:
    """The report's verdict (7.10) in kroner of `year`, moved like every other amount."""
    return REPORT_VERDICT.moved(index.factor(REPORT_VERDICT.price_year, year), year)
