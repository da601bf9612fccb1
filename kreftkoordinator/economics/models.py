"""Saved scenarios: a position's own figures for a year, with the values a user set by hand and
her reasons, and her own ratings of the effects not priced."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.organisation.models import Area, Position

from .model import PARAMETERS, PRICE_YEAR
from .model.parameters import KR
from .model.prices import PriceIndex


class ScenarioQuerySet(models.QuerySet["Scenario"]):
    def visible_to(self, user) -> ScenarioQuerySet:
        """The scenarios of positions whose every area is within the user's figure scope
        (`Area.objects.figures_for`): a position's figures, beside a leader's own areas, would
        otherwise give away the others'."""
        return self.filter(position__in=positions_for(user))


def positions_for(user):
    """The positions whose figures the user may use in a scenario."""
    scope = Area.objects.figures_for(user)
    outside = Area.objects.exclude(pk__in=scope.values("pk"))
    return (
        Position.objects.filter(covered_areas__in=scope.values("pk"))
        .exclude(covered_areas__in=outside)
        .distinct()
    )


def salary_positions(user):
    """The one access helper for a position's salary: an administrator's every position, a
    leader's those hosted (employed) by an area of hers; no one else's."""
    if user.is_admin:
        return Position.objects.all()
    if user.is_leader:
        return Position.objects.filter(host_area__in=Area.objects.figures_for(user).values("pk"))
    return Position.objects.none()


class Scenario(models.Model):
    name = models.CharField(_("navn"), max_length=150)
    position = models.ForeignKey(
        Position, models.CASCADE, related_name="scenarios", verbose_name=_("stilling")
    )
    year = models.PositiveSmallIntegerField(_("år med egne tall"))
    # Every amount on the scenario's pages is in kroner of this year (the consumer price index).
    price_year = models.PositiveSmallIntegerField(_("prisår"), default=PRICE_YEAR)
    # Which home deaths count as added by the coordinator (7.5.6): those she helped arrange, or
    # the stricter reading, those that needed her (economics/scenario.py).
    home_death_reading = models.CharField(
        _("flere hjemmedødsfall"),
        max_length=12,
        choices=[
            ("facilitated", _("de koordinatoren la til rette for (evalueringens lesning)")),
            ("needed", _("bare de som ikke ville vært mulige uten koordinatoren")),
        ],
        default="facilitated",
    )
    # {key: {"value": number, "reason": text, "by": name, "price_year": year}}: the values set
    # by hand, each with its reason; an amount keeps the price year it was typed in (2017
    # where none is given).
    own_values = models.JSONField(_("egne verdier"), default=dict, blank=True)
    # {key: {"significance", "scope", "justification", "by"}}: the user's own ratings of the
    # effects not priced, kept beside the evaluation's.
    own_ratings = models.JSONField(_("egne vurderinger"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("laget av")
    )
    created_at = models.DateTimeField(_("laget"), auto_now_add=True)
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    objects = ScenarioQuerySet.as_manager()

    class Meta:
        ordering = ["position", "-year", "name"]
        verbose_name = _("scenario")
        verbose_name_plural = _("scenarioer")

    def __str__(self) -> str:
        return self.name

    def own_settings(self, index: PriceIndex, extra: dict | None = None) -> dict[str, float]:
        """The values set by hand (and `extra`, {key: {"value", "price_year"}}), amounts moved
        to the scenario's price year by the index."""
        found = {}
        for key, own in {**self.own_values, **(extra or {})}.items():
            value = own["value"]
            if key in PARAMETERS and PARAMETERS[key].unit == KR:
                value *= index.factor(own.get("price_year", PRICE_YEAR), self.price_year)
            found[key] = value
        return found


class PriceIndexYear(models.Model):
    """A year of the consumer price index imported from SSB (`import-cpi`): kept in the
    database, so an upgrade of the shipped file does not overwrite it (`cpi.current_index`)."""

    year = models.PositiveSmallIntegerField(_("år"), unique=True)
    value = models.FloatField(_("indeks (2015=100)"))
    source_updated = models.CharField(_("oppdatert hos SSB"), max_length=40, blank=True)
    imported_at = models.DateTimeField(_("importert"), auto_now=True)

    class Meta:
        ordering = ["year"]
        verbose_name = _("konsumprisindeks for et år")
        verbose_name_plural = _("konsumprisindeks")

    def __str__(self) -> str:
        return f"{self.year}: {self.value}"
