"""The grant pages: Eva registers an agreement and runs the quarter; Per, the leader in Drammen,
sees Drammen's agreement and reports an absence; Hege, the leader in Horten, is refused every
one of Drammen's agreement pages and actions, and sees none of it in her list."""

import re
from datetime import date

import pytest
from django.urls import reverse

from kreftkoordinator.audit.models import AuditEntry
from kreftkoordinator.conftest import area, login, make_user
from kreftkoordinator.grants.models import Absence, Agreement, Decision, Scheme, Statement
from kreftkoordinator.organisation.models import today
from kreftkoordinator.roles import Role

from .test_workflows import drammen_agreement


@pytest.fixture
def hege(db):
    user = make_user("hege", Role.LEADER, name="Hege Dahl")
    user.areas.set([area("3901")])
    return user


@pytest.fixture
def agreement(eva, kari):
    return drammen_agreement(eva)


@pytest.mark.django_db
def test_eva_registers_an_agreement_and_a_bad_one_keeps_what_she_typed(
    client, eva, kari, drammen_position
):
    login(client, eva)
    url = reverse("grants:agreement_create")
    data = {
        "position": drammen_position.pk,
        "start": "2024-03-15",
        "fte": "60",
        "salary": "470000",
        "social_rate": "40",
        "scheme": Scheme.objects.get(name="Tabell 3-1").pk,
    }
    refused = client.post(url, data)
    assert refused.status_code == 200 and not Agreement.objects.exists()
    assert 'value="470000"' in refused.content.decode()
    response = client.post(url, {**data, "fte": "100"}, follow=True)
    agreement = Agreement.objects.get()
    assert response.redirect_chain[-1][0] == reverse("grants:agreement", args=[agreement.pk])
    content = response.content.decode()
    assert "satt ned til 35\u00a0%" in content  # the cap, said
    assert "kr\u00a0475\u00a0875" in content  # G_1 = 0.75 x 470 000 x 1.35
    assert "Kari Berg" in content
    letter = client.get(reverse("grants:letter", args=[agreement.pk])).content.decode()
    assert "Tilskuddsavtale: Kreftkoordinator i Drammen" in letter


@pytest.mark.django_db
@pytest.mark.parametrize("party", ["9223372036854775808", "-9223372036854775809", "1" * 40])
def test_a_party_number_beyond_any_key_is_an_unknown_choice_not_a_500(
    client, eva, drammen_position, party
):
    login(client, eva)
    client.raise_request_exception = False
    data = {
        "position": drammen_position.pk,
        "start": "2024-03-15",
        "fte": "100",
        "salary": "470000",
        "social_rate": "30",
        "scheme": Scheme.objects.get(name="Tabell 3-1").pk,
        "parties": [area("3301").pk, party],
    }
    response = client.post(reverse("grants:agreement_create"), data)
    assert response.status_code == 200 and not Agreement.objects.exists()
    assert "er ikke et av de tilgjengelige valgene" in response.content.decode()
    assert 'value="470000"' in response.content.decode()


