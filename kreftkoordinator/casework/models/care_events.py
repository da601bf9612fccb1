from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.audit.scoping import AreaScopedQuerySet
from kreftkoordinator.organisation.models import Area, today

from .cases import Case


class EventKind(models.TextChoices):
    HOSPITAL = "hospital", _("Sykehusopphold")
    SHORT_TERM = "short_term", _("Korttidsopphold")
    LONG_TERM = "long_term", _("Langtidsplass i sykehjem")
    HOSPICE = "hospice", _("Hospice")
    HOME_CARE = "home_care", _("Hjemmetjenester startet eller endret")
    DEATH = "death", _("Dødsfall")


class DeathPlace(models.TextChoices):
    HOME = "home", _("Hjemme")
    NURSING_HOME = "nursing_home", _("Sykehjem eller lindrende enhet")
    HOSPITAL = "hospital", _("Sykehus")
    HOSPICE = "hospice", _("Hospice")
    OTHER = "other", _("Annet sted")


# The fields each kind of event records (besides its date); the form shows only these.
FIELDS = {
    EventKind.HOSPITAL: [
        "ended_on",
        "ready_for_discharge_on",
        "delayed_discharge_days",
        "home_earlier_thanks_to_coordinator",
    ],
    EventKind.SHORT_TERM: ["ended_on"],
    EventKind.LONG_TERM: [],
    EventKind.HOSPICE: ["ended_on"],
    EventKind.HOME_CARE: ["home_care_hours"],
    EventKind.DEATH: [
        "death_place",
        "home_death_facilitated",
        "home_death_needed_coordinator",
        "extra_municipal_hours",
    ],
}


# Every field an event may record, in the form's order: the form's fields and the import's
# columns for events.
RECORDED = ["on", *dict.fromkeys(name for names in FIELDS.values() for name in names)]


# A hospital stay reported ready for discharge, in the database (`CareEvent.reported_ready`).
READY_Q = models.Q(kind="hospital") & (
    models.Q(ready_for_discharge_on__isnull=False) | models.Q(delayed_discharge_days__gt=0)
)


class CareEventQuerySet(AreaScopedQuerySet["CareEvent"]):
    pass


class CareEvent(models.Model):
    """What happened in the health service: the figures behind the economic model (chapter 7)."""

    area = models.ForeignKey(Area, models.PROTECT, related_name="+", verbose_name=_("område"))
    case = models.ForeignKey(
        Case, models.CASCADE, related_name="care_events", verbose_name=_("oppfølging")
    )
    kind = models.CharField(_("hendelse"), max_length=12, choices=EventKind.choices)
    on = models.DateField(_("dato"))
    ended_on = models.DateField(
        _("sluttdato"), null=True, blank=True, help_text=_("Utskrivning eller slutt på oppholdet.")
    )
    ready_for_discharge_on = models.DateField(
        _("meldt utskrivningsklar"),
        null=True,
        blank=True,
        help_text=_("Datoen sykehuset meldte pasienten utskrivningsklar til kommunen."),
    )
    delayed_discharge_days = models.PositiveSmallIntegerField(
        _("overliggerdøgn"),
        null=True,
        blank=True,
        help_text=_(
            "Døgn pasienten var utskrivningsklar, men ble liggende på sykehuset. Står det tomt, "
            "regnes døgnene fra meldt utskrivningsklar til utskrivning."
        ),
    )
    home_earlier_thanks_to_coordinator = models.BooleanField(
        _("kom hjem tidligere takket være koordinatoren"),
        null=True,
        blank=True,
        help_text=_("Evalueringen spør om dette (7.5.2). Tomt betyr ikke vurdert."),
    )
    home_care_hours = models.DecimalField(
        _("hjemmetjenester (timer per uke)"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(0, _("Timene kan ikke være negative.")),
            MaxValueValidator(168, _("En uke har 168 timer.")),
        ],
    )
    death_place = models.CharField(
        _("dødssted"), max_length=12, choices=DeathPlace.choices, blank=True
    )
    home_death_facilitated = models.BooleanField(
        _("hjemmedød tilrettelagt av koordinatoren"), default=False
    )
    home_death_needed_coordinator = models.BooleanField(
        _("hjemmedød ville ikke vært mulig uten koordinatoren"), default=False
    )
    extra_municipal_hours = models.DecimalField(
        _("ekstra kommunale timer for hjemmedøden"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, _("Timene kan ikke være negative."))],
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", null=True
    )

    objects = CareEventQuerySet.as_manager()

    class Meta:
        ordering = ["-on", "-pk"]
        verbose_name = _("hendelse")
        verbose_name_plural = _("hendelser")
        constraints = [
            models.UniqueConstraint(
                fields=["case"], condition=models.Q(kind="death"), name="one_death_per_case"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.on:%d.%m.%Y}"

    @property
    def reported_ready(self) -> bool:
        """A hospital stay reported ready for discharge (7.5.2): it has a ready date, or, in
        records without one, delayed days. `READY_Q` says the same in the database."""
        return self.kind == EventKind.HOSPITAL and (
            self.ready_for_discharge_on is not None or (self.delayed_discharge_days or 0) > 0
        )

    def clean(self) -> None:
        errors = {}
        if self.on and self.on > today():
            future = _("Dødsdatoen kan ikke være i fremtiden.")
            errors["on"] = (
                future if self.kind == EventKind.DEATH else _("Datoen kan ikke være i fremtiden.")
            )
        if self.ended_on and self.on and self.ended_on < self.on:
            errors["ended_on"] = (
                _("Utskrivningen kan ikke være før innleggelsen.")
                if self.kind == EventKind.HOSPITAL
                else _("Sluttdatoen kan ikke være før start.")
            )
        if self.ended_on and self.ended_on > today():
            errors["ended_on"] = _("Datoen kan ikke være i fremtiden.")
        ready = self.ready_for_discharge_on
        if ready and self.on and ready < self.on:
            errors["ready_for_discharge_on"] = _(
                "Pasienten kan ikke meldes utskrivningsklar før innleggelsen."
            )
        elif ready and self.ended_on and ready > self.ended_on:
            errors["ready_for_discharge_on"] = _(
                "Pasienten kan ikke meldes utskrivningsklar etter utskrivningen."
            )
        elif ready and ready > today():
            errors["ready_for_discharge_on"] = _("Datoen kan ikke være i fremtiden.")
        elif self.delayed_discharge_days is None and ready and self.ended_on:
            # 7.5.2: the days from the ready date to the discharge are the delayed days.
            self.delayed_discharge_days = (self.ended_on - ready).days
        if (
            self.delayed_discharge_days
            and self.ended_on
            and self.on
            and self.delayed_discharge_days > (self.ended_on - self.on).days
        ):
            errors["delayed_discharge_days"] = _("Flere overliggerdøgn enn døgn på sykehuset.")
        elif (
            self.delayed_discharge_days
            and ready
            and self.ended_on
            and self.delayed_discharge_days > (self.ended_on - ready).days
        ):
            errors["delayed_discharge_days"] = _(
                "Flere overliggerdøgn enn døgn fra utskrivningsklar til utskrivning."
            )
        if self.kind == EventKind.DEATH:
            if not self.death_place:
                errors["death_place"] = _("Oppgi dødssted.")
            elif self.death_place != DeathPlace.HOME and (
                self.home_death_facilitated or self.home_death_needed_coordinator
            ):
                errors["home_death_facilitated"] = _("Gjelder bare når pasienten døde hjemme.")
        if errors:
            raise ValidationError(errors)
