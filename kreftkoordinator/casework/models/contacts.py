from datetime import timedelta

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.audit.scoping import AreaScopedQuerySet
from kreftkoordinator.organisation.models import Area, Position

from .cases import Case
from .people import Person


class ContactMode(models.TextChoices):
    PHONE = "phone", _("Telefon")
    OFFICE = "office", _("Samtale på kontoret")
    HOME_VISIT = "home_visit", _("Hjemmebesøk")
    VIDEO = "video", _("Video")
    MESSAGE = "message", _("Skriftlig melding")
    GROUP = "group", _("Gruppe")


class Initiator(models.TextChoices):
    PATIENT = "patient", _("Pasienten")
    RELATIVE = "relative", _("Pårørende")
    COORDINATOR = "coordinator", _("Koordinatoren")
    GP = "gp", _("Fastlegen")
    HOSPITAL = "hospital", _("Sykehuset")
    HOME_CARE = "home_care", _("Hjemmetjenesten")
    OTHER = "other", _("Andre")


# The kinds of contact the evaluation asks about (section 4.3); a contact may be several.
KINDS = [
    ("supportive", _("Støttesamtale")),
    ("information", _("Informasjon og råd")),
    ("coordination", _("Koordinering")),
    ("applications", _("Praktisk hjelp med søknader")),
    ("training", _("Opplæring i utstyr")),
    ("bereavement", _("Etterlattesamtale")),
]
PARTICIPANTS = [
    ("with_patient", _("Pasienten")),
    ("with_relative", _("Pårørende")),
    ("with_professional", _("Fagpersoner")),
]


class ContactQuerySet(AreaScopedQuerySet["Contact"]):
    pass


class Contact(models.Model):
    """One conversation, visit, call or message. A contact may have no case: an anonymous caller,
    a GP asking for advice, a neighbour who will not give a name; those still count."""

    area = models.ForeignKey(
        Area, models.PROTECT, related_name="contacts", verbose_name=_("område")
    )
    case = models.ForeignKey(
        Case,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="contacts",
        verbose_name=_("oppfølging"),
    )
    person = models.ForeignKey(
        Person,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="contacts",
        verbose_name=_("person"),
    )
    at = models.DateTimeField(_("tidspunkt"), default=timezone.now)
    duration_minutes = models.PositiveSmallIntegerField(_("varighet (minutter)"), default=30)
    mode = models.CharField(
        _("form"), max_length=12, choices=ContactMode.choices, default=ContactMode.PHONE
    )
    initiated_by = models.CharField(
        _("tok kontakt"), max_length=12, choices=Initiator.choices, blank=True
    )
    with_patient = models.BooleanField(_("pasienten"), default=False)
    with_relative = models.BooleanField(_("pårørende"), default=False)
    with_professional = models.BooleanField(_("fagpersoner"), default=False)
    supportive = models.BooleanField(_("støttesamtale"), default=False)
    information = models.BooleanField(_("informasjon og råd"), default=False)
    coordination = models.BooleanField(_("koordinering"), default=False)
    applications = models.BooleanField(_("praktisk hjelp med søknader"), default=False)
    training = models.BooleanField(_("opplæring i utstyr"), default=False)
    bereavement = models.BooleanField(_("etterlattesamtale"), default=False)
    note = models.TextField(_("notat"), blank=True)
    team_member = models.ForeignKey(
        "casework.CareTeamMember",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
        verbose_name=_("fagperson fra teamet"),
    )
    position = models.ForeignKey(
        Position,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("stilling"),
    )
    # The «Kontakt meg» request this contact answered; the request is handled by it.
    answers = models.OneToOneField(
        "casework.ContactRequest",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="answer",
        verbose_name=_("svar på kontaktforespørsel"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", null=True
    )

    objects = ContactQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("kontakt")
        verbose_name_plural = _("kontakter")
        indexes = [models.Index(fields=["area", "-at"]), models.Index(fields=["case", "-at"])]

    def __str__(self) -> str:
        return f"{self.get_mode_display()} {self.at:%d.%m.%Y}"

    def clean(self) -> None:
        errors: dict = {NON_FIELD_ERRORS: []}
        if not any(getattr(self, field) for field, _label in KINDS):
            errors[NON_FIELD_ERRORS].append(_("Velg minst én type kontakt."))
        if not any(getattr(self, field) for field, _label in PARTICIPANTS):
            errors[NON_FIELD_ERRORS].append(_("Velg hvem som deltok."))
        if self.at and self.at > timezone.now() + timedelta(minutes=5):
            errors["at"] = _("Kontakten kan ikke være i fremtiden.")
        if self.duration_minutes is not None and not 1 <= self.duration_minutes <= 600:
            errors["duration_minutes"] = _("Varigheten må være mellom 1 og 600 minutter.")
        if self.case is not None and self.area_id and self.case.area_id != self.area_id:
            errors["case"] = _("Oppfølgingen hører til et annet område.")
        if self.team_member is not None and self.team_member.case_id != self.case_id:
            errors["team_member"] = _("Fagpersonen hører ikke til denne oppfølgingen.")
        if not errors[NON_FIELD_ERRORS]:
            del errors[NON_FIELD_ERRORS]
        if errors:
            raise ValidationError(errors)

    @property
    def kinds(self) -> list[str]:
        return [str(label) for field, label in KINDS if getattr(self, field)]

    @property
    def participants(self) -> list[str]:
        return [str(label) for field, label in PARTICIPANTS if getattr(self, field)]
