from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.audit.scoping import AreaScopedQuerySet
from kreftkoordinator.organisation.models import Area, today

from .cases import Case


class Checkpoint(models.TextChoices):
    """Pakkeforløp hjem for pasienter med kreft: the three checkpoints, or an ad hoc assessment."""

    SP1 = "sp1", _("SP1: ved diagnose")
    SP2 = "sp2", _("SP2: 3–4 måneder etter")
    SP3 = "sp3", _("SP3: 12–18 måneder etter")
    AD_HOC = "ad_hoc", _("Ved behov")


class Topic(models.TextChoices):
    """The 13 topics of Pakkeforløp hjem's needs assessment."""

    FAMILY = "family", _("Familie og nettverk")
    WORK = "work", _("Arbeid og skole")
    FINANCES = "finances", _("Økonomi og bolig")
    HOME_HELP = "home_help", _("Hjelp i hjemmet")
    REHABILITATION = "rehabilitation", _("Rehabilitering")
    ACTIVITY = "activity", _("Fysisk aktivitet")
    NUTRITION = "nutrition", _("Ernæring")
    OWN_HEALTH = "own_health", _("Egen helse")
    COPING = "coping", _("Egne ressurser og mestring")
    LEISURE = "leisure", _("Fritid")
    MENTAL = "mental", _("Psykisk helse")
    SEXUAL = "sexual", _("Seksuell helse")
    ORAL = "oral", _("Munnhelse")


class NeedLevel(models.IntegerChoices):
    NONE = 0, _("Ingen behov")
    SOME = 1, _("Noe behov")
    LARGE = 2, _("Stort behov")


class AssessmentQuerySet(AreaScopedQuerySet["Assessment"]):
    pass


class Assessment(models.Model):
    """Kartlegging: the distress thermometer, the needs in 13 topics, what matters to the person."""

    area = models.ForeignKey(Area, models.PROTECT, related_name="+", verbose_name=_("område"))
    case = models.ForeignKey(
        Case, models.CASCADE, related_name="assessments", verbose_name=_("oppfølging")
    )
    assessed_on = models.DateField(_("dato"), default=today)
    checkpoint = models.CharField(
        _("tidspunkt i pakkeforløpet"),
        max_length=6,
        choices=Checkpoint.choices,
        default=Checkpoint.AD_HOC,
    )
    distress = models.PositiveSmallIntegerField(
        _("belastning (distresstermometer 0–10)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(10)],
    )
    what_matters = models.TextField(_("hva er viktig for deg?"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", null=True
    )

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["-assessed_on", "-pk"]
        verbose_name = _("kartlegging")
        verbose_name_plural = _("kartlegginger")

    def __str__(self) -> str:
        return f"{self.get_checkpoint_display()} {self.assessed_on:%d.%m.%Y}"

    def levels(self) -> dict[str, int]:
        return {need.topic: need.level for need in self.needs.all()}

    def open_needs(self) -> list["AssessmentNeed"]:
        return [need for need in self.needs.all() if need.level > NeedLevel.NONE]


class AssessmentNeed(models.Model):
    assessment = models.ForeignKey(Assessment, models.CASCADE, related_name="needs")
    topic = models.CharField(_("tema"), max_length=20, choices=Topic.choices)
    level = models.PositiveSmallIntegerField(_("behov"), choices=NeedLevel.choices)
    note = models.CharField(_("merknad"), max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "topic"], name="one_need_per_topic")
        ]

    def __str__(self) -> str:
        return f"{self.get_topic_display()}: {self.get_level_display()}"
