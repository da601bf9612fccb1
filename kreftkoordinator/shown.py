"""Template filters every template has without loading them (settings.TEMPLATES builtins).
Part of the shared kernel: it imports no app."""

from django import template

from . import numbers
from .validators import shown_bank_account, shown_phone

register = template.Library()


@register.filter
def phone(value: str) -> str:
    """A stored phone number as people read it: "912 34 567"."""
    return shown_phone(value) if value else ""


@register.filter
def bank_account(value: str) -> str:
    """A stored account number as banks write it: "1503.11.12345"."""
    return shown_bank_account(value) if value else ""


# Numbers: the one formatter (`kreftkoordinator.numbers`), for every template.


@register.filter
def kr(value) -> str:
    """Whole kroner: kr 475 875 (rounded half up); empty is a dash."""
    return numbers.kroner(None if value == "" else value)


@register.filter
def percent(value, places: int = 0) -> str:
    """A share as per cent: 37 %; with `places`, decimals where there are any (37,5 %)."""
    return numbers.percent(None if value == "" else value, int(places))


@register.filter
def number(value, places: int = 0) -> str:
    """22 540; 4,4 with one place."""
    return numbers.number(None if value == "" else value, int(places), trim=True)


@register.filter
def hours(minutes) -> str:
    """Minutes as hours and minutes: 375 t 40 min."""
    return numbers.hours_and_minutes(None if minutes == "" else minutes)
