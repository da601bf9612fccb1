from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.audit.scoping import AreaScopedQuerySet
from kreftkoordinator.organisation.models import Area, today

from .cases import Case


class FollowUpQuerySet(AreaScopedQuerySet["FollowUp"]):
    def pending(self) -> "FollowUpQuerySet":
        return self.filter(done_on__isnull=True)

    def due(self) -> "FollowUpQuerySet":
        """Pending and due today or earlier."""
        return self.pending().filter(due_on__lte=today())


class FollowUp(models.Model):
    area = models.ForeignKey(
        Area, models.PROTECT, related_name="follow_ups", verbose_name=_("område")
    )
    case = models.ForeignKey(
        Case,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="follow_ups",
        verbose_name=_("oppfølging"),
    )
    # Whose task it is: a member of the case's team, or (empty) the coordinator herself.
    team_member = models.ForeignKey(
        "casework.CareTeamMember",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="follow_ups",
        verbose_name=_("hvem"),
    )
    # The responsibility-group meeting that agreed on it, if one did.
    meeting = models.ForeignKey(
        "casework.Meeting",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="next_steps",
        verbose_name=_("ansvarsgruppemøte"),
    )
    due_on = models.DateField(_("frist"))
    what = models.CharField(_("hva"), max_length=200)
    done_on = models.DateField(_("utført"), null=True, blank=True)
    # Closed without being done (after a death, what no longer applies): done_on is the day it
    # was cancelled, and the task is left out of "utført i tide".
    cancelled = models.BooleanField(_("avlyst"), default=False)
    # The bereavement conversation a death proposes; the checklist gives it to a relative.
    bereavement = models.BooleanField(_("etterlattesamtale"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", null=True
    )

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("oppgave")
        verbose_name_plural = _("oppgaver")
        indexes = [models.Index(fields=["area", "done_on", "due_on"])]

    def __str__(self) -> str:
        return self.what

    def cancel(self) -> None:
        self.done_on, self.cancelled = today(), True
        self.save(update_fields=["done_on", "cancelled"])

    @property
    def is_overdue(self) -> bool:
        return self.done_on is None and self.due_on < today()
