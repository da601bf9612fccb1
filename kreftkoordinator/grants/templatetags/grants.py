from django import template

register = template.Library()


@register.filter
def kroner(value) -> str:
    """Whole kroner the Norwegian way: 475 875 kr (exact amounts rounded half up)."""
    from fractions import Fraction

    from kreftkoordinator.grants.rules import round_half_up

    if value is None or value == "":
        return "–"
    number = round_half_up(Fraction(value))
    return f"{number:,}".replace(",", "\u00a0").replace("-", "−") + "\u00a0kr"


@register.filter
def share(value) -> str:
    return f"{float(value) * 100:g}\u00a0%".replace(".", ",")
