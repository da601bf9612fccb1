"""The municipality's routines, plans and agreements for cancer care that a position drives
(«gode rutiner og systemer for kreftomsorg i kommunene»): system work, not personal data. A
routine's status history says when it was in force; the annual report lists those in force on
any day of its year."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.organisation.models import Position, today


class RoutineKind(models.TextChoices):
    ROUTINE = "routine", _("Rutine")
    PLAN = "plan", _("Plan")
    AGREEMENT = "agreement", _("Avtale")


class RoutineStatus(models.TextChoices):
    DRAFT = "draft", _("Utkast")
    ADOPTED = "adopted", _("Vedtatt")
    REVISED = "revised", _("Revidert")
    RETIRED = "retired", _("Utgått")


IN_FORCE = {RoutineStatus.ADOPTED, RoutineStatus.REVISED}


class Routine(models.Model):
    position = models.ForeignKey(
        Position, models.PROTECT, related_name="routines", verbose_name=_("stilling")
    )
    title = models.CharField(
        _("tittel"),
        max_length=200,
        help_text=_(
            "For eksempel «Rutine for barn som pårørende» eller «Utskrivning fra sykehus»."
        ),
    )
    kind = models.CharField(_("type"), max_length=10, choices=RoutineKind.choices)
    owner = models.CharField(
        _("eier"),
        max_length=200,
        blank=True,
        help_text=_("Virksomheten som eier dokumentet, for eksempel hjemmetjenesten."),
    )
    # The latest status and its date, kept with the history for the list.
    status = models.CharField(_("status"), max_length=10, choices=RoutineStatus.choices)
    status_on = models.DateField(_("dato for status"), default=today)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", null=True
    )

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("rutine eller plan")
        verbose_name_plural = _("rutiner og planer")

    def __str__(self) -> str:
        return self.title


class RoutineChange(models.Model):
    routine = models.ForeignKey(Routine, models.CASCADE, related_name="changes")
    status = models.CharField(_("status"), max_length=10, choices=RoutineStatus.choices)
    on = models.DateField(_("dato"))

    class Meta:
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_status_display()} {self.on:%d.%m.%Y}"


def in_force_during(changes: list[RoutineChange], first: date, last: date) -> bool:
    """Whether a routine's status was adopted or revised on any day from first to last: each
    status holds from its date until the next one."""
    ordered = sorted(changes, key=lambda c: (c.on, c.pk or 0))
    for change, following in zip(ordered, [*ordered[1:], None], strict=True):
        ends = following.on if following else None  # the next status starts that day
        if change.status in IN_FORCE and change.on <= last and (ends is None or ends > first):
            return True
    return False


def check_status(on: date | None, previous: date | None) -> dict:
    """A status's date: not ahead of today, not before the routine's last status. The form, the
    import and the demo ask this."""
    errors: dict = {}
    if on and on > today():
        errors["status_on"] = _("Datoen kan ikke være i fremtiden.")
    elif on and previous and on < previous:
        errors["status_on"] = _("Datoen kan ikke være før forrige status (%(day)s).") % {
            "day": previous.strftime("%d.%m.%Y")
        }
    return errors
