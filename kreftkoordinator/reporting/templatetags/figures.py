from django import template

from kreftkoordinator.reporting.published import shown_statistic

register = template.Library()


@register.filter
def figure(value) -> str:
    """A figure as the report shows it: a share as a Norwegian percentage with its counts, an
    empty share as a dash, a count as it is."""
    if value.value is None:
        return "–"
    if value.denominator is not None:
        return f"{value.value * 100:.0f} % ({value.numerator} av {value.denominator})"
    if isinstance(value.value, float):
        return f"{value.value:.1f}".replace(".", ",")
    return str(value.value)


@register.filter
def stat(value, indicator) -> str:
    """A statistic (median, mean, min, …) of an indicator: a share as a percentage, a count
    with at most one decimal, none as a dash."""
    return shown_statistic(value, indicator)
