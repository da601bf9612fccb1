"""`kreftkoordinator grants calculate` (the rules without the database, its JSON a contract) and
`grants statements --quarter` (every agreement's statements for a quarter)."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kreftkoordinator.grants.models import Statement

from .test_workflows import agreement  # noqa: F401 -- a fixture


def calculate(*args: str) -> dict:
    out = StringIO()
    call_command("grants", "calculate", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_the_json_of_example_3():
    # No django_db mark: any query would fail the test, so the command touches no database.
    data = calculate(
        "--start",
        "2024-03-15",
        "--salary",
        "470000",
        "--social-rate",
        "0.35",
        "--absence",
        "sick:2024-06-10:2024-07-19",
    )
    assert {"years", "statements", "total"} <= set(data)
    first = data["years"][0]
    assert first == {
        "year": 1,
        "from": "2024-03-15",
        "to": "2025-03-14",
        "share": 0.75,
        "grant": 475_875,
        "absence_days": 24,
        "payable": 444_585,  # 475 875 - 31 290.41
    }
    amounts = {s["quarter"]: s["amount"] for s in data["statements"]}
    assert (amounts["2024-Q2"], amounts["2024-Q3"]) == (112_124, 95_175)
    assert data["total"] == sum(amounts.values()) == 2_189_025 - 31_290


def test_the_older_scheme_and_a_capped_rate():
    data = calculate(
        "--start", "2013-06-01", "--salary", "420000", "--social-rate", "0,40",
        "--scheme", "75,75,75,60",
    )  # fmt: skip
    assert [y["share"] for y in data["years"]] == [0.75, 0.75, 0.75, 0.6]
    assert data["social_rate_used"] == 0.35 and "satt ned til 35\u00a0%" in data["notes"][0]


def test_bad_input_is_refused_with_a_message():
    base = ["--salary", "470000", "--social-rate", "0.35"]
    with pytest.raises(CommandError, match="ikke en dato"):
        calculate("--start", "15.03.2024", *base)
    with pytest.raises(CommandError, match="TYPE:FRA:TIL"):
        calculate("--start", "2024-03-15", *base, "--absence", "ferie:2024-07-01:2024-07-20")
    with pytest.raises(CommandError, match="utenfor avtalen"):
        calculate("--start", "2024-03-15", *base, "--absence", "leave:2023-01-01:2023-01-02")
    with pytest.raises(CommandError, match="ikke et tall"):
        calculate("--start", "2024-03-15", "--salary", "mye", "--social-rate", "0.35")


def test_the_plain_text_ends_with_the_sum():
    out = StringIO()
    call_command(
        "grants", "calculate", "--start", "2024-03-15", "--salary", "470000",
        "--social-rate", "0.35", stdout=out,
    )  # fmt: skip
    assert out.getvalue().strip().endswith("2\u00a0189\u00a0025")


@pytest.mark.django_db
def test_statements_for_a_quarter(agreement):  # noqa: F811
    out = StringIO()
    call_command("grants", "statements", "--quarter", "2024-Q1", stdout=out)
    assert "1 oppgaver for 2024-Q1" in out.getvalue()
    assert Statement.objects.get().amount == 22_164
    with pytest.raises(CommandError, match="kvartal"):
        call_command("grants", "statements", "--quarter", "2024-3")
