"""A responsibility-group meeting (ansvarsgruppemøte): the coordinator meets the team around
the person. It is a contact of mode `group`, so it counts once in the contact and time figures;
the meeting adds who of the team took part and what was decided, and its next steps are
follow-ups for a named member or for the coordinator."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.audit.scoping import AreaScopedQuerySet
from kreftkoordinator.organisation.models import Area

from .careteam import CareTeamMember
from .cases import Case
from .contacts import Contact


class MeetingQuerySet(AreaScopedQuerySet["Meeting"]):
    pass


class Meeting(models.Model):
    area = models.ForeignKey(Area, models.PROTECT, related_name="+", verbose_name=_("område"))
    case = models.ForeignKey(
        Case, models.CASCADE, related_name="meetings", verbose_name=_("oppfølging")
    )
    contact = models.OneToOneField(
        Contact, models.CASCADE, related_name="meeting", verbose_name=_("kontakt")
    )
    members = models.ManyToManyField(
        CareTeamMember, related_name="meetings", verbose_name=_("deltakere fra teamet")
    )
    decisions = models.TextField(_("vedtak og avtaler"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", null=True
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("ansvarsgruppemøte")
        verbose_name_plural = _("ansvarsgruppemøter")

    def __str__(self) -> str:
        return f"{_('Ansvarsgruppemøte')} {self.contact.at:%d.%m.%Y}"
