"""The decision brief is a saksframlegg (issue 31, point 2): the headings a municipal case uses,
the proposed resolution written out with the scenario's figures, the tornado and the year by year
as images with captions, every amount formatted with its price year, and an appendix with the
sources and readings. It opens without repair in LibreOffice where LibreOffice is installed."""

import re
import shutil
import subprocess
from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document

from kreftkoordinator.conftest import login
from kreftkoordinator.economics.brief import Resolution, docx_brief
from kreftkoordinator.economics.models import Scenario
from kreftkoordinator.economics.results import scenario_result
from kreftkoordinator.numbers import kroner

HEADINGS = [
    "Sammendrag",
    "Saksopplysninger",
    "Vurdering",
    "Økonomiske konsekvenser",
    "Forslag til vedtak",
    "Vedlegg: kilder og lesninger",
]


@pytest.fixture
def scenario(per, drammen_position):
    return Scenario.objects.create(
        name="Drammen 2025", position=drammen_position, year=2025, created_by=per
    )


def brief(client, scenario, **query):
    url = reverse("economics:scenario", args=[scenario.pk])
    return Document(BytesIO(client.get(url, {"format": "docx", **query}).content))


def text_of(document) -> str:
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.mark.django_db
def test_the_brief_follows_the_headings_of_a_municipal_case(client, per, scenario):
    login(client, per)
    document = brief(client, scenario)
    level_one = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert level_one == HEADINGS
    recommended = brief(client, scenario, overskrift="innstilling")
    level_one = [p.text for p in recommended.paragraphs if p.style.name == "Heading 1"]
    assert "Kommunedirektørens innstilling" in level_one and "Forslag til vedtak" not in level_one


@pytest.mark.django_db
def test_the_resolution_is_written_out_with_the_scenario_s_figures(client, per, scenario):
    login(client, per)
    document = brief(client, scenario, fra="2027-03-01", finansiering="rammen til helse og omsorg")
    points = [p.text for p in document.paragraphs if p.style.name == "List Number"]
    result = scenario_result(scenario, protect=True)
    costs = [kroner(y.salary_costs - y.grant) for y in result.plan]
    assert points[0] == (
        "Drammen oppretter stillingen «Kreftkoordinator i Drammen» som kreftkoordinator i 100 % "
        "stilling fra 01.03.2027, med tilskudd fra Kreftforeningen."
    )
    assert "avtaleår 1 (fra 01.03.2027): " + costs[0] in points[1]
    assert f"avtaleår {len(costs)} (fra 01.03.{2026 + len(costs)}): {costs[-1]}" in points[1]
    assert f"{scenario.price_year}-kroner" in points[1]
    assert points[2] == "Kostnaden dekkes av rammen til helse og omsorg."


@pytest.mark.django_db
def test_the_charts_are_images_with_captions_and_every_amount_is_formatted(client, per, scenario):
    login(client, per)
    document = brief(client, scenario)
    assert len(document.inline_shapes) == 2
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert [c[:8] for c in captions] == ["Figur 1.", "Figur 2."]
    assert all(f"{scenario.price_year}-kroner" in c for c in captions)
    text = text_of(document).replace("tabell 03014", "")  # SSB's table, not an amount
    # A share is a decimal (0,03014); an amount is never five digits in a row.
    assert not re.search(r"(?<![\d.,])\d{5,}(?![\d.,])", text), "an amount without its format"
    assert "Flere hjemmedødsfall regnes som:" in text  # the reading, in the appendix


@pytest.mark.django_db
def test_a_typed_funding_source_is_plain_text(client, per, scenario):
    login(client, per)
    document = brief(client, scenario, finansiering="budsjett\u202e 2027", fra="ikke en dato")
    points = [p.text for p in document.paragraphs if p.style.name == "List Number"]
    assert points[2] == "Kostnaden dekkes av kommunens budsjett for helse og omsorg."
    assert f"fra 01.01.{date.today().year + 1}" in points[0]


@pytest.mark.django_db
def test_it_opens_without_repair_in_libreoffice(scenario, tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (./dev test installs Debian's)")
    result = scenario_result(scenario, protect=True)
    source = tmp_path / "saksframlegg.docx"
    source.write_bytes(docx_brief(scenario, result, Resolution(date(2027, 1, 1), "budsjettet")))
    run = subprocess.run(  # noqa: S603
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    pdf = tmp_path / "saksframlegg.pdf"
    assert run.returncode == 0 and pdf.exists(), run.stderr.decode()[-1000:]
    assert pdf.read_bytes().startswith(b"%PDF-") and pdf.stat().st_size > 20_000
