from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.audit.scoping import AreaScopedQuerySet
from kreftkoordinator.codes import Phase
from kreftkoordinator.organisation.models import Area, today

from .codes import CancerSite, FirstContactSource
from .people import Person
from .versioned import Versioned


class CaseClosing(models.TextChoices):
    DIED = "died", _("Pasienten døde")
    NO_NEED = "no_need", _("Ikke lenger behov")
    MOVED = "moved", _("Flyttet")
    OTHER_SERVICE = "other_service", _("Fulgt opp av annen tjeneste")
    DECLINED = "declined", _("Ønsker ikke mer oppfølging")
    BEREAVEMENT_DONE = "bereavement_done", _("Etterlatteoppfølging avsluttet")
    OTHER = "other", _("Annet")


class WishedPlace(models.TextChoices):
    """Where a patient in the palliative or end-of-life phase wishes to die (7.5.6). The first
    five are the death places' codes, so a death can be held against the wish."""

    HOME = "home", _("Hjemme")
    NURSING_HOME = "nursing_home", _("Sykehjem eller lindrende enhet")
    HOSPITAL = "hospital", _("Sykehus")
    HOSPICE = "hospice", _("Hospice")
    OTHER = "other", _("Annet sted")
    NOT_DISCUSSED = "not_discussed", _("Ikke snakket om")


class CaseQuerySet(AreaScopedQuerySet["Case"]):
    def open(self) -> "CaseQuerySet":
        return self.filter(closed_on__isnull=True)


class Case(Versioned):
    """Oppfølging: the coordinator follows one person, a patient or a relative followed on their
    own (a bereaved partner, a relative of a patient living elsewhere)."""

    class Kind(models.TextChoices):
        PATIENT = "patient", _("Pasient")
        RELATIVE = "relative", _("Pårørende")

    area = models.ForeignKey(Area, models.PROTECT, related_name="cases", verbose_name=_("område"))
    person = models.ForeignKey(
        Person, models.PROTECT, related_name="cases", verbose_name=_("person")
    )
    kind = models.CharField(
        _("følges opp som"), max_length=10, choices=Kind.choices, default=Kind.PATIENT
    )
    opened_on = models.DateField(_("startet"), default=today)
    closed_on = models.DateField(_("avsluttet"), null=True, blank=True)
    closing_reason = models.CharField(
        _("årsak til avslutning"), max_length=20, choices=CaseClosing.choices, blank=True
    )
    phase = models.CharField(
        _("fase"), max_length=20, choices=Phase.choices, default=Phase.NEW_DIAGNOSIS
    )
    cancer_site = models.CharField(
        _("kreftform"), max_length=10, choices=CancerSite.choices, blank=True
    )
    first_contact_source = models.CharField(
        _("første kontakt kom fra"), max_length=20, choices=FirstContactSource.choices, blank=True
    )
    first_contact_at_discharge = models.BooleanField(
        _("første kontakt ved utskrivning fra sykehus"), default=False
    )
    home_care_at_first_contact = models.BooleanField(
        _("hadde hjemmetjenester ved første kontakt"), default=False
    )
    # A relative's own case: whose relative she is (the relation is on the patient's case).
    relative_of = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="relative_cases",
        verbose_name=_("pårørende til"),
    )
    consent_given_on = models.DateField(_("samtykke gitt"), null=True, blank=True)
    consent_scope = models.CharField(_("hva samtykket gjelder"), max_length=200, blank=True)
    consent_withdrawn_on = models.DateField(_("samtykke trukket"), null=True, blank=True)
    # Individuell plan (pasient- og brukerrettighetsloven § 2-5): asked for, and made.
    individual_plan = models.BooleanField(_("har individuell plan"), default=False)
    individual_plan_asked_on = models.DateField(_("ba om individuell plan"), null=True, blank=True)
    individual_plan_on = models.DateField(_("individuell plan fra"), null=True, blank=True)
    # End-of-life wishes, for a patient in the palliative or end-of-life phase.
    wished_place_of_death = models.CharField(
        _("ønsket sted å dø"), max_length=16, choices=WishedPlace.choices, blank=True
    )
    wish_recorded_on = models.DateField(_("ønsket registrert"), null=True, blank=True)
    palliative_plan_on = models.DateField(_("palliativ plan laget"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="+",
        null=True,
        verbose_name=_("registrert av"),
    )

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_on", "-pk"]
        verbose_name = _("oppfølging")
        verbose_name_plural = _("oppfølginger")
        indexes = [models.Index(fields=["area", "closed_on"])]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_kind_display().lower()})"

    def clean(self) -> None:
        errors = {}
        if self.closed_on and self.opened_on and self.closed_on < self.opened_on:
            errors["closed_on"] = _("Oppfølgingen kan ikke avsluttes før den startet.")
        if self.closed_on and not self.closing_reason:
            errors["closing_reason"] = _("Oppgi hvorfor oppfølgingen avsluttes.")
        if self.closed_on and self.closed_on > today():
            errors["closed_on"] = _("Avslutningsdatoen kan ikke være i fremtiden.")
        if self.consent_withdrawn_on and (
            not self.consent_given_on or self.consent_withdrawn_on < self.consent_given_on
        ):
            errors["consent_withdrawn_on"] = _("Samtykket kan ikke trekkes før det er gitt.")
        if self.person_id and self.area_id and self.person.area_id != self.area_id:
            errors["person"] = _("Personen hører til et annet område.")
        errors.update(self.plan_and_wish_problems())
        if errors:
            raise ValidationError(errors)

    def plan_and_wish_problems(self) -> dict:
        """The individual plan's and the end-of-life wish's dates: none ahead of today, none
        before the case opened; a plan made is a plan the case has; a wish has its date. The
        forms, the import and the demo all ask this."""
        errors = {}
        dated = {
            "individual_plan_asked_on": self.individual_plan_asked_on,
            "individual_plan_on": self.individual_plan_on,
            "wish_recorded_on": self.wish_recorded_on,
            "palliative_plan_on": self.palliative_plan_on,
        }
        for field, day in dated.items():
            if day and day > today():
                errors[field] = _("Datoen kan ikke være i fremtiden.")
            elif day and self.opened_on and day < self.opened_on:
                errors[field] = _("Datoen kan ikke være før oppfølgingen startet.")
        if self.individual_plan_on and not self.individual_plan:
            errors["individual_plan"] = _("Kryss av for at personen har individuell plan.")
        if self.wished_place_of_death and not self.wish_recorded_on:
            errors["wish_recorded_on"] = _("Skriv datoen ønsket ble registrert.")
        if self.wish_recorded_on and not self.wished_place_of_death:
            errors["wished_place_of_death"] = _("Velg hvor personen ønsker å dø.")
        return errors

    @property
    def wish_met(self) -> bool | None:
        """Whether the patient died where she wished; None when there is no death or no wish
        that can be met or missed."""
        death = self.death
        wish = self.wished_place_of_death
        if death is None or not death.death_place or wish in ("", WishedPlace.NOT_DISCUSSED):
            return None
        return death.death_place == wish

    @property
    def death(self):
        """The patient's death, if registered."""
        from .care_events import EventKind

        return self.care_events.filter(kind=EventKind.DEATH).first()

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


