from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.audit.scoping import AreaScopedQuerySet
from kreftkoordinator.organisation.models import Area


class ContactRequestQuerySet(AreaScopedQuerySet["ContactRequest"]):
    def waiting(self) -> "ContactRequestQuerySet":
        return self.filter(handled_at__isnull=True)


class ContactRequest(models.Model):
    """«Kontakt meg»: a request from the public form (issue 4), waiting in the inbox of the
    positions that cover the area."""

    class Role(models.TextChoices):
        PATIENT = "patient", _("Pasient")
        RELATIVE = "relative", _("Pårørende")
        PROFESSIONAL = "professional", _("Fagperson")

    area = models.ForeignKey(Area, models.PROTECT, related_name="+", verbose_name=_("område"))
    name = models.CharField(_("navn"), max_length=150)
    phone = models.CharField(_("telefon"), max_length=20, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    role = models.CharField(_("henvender seg som"), max_length=12, choices=Role.choices)
    message = models.TextField(_("melding"), blank=True)
    received_at = models.DateTimeField(_("mottatt"), auto_now_add=True)
    handled_at = models.DateTimeField(_("behandlet"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("behandlet av"),
    )
    # Who it turned out to be: registered from the request, or found already registered.
    person = models.ForeignKey(
        "casework.Person",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_requests",
        verbose_name=_("person"),
    )

    objects = ContactRequestQuerySet.as_manager()

    class Meta:
        ordering = ["received_at", "pk"]
        verbose_name = _("kontaktforespørsel")
        verbose_name_plural = _("kontaktforespørsler")
        indexes = [models.Index(fields=["area", "handled_at"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.received_at:%d.%m.%Y})"
