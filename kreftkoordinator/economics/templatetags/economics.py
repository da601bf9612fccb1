from django import template

from kreftkoordinator.economics.model.nonpriced import GROUPS
from kreftkoordinator.economics.words import parameter_value

register = template.Library()


@register.filter
def num(value) -> str:
    """A parameter's value the Norwegian way: 4,4; 0,35; 470 000."""
    return parameter_value(value)


@register.filter
def group(key: str) -> str:
    return GROUPS.get(key, key)
