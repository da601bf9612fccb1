"""Server-rendered SVG charts for the economics pages, each with its numbers as a text
alternative and always beside a table of the same numbers: spans on a common axis (a waterfall
of the effects as in figure 0-1, a tornado) and the simulation's distribution."""

from __future__ import annotations

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from kreftkoordinator.numbers import kroner, percent

LABEL, WIDTH, ROW = 300, 360, 24


@dataclass
class Span:
    label: str
    text: str
    x: float
    width: float
    y: int
    negative: bool


def span_chart(
    chart_id: str, title: str, rows: list[tuple[str, float, float, str]], marker: float = 0.0
) -> SafeString:
    """A bar from start to end for each (label, start, end, shown) row, on one axis; a line at
    `marker` (nought, or the base case)."""
    edges = [x for _l, a, b, _t in rows for x in (a, b)] + [marker]
    low, high = min(edges), max(edges)
    scale = WIDTH / ((high - low) or 1)

    def at(value: float) -> float:
        return round(LABEL + (value - low) * scale, 1)

    spans = [
        Span(label, text, at(min(a, b)), max(round(abs(b - a) * scale, 1), 1), n * ROW, b < a)
        for n, (label, a, b, text) in enumerate(rows)
    ]
    context = {
        "id": chart_id,
        "title": title,
        "spans": spans,
        "marker": at(marker),
        "width": LABEL + WIDTH + 110,
        "height": len(rows) * ROW + 4,
        "text_x": LABEL + WIDTH + 8,
    }
    return render_to_string("economics/includes/span_chart.html", {"chart": context})


def waterfall(estimates, total) -> SafeString:
    """Figure 0-1: each effect's midpoint from where the one before ended, then the sum."""
    rows, level = [], 0.0
    for e in estimates:
        rows.append((_(e.label), level, level + e.mid, kroner(e.mid)))
        level += e.mid
    rows.append((_("Sum, midt mellom lavt og høyt"), 0.0, total.mid, kroner(total.mid)))
    return span_chart("chart-waterfall", _("Prissatte virkninger, midtanslag per år"), rows)


def tornado_chart(swings, centre: float, top: int = 10) -> SafeString:
    rows = [(_(s.label), s.at_low, s.at_high, _between(s.at_low, s.at_high)) for s in swings[:top]]
    title = _(
        "Hva avgjør svaret: nettoresultatet når én verdi endres og de andre står i basis "
        "(streken: alle i basis, %(centre)s)"
    ) % {"centre": kroner(centre)}
    return span_chart("chart-tornado", title, rows, centre)


def _between(low: float, high: float) -> str:
    return _("%(low)s til %(high)s") % {"low": kroner(low), "high": kroner(high)}


def distribution_chart(simulation) -> SafeString:
    rows = [(_between(a, b), 0.0, share, percent(share)) for a, b, share in simulation.histogram]
    return span_chart("chart-simulation", _("Simuleringene: hvor ofte hvert utfall kom"), rows)
