"""Users and their roles (`kreftkoordinator.roles`). What a role may see is decided in
organisation: `Area.objects.visible_to(user)` for personal records (through assignments) and
`Area.objects.figures_for(user)` for figures (a leader's `areas` here, among others)."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.organisation.models import (
    Area,
    AreaKind,
    Assignment,
    DistrictOffice,
    Position,
    today,
)
from kreftkoordinator.roles import Role

# Roles that can see personal data, directly or through the activity log, must use two factors.
TWO_FACTOR_ROLES = {Role.COORDINATOR, Role.ADMIN}


class User(AbstractUser):
    role = models.CharField(_("rolle"), max_length=12, choices=Role.choices)
    phone = models.CharField(_("telefon"), max_length=20, blank=True)
    areas = models.ManyToManyField(
        Area,
        blank=True,
        related_name="leaders",
        verbose_name=_("områder (for ledere)"),
        limit_choices_to={"kind__in": [AreaKind.MUNICIPALITY, AreaKind.DISTRICT]},
    )
    district_office = models.ForeignKey(
        DistrictOffice,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("distriktskontor"),
    )

    class Meta:
        ordering = ["first_name", "last_name", "username"]
        verbose_name = _("bruker")
        verbose_name_plural = _("brukere")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_coordinator(self) -> bool:
        return self.role == Role.COORDINATOR

    @property
    def is_leader(self) -> bool:
        return self.role == Role.LEADER

    @property
    def is_programme(self) -> bool:
        return self.role == Role.PROGRAMME

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def needs_two_factor(self) -> bool:
        return self.role in TWO_FACTOR_ROLES


def coordinators_covering(area: Area) -> list[User]:
    """Active users who cover the area today through a position in force (holders and
    substitutes in their period): who gets a contact request, a moved case, a notification."""
    day = today()
    positions = Position.objects.active_on(day).filter(covered_areas=area)
    return list(
        User.objects.filter(
            is_active=True,
            assignments__in=Assignment.objects.valid_on(day).filter(position__in=positions),
        ).distinct()
    )
