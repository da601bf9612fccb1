"""Casework: the coordinator's records about people. Issue 2 lays down Person, the first model
behind the scoping entry point; cases, contacts and the rest build on it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.audit.scoping import AreaScopedQuerySet
from kreftkoordinator.organisation.models import Area


class PersonQuerySet(AreaScopedQuerySet["Person"]):
    pass


class Person(models.Model):
    """A patient or relative. Belongs to one area, which is the data controller."""

    area = models.ForeignKey(Area, models.PROTECT, related_name="persons", verbose_name=_("område"))
    name = models.CharField(
        _("navn"),
        max_length=150,
        blank=True,
        help_text=_("Kan stå tomt når den som ringer vil være anonym."),
    )
    birth_year = models.PositiveSmallIntegerField(_("fødselsår"), null=True, blank=True)
    phone = models.CharField(_("telefon"), max_length=20, blank=True)
    created_at = models.DateTimeField(_("registrert"), auto_now_add=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("person")
        verbose_name_plural = _("personer")

    def __str__(self) -> str:
        return self.name or _("Anonym (nr. %(id)s)") % {"id": self.pk}
