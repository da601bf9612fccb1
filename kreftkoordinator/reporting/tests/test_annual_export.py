"""Exports a controller can use (issue 31, point 3): the annual report page and `report annual`
write the same workbook from the same report, checked cell by cell: numbers as numbers with
Norwegian number formats, labels as headers with the keys beside them, a breakdown's total as a
formula over its parts, the header row frozen, the definitions and where the figures come from
on sheets of their own."""

import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from kreftkoordinator.conftest import login
from kreftkoordinator.exports import SHARE, WHOLE
from kreftkoordinator.reporting.indicators import REGISTRY

from .test_annual_page import url


def workbook_of(client, position):
    return load_workbook(io.BytesIO(client.get(url(position), {"format": "xlsx"}).content))


@pytest.mark.django_db
def test_the_report_sheet_cell_by_cell(client, kari, drammen_2025, drammen_position):
    login(client, kari)
    sheet = workbook_of(client, drammen_position)["Årsrapport 2025"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["Indikator", "Nøkkel", "2025", "2024"]
    assert header[-2:] == ["Landet, median", "Evalueringen 2017"]
    assert sheet.freeze_panes == "C2"
    by_key = {row[1].value: row for row in sheet.iter_rows(min_row=2)}
    followed = by_key["patients_followed"]
    assert (followed[0].value, followed[2].value, followed[3].value) == (
        "Pasienter fulgt opp",
        5,
        2,
    )
    assert followed[2].data_type == "n" and followed[2].number_format == WHOLE
    share = by_key["share_first_contact_at_discharge"]
    assert share[2].number_format == SHARE and isinstance(share[2].value, float)
    assert share[-1].value == 0.44 and share[-1].number_format == SHARE  # the evaluation's


@pytest.mark.django_db
def test_a_breakdown_s_total_is_a_formula_over_its_parts(
    client, kari, drammen_2025, drammen_position
):
    login(client, kari)
    sheet = workbook_of(client, drammen_position)["Årsrapport 2025"]
    rows = list(sheet.iter_rows(min_row=1))
    at = next(n for n, row in enumerate(rows, start=1) if row[1].value == "contacts_by_mode")
    parts = [r for r in rows[at:] if str(r[1].value).startswith("contacts_by_mode.")]
    total = rows[at - 1][2]
    assert total.data_type == "f"
    assert total.value == f"=SUM(C{at + 1}:C{at + len(parts)})"
    assert [r[1].value for r in rows[at : at + len(parts)]] == [r[1].value for r in parts]
    # The parts are the figures, and they add up to the page's total.
    page = client.get(url(drammen_position)).context
    (_indicator, figures, _parts, _median) = next(
        row for _group, rows in page["groups"] for row in rows if row[0].key == "contacts_by_mode"
    )
    assert str(sum(r[2].value for r in parts)) == figures[0]
    # A breakdown whose parts need not add up (a contact of several kinds) keeps its number.
    kinds = next(r for r in rows if r[1].value == "contacts_by_kind")
    assert kinds[2].data_type == "n"


@pytest.mark.django_db
def test_the_definitions_and_where_the_figures_come_from(
    client, kari, drammen_2025, drammen_position
):
    login(client, kari)
    workbook = workbook_of(client, drammen_position)
    assert workbook.sheetnames == ["Årsrapport 2025", "Definisjoner", "Om tallene"]
    definitions = {r[0]: r for r in workbook["Definisjoner"].iter_rows(min_row=2, values_only=True)}
    assert set(definitions) == set(REGISTRY)
    assert definitions["patients_followed"][2] == str(REGISTRY["patients_followed"].definition)
    about = dict(workbook["Om tallene"].iter_rows(values_only=True))
    assert about["Rapport"] == "Årsrapport 2025: Kreftkoordinator i Drammen"
    assert "uten skjerming" in about["Skjerming"] and about["Laget"]


@pytest.mark.django_db
def test_the_command_writes_the_same_layout(client, kari, drammen_2025, drammen_position, tmp_path):
    login(client, kari)
    page = workbook_of(client, drammen_position)["Årsrapport 2025"]
    path = tmp_path / "rapport.xlsx"
    call_command(
        "report", "annual", "--position", str(drammen_position.pk), "--year", "2025",
        "--xlsx", str(path), stdout=io.StringIO(),
    )  # fmt: skip
    command = load_workbook(path)["Årsrapport 2025"]
    assert [c.value for c in command[1]] == [c.value for c in page[1]]
    assert [r[1].value for r in command.iter_rows()] == [r[1].value for r in page.iter_rows()]
    assert [r[2].value for r in command.iter_rows()] == [r[2].value for r in page.iter_rows()]


@pytest.mark.django_db
def test_the_national_workbook_has_labels_formats_and_its_source(
    kari, drammen_2025, drammen_position
):
    from kreftkoordinator.organisation.models import Area
    from kreftkoordinator.reporting.exports import national_workbook
    from kreftkoordinator.reporting.national import national_view
    from kreftkoordinator.reporting.submissions import submit_report

    submit_report(kari, drammen_position, 2025, "")
    workbook = national_workbook(national_view(2025, Area.objects.serviceable()))
    sheet = workbook._book["Fordeling"]  # noqa: SLF001 -- reading back what we wrote
    assert [c.value for c in sheet[1]][:4] == ["Nøkkel", "Indikator", "Enhet", "Totalt"]
    assert sheet.freeze_panes == "C2"
    followed = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "patients_followed")
    assert (followed[3].value, followed[3].number_format) == (5, WHOLE)
    share = next(
        r for r in sheet.iter_rows(min_row=2) if r[0].value == "share_first_contact_at_discharge"
    )
    assert share[3].number_format == SHARE
    about = dict(workbook._book["Om tallene"].iter_rows(values_only=True))  # noqa: SLF001
    assert about["Rapport"] == "Landet 2025: de leverte årsrapportene" and about["Laget"]
