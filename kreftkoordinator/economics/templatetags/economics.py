from django import template

from kreftkoordinator.economics.charts import kroner
from kreftkoordinator.economics.model.nonpriced import GROUPS

register = template.Library()


@register.filter
def kr(value) -> str:
    return kroner(value)


@register.filter
def percent(value) -> str:
    return f"{value * 100:.0f} %"


@register.filter
def num(value) -> str:
    """A parameter's value the Norwegian way: 4,4; 0,35; 470 000."""
    if abs(value) >= 1000:
        return f"{round(value):,}".replace(",", " ")
    return f"{value:.4g}".replace(".", ",")


@register.filter
def group(key: str) -> str:
    return GROUPS.get(key, key)
