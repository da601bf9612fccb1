from django import template
from django.utils.translation import gettext

from kreftkoordinator.economics.model.nonpriced import GROUPS
from kreftkoordinator.economics.words import parameter_value

register = template.Library()


@register.filter
def num(value) -> str:
    """A parameter's value the Norwegian way: 4,4; 0,35; 470 000."""
    return parameter_value(value)


@register.filter
def group(key: str) -> str:
    return gettext(GROUPS.get(key, key))


@register.filter
def said(text: str) -> str:
    """A text of the model (a label, a source, the evaluation's words) in the reader's
    language (economics/model/text.py)."""
    return gettext(text) if text else text
