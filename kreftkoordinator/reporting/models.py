"""Submitted annual reports: the figures as they were when the coordinator submitted them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.organisation.models import Position


class Submission(models.Model):
    """One submitted version of a position's annual report. The figures are frozen (a later
    correction of casework does not change them); submitting again makes a new version, and
    every version is kept."""

    position = models.ForeignKey(
        Position, models.PROTECT, related_name="submissions", verbose_name=_("stilling")
    )
    year = models.PositiveSmallIntegerField(_("år"))
    version = models.PositiveSmallIntegerField(_("versjon"))
    narrative = models.TextField(_("kommentar"), blank=True)
    figures = models.JSONField(_("tall"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("levert av")
    )
    submitted_at = models.DateTimeField(_("levert"), auto_now_add=True)

    class Meta:
        ordering = ["position", "-year", "-version"]
        verbose_name = _("levert årsrapport")
        verbose_name_plural = _("leverte årsrapporter")
        constraints = [
            models.UniqueConstraint(
                fields=["position", "year", "version"], name="one_submission_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.position} {self.year} v{self.version}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("A submitted report is never changed; submit a new version.")
        super().save(*args, **kwargs)
