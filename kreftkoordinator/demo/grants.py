"""The demo's grant agreements, one at each stage of the annual cycle (issue 10), dated from today
so that every stage shows whenever the demo is built:

- Drammen is in agreement year 2, which started in the last quarter that ended: that quarter's
  statement is held until Eva approves year 2, on the strength of Kari's submitted report for
  last year; Per has reported a vacancy Eva has not confirmed yet, and a sick-leave spell is in
  year 1;
- Horten is stepping down, in year 5 (40 %): its last quarter is calculated and awaits approval;
- Bydel Frogner's 50 % position is in year 1;
- Nes (the older four-year scheme) and Valdres (table 3-1, six municipalities) have ended, every
  statement paid.

Earlier years are approved as they would have been before the product was in use (without a
report in it). Statements are calculated and paid quarter by quarter through the workflows.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from kreftkoordinator.accounts.models import User
from kreftkoordinator.grants import rules
from kreftkoordinator.grants.models import Agreement, Decision, Scheme, Statement
from kreftkoordinator.grants.statements import calculate_statement
from kreftkoordinator.grants.workflows import (
    GrantError,
    approve_statement,
    decide_year,
    make_agreement,
    pay_statement,
    report_absence,
    required_report,
    set_payment_details,
)
from kreftkoordinator.organisation.models import Position

BEFORE = "Godkjent før tilskuddene ble administrert her."


def create_grants(day: date) -> None:
    eva = User.objects.get(username="kreftforeningen")
    jon = User.objects.get(username="okonomi.kreftforeningen")
    per = User.objects.get(username="leder.drammen")
    table, older = (
        Scheme.objects.get(name="Tabell 3-1"),
        Scheme.objects.get(name__startswith="Vedl"),
    )
    last = rules.Quarter.of(day).previous()  # the last quarter that has ended
    positions = {p.host_area.code: p for p in Position.objects.select_related("host_area")}

    def agreement(code, start, scheme, salary, fte=100, rate="0.35", waiting=0) -> Agreement:
        """Every year begun by today decided, but `waiting`: with the submitted report where
        there is one (as Eva would), as before the product otherwise."""
        made = make_agreement(
            eva,
            positions[code],
            start=start,
            fte=fte,
            salary=Decimal(salary),
            social_rate=Decimal(rate),
            scheme=scheme,
        )
        set_payment_details(eva, made, *payment_details(code))
        for y in rules.agreement_years(made.terms)[1:]:
            if y.first > day or y.number == waiting:
                continue
            if required_report(made, y.number)[1]:
                decide_year(eva, made, y.number, True, "Årsrapporten er god.")
            else:
                Decision.objects.create(
                    agreement=made, number=y.number, approved=True, comment=BEFORE, decided_by=eva
                )
        return made

    # Drammen: year 2 began 15 days before the end of the last quarter, and waits.
    start = rules.add_years(last.last - timedelta(days=15), -1)
    drammen = agreement("3301", start, table, 520_000, waiting=2)
    first = drammen.start + timedelta(days=40)
    report_absence(eva, drammen, "sick", first, first + timedelta(days=39))
    report_absence(per, drammen, "vacancy", last.first, last.first + timedelta(days=9))
    horten = agreement("3901", rules.add_years(day, -4) - timedelta(days=75), table, 505_000)
    frogner = agreement("030105", day - timedelta(days=150), table, 255_000, fte=50, rate="0.40")
    nes = agreement("3228", date(2013, 9, 1), older, 455_000)
    valdres = agreement("3451", date(2013, 1, 1), table, 470_000, rate="0.33")

    for made in (drammen, horten, frogner, nes, valdres):
        quarter = rules.Quarter.of(made.start)
        while quarter <= last and quarter.first <= made.end:
            for statement in calculate_statement(made, quarter):
                # The last quarter waits (held, or for approval) unless the agreement ended.
                if quarter < last or made.end < last.first:
                    _pay(eva, jon, statement, quarter)
            quarter = quarter.next()


def payment_details(code: str) -> tuple[str, str]:
    """A made-up organisation number and account for the area, with valid check digits (MOD11),
    so the ledger and payment files can be tried in the demo."""
    from stdnum.no import kontonr, orgnr

    def completed(prefix: str, valid) -> str:
        # Some bases have no check digit (MOD11 gives 10): the next prefix then.
        digits = code.rjust(6, "0")
        return next(
            f"{prefix}{p}{digits}{d}"
            for p in "0123456789"
            for d in "0123456789"
            if valid(f"{prefix}{p}{digits}{d}")
        )

    return completed("9", orgnr.is_valid), completed("999", kontonr.is_valid)


def _pay(eva: User, jon: User, statement: Statement, quarter: rules.Quarter) -> None:
    """Eva approves and attests in the week after the quarter, Jon authorises; paid after."""

    def on(days: int) -> datetime:
        return timezone.make_aware(datetime.combine(quarter.last + timedelta(days=days), time(10)))

    try:
        approve_statement(eva, statement, on(5))
    except GrantError:
        return  # held, or an absence in it waits for Eva's confirmation
    statement.attest(eva, on(6))
    statement.authorise(jon, on(8))
    pay_statement(eva, statement, quarter.last + timedelta(days=20), on(20))
