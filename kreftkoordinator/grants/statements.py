"""Quarterly statements from the rules (docs/grants.md): a quarter's amount is what the
cumulative rounding gives, less what the earlier statements paid; an approved or paid statement
is never recalculated, and a difference in an earlier quarter (an absence reported late) becomes
a correction in the quarter being calculated, linked to the statement it corrects."""

from __future__ import annotations

from fractions import Fraction

from django.db import transaction

from kreftkoordinator import audit
from kreftkoordinator.audit.models import Action
from kreftkoordinator.numbers import kroner, percent

from . import rules
from .models import Agreement, Statement
from .models.statements import LOCKED


def active_in(quarter: rules.Quarter) -> list[Agreement]:
    """The agreements with a day in the quarter, or a difference still to settle after it."""
    found = []
    for agreement in (
        Agreement.objects.filter(start__lte=quarter.last)
        .select_related("scheme", "position", "host_area")
        .prefetch_related("absences", "decisions")
    ):
        if agreement.end >= quarter.first or _outstanding(agreement, quarter):
            found.append(agreement)
    return found


def _outstanding(agreement: Agreement, quarter: rules.Quarter) -> bool:
    issued = sum(s.amount for s in agreement.statements.before(quarter.year, quarter.number))
    return issued != agreement.calculation().total


@transaction.atomic
def calculate_quarter(user, quarter: rules.Quarter) -> list[Statement]:
    """Every agreement's statements for the quarter; one audit entry for the run."""
    made = []
    for agreement in active_in(quarter):
        made += calculate_statement(agreement, quarter)
    audit.record(
        user,
        Action.CREATE,
        object_type="grants.statement",
        reason=f"utbetalingsoppgaver beregnet for {quarter}",
    )
    return made


def calculate_statement(agreement: Agreement, quarter: rules.Quarter) -> list[Statement]:
    """The quarter's statement for one agreement (and a correction, where an earlier quarter
    now comes out differently). A quarter with a locked statement is left as it is. A later
    quarter's statements that are not locked rest on this one's amount, so they are calculated
    again after it."""
    mine = agreement.statements.filter(year=quarter.year, quarter=quarter.number)
    if any(s.is_locked for s in mine):
        return []
    later = agreement.statements.exclude(pk__in=agreement.statements.before(*_key(quarter)))
    unlocked = list(later.exclude(status__in=LOCKED).order_by("pk"))
    again = sorted({s.period for s in unlocked if quarter < s.period}, key=_key)
    # Calculated again in place: a statement keeps its id, so its address (a link in an e-mail,
    # a bookmark) still leads to it once it is released or recalculated.
    pool: dict[tuple[int, int, bool], list[Statement]] = {}
    for statement in unlocked:
        pool.setdefault(_slot(statement), []).append(statement)
    made = _calculate(agreement, quarter, pool)
    unlocked_ids = {s.pk for s in unlocked}
    for period in again:
        mine_then = agreement.statements.filter(year=period.year, quarter=period.number)
        if not mine_then.exclude(pk__in=unlocked_ids).exists():  # none locked there
            _calculate(agreement, period, pool)
    Statement.objects.filter(pk__in=_left(pool)).delete()
    return made


def _left(pool) -> set[int]:
    return {s.pk for rows in pool.values() for s in rows}


def _slot(statement: Statement) -> tuple[int, int, bool]:
    return statement.year, statement.quarter, statement.corrects_id is not None


def _put(pool, agreement: Agreement, quarter: rules.Quarter, held: bool, **fields) -> Statement:
    """The quarter's statement (or correction): an earlier unlocked one updated, or a new one."""
    slot = (quarter.year, quarter.number, fields.get("corrects") is not None)
    reused = pool.get(slot, [])
    if reused:
        statement = reused.pop(0)
    else:
        statement = Statement(agreement=agreement, year=quarter.year, quarter=quarter.number)
    statement.calculated(held, **fields)
    return statement


def _key(quarter: rules.Quarter) -> tuple[int, int]:
    return quarter.year, quarter.number


def _calculate(agreement: Agreement, quarter: rules.Quarter, pool) -> list[Statement]:
    calc = agreement.calculation()
    stale = _left(pool)  # unlocked ones no longer needed: deleted at the end, never counted
    earlier = [
        s
        for s in agreement.statements.before(*_key(quarter)).order_by("year", "quarter", "pk")
        if s.pk not in stale
    ]
    issued = sum(s.amount for s in earlier)
    paid = [s for s in earlier if s.is_locked]
    due_before = rules.round_half_up(
        next((s.through for s in reversed(calc.statements) if s.quarter < quarter), Fraction(0))
    )
    made = []
    if due_before != issued and earlier:
        made.append(
            _put(
                pool,
                agreement,
                quarter,
                held=False,
                amount=due_before - issued,
                corrects=(paid or earlier)[-1],
                basis=[
                    f"Retting av tidligere kvartaler: de skulle til sammen vært {due_before} kr "
                    f"etter reglene slik avtalen står nå, og {issued} kr er utbetalt eller "
                    "beregnet.",
                ],
            )
        )
    found = calc.statement(quarter)
    if found is not None:
        decided = {d.number for d in agreement.decisions.all()}
        held = not set(found.years) <= decided
        made.append(
            _put(
                pool,
                agreement,
                quarter,
                held=held,
                amount=found.amount,
                basis=basis(calc, found, due_before),
            )
        )
    return made


def recalculate_held(agreement: Agreement) -> None:
    """After a year is decided: the oldest held statement again, and so every later one not
    locked (released, or without the declined year's days)."""
    oldest = (
        agreement.statements.filter(status=Statement.Status.HELD)
        .order_by("year", "quarter")
        .first()
    )
    if oldest is not None:
        calculate_statement(agreement, oldest.period)


def basis(calc: rules.Calculation, found: rules.Statement, due_before: int) -> list[str]:
    """The rule and the days counted, in Norwegian, kept with the statement."""
    span = (max(found.quarter.first, calc.terms.start), min(found.quarter.last, calc.terms.end))
    lines = []
    for y in calc.years:
        first, last = max(span[0], y.first), min(span[1], y.last)
        if first <= last:
            lines.append(
                f"Avtaleår {y.number} ({percent(y.share, 1)}, {kroner(y.grant)} for {y.days} "
                f"dager): {(last - first).days + 1} dager à {kroner(y.day_worth, 2)}."
            )
    for a in calc.absences:
        counted = a.counted()
        if counted and counted[0] <= span[1] and span[0] <= counted[1]:
            days = _days(counted, span)
            rule = " (teller fra 17. dag)" if a.kind == rules.SICK else ""
            lines.append(f"Trekk for {a}{rule}: {days} dager i kvartalet.")
    lines.append(
        f"Kvartalets beløp {kroner(found.exact, 2)}; til og med kvartalet "
        f"{kroner(found.through, 2)}, avrundet {kroner(rules.round_half_up(found.through))}, "
        f"minus {kroner(due_before)} for tidligere kvartaler = {kroner(found.amount)}."
    )
    return lines


def _days(counted, span) -> int:
    first, last = max(counted[0], span[0]), min(counted[1], span[1])
    return (last - first).days + 1
