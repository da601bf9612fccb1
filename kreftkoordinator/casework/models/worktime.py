"""The coordinator's time and system work. No personal data: these belong to a position."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.organisation.models import Position, today


class TimeCategory(models.TextChoices):
    """The evaluation's four categories of working time (table 4-2)."""

    SYSTEM = "system", _("Systemrettet og administrativt arbeid")
    COMPETENCE = "competence", _("Kompetansebygging og fagutvikling")
    DIRECT = "direct", _("Direkte kontakt med pasienter og pårørende")
    COORDINATION = "coordination", _("Koordinering for pasienter og pårørende")


class ActivityKind(models.TextChoices):
    TRAINING = "training", _("Opplæring av hjemmetjenesten og andre")
    NETWORK = "network", _("Nettverksmøte")
    PLAN = "plan", _("Planarbeid")
    INFORMATION = "information", _("Informasjon og synlighet")
    MEETING_PLACE = "meeting_place", _("Møteplass / temakafé")
    RELATIVES_COURSE = "relatives_course", _("Kurs for pårørende")


# Which time category a system activity's minutes count in.
ACTIVITY_CATEGORY = {
    ActivityKind.TRAINING: TimeCategory.COMPETENCE,
    ActivityKind.NETWORK: TimeCategory.SYSTEM,
    ActivityKind.PLAN: TimeCategory.SYSTEM,
    ActivityKind.INFORMATION: TimeCategory.SYSTEM,
    ActivityKind.MEETING_PLACE: TimeCategory.DIRECT,
    ActivityKind.RELATIVES_COURSE: TimeCategory.DIRECT,
}


class TimeEntry(models.Model):
    position = models.ForeignKey(
        Position, models.PROTECT, related_name="time_entries", verbose_name=_("stilling")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("bruker")
    )
    on = models.DateField(_("dato"), default=today)
    category = models.CharField(_("kategori"), max_length=12, choices=TimeCategory.choices)
    minutes = models.PositiveSmallIntegerField(_("minutter"))
    note = models.CharField(
        _("hva"), max_length=200, blank=True, help_text=_("Ikke skriv personopplysninger her.")
    )

    class Meta:
        ordering = ["on", "pk"]
        verbose_name = _("tidsføring")
        verbose_name_plural = _("tidsføringer")
        indexes = [models.Index(fields=["user", "on"])]

    def __str__(self) -> str:
        return f"{self.on:%d.%m.%Y} {self.get_category_display()} {self.minutes} min"


class SystemActivity(models.Model):
    position = models.ForeignKey(
        Position, models.PROTECT, related_name="system_activities", verbose_name=_("stilling")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("bruker")
    )
    on = models.DateField(_("dato"), default=today)
    kind = models.CharField(_("type"), max_length=20, choices=ActivityKind.choices)
    title = models.CharField(_("tittel"), max_length=200)
    participants = models.PositiveIntegerField(_("antall deltakere"), default=0)
    minutes = models.PositiveSmallIntegerField(_("tidsbruk (minutter)"))

    class Meta:
        ordering = ["on", "pk"]
        verbose_name = _("systemaktivitet")
        verbose_name_plural = _("systemaktiviteter")
        indexes = [models.Index(fields=["user", "on"])]

    def __str__(self) -> str:
        return self.title

    @property
    def category(self) -> str:
        return ACTIVITY_CATEGORY[ActivityKind(self.kind)]
