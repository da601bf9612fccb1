"""`kreftkoordinator report annual`: the options and JSON keys others script against."""

import io
import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from kreftkoordinator.conftest import make_position
from kreftkoordinator.reporting.indicators import REGISTRY

KEYS = {
    "value",
    "label",
    "unit",
    "numerator",
    "denominator",
    "reference_2017",
    "suppressed",
    "parts",
}


def report(*args):
    out = io.StringIO()
    call_command("report", "annual", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_json_for_a_position(drammen_2025, drammen_position):
    data = json.loads(report("--position", str(drammen_position.pk), "--year", "2025", "--json"))
    assert data["year"] == 2025 and data["areas"] == ["3301"]
    assert data["position"] == {"id": drammen_position.pk, "name": "Kreftkoordinator i Drammen"}
    assert set(data["indicators"]) == set(REGISTRY)
    for row in data["indicators"].values():
        assert set(row) == KEYS
    discharge = data["indicators"]["share_first_contact_at_discharge"]
    assert (discharge["numerator"], discharge["denominator"]) == (1, 5)
    assert discharge["reference_2017"] == {"value": 0.44, "source": "tabell 4-4"}
    assert data["indicators"]["patients_followed"]["value"] == 5  # exact: the area's own tool
    assert data["indicators"]["patients_followed"]["reference_2017"] is None


@pytest.mark.django_db
def test_suppressed_hides_what_may_not_leave_the_area(drammen_2025):
    data = json.loads(report("--area", "3301", "--year", "2025", "--json", "--suppressed"))
    assert data["position"] is None
    followed = data["indicators"]["patients_followed"]  # 5: may be shown
    assert (followed["value"], followed["suppressed"]) == (5, False)
    deaths = data["indicators"]["deaths"]  # 1
    assert (deaths["value"], deaths["suppressed"]) == (None, True)
    discharge = data["indicators"]["share_first_contact_at_discharge"]  # 1 of 5
    assert discharge["value"] is None and discharge["numerator"] is None
    assert data["indicators"]["assessments_sp3"]["value"] == 0  # zero tells nothing
    # A breakdown goes through the one suppression: 3 phone calls and 1 home visit of 4.
    modes = data["indicators"]["contacts_by_mode"]
    assert modes["parts"]["home_visit"] == {"value": None, "suppressed": True}
    assert modes["parts"]["phone"]["suppressed"] and modes["value"] is None
    assert modes["parts"]["video"] == {"value": 0, "suppressed": False}


@pytest.mark.django_db
def test_plain_text_and_xlsx(drammen_2025, tmp_path):
    text = report("--area", "3301", "--year", "2025")
    assert "Pasienter fulgt opp: 5" in text and "[2017: 44\u00a0%, tabell 4-4]" in text
    path = tmp_path / "rapport.xlsx"
    report("--area", "3301", "--year", "2025", "--xlsx", str(path))
    from openpyxl import load_workbook

    rows = {r[1]: r for r in load_workbook(path).active.iter_rows(values_only=True)}
    assert rows["patients_followed"][2] == 5  # the page's layout: label, key, the figures


@pytest.mark.django_db
def test_bad_requests_are_refused_with_a_message(drammen_2025):
    late = make_position("Kreftkoordinator i Lier", ["3312"], start_date=date(2024, 3, 1))
    for args, message in [
        (["--area", "3301", "--year", "2999"], "ikke kommet ennå"),
        (["--area", "9999", "--year", "2025"], "Finner ingen kommune"),
        (["--position", "999999", "--year", "2025"], "Finner ingen stilling"),
        (["--position", str(late.pk), "--year", "2023"], "startet i 2024"),
    ]:
        with pytest.raises(CommandError, match=message):
            report(*args)


@pytest.mark.django_db
def test_a_year_without_records_is_an_empty_report(drammen_2025):
    data = json.loads(report("--area", "3301", "--year", "2019", "--json"))
    assert data["indicators"]["patients_followed"]["value"] == 0
    assert data["indicators"]["share_died"]["value"] is None
    assert data["empty"] is True
    assert "rapporten er tom" in report("--area", "3301", "--year", "2019")
    assert json.loads(report("--area", "3301", "--year", "2025", "--json"))["empty"] is False


def test_suppressed_breakdowns_that_do_not_add_up_keep_their_total():
    """Contacts by kind overlap (a contact of two kinds counts twice), so each count is
    suppressed alone and the total stands; a breakdown with records of no code hides that
    remainder as a part of its own rather than the total."""
    from kreftkoordinator.reporting.annual import indicator_row
    from kreftkoordinator.reporting.registry import Figure

    kinds = indicator_row("contacts_by_kind", Figure(12, parts={"a": 7, "b": 9, "c": 2}), True)
    assert (kinds["value"], kinds["suppressed"]) == (12, False)
    assert kinds["parts"]["b"] == {"value": 9, "suppressed": False}
    assert kinds["parts"]["c"] == {"value": None, "suppressed": True}
    sources = indicator_row(
        "first_contact_sources", Figure(20, parts={"gp": 13, "hospital": 6}), True
    )
    assert (sources["value"], sources["suppressed"]) == (20, False)
    assert sources["parts"]["gp"]["value"] == 13  # the one case of no source is the small part


@pytest.mark.django_db
def test_a_year_before_the_scheme_is_refused():
    with pytest.raises(CommandError, match="Ordningen startet i 2012"):
        report("--area", "3301", "--year", "0", "--json")
    with pytest.raises(CommandError, match="Ordningen startet i 2012"):
        call_command("report", "national", "--year", "1999")
