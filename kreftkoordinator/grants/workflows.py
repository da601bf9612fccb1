"""What programme staff and municipal leaders do with agreements: named functions that take the
acting user (not a request: the commands use them too), refuse with a Norwegian message, and
write one audit entry. Absences are sick leave among other things: health data about an
employee, so their writes (and the agreement page's reads, in views.py) are logged."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kreftkoordinator import audit
from kreftkoordinator.audit.models import Action
from kreftkoordinator.organisation.models import Assignment, Position
from kreftkoordinator.reporting.models import Submission

from . import rules
from .models import Absence, Agreement, Decision, GrantError, Scheme, Statement


@transaction.atomic
def make_agreement(
    user,
    position: Position,
    *,
    start: date,
    fte: int,
    salary: Decimal,
    social_rate: Decimal,
    scheme: Scheme,
    parties=(),
) -> Agreement:
    """A new agreement, with year 1 approved with it. Refuses a share of a position (50 or 100
    % only), a position with an agreement already running then, and terms the rules refuse."""
    problems = []
    if position.funding != Position.Funding.CO_FINANCED:
        problems.append(
            _(
                "Stillingen er registrert som finansiert av kommunen alene; endre finansieringen "
                "under Administrasjon før den får en avtale med Kreftforeningen."
            )
        )
    if fte not in Position.FTE.values:
        problems.append(_("En stilling er 50 % eller 100 %; den kan ikke deles."))
    try:
        terms = rules.Terms.of(start, salary, social_rate, scheme.shares)
    except rules.RuleError as e:
        problems += e.messages(_)
        terms = None
    if terms:
        for other in Agreement.objects.filter(position=position).select_related("scheme"):
            if other.start <= terms.end and start <= other.end:
                problems.append(
                    _("Stillingen har allerede en avtale fra %(start)s til %(end)s.")
                    % {"start": rules.norwegian(other.start), "end": rules.norwegian(other.end)}
                )
    if problems:
        raise GrantError(problems)
    holder = (
        Assignment.objects.filter(position=position, kind=Assignment.Kind.HOLDER)
        .valid_on(start)
        .select_related("user")
        .first()
    )
    agreement = Agreement.objects.create(
        position=position,
        start=start,
        fte=fte,
        holder=holder.user if holder else None,
        salary=salary,
        social_rate=social_rate,
        scheme=scheme,
        district_office=position.district_office,
        host_area=position.host_area,
        created_by=user,
    )
    agreement.parties.set(parties or position.covered_areas.exclude(pk=position.host_area_id))
    Decision.objects.create(
        agreement=agreement,
        number=1,
        approved=True,
        comment="Godkjent med avtalen.",
        decided_by=user,
    )
    audit.record(
        user, Action.CREATE, agreement, area=agreement.host_area_id, reason="tilskuddsavtale"
    )
    return agreement


@transaction.atomic
def report_absence(user, agreement: Agreement, kind: str, first: date, last: date) -> Absence:
    """Refuses an absence outside the agreement or overlapping another, naming it. Reported by
    programme staff, it is confirmed at once; by a leader, it awaits their confirmation."""
    new = rules.Absence(kind, first, last)
    existing = [rules.Absence(a.kind, a.first, a.last) for a in agreement.absences.all()]
    try:
        rules.check_absences(agreement.terms, [*existing, new])
    except rules.RuleError as e:
        raise GrantError(e.messages(_)) from e
    now = timezone.now() if user.is_programme else None
    absence = Absence.objects.create(
        agreement=agreement,
        kind=kind,
        first=first,
        last=last,
        reported_by=user,
        confirmed_by=user if now else None,
        confirmed_at=now,
    )
    audit.record(user, Action.CREATE, absence, area=agreement.host_area_id, reason="fravær meldt")
    return absence


def confirm_absence(user, absence: Absence) -> None:
    absence.confirmed_by, absence.confirmed_at = user, timezone.now()
    absence.save(update_fields=["confirmed_by", "confirmed_at"])
    audit.record(
        user, Action.UPDATE, absence, area=absence.agreement.host_area_id, reason="fravær bekreftet"
    )


def required_report(agreement: Agreement, number: int) -> tuple[int, Submission | None]:
    """The calendar year whose submitted report approving agreement year `number` needs (the
    last that ended before the year starts), and its latest version, if submitted."""
    first = rules.agreement_years(agreement.terms)[number - 1].first
    year = first.year - 1
    found = (
        Submission.objects.filter(position=agreement.position, year=year)
        .order_by("-version")
        .first()
    )
    return year, found


@transaction.atomic
def decide_year(user, agreement: Agreement, number: int, approved: bool, comment: str) -> Decision:
    """Approve or decline an agreement year. Approving year 2 or later needs the submitted
    report; a decision is final. Held statements are then released (or, for a declined year,
    calculated again without it)."""
    from .statements import recalculate_held

    if not 1 <= number <= len(agreement.scheme.shares):
        raise GrantError(_("Avtalen har ikke noe år %(n)s.") % {"n": number})
    if agreement.decisions.filter(number=number).exists():
        raise GrantError(_("År %(n)s er allerede avgjort.") % {"n": number})
    submission = None
    if number >= 2:
        year, submission = required_report(agreement, number)
        if approved and submission is None:
            raise GrantError(
                _("År %(n)s kan ikke godkjennes før årsrapporten for %(year)s er levert.")
                % {"n": number, "year": year}
            )
    if not approved and not comment.strip():
        raise GrantError(_("Skriv en begrunnelse når et år avslås."))
    decision = Decision.objects.create(
        agreement=agreement,
        number=number,
        approved=approved,
        comment=comment,
        submission=submission,
        decided_by=user,
    )
    recalculate_held(agreement)
    audit.record(
        user,
        Action.CREATE,
        decision,
        area=agreement.host_area_id,
        reason=f"avtaleår {number} {'godkjent' if approved else 'avslått'}",
    )
    return decision


def set_payment_details(
    user, agreement: Agreement, organisation_number: str, bank_account: str
) -> Agreement:
    """Where the grant is paid, checked (MOD11) whatever way it comes in."""
    from kreftkoordinator import validators

    agreement.organisation_number = validators.organisation_number(organisation_number)
    agreement.bank_account = validators.bank_account(bank_account)
    agreement.save(update_fields=["organisation_number", "bank_account"])
    audit.record(
        user,
        Action.UPDATE,
        agreement,
        area=agreement.host_area_id,
        reason="betalingsopplysninger for tilskuddet",
    )
    return agreement


def approve_statement(user, statement: Statement, at: datetime | None = None) -> None:
    statement.approve(user, at)


def attest_statement(user, statement: Statement, at: datetime | None = None) -> None:
    statement.attest(user, at)


def authorise_statement(user, statement: Statement, at: datetime | None = None) -> None:
    statement.authorise(user, at)


def pay_statement(user, statement: Statement, on: date, at: datetime | None = None) -> None:
    statement.pay(user, on, at)


def send_back_statement(user, statement: Statement, reason: str) -> None:
    statement.send_back(user, reason)
