from django import template

register = template.Library()


@register.filter
def figure(value, indicator) -> str:
    """A figure of the indicator as the report shows it: a share with its counts, minutes as
    hours and minutes, a count grouped, an empty one as a dash."""
    return indicator.shown(value.value, value.numerator, value.denominator)


@register.filter
def stat(value, indicator) -> str:
    """A statistic (median, mean, min, …) of an indicator: a share as a percentage, a count
    with at most one decimal, none as a dash."""
    return indicator.shown(value)
