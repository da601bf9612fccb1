"""Template filters every template has without loading them (settings.TEMPLATES builtins).
Part of the shared kernel: it imports no app."""

from django import template

from .validators import shown_phone

register = template.Library()


@register.filter
def phone(value: str) -> str:
    """A stored phone number as people read it: "912 34 567"."""
    return shown_phone(value) if value else ""
