from datetime import date

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.audit.scoping import AreaScopedQuerySet
from kreftkoordinator.identity_numbers import national_key
from kreftkoordinator.organisation.models import Area, today

from .versioned import Versioned


class PersonQuerySet(AreaScopedQuerySet["Person"]):
    def possible_duplicates(self, person: "Person") -> "PersonQuerySet":
        """People in the same area with the same identity number, name and birth date, or phone."""
        same = Q(pk__in=[])
        if person.identity_number:
            same |= Q(identity_number=person.identity_number)
        if person.name and person.birth_date:
            same |= Q(name__iexact=person.name, birth_date=person.birth_date)
        if person.phone:
            same |= Q(phone=person.phone)
        return self.filter(same, area=person.area_id).exclude(pk=person.pk)


class Person(Versioned):
    """A patient or a relative (or both). Belongs to one area, the data controller.
    A name and a phone number are enough; everything else is optional (DESIGN 3, rule 7)."""

    area = models.ForeignKey(Area, models.PROTECT, related_name="persons", verbose_name=_("område"))
    name = models.CharField(
        _("navn"),
        max_length=150,
        blank=True,
        help_text=_("Kan stå tomt når den som ringer vil være anonym."),
    )
    birth_date = models.DateField(_("fødselsdato"), null=True, blank=True)
    birth_year = models.PositiveSmallIntegerField(
        _("fødselsår"),
        null=True,
        blank=True,
        validators=[
            MinValueValidator(1900, _("Fødselsåret kan ikke være før 1900.")),
            MaxValueValidator(2100, _("Fødselsåret kan ikke være etter 2100.")),
        ],
    )
    identity_number = models.CharField(
        _("fødselsnummer eller D-nummer"), max_length=11, blank=True, db_index=True
    )
    # The number's keyed hash, by which her own log-in through ID-porten finds her (innsyn).
    identity_key = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    phone = models.CharField(_("telefon"), max_length=20, blank=True, db_index=True)
    email = models.EmailField(_("e-post"), blank=True)
    address = models.CharField(_("adresse"), max_length=200, blank=True)
    language = models.CharField(
        _("språk"),
        max_length=50,
        blank=True,
        help_text=_("Fyll ut hvis personen ikke snakker norsk."),
    )
    needs_interpreter = models.BooleanField(_("trenger tolk"), default=False)
    # Copied from the death on her patient case by the death workflow (casework.deaths), so
    # every list that names her can mark her without a query of its own.
    died_on = models.DateField(_("død"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("registrert"), auto_now_add=True)
    # Set by the retention run (casework/retention.py): what identified her is gone.
    anonymised_at = models.DateTimeField(_("anonymisert"), null=True, blank=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("person")
        verbose_name_plural = _("personer")

    def __str__(self) -> str:
        return self.name or str(_("Anonym (nr. %(id)s)") % {"id": self.pk})

    def set_identity_key(self) -> None:
        """Called by every save, and by the bulk writers (the import, the demo), which skip it."""
        self.identity_key = national_key(self.identity_number) if self.identity_number else ""

    def save_version(self, seen_version: int) -> None:
        self.set_identity_key()
        super().save_version(seen_version)

    def save(self, *args, **kwargs):
        self.set_identity_key()
        fields = kwargs.get("update_fields")
        if fields is not None and "identity_number" in fields:
            kwargs["update_fields"] = {*fields, "identity_key"}
        super().save(*args, **kwargs)

    @property
    def year_of_birth(self) -> int | None:
        return self.birth_date.year if self.birth_date else self.birth_year

    def age_on(self, day: date) -> int | None:
        if self.birth_date:
            born = self.birth_date
            return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
        if self.birth_year:
            return day.year - self.birth_year
        return None

    @property
    def is_child(self) -> bool:
        age = self.age_on(today())
        return age is not None and age < 18
