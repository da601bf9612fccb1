"""Eva's working day starts with what needs her (issue 31, point 6): Drammen's reports for 2024
and 2025 are past their deadlines (the starts of agreement years 2 and 3), a statement waits
for attestation and one for authorisation, Per's reported absence waits for confirmation, and
year 3 ends within 60 days. Each count links to its list; a late report has a reminder button;
`grants queue --json` prints the same."""

import json
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kreftkoordinator.casework.models import Notification
from kreftkoordinator.conftest import login, make_position
from kreftkoordinator.grants.models import Agreement, Statement
from kreftkoordinator.grants.queue import queue
from kreftkoordinator.grants.rules import Quarter
from kreftkoordinator.grants.statements import calculate_statement
from kreftkoordinator.grants.workflows import make_agreement, report_absence
from kreftkoordinator.reporting.submissions import submit_report

from .test_workflows import drammen_agreement, table_3_1

# Year 3 of an agreement from 15.03.2024 runs 15.03.2026–14.03.2027.
DAY = date(2027, 1, 20)


@pytest.fixture
def drammen(eva, per, jon, kari):
    agreement = drammen_agreement(eva)  # 2024-Q1 calculated, a leave in September 2024
    q2, q3 = (calculate_statement(agreement, Quarter(2024, n))[0] for n in (2, 3))
    q2.approve(eva)
    q3.approve(eva)
    q3.attest(eva)
    report_absence(per, agreement, "sick", date(2026, 10, 1), date(2026, 11, 15))
    return agreement


@pytest.mark.django_db
def test_eva_s_queue_most_urgent_first(drammen, eva):
    found = queue(Agreement.objects.all(), DAY)
    assert [(r.number, r.report_year, r.since) for r in found.late_reports] == [
        (2, 2024, date(2025, 3, 15)),
        (3, 2025, date(2026, 3, 15)),
    ]
    assert found.late_reports[0].days_late == (DAY - date(2025, 3, 15)).days
    assert [str(s.period) for s in found.to_approve] == ["2024-Q1"]
    assert [str(s.period) for s in found.to_attest] == ["2024-Q2"]
    assert [(str(s.period), s.attested_by) for s in found.to_authorise] == [("2024-Q3", eva)]
    assert [a.kind for a in found.absences] == ["sick"]  # Per's; Eva's own leave is confirmed
    assert [(y.number, y.ends) for y in found.years_ending] == [(3, date(2027, 3, 14))]
    assert queue(Agreement.objects.all(), date(2027, 1, 1)).years_ending == []


@pytest.mark.django_db
def test_a_submitted_report_leaves_the_queue(drammen, kari):
    submit_report(kari, drammen.position, 2024, "Et godt år")
    found = queue(Agreement.objects.all(), DAY)
    assert [r.report_year for r in found.late_reports] == [2025]


@pytest.mark.django_db
def test_the_programme_page_counts_link_to_the_lists(client, drammen, eva):
    login(client, eva)
    page = client.get(reverse("grants:agreements")).content.decode()
    queue_url = reverse("grants:queue")
    assert f'href="{queue_url}#to-authorise"><strong>1</strong> utbetalinger å anvise' in page
    listed = client.get(queue_url).content.decode()
    assert 'id="to-authorise"' in listed and 'id="late-reports"' in listed
    q3 = Statement.objects.get(year=2024, quarter=3)
    assert reverse("grants:statement", args=[q3.pk]) in listed


@pytest.mark.django_db
def test_eva_reminds_drammen_of_its_late_report(client, drammen, eva, per, kari):
    login(client, eva)
    response = client.post(reverse("grants:remind_report", args=[drammen.pk, 3]), follow=True)
    assert "Påminnelsen er sendt til 2 personer i kommunen." in response.content.decode()
    told = Notification.objects.filter(message__contains="årsrapporten for 2025")
    assert {n.user for n in told} == {per, kari}


@pytest.mark.django_db
def test_the_command_prints_the_same_queue_as_json(drammen):
    out = StringIO()
    call_command("grants", "queue", "--day", DAY.isoformat(), "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["day"] == "2027-01-20"
    assert data["counts"] == {
        "late_reports": 2,
        "to_approve": 1,
        "to_attest": 1,
        "to_authorise": 1,
        "held": 0,
        "absences": 1,
        "years_ending": 1,
    }
    late = data["late_reports"][0]
    assert set(late) == {
        "agreement",
        "position",
        "agreement_year",
        "report_year",
        "deadline",
        "days_late",
    }
    assert (late["deadline"], late["report_year"]) == ("2025-03-15", 2024)
    assert data["to_authorise"][0]["attested_by"] == "eva"
    assert data["years_ending"][0] == {
        "agreement": drammen.pk,
        "position": "Kreftkoordinator i Drammen",
        "agreement_year": 3,
        "ends": "2027-03-14",
        "days_left": 53,
    }


@pytest.mark.django_db
def test_the_queue_takes_the_same_queries_for_one_agreement_and_for_five(drammen, eva):
    def queries() -> int:
        with CaptureQueriesContext(connection) as seen:
            found = queue(Agreement.objects.all(), DAY)
            found.as_dict()
        return len(seen)

    one = queries()
    for n in range(4):
        position = make_position(f"Stilling {n}", ["3901"])
        made = make_agreement(
            eva,
            position,
            start=date(2024, 3, 15),
            fte=100,
            salary=Decimal("470000"),
            social_rate=Decimal("0.35"),
            scheme=table_3_1(),
        )
        calculate_statement(made, Quarter(2024, 1))
    assert queries() == one
