"""Server-rendered bar charts: SVG with the same numbers as text (its description, read out by
screen readers) and always beside a table holding them too."""

from __future__ import annotations

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

LABEL_WIDTH, BAR_WIDTH, ROW = 260, 300, 26


@dataclass
class Bar:
    label: str
    text: str
    length: float
    y: int
    text_x: float


def bar_chart(chart_id: str, title: str, items: list[tuple[str, float, str]]) -> SafeString:
    """A horizontal bar per (label, value, value as shown); bars scale to the largest value."""
    largest = max((value for _l, value, _t in items), default=0) or 1
    bars = []
    for n, (label, value, text) in enumerate(items):
        length = round(BAR_WIDTH * max(value, 0) / largest, 1)
        bars.append(Bar(str(label), text, length, n * ROW, LABEL_WIDTH + length + 6))
    chart = {
        "id": chart_id,
        "title": title,
        "bars": bars,
        "label_width": LABEL_WIDTH,
        "width": LABEL_WIDTH + BAR_WIDTH + 90,
        "height": max(len(bars) * ROW, ROW),
    }
    return render_to_string("reporting/includes/bar_chart.html", {"chart": chart})
