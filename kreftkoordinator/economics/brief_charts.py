"""The brief's charts as PNG images (a Word document cannot hold the page's SVG): the tornado
and the year by year, drawn by matplotlib from the same `Result` as the page's charts."""

from __future__ import annotations

from io import BytesIO

import matplotlib

matplotlib.use("Agg")  # no display: images only

from matplotlib import pyplot  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from kreftkoordinator.numbers import number  # noqa: E402

from .results import Result  # noqa: E402

INK, GAIN, LOSS = "#1e2b3c", "#1b6e3a", "#a5271d"


def _thousands(value: float, _position=None) -> str:
    return number(float(value) / 1000)  # matplotlib gives numpy floats


def _png(figure: Figure) -> bytes:
    out = BytesIO()
    figure.savefig(out, format="png", dpi=150, bbox_inches="tight")
    pyplot.close(figure)
    return out.getvalue()


def tornado_png(result: Result, labels: dict[str, str], top: int = 8) -> bytes:
    """Each parameter's swing of the net result, low and high, around the midpoint."""
    swings = result.swings[:top][::-1]
    centre = result.total.mid
    figure, axes = pyplot.subplots(figsize=(7, 0.45 * len(swings) + 1))
    for n, s in enumerate(swings):
        for end in (s.at_low, s.at_high):
            axes.barh(n, end - centre, left=centre, color=GAIN if end > centre else LOSS)
    axes.set_yticks(range(len(swings)), [labels.get(s.key, s.key) for s in swings])
    axes.axvline(centre, color=INK, linewidth=1)
    axes.xaxis.set_major_formatter(FuncFormatter(_thousands))
    axes.set_xlabel("1000 kr")
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def years_png(result: Result, year_label: str) -> bytes:
    """The municipality's net each agreement year, and the discounted net accumulated."""
    years = [y.number for y in result.plan]
    figure, axes = pyplot.subplots(figsize=(7, 3))
    axes.bar(
        years,
        [y.net for y in result.plan],
        color=[GAIN if y.net >= 0 else LOSS for y in result.plan],
    )
    axes.plot(years, [y.cumulated_discounted for y in result.plan], color=INK, marker="o")
    axes.axhline(0, color=INK, linewidth=0.8)
    axes.set_xticks(years)
    axes.set_xlabel(year_label)
    axes.yaxis.set_major_formatter(FuncFormatter(_thousands))
    axes.set_ylabel("1000 kr")
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)
