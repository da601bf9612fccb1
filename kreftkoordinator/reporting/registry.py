"""The indicator registry: what an indicator is, what a figure is, and `compute`. The
indicators themselves are defined in `indicators.py`, `work.py` and `breakdowns.py`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from django.utils.translation import gettext_lazy as _

from kreftkoordinator import numbers

from .period import Period

PEOPLE, CONTACTS, MINUTES, DAYS = _("personer"), _("kontakter"), _("minutter"), _("døgn")
SHARE, ASSESSMENTS, STAYS = _("andel"), _("kartlegginger"), _("opphold")


@dataclass(frozen=True)
class Reference:
    """The evaluation's figure: the mean over the coordinators who answered, and where it is."""

    value: float
    source: str  # e.g. "tabell 4-4"

    @property
    def shown(self) -> str:
        if self.value <= 1:
            return numbers.percent(self.value)
        return numbers.number(self.value, 1, trim=True)

    def __str__(self) -> str:
        return f"{self.shown} i evalueringen 2017 ({self.source})"


@dataclass(frozen=True)
class Figure:
    """One indicator's value; a share also carries its numerator and denominator, and is empty
    (None) when the denominator is 0."""

    value: int | float | None
    numerator: int | None = None
    denominator: int | None = None
    # A breakdown: count per code (mode, kind, source, service), beside the total in `value`.
    parts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    definition: str
    unit: str
    compute: Callable[[Period], Figure]
    reference: Reference | None = None
    # A breakdown whose parts add up to its value (one code per record); contacts by kind do
    # not (a contact can be of several kinds), and are then suppressed part by part.
    parts_add_up: bool = True
    # A breakdown's codes and their labels, as the choices they come from.
    part_choices: tuple = ()

    def shown(self, value, numerator=None, denominator=None, mark: str = "") -> str:
        """A figure of this indicator as every page, export and document shows it."""
        return numbers.figure(
            value,
            numerator,
            denominator,
            mark=mark,
            share=self.unit == SHARE,
            minutes=self.unit == MINUTES,
        )

    def part_label(self, code: str) -> str:
        """The label of a breakdown's code ("phone" is "Telefon"); grouped choices are
        flattened."""
        for value, label in self.part_choices:
            if isinstance(label, (list, tuple)):
                found = dict(label).get(code)
                if found is not None:
                    return str(found)
            elif value == code:
                return str(label)
        return str(_("ukjent")) if code == "unknown" else code


REGISTRY: dict[str, Indicator] = {}


def indicator(key, label, definition, unit, reference=None, parts_add_up=True, parts=()):
    def register(compute: Callable[[Period], Figure]) -> Callable[[Period], Figure]:
        REGISTRY[key] = Indicator(
            key, label, definition, unit, compute, reference, parts_add_up, tuple(parts)
        )
        return compute

    return register


def compute(period: Period, keys: list[str] | None = None) -> dict[str, Figure]:
    """The figures of the given indicators (all by default) over the period."""
    from . import indicators  # noqa: F401 -- the definitions register themselves on import

    fresh = replace(period)  # a memo of its own: shared sub-results never outlive one report
    return {key: REGISTRY[key].compute(fresh) for key in keys or REGISTRY}


def is_empty(figures: dict[str, Figure]) -> bool:
    """Nothing recorded: every count nought and every share without a denominator."""
    return all(not f.value for f in figures.values())


def share(numerator: int, denominator: int) -> Figure:
    value = numerator / denominator if denominator else None
    return Figure(value, numerator, denominator)
