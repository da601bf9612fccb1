"""Eva, the programme officer, makes Drammen's agreement, calculates the quarters, approves a
year on the strength of Kari's submitted report and so releases the held statement; Per, the
leader in Drammen, reports an absence late and the paid quarter is corrected in the next."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from kreftkoordinator.accounts.models import User
from kreftkoordinator.audit.models import AuditEntry
from kreftkoordinator.grants.models import Agreement, Scheme, Statement
from kreftkoordinator.grants.rules import Quarter
from kreftkoordinator.grants.statements import calculate_quarter, calculate_statement
from kreftkoordinator.grants.workflows import (
    GrantError,
    approve_statement,
    confirm_absence,
    decide_year,
    make_agreement,
    pay_statement,
    report_absence,
)
from kreftkoordinator.organisation.models import Position
from kreftkoordinator.reporting.submissions import submit_report

DECEMBER = datetime(2025, 12, 31, 12, tzinfo=UTC)


def table_3_1() -> Scheme:
    return Scheme.objects.get(name="Tabell 3-1")


@pytest.fixture
def agreement(eva, kari, drammen_position) -> Agreement:
    return make_agreement(
        eva,
        drammen_position,
        start=date(2024, 3, 15),
        fte=100,
        salary=Decimal("470000"),
        social_rate=Decimal("0.35"),
        scheme=table_3_1(),
    )


def drammen_agreement(eva) -> Agreement:
    """Example 1's agreement for Drammen, with a leave and 2024-Q1's statement (for the tables
    of who may open what)."""
    agreement = make_agreement(
        eva,
        Position.objects.get(name="Kreftkoordinator i Drammen"),
        start=date(2024, 3, 15),
        fte=100,
        salary=Decimal("470000"),
        social_rate=Decimal("0.35"),
        scheme=table_3_1(),
    )
    report_absence(eva, agreement, "leave", date(2024, 9, 1), date(2024, 9, 30))
    calculate_statement(agreement, Quarter(2024, 1))
    return agreement


def run(user, *quarters: str) -> dict[str, list[int]]:
    for q in quarters:
        calculate_quarter(user, Quarter.parse(q))
    found: dict[str, list[int]] = {}
    for s in Statement.objects.order_by("year", "quarter", "pk"):
        found.setdefault(str(s.period), []).append(s.amount)
    return found


def pay(user, *quarters: str):
    """Approved and attested by `user`, authorised by the controller, paid on 1 January 2026."""
    jon = User.objects.get_or_create(
        username="jon",
        defaults={"role": "programme", "budget_authority": True, "role_approved_at": DECEMBER},
    )[0]
    for s in Statement.objects.all():
        if str(s.period) in quarters and s.status == Statement.Status.CALCULATED:
            approve_statement(user, s, DECEMBER)
            s.attest(user, DECEMBER)
            s.authorise(jon, DECEMBER)
            pay_statement(user, s, date(2026, 1, 1))


@pytest.mark.django_db
def test_eva_makes_the_agreement_with_year_1_approved(agreement, kari):
    assert agreement.holder == kari and agreement.host_area.code == "3301"
    assert agreement.approved_years() == {1}
    assert agreement.end == date(2030, 3, 14)
    assert AuditEntry.objects.filter(action="create", object_type="grants.agreement").count() == 1


@pytest.mark.django_db
def test_a_share_of_a_position_or_a_second_agreement_is_refused(eva, agreement, drammen_position):
    with pytest.raises(GrantError) as e:
        make_agreement(
            eva,
            drammen_position,
            start=date(2026, 1, 1),
            fte=60,
            salary=Decimal("300000"),
            social_rate=Decimal("0.35"),
            scheme=table_3_1(),
        )
    assert any("50 % eller 100 %" in p for p in e.value.problems)
    assert any("allerede en avtale" in p for p in e.value.problems)


@pytest.mark.django_db
def test_statements_follow_example_1_and_the_next_year_waits_for_approval(eva, kari, agreement):
    got = run(eva, "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1")
    assert got == {
        "2024-Q1": [22_164],
        "2024-Q2": [118_643],
        "2024-Q3": [119_946],
        "2024-Q4": [119_947],
        "2025-Q1": [117_339],
    }
    held = Statement.objects.get(year=2025, quarter=1)
    assert held.status == Statement.Status.HELD  # 17 days of year 2, not yet approved
    assert any("Avtaleår 2 (75\u00a0%" in line for line in held.basis)
    with pytest.raises(GrantError, match="før oppgaven|ikke godkjent"):
        approve_statement(eva, held)
    # Year 2 starts 15.03.2025: it needs the report for 2024.
    with pytest.raises(GrantError, match="årsrapporten for 2024"):
        decide_year(eva, agreement, 2, True, "")
    submit_report(kari, agreement.position, 2024, "Et godt år")
    decision = decide_year(eva, agreement, 2, True, "Rapporten er god.")
    assert decision.submission.year == 2024
    held = Statement.objects.get(year=2025, quarter=1)
    assert held.status == Statement.Status.CALCULATED and held.amount == 117_339
    with pytest.raises(GrantError, match="allerede avgjort"):
        decide_year(eva, agreement, 2, False, "Nei")


@pytest.mark.django_db
def test_an_absence_reported_late_corrects_the_paid_quarter_in_the_next(eva, per, agreement):
    run(eva, "2024-Q1", "2024-Q2")
    pay(eva, "2024-Q1", "2024-Q2")
    paid = Statement.objects.get(year=2024, quarter=2)
    # Per reports the sick leave of example 3 after Q2 was paid; Eva confirms it.
    absence = report_absence(per, agreement, "sick", date(2024, 6, 10), date(2024, 7, 19))
    assert absence.confirmed_at is None
    assert calculate_statement(agreement, Quarter(2024, 2)) == []  # paid is paid
    got = run(eva, "2024-Q3")
    assert got["2024-Q2"] == [118_643]
    # Through Q2 it should have been 134 288, not 140 807: -6 519, then Q3's own 95 175.
    assert got["2024-Q3"] == [-6_519, 95_175]
    correction = Statement.objects.get(year=2024, quarter=3, corrects__isnull=False)
    assert correction.corrects == paid
    with pytest.raises(GrantError, match="Bekreft fraværet"):
        approve_statement(eva, Statement.objects.get(year=2024, quarter=3, corrects=None))
    confirm_absence(eva, absence)
    approve_statement(eva, Statement.objects.get(year=2024, quarter=3, corrects=None))
    # Everything issued adds up to the rules' total through Q3 (example 3: 229 463).
    assert sum(s.amount for s in Statement.objects.all()) == 229_463


@pytest.mark.django_db
def test_absences_outside_or_overlapping_are_refused(eva, agreement):
    report_absence(eva, agreement, "leave", date(2024, 9, 1), date(2024, 9, 30))
    with pytest.raises(GrantError) as e:
        report_absence(eva, agreement, "vacancy", date(2024, 9, 20), date(2024, 10, 5))
    assert "overlapper" in e.value.problems[0]
    with pytest.raises(GrantError, match="utenfor avtalen"):
        report_absence(eva, agreement, "vacancy", date(2024, 1, 1), date(2024, 1, 5))


@pytest.mark.django_db
def test_a_declined_year_grants_nothing_and_its_held_statement_follows(eva, agreement):
    run(eva, "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1")
    with pytest.raises(GrantError, match="begrunnelse"):
        decide_year(eva, agreement, 2, False, " ")
    decide_year(eva, agreement, 2, False, "Stillingen er ikke besatt.")
    # 2025-Q1 now pays only year 1's last 73 days: 475 875 - 380 700 = 95 175.
    assert Statement.objects.get(year=2025, quarter=1).amount == 95_175


@pytest.mark.django_db
def test_calculating_an_earlier_quarter_again_carries_the_later_ones(eva, agreement):
    run(eva, "2024-Q1", "2024-Q2", "2024-Q3")
    approve_statement(eva, Statement.objects.get(year=2024, quarter=1))
    report_absence(eva, agreement, "sick", date(2024, 6, 10), date(2024, 7, 19))
    calculate_statement(agreement, Quarter(2024, 2))  # Q3 rested on Q2's old amount
    got = {str(s.period): s.amount for s in Statement.objects.all()}
    assert got == {"2024-Q1": 22_164, "2024-Q2": 112_124, "2024-Q3": 95_175}  # example 3
    assert not Statement.objects.filter(corrects__isnull=False).exists()


@pytest.mark.django_db
def test_a_released_statement_keeps_its_address(client, eva, kari, agreement):
    """Issue 26, point 18: the link Eva saved to the held statement still leads to it once the
    year is approved and the statement released, and when a quarter is calculated again."""
    from django.urls import reverse

    from kreftkoordinator.conftest import login

    run(eva, "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1")
    held = Statement.objects.get(year=2025, quarter=1)
    address = reverse("grants:statement", args=[held.pk])
    submit_report(kari, agreement.position, 2024, "Et godt år")
    decide_year(eva, agreement, 2, True, "Rapporten er god.")
    released = Statement.objects.get(year=2025, quarter=1)
    assert (released.pk, released.status) == (held.pk, Statement.Status.CALCULATED)
    run(eva, "2025-Q1")  # calculated again: still the same statement
    assert Statement.objects.get(year=2025, quarter=1).pk == held.pk
    login(client, eva)
    assert client.get(address).status_code == 200


@pytest.mark.django_db
def test_the_rules_refuse_in_the_reader_s_language(eva, drammen_position):
    """The rules are plain Python; their refusals are put into words where they are shown."""
    from django.utils import translation

    with translation.override("nn"), pytest.raises(GrantError) as e:
        make_agreement(
            eva,
            drammen_position,
            start=date(2024, 3, 15),
            fte=100,
            salary=Decimal("0"),
            social_rate=Decimal("0.35"),
            scheme=table_3_1(),
        )
    assert e.value.problems == ["Bruttoløna må vere større enn null."]
    with translation.override("en"), pytest.raises(GrantError) as e:
        agreement = make_agreement(
            eva,
            drammen_position,
            start=date(2024, 3, 15),
            fte=100,
            salary=Decimal("470000"),
            social_rate=Decimal("0.35"),
            scheme=table_3_1(),
        )
        report_absence(eva, agreement, "sick", date(2024, 5, 1), date(2024, 4, 1))
    assert e.value.problems == ["sick leave 01.05.2024–01.04.2024: ends before it begins."]
