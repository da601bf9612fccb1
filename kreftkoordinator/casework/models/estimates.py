"""The coordinator's own estimate of what her work on one case avoided in one year: the
per-case answers to the questions the 2017 survey asked in aggregate (7.5.3-7.5.5). Each
answer is a number, or empty for «vet ikke»; economics uses a position's answers in place of
the report's shares once at least 5 cases in the year answer that question."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.audit.scoping import AreaScopedQuerySet
from kreftkoordinator.organisation.models import Area, today

from .cases import Case

# question -> the most a case can answer in a year (days, weeks, hours a week)
LIMITS = {
    "short_term_days_avoided": 365,
    "nursing_home_weeks_deferred": 52,
    "home_care_hours_saved_per_week": 168,
}


class EstimateQuerySet(AreaScopedQuerySet["Estimate"]):
    pass


class Estimate(models.Model):
    area = models.ForeignKey(Area, models.PROTECT, related_name="+", verbose_name=_("område"))
    case = models.ForeignKey(
        Case, models.CASCADE, related_name="estimates", verbose_name=_("oppfølging")
    )
    year = models.PositiveSmallIntegerField(_("år"))
    short_term_days_avoided = models.DecimalField(
        _("døgn på korttidsopphold unngått"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("Døgn personen slapp å være på korttidsopphold takket være arbeidet ditt."),
    )
    nursing_home_weeks_deferred = models.DecimalField(
        _("uker langtidsopphold i sykehjem utsatt"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("Uker en plass på sykehjem ble utsatt fordi personen kunne bo hjemme."),
    )
    home_care_hours_saved_per_week = models.DecimalField(
        _("timer hjemmetjeneste spart per uke i første fase"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("Timer i uken hjemmetjenesten slapp å bruke de første tre månedene."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", null=True
    )

    objects = EstimateQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("anslag")
        verbose_name_plural = _("anslag")
        constraints = [
            models.UniqueConstraint(fields=["case", "year"], name="one_estimate_per_case_year")
        ]

    def __str__(self) -> str:
        return f"{_('Anslag')} {self.year}"

    def problems(self) -> dict:
        """A year the case was open in, up to this year; no answer below nought or above what a
        year holds. The form, the import and the demo ask this."""
        errors: dict = {}
        case = getattr(self, "case", None)  # an import's case is not saved yet
        if self.year is not None and case is not None:
            last = (case.closed_on or today()).year
            if not case.opened_on.year <= self.year <= min(last, today().year):
                errors["year"] = _(
                    "Velg et år oppfølgingen var åpen, fra %(first)d til %(last)d."
                ) % {"first": case.opened_on.year, "last": min(last, today().year)}
        for field, most in LIMITS.items():
            value = getattr(self, field)
            if value is not None and not 0 <= value <= most:
                errors[field] = _(
                    "Skriv et tall fra 0 til %(most)d, eller la feltet stå tomt for «vet ikke»."
                ) % {"most": most}
        return errors

    def clean(self) -> None:
        errors = self.problems()
        if errors:
            raise ValidationError(errors)
