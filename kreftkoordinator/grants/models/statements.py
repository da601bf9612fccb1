"""A quarter's statement and the way it is paid: calculated (or held), approved, attested by
one programme officer (the amount is right), authorised by a second with budget authority
(anvisning), and paid. Each change of status is one transition owned by the model: it locks the
row, checks the status it starts from, records the step (shown on the statement) and writes one
audit entry. A step can be sent back, with a reason, to the one before it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kreftkoordinator import audit
from kreftkoordinator.audit.models import Action

from .. import rules


class GrantError(ValueError):
    """A refusal, translated; `problems` lists each."""

    def __init__(self, problems: list[str] | str):
        problems = [problems] if isinstance(problems, str) else problems
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = [str(p) for p in problems]


def _signed(label) -> models.ForeignKey:
    """Who took a step: kept with the statement, never deleted with the user."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=label,
    )


class StatementQuerySet(models.QuerySet["Statement"]):
    def visible_to(self, user) -> StatementQuerySet:
        from . import Agreement

        return self.filter(agreement__in=Agreement.objects.visible_to(user))

    def before(self, year: int, quarter: int) -> StatementQuerySet:
        return self.filter(Q(year__lt=year) | Q(year=year, quarter__lt=quarter))


class Statement(models.Model):
    """A quarter's amount for one agreement, paid in arrears. A paid statement never changes:
    a later difference is a new statement that `corrects` it."""

    class Status(models.TextChoices):
        HELD = "held", gettext_lazy("Holdt tilbake")
        CALCULATED = "calculated", gettext_lazy("Beregnet")
        APPROVED = "approved", gettext_lazy("Godkjent")
        ATTESTED = "attested", gettext_lazy("Attestert")
        AUTHORISED = "authorised", gettext_lazy("Anvist")
        PAID = "paid", gettext_lazy("Utbetalt")

    agreement = models.ForeignKey(
        "grants.Agreement",
        models.PROTECT,
        related_name="statements",
        verbose_name=gettext_lazy("avtale"),
    )
    year = models.PositiveSmallIntegerField(gettext_lazy("år"))
    quarter = models.PositiveSmallIntegerField(gettext_lazy("kvartal"))
    amount = models.IntegerField(gettext_lazy("beløp (kr)"))
    status = models.CharField(gettext_lazy("status"), max_length=10, choices=Status.choices)
    # What a correction corrects; a statement not yet locked may be calculated again.
    corrects = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name=gettext_lazy("retter"),
    )
    # The rule and the days it counted, in Norwegian, frozen with the amount.
    basis = models.JSONField(gettext_lazy("grunnlag"), default=list)
    calculated_at = models.DateTimeField(gettext_lazy("beregnet"), auto_now_add=True)
    approved_by = _signed(gettext_lazy("godkjent av"))
    approved_at = models.DateTimeField(gettext_lazy("godkjent"), null=True, blank=True)
    attested_by = _signed(gettext_lazy("attestert av"))
    attested_at = models.DateTimeField(gettext_lazy("attestert"), null=True, blank=True)
    authorised_by = _signed(gettext_lazy("anvist av"))
    authorised_at = models.DateTimeField(gettext_lazy("anvist"), null=True, blank=True)
    paid_on = models.DateField(gettext_lazy("utbetalt dato"), null=True, blank=True)

    objects = StatementQuerySet.as_manager()

    class Meta:
        ordering = ["agreement", "year", "quarter", "pk"]
        verbose_name = gettext_lazy("utbetalingsoppgave")
        verbose_name_plural = gettext_lazy("utbetalingsoppgaver")

    def __str__(self) -> str:
        return f"{self.agreement}, {self.period}: {self.amount} kr"

    @property
    def period(self) -> rules.Quarter:
        return rules.Quarter(self.year, self.quarter)

    @property
    def is_locked(self) -> bool:
        """Approved or further: never recalculated."""
        return self.status in LOCKED

    @property
    def may_be_sent_back(self) -> bool:
        return self.status in BACK

    # The transitions. `at` is when it happened: now, except for records of the past (the demo).

    def calculated(self, held: bool, **fields) -> None:
        """Hold or calculate: a new amount for a statement that is not locked."""
        with transaction.atomic():
            if self.pk is not None:
                row = Statement.objects.select_for_update().get(pk=self.pk)
                if row.is_locked:
                    raise GrantError(_("En godkjent oppgave beregnes aldri på nytt."))
            for name, value in fields.items():
                setattr(self, name, value)
            self.status = self.Status.HELD if held else self.Status.CALCULATED
            self.save()

    def approve(self, user, at: datetime | None = None) -> None:
        def check(row: Statement) -> None:
            unconfirmed = row.agreement.absences.filter(
                confirmed_at__isnull=True,
                first__lte=row.period.last,
                last__gte=row.period.first,
            )
            if unconfirmed.exists():
                raise GrantError(_("Bekreft fraværet i kvartalet før oppgaven godkjennes."))

        self._move(user, self.Status.APPROVED, at, check=check)

    def attest(self, user, at: datetime | None = None) -> None:
        """Attestasjon: a programme officer confirms that the amount is right."""

        def check(row: Statement) -> None:
            if not user.is_programme:
                raise GrantError(_("Bare en programansvarlig kan attestere en utbetaling."))

        self._move(user, self.Status.ATTESTED, at, check=check)

    def authorise(self, user, at: datetime | None = None) -> None:
        """Anvisning: a second person, with budget authority, releases the payment."""

        def check(row: Statement) -> None:
            if not user.may_authorise_payments:
                raise GrantError(
                    _("Du har ikke anvisningsmyndighet, så du kan ikke anvise utbetalinger.")
                )
            if row.attested_by_id == user.pk:
                raise GrantError(
                    _(
                        "Du attesterte utbetalingen, og den samme personen kan ikke også anvise "
                        "den. En annen med anvisningsmyndighet må anvise."
                    )
                )

        self._move(user, self.Status.AUTHORISED, at, check=check)

    def pay(self, user, on: date, at: datetime | None = None) -> None:
        def check(row: Statement) -> None:
            released = timezone.localtime(row.authorised_at).date() if row.authorised_at else None
            if released and on < released:
                raise GrantError(
                    _("Utbetalingsdatoen kan ikke være før utbetalingen ble anvist (%(day)s).")
                    % {"day": rules.norwegian(released)}
                )

        self._move(user, self.Status.PAID, at, check=check, paid_on=on)

    def send_back(self, user, reason: str, at: datetime | None = None) -> None:
        """The last step undone, with the reason shown on the statement: an attestation or an
        authorisation that was wrong, or an approval to be calculated again."""
        reason = reason.strip()
        if not reason:
            raise GrantError(_("Skriv hvorfor oppgaven sendes tilbake."))
        with transaction.atomic():
            row = Statement.objects.select_for_update().get(pk=self.pk)
            if row.status not in BACK:
                raise GrantError(
                    _("Bare en godkjent, attestert eller anvist oppgave kan sendes tilbake.")
                )
            to, cleared = BACK[row.status]
            for name in cleared:
                setattr(row, name, None)
            row.status = to
            row.save(update_fields=["status", *cleared])
            self._record(row, user, StatementStep.Step.SEND_BACK, at, reason)

    def _move(self, user, to: str, at, check=None, **fields) -> None:
        start, refusal = STEPS[to]
        with transaction.atomic():
            row = Statement.objects.select_for_update().get(pk=self.pk)
            if row.status != start:
                if row.status == self.Status.HELD and to == self.Status.APPROVED:
                    raise GrantError(
                        _("Bare en beregnet oppgave kan godkjennes (året er ikke godkjent ennå).")
                    )
                raise GrantError(str(refusal))
            if check is not None:
                check(row)
            when = at or timezone.now()
            done = (
                {**fields, **{f"{WHO[to]}_by": user, f"{WHO[to]}_at": when}}
                if to in WHO
                else fields
            )
            for name, value in done.items():
                setattr(row, name, value)
            row.status = to
            row.save(update_fields=["status", *done])
            self._record(row, user, STEP_OF[to], when)

    def _record(self, row: Statement, user, step: str, at, reason: str = "") -> None:
        StatementStep.objects.create(
            statement=row, step=step, by=user, at=at or timezone.now(), reason=reason
        )
        self.__dict__.update({k: v for k, v in row.__dict__.items() if not k.startswith("_")})
        audit.record(
            user,
            Action.UPDATE,
            row,
            area=row.agreement.host_area_id,
            reason=f"utbetalingsoppgave: {NB[step]}" + (f" ({reason})" if reason else ""),
        )


