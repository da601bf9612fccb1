"""Grant schemes, agreements, absences, the annual decisions and the quarterly statements
(docs/grants.md). The arithmetic is in `rules.py`; these hold what was agreed, reported,
decided and paid. A statement and the steps of its payment are in `statements.py`."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kreftkoordinator import numbers
from kreftkoordinator.organisation.models import Area, DistrictOffice, Position

from .. import rules


class Scheme(models.Model):
    """The funder's share of the salary costs in each agreement year, as percentages."""

    name = models.CharField(_("navn"), max_length=100, unique=True)
    shares = models.JSONField(_("andeler per avtaleår (prosent)"))
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tilskuddsordning")
        verbose_name_plural = _("tilskuddsordninger")

    def __str__(self) -> str:
        return f"{self.name} ({self.shown})"

    @property
    def shown(self) -> str:
        return ", ".join(numbers.number(s, 1, trim=True) for s in self.shares) + "\u00a0%"


class AgreementQuerySet(models.QuerySet["Agreement"]):
    def visible_to(self, user) -> AgreementQuerySet:
        """The one scoping entry point: programme staff see every agreement; a leader those of
        her municipalities (as host or party); no one else any."""
        if user.is_programme:
            return self.all()
        if user.is_leader:
            areas = user.areas.values("pk")
            return self.filter(Q(host_area__in=areas) | Q(parties__in=areas)).distinct()
        return self.none()


class Agreement(models.Model):
    """The funder's grant agreement for one position, from the day the coordinator started."""

    position = models.ForeignKey(
        Position, models.PROTECT, related_name="agreements", verbose_name=_("stilling")
    )
    start = models.DateField(_("dato koordinatoren startet"))
    fte = models.PositiveSmallIntegerField(_("stillingsprosent"), choices=Position.FTE.choices)
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("innehaver"),
    )
    salary = models.DecimalField(_("brutto årslønn ved start"), max_digits=10, decimal_places=2)
    social_rate = models.DecimalField(
        _("sosiale kostnader (andel)"), max_digits=5, decimal_places=4
    )
    scheme = models.ForeignKey(
        Scheme, models.PROTECT, related_name="agreements", verbose_name=_("ordning")
    )
    district_office = models.ForeignKey(
        DistrictOffice,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="agreements",
        verbose_name=_("distriktskontor"),
    )
    host_area = models.ForeignKey(
        Area, models.PROTECT, related_name="hosted_agreements", verbose_name=_("vertskommune")
    )
    parties = models.ManyToManyField(
        Area,
        blank=True,
        related_name="party_agreements",
        verbose_name=_("parter i samarbeidsavtalen"),
    )
    # Where the grant is paid: the host municipality's organisation number and account
    # (validators.organisation_number, bank_account), for the ledger and the payment file.
    organisation_number = models.CharField(_("organisasjonsnummer"), max_length=9, blank=True)
    bank_account = models.CharField(_("kontonummer for tilskuddet"), max_length=11, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("registrert av")
    )
    created_at = models.DateTimeField(_("registrert"), auto_now_add=True)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["position__name", "-start"]
        verbose_name = _("tilskuddsavtale")
        verbose_name_plural = _("tilskuddsavtaler")

    def __str__(self) -> str:
        return f"{self.position} fra {self.start:%d.%m.%Y}"

    @property
    def terms(self) -> rules.Terms:
        return rules.Terms(
            self.start,
            Fraction(self.salary),
            Fraction(self.social_rate),
            tuple(Fraction(str(s)) / 100 for s in self.scheme.shares),
        )

    @property
    def end(self) -> date:
        return self.terms.end

    def calculation(self) -> rules.Calculation:
        """The rules on this agreement as it stands: its absences and its declined years."""
        return rules.calculate(
            self.terms,
            [rules.Absence(a.kind, a.first, a.last) for a in self.absences.all()],
            declined=[d.number for d in self.decisions.all() if not d.approved],
        )

    def approved_years(self) -> set[int]:
        return {d.number for d in self.decisions.all() if d.approved}


class Absence(models.Model):
    """Days that reduce the grant. The kind and the dates only: never why."""

    class Kind(models.TextChoices):
        SICK = rules.SICK, _("Sykefravær")
        LEAVE = rules.LEAVE, _("Permisjon")
        VACANCY = rules.VACANCY, _("Vakanse")

    agreement = models.ForeignKey(
        Agreement, models.CASCADE, related_name="absences", verbose_name=_("avtale")
    )
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    first = models.DateField(_("fra og med"))
    last = models.DateField(_("til og med"))
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("meldt av")
    )
    reported_at = models.DateTimeField(_("meldt"), auto_now_add=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bekreftet av"),
    )
    confirmed_at = models.DateTimeField(_("bekreftet"), null=True, blank=True)

    class Meta:
        ordering = ["agreement", "first"]
        verbose_name = _("fravær")
        verbose_name_plural = _("fravær")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.first:%d.%m.%Y}–{self.last:%d.%m.%Y}"

    def counted(self) -> tuple[date, date] | None:
        return rules.Absence(self.kind, self.first, self.last).counted()


class Decision(models.Model):
    """Programme staff's decision on an agreement year: approved or declined, with a comment
    and, from year 2, the submitted annual report it rests on."""

    agreement = models.ForeignKey(
        Agreement, models.CASCADE, related_name="decisions", verbose_name=_("avtale")
    )
    number = models.PositiveSmallIntegerField(_("avtaleår"))
    approved = models.BooleanField(_("godkjent"))
    comment = models.TextField(_("kommentar"), blank=True)
    submission = models.ForeignKey(
        "reporting.Submission",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("årsrapport"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("besluttet av")
    )
    decided_at = models.DateTimeField(_("besluttet"), auto_now_add=True)

    class Meta:
        ordering = ["agreement", "number"]
        verbose_name = _("årsvedtak")
        verbose_name_plural = _("årsvedtak")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "number"], name="one_decision_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.agreement}, år {self.number}: {'godkjent' if self.approved else 'avslått'}"


from .statements import GrantError, Statement, StatementStep  # noqa: E402

__all__ = [
    "Absence",
    "Agreement",
    "Decision",
    "GrantError",
    "Scheme",
    "Statement",
    "StatementStep",
]