class CasePhase(models.Model):
    """The phase history: one row each time the phase changes."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="phases")
    phase = models.CharField(_("fase"), max_length=20, choices=Phase.choices)
    from_date = models.DateField(_("fra"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", null=True
    )

    class Meta:
        ordering = ["from_date", "pk"]

    def __str__(self) -> str:
        return f"{self.get_phase_display()} {self.from_date:%d.%m.%Y}"


class RelationType(models.TextChoices):
    PARTNER = "partner", _("Ektefelle / samboer")
    CHILD = "child", _("Barn")
    PARENT = "parent", _("Forelder")
    SIBLING = "sibling", _("Søsken")
    OTHER_FAMILY = "other_family", _("Annen familie")
    FRIEND = "friend", _("Venn / nettverk")


class Relation(models.Model):
    """A relative linked to a case. Children under 18 who are relatives carry legal duties for the
    health service (helsepersonelloven § 10 a) and are shown as such."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="relations")
    person = models.ForeignKey(
        Person, models.PROTECT, related_name="relations", verbose_name=_("pårørende")
    )
    relation = models.CharField(_("relasjon"), max_length=20, choices=RelationType.choices)
    note = models.CharField(_("merknad"), max_length=200, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["case", "person"], name="relative_once")]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_relation_display()})"

    def clean(self) -> None:
        if self.person_id and self.case_id:
            if self.person.area_id != self.case.area_id:
                raise ValidationError({"person": _("Pårørende må høre til samme område.")})
            if self.person_id == self.case.person_id:
                raise ValidationError({"person": _("Personen kan ikke være sin egen pårørende.")})

    @property
    def is_child(self) -> bool:
        return self.person.is_child
