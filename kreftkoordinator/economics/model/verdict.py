"""The report's own overall verdict (7.10): "Overordnet anslås prissatt virkning å være -200 000
kroner per koordinator per år, med et usikkerhetsintervall fra -500 000 kroner til 200 000
kroner per koordinator per år".

This is the evaluators' judgement, not a sum: table 7-7's lows add up to -705 000 and its highs to
+365 000. It is shown beside our result, never computed from the parameters.
"""

from __future__ import annotations

from dataclasses import dataclass

from .effects import whole
from .parameters import PRICE_YEAR


@dataclass(frozen=True)
class Verdict:
    mid: float
    low: float
    high: float
    section: str
    price_year: int

    def moved(self, factor: float, year: int) -> Verdict:
        """The same verdict in kroner of another year (`factor`: a krone of its year there)."""
        return Verdict(self.mid * factor, self.low * factor, self.high * factor, self.section, year)

    def as_dict(self) -> dict:
        return {
            "mid": whole(self.mid),
            "low": whole(self.low),
            "high": whole(self.high),
            "section": self.section,
        }


REPORT_VERDICT = Verdict(-200_000, -500_000, 200_000, "7.10", PRICE_YEAR)