@pytest.mark.django_db
def test_eva_runs_a_quarter_and_exports_it(client, eva, jon, agreement):
    login(client, eva)
    url = reverse("grants:statements")
    client.post(f"{url}?kvartal=2024-Q2")
    page = client.get(url, {"kvartal": "2024-Q2"})
    assert [s.amount for s in page.context["statements"]] == [118_643]
    xlsx = client.get(url, {"kvartal": "2024-Q2", "format": "xlsx"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    odd = client.get(url, {"kvartal": "2024-Q9"})
    assert odd.status_code == 200 and "er ikke et kvartal" in odd.content.decode()
    statement = Statement.objects.get(year=2024, quarter=2)
    before = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    shown = client.get(reverse("grants:statement", args=[statement.pk])).content.decode()
    assert "Avtaleår 1 (75\u00a0%" in shown
    # One kroner format on the page, its amount and the basis alike (issue 26, point 19).
    assert "kr\u00a0118\u00a0643" in shown and "à kr\u00a0" in shown
    assert not re.search(r"[0-9][\s\u00a0]kr\b", shown)
    read = AuditEntry.objects.exclude(pk__lte=before).get()  # exactly one, by Eva
    assert (read.user, read.action, read.object_type) == (eva, "view", "grants.statement")
    client.post(reverse("grants:statement_approve", args=[statement.pk]))
    client.post(reverse("grants:statement_attest", args=[statement.pk]))
    pay = reverse("grants:statement_pay", args=[statement.pk])
    bad = client.post(pay, {"paid_on": "x"})
    assert bad.status_code == 200
    only_attested = client.post(pay, {"paid_on": today().isoformat()}, follow=True)
    assert "En oppgave som bare er attestert, er ikke frigitt" in only_attested.content.decode()
    client.logout()
    login(client, jon)
    client.post(reverse("grants:statement_authorise", args=[statement.pk]))
    early = client.post(pay, {"paid_on": "2024-07-10"}).content.decode()
    assert "Utbetalingsdatoen kan ikke være før utbetalingen ble anvist" in early
    client.post(pay, {"paid_on": today().isoformat()})
    statement.refresh_from_db()
    assert statement.status == Statement.Status.PAID and statement.paid_on == today()
    assert (statement.attested_by, statement.authorised_by) == (eva, jon)


@pytest.mark.django_db
def test_per_sees_drammen_s_agreement_and_reports_an_absence(client, per, agreement):
    login(client, per)
    listing = client.get(reverse("grants:agreements"))
    assert [r.agreement for rows in listing.context["overview"].offices.values() for r in rows] == [
        agreement
    ]
    url = reverse("grants:agreement", args=[agreement.pk])
    assert client.get(url).status_code == 200
    assert AuditEntry.objects.filter(
        action="view", object_type="grants.agreement", user=per
    ).exists()
    add = reverse("grants:absence_add", args=[agreement.pk])
    overlapping = client.post(add, {"kind": "sick", "first": "2024-09-20", "last": "2024-10-20"})
    assert overlapping.status_code == 200 and "overlapper" in overlapping.content.decode()
    assert 'value="2024-09-20"' in overlapping.content.decode()
    client.post(add, {"kind": "sick", "first": "2024-11-01", "last": "2024-12-10"})
    assert Absence.objects.filter(kind="sick", confirmed_at=None).count() == 1


@pytest.mark.django_db
def test_eva_cannot_approve_year_2_without_the_report(client, eva, agreement):
    login(client, eva)
    response = client.post(
        reverse("grants:year_decide", args=[agreement.pk, 2]), {"approved": "yes"}
    )
    assert response.status_code == 200
    assert "årsrapporten for 2024" in response.content.decode()
    assert not Decision.objects.filter(number=2).exists()


@pytest.mark.django_db
def test_hege_in_horten_sees_nothing_of_drammen(client, hege, agreement):
    login(client, hege)
    listing = client.get(reverse("grants:agreements"))
    assert listing.context["overview"].offices == {}
    assert "Drammen" not in listing.content.decode()
    statement = agreement.statements.first()
    absence = agreement.absences.get()
    for name, args in [
        ("grants:agreement", [agreement.pk]),
        ("grants:letter", [agreement.pk]),
        ("grants:statement", [statement.pk]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 404, name
    assert (
        client.post(
            reverse("grants:absence_add", args=[agreement.pk]),
            {"kind": "leave", "first": "2024-11-01", "last": "2024-11-02"},
        ).status_code
        == 404
    )
    assert agreement.absences.count() == 1
    # The programme officer's actions are refused by role before any record is read.
    for name, args in [
        ("grants:absence_confirm", [absence.pk]),
        ("grants:year_decide", [agreement.pk, 2]),
        ("grants:statement_approve", [statement.pk]),
        ("grants:statement_pay", [statement.pk]),
    ]:
        assert client.post(reverse(name, args=args)).status_code == 403, name
    assert not AuditEntry.objects.filter(user=hege).exists()


@pytest.mark.django_db
def test_eva_adds_a_scheme_and_a_bad_one_is_explained(client, eva):
    login(client, eva)
    url = reverse("grants:schemes")
    bad = client.post(url, {"name": "Ny", "shares": "75, 120"})
    assert bad.status_code == 200 and "mellom 0 og 100" in bad.content.decode()
    client.post(url, {"name": "Fem år", "shares": "75, 75, 60, 40, 20"})
    assert Scheme.objects.get(name="Fem år").shares == [75, 75, 60, 40, 20]


@pytest.mark.django_db
def test_per_sees_what_drammen_must_report_and_when(client, per, kari, agreement):
    login(client, per)
    row = next(iter(client.get(reverse("grants:agreements")).context["overview"].offices.values()))
    assert row[0].next_report == (2, date(2025, 3, 15), 2024, False)
    from kreftkoordinator.reporting.submissions import submit_report

    submit_report(kari, agreement.position, 2024, "")
    content = client.get(reverse("grants:agreements")).content.decode()
    assert "År 2 fra 15.03.2025: årsrapporten for 2024 er levert" in content


@pytest.mark.django_db
def test_the_overview_does_as_many_queries_for_three_agreements_as_for_one(client, eva, agreement):
    from decimal import Decimal

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kreftkoordinator.conftest import make_position
    from kreftkoordinator.grants.workflows import make_agreement

    login(client, eva)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("grants:agreements")).status_code == 200
        return len(captured)

    one = queries()
    for name, code in [("Lier", "3312"), ("Horten", "3901")]:
        make_agreement(
            eva,
            make_position(f"Kreftkoordinator i {name}", [code]),
            start=date(2023, 1, 1),
            fte=100,
            salary=Decimal("480000"),
            social_rate=Decimal("0.3"),
            scheme=Scheme.objects.get(name="Tabell 3-1"),
        )
    assert queries() == one


@pytest.mark.django_db
def test_the_overview_workbook_cell_by_cell(client, eva, agreement):
    import io

    from openpyxl import load_workbook

    from kreftkoordinator.exports import DATE, SHARE, WHOLE

    login(client, eva)
    response = client.get(reverse("grants:agreements"), {"format": "xlsx"})
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Stillinger", "Penger per år", "Om tallene"]
    sheet = workbook["Stillinger"]
    header = [c.value for c in sheet[1]]
    assert header[2:6] == ["Stilling", "Områder", "Innbyggere", "Avtalen startet"]
    assert sheet.freeze_panes == "D2" and sheet["A1"].font.bold
    row = {h: c for h, c in zip(header, sheet[2], strict=True)}
    assert row["Stilling"].value == agreement.position.name
    assert row["Innbyggere"].data_type == "n" and row["Innbyggere"].number_format == WHOLE
    assert row["Avtalen startet"].is_date and row["Avtalen startet"].number_format == DATE
    assert row["Avtalen startet"].value.date() == agreement.start
    share = row["Kreftforeningens andel nå"]
    assert share.number_format == SHARE and 0 <= share.value <= 1
    money = workbook["Penger per år"]
    last = money.max_row
    assert (
        money.cell(last, 1).value == "Sum" and money.cell(last, 2).value == f"=SUM(B2:B{last - 1})"
    )
    assert money["B2"].number_format == WHOLE
