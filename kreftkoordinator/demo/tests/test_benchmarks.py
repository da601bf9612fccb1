"""The benchmark commands behind docs/benchmarks.md run, and time the way they say they do."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from kreftkoordinator.casework.models import Contact
from kreftkoordinator.directory.models import Offer
from kreftkoordinator.organisation.models import Area
from kreftkoordinator.timing import measure


def table(out: StringIO) -> dict[str, list[str]]:
    lines = [line for line in out.getvalue().splitlines() if line.startswith("|")]
    rows = [line.strip("|").split("|") for line in lines[2:]]  # after the heading and the rule
    return {cells[0].strip(): [c.strip() for c in cells[1:]] for cells in rows}


@pytest.mark.django_db
def test_measure_warms_up_times_every_run_and_counts_the_queries_of_one():
    calls = []

    def work():
        calls.append(1)
        Area.objects.count()
        Area.objects.exists()

    timing = measure("Two queries", 7, work, warm_up=2)
    assert len(calls) == 2 + 7 + 1
    assert timing.queries == 2
    assert 0 <= timing.p50 <= timing.worst and timing.p95 <= timing.worst


def test_measure_refuses_zero_runs():
    with pytest.raises(ValueError):
        measure("Nothing", 0, lambda: None)


@pytest.mark.django_db
def test_benchmark_casework_times_the_coordinators_pages_and_registers_contacts(drammen_case):
    before = Contact.objects.count()
    out = StringIO()
    call_command("benchmark_casework", "--requests", "2", stdout=out)
    rows = table(out)
    assert set(rows) >= {"Caseload page", "Case page", "Register a contact"}
    assert all(int(cells[3]) > 0 for cells in rows.values())
    # 5 warm-up, 2 timed and 1 counted registrations, all on the one open case
    assert Contact.objects.count() == before + 8


@pytest.mark.django_db
def test_benchmark_public_tops_the_directory_up_and_times_every_page():
    target = Offer.objects.count() + 5
    out = StringIO()
    call_command("benchmark_public", "--requests", "2", "--offers", str(target), stdout=out)
    assert Offer.objects.count() == target
    rows = table(out)
    assert {"Front page", "An offer", "Coverage map", "Calendar feed (Vang)"} <= set(rows)


@pytest.mark.django_db
def test_benchmark_reporting_times_the_annual_report_and_the_national_view(drammen_case):
    out = StringIO()
    call_command("benchmark_reporting", "--runs", "2", stdout=out)
    rows = table(out)
    assert {"Annual report, every indicator", "National view, as the funder reads it"} <= set(rows)
    if connection.vendor == "postgresql":  # the command checks our counts against its SQL
        assert "Core counts, hand-written SQL" in rows
