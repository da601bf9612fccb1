from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.organisation.models import Area

from .cases import Case


class Transfer(models.Model):
    """A case moved to another area when the person moved (DESIGN 3, rule 1: records move between
    areas only by an explicit, logged transfer). The receiving area gets a new case with what the
    follow-up needs; the sending area keeps its own records, closed."""

    from_case = models.OneToOneField(Case, models.PROTECT, related_name="transfer_out")
    to_case = models.OneToOneField(Case, models.PROTECT, related_name="transfer_in")
    from_area = models.ForeignKey(Area, models.PROTECT, related_name="+")
    to_area = models.ForeignKey(Area, models.PROTECT, related_name="+")
    on = models.DateField(_("dato"))
    reason = models.CharField(_("begrunnelse"), max_length=300)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("overføring")
        verbose_name_plural = _("overføringer")

    def __str__(self) -> str:
        return f"{self.from_area} → {self.to_area} {self.on:%d.%m.%Y}"


class Notification(models.Model):
    """A message to one user inside the product. It names no person: the link leads through the
    scoping entry point like any other."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="notifications")
    message = models.CharField(_("melding"), max_length=300)
    url = models.CharField(_("lenke"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("tidspunkt"), auto_now_add=True)
    read_at = models.DateTimeField(_("lest"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("varsel")
        verbose_name_plural = _("varsler")

    def __str__(self) -> str:
        return self.message
