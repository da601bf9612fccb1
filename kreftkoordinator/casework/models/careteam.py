"""The care team: the professionals and helpers around one case, whom the coordinator
coordinates. A member is personal data about a professional on the patient's case: it belongs
to the case's area and is read through `visible_to(user)` like the rest of the case."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.audit.scoping import AreaScopedQuerySet
from kreftkoordinator.organisation.models import Area, today

from .cases import Case


class CareRole(models.TextChoices):
    GP = "gp", _("Fastlege")
    HOSPITAL_NURSE = "hospital_nurse", _("Kreftsykepleier / kontaktsykepleier på sykehuset")
    # The hospital's own role under the cancer pathways; not the municipal coordinator.
    PATHWAY_COORDINATOR = "pathway_coordinator", _("Forløpskoordinator på sykehuset")
    PALLIATIVE_TEAM = "palliative_team", _("Palliativt team")
    HOME_CARE = "home_care", _("Hjemmetjenesten")
    NAV = "nav", _("NAV")
    SCHOOL = "school", _("Skole")
    KINDERGARTEN = "kindergarten", _("Barnehage")
    HEALTH_STATION = "health_station", _("Helsestasjon og skolehelsetjeneste")
    EMPLOYER = "employer", _("Arbeidsgiver")
    PSYCHOLOGIST = "psychologist", _("Psykolog")
    PHYSIOTHERAPIST = "physiotherapist", _("Fysioterapeut")
    OCCUPATIONAL_THERAPIST = "occupational_therapist", _("Ergoterapeut")
    PRIEST = "priest", _("Prest")
    VOLUNTARY = "voluntary", _("Frivillig")
    OTHER = "other", _("Annen")


# The organisation of a member in one of these roles is about the patient (where she works,
# who else helps her), not a service others in the area use: it never enters the directory.
PRIVATE_ROLES = {CareRole.EMPLOYER, CareRole.OTHER}


class CareTeamQuerySet(AreaScopedQuerySet["CareTeamMember"]):
    def during(self, first: date, last: date) -> "CareTeamQuerySet":
        """Memberships whose period overlaps first..last."""
        return self.filter(from_on__lte=last).filter(Q(to_on__isnull=True) | Q(to_on__gte=first))

    def current(self) -> "CareTeamQuerySet":
        return self.during(today(), today())


class CareTeamMember(models.Model):
    area = models.ForeignKey(Area, models.PROTECT, related_name="+", verbose_name=_("område"))
    case = models.ForeignKey(
        Case, models.CASCADE, related_name="team", verbose_name=_("oppfølging")
    )
    role = models.CharField(_("rolle"), max_length=24, choices=CareRole.choices)
    # The organisation from the directory where it is there, so it is typed once per area.
    provider = models.ForeignKey(
        "directory.Provider",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="care_team_members",
        verbose_name=_("virksomhet fra katalogen"),
    )
    organisation = models.CharField(_("virksomhet"), max_length=200, blank=True)
    name = models.CharField(_("navn"), max_length=200, blank=True)
    phone = models.CharField(_("telefon"), max_length=20, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    from_on = models.DateField(_("fra"))
    to_on = models.DateField(_("til"), null=True, blank=True)
    consent_to_share = models.BooleanField(
        _("personen samtykker til at koordinatoren deler opplysninger med denne"),
        default=False,
    )
    responsible = models.BooleanField(
        _("koordinator etter helse- og omsorgstjenesteloven § 7-2"), default=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", null=True
    )

    objects = CareTeamQuerySet.as_manager()

    class Meta:
        ordering = ["to_on", "role", "name", "pk"]
        verbose_name = _("medlem av teamet")
        verbose_name_plural = _("teamet rundt personen")

    def __str__(self) -> str:
        who = self.name or self.organisation_name
        return f"{who} ({self.get_role_display().lower()})" if who else self.get_role_display()

    @property
    def organisation_name(self) -> str:
        return self.provider.name if self.provider else self.organisation

    @property
    def call(self) -> str:
        """The number one click calls: her own, else the organisation's from the directory."""
        return self.phone or (self.provider.phone if self.provider else "")

    @property
    def mail(self) -> str:
        return self.email or (self.provider.email if self.provider else "")

    @property
    def is_current(self) -> bool:
        return self.from_on <= today() and (self.to_on is None or self.to_on >= today())

    def overlaps(self, other: "CareTeamMember") -> bool:
        """Whether the two periods share a day (the import's check within one file)."""
        return self.from_on <= (other.to_on or date.max) and other.from_on <= (
            self.to_on or date.max
        )

    def problems(self) -> dict:
        """What is wrong with the member: the form, the import and the demo all ask this. A
        member is somebody (a name or an organisation); her period is in order and starts no
        later than today; the case has one responsible coordinator (§ 7-2) at a time."""
        errors: dict = {}
        if not (self.name.strip() or self.organisation.strip() or self.provider_id):
            errors["name"] = _("Skriv navnet på personen, virksomheten eller begge.")
        if self.from_on and self.from_on > today():
            errors["from_on"] = _("Datoen kan ikke være i fremtiden.")
        if self.from_on and self.to_on and self.to_on < self.from_on:
            errors["to_on"] = _("Sluttdatoen kan ikke være før startdatoen.")
        if self.case_id and self.area_id and self.case.area_id != self.area_id:
            errors["case"] = _("Oppfølgingen hører til et annet område.")
        if self.responsible and self.case_id and self.from_on and "to_on" not in errors:
            others = (
                CareTeamMember.objects.filter(case_id=self.case_id, responsible=True)
                .exclude(pk=self.pk)
                .during(self.from_on, self.to_on or date.max)
            )
            if others.exists():
                errors["responsible"] = _(
                    "Oppfølgingen har allerede en koordinator etter § 7-2 i denne perioden. "
                    "Avslutt den andres periode først."
                )
        return errors

    def clean(self) -> None:
        errors = self.problems()
        if errors:
            raise ValidationError(errors)
