"""Saved scenarios: a position's own figures for a year, with the values a user set by hand and
her reasons, and her own ratings of the effects not priced."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.organisation.models import Area, Position


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


class Scenario(models.Model):
    name = models.CharField(_("navn"), max_length=150)
    position = models.ForeignKey(
        Position, models.CASCADE, related_name="scenarios", verbose_name=_("stilling")
    )
    year = models.PositiveSmallIntegerField(_("år med egne tall"))
    # {key: {"value": number, "reason": text}}: the values set by hand, each with its reason.
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