class StatementStep(models.Model):
    """One step of a statement's way to payment, by whom and when (and why, when sent back)."""

    class Step(models.TextChoices):
        APPROVE = "approve", gettext_lazy("Godkjent")
        ATTEST = "attest", gettext_lazy("Attestert")
        AUTHORISE = "authorise", gettext_lazy("Anvist")
        PAY = "pay", gettext_lazy("Merket som utbetalt")
        SEND_BACK = "send_back", gettext_lazy("Sendt tilbake")

    statement = models.ForeignKey(Statement, models.CASCADE, related_name="steps")
    step = models.CharField(gettext_lazy("steg"), max_length=10, choices=Step.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", null=True)
    at = models.DateTimeField(gettext_lazy("tidspunkt"))
    reason = models.TextField(gettext_lazy("begrunnelse"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = gettext_lazy("steg i utbetalingen")
        verbose_name_plural = gettext_lazy("steg i utbetalingen")

    def __str__(self) -> str:
        return f"{self.get_step_display()} {self.at:%d.%m.%Y}"


S = Statement.Status
LOCKED = {S.APPROVED, S.ATTESTED, S.AUTHORISED, S.PAID}
# to: (the status it starts from, the refusal when it does not)
STEPS: dict[str, tuple[str, Any]] = {
    S.APPROVED: (S.CALCULATED, gettext_lazy("Bare en beregnet oppgave kan godkjennes.")),
    S.ATTESTED: (S.APPROVED, gettext_lazy("Bare en godkjent oppgave kan attesteres.")),
    S.AUTHORISED: (S.ATTESTED, gettext_lazy("Bare en attestert oppgave kan anvises.")),
    S.PAID: (
        S.AUTHORISED,
        gettext_lazy(
            "Bare en anvist oppgave kan merkes som utbetalt. En oppgave som bare er attestert, "
            "er ikke frigitt: en annen med anvisningsmyndighet må anvise den først."
        ),
    ),
}
WHO: dict[str, str] = {S.APPROVED: "approved", S.ATTESTED: "attested", S.AUTHORISED: "authorised"}
STEP_OF: dict[str, str] = {
    S.APPROVED: StatementStep.Step.APPROVE,
    S.ATTESTED: StatementStep.Step.ATTEST,
    S.AUTHORISED: StatementStep.Step.AUTHORISE,
    S.PAID: StatementStep.Step.PAY,
}
# from: (back to, the fields the step had set)
BACK: dict[str, tuple[str, list[str]]] = {
    S.APPROVED: (S.CALCULATED, ["approved_by", "approved_at"]),
    S.ATTESTED: (S.APPROVED, ["attested_by", "attested_at"]),
    S.AUTHORISED: (S.ATTESTED, ["authorised_by", "authorised_at"]),
}
# The audit log is written in bokmål, whatever the reader's language.
NB = {
    "approve": "godkjent",
    "attest": "attestert",
    "authorise": "anvist",
    "pay": "utbetalt",
    "send_back": "sendt tilbake",
}
