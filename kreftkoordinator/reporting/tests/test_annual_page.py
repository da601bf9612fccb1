"""Kari's annual report page: every indicator for her position's year beside the year before and
the evaluation's figure, each area apart for an inter-municipal position, a CSV export, and
nothing for anyone who does not hold the position."""

import csv
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kreftkoordinator.conftest import VALDRES, login
from kreftkoordinator.organisation.models import Position, today
from kreftkoordinator.reporting.indicators import REGISTRY
from kreftkoordinator.reporting.models import Submission


def url(position, year=2025):
    return reverse("reporting:annual", args=[position.pk, year])


@pytest.mark.django_db
def test_kari_reads_her_year_beside_the_last_and_the_evaluation(
    client,
    kari,
    drammen_2025,
    drammen_position,
):
    login(client, kari)
    response = client.get(url(drammen_position))
    content = response.content.decode()
    assert response.context["headings"] == ["2025", "2024"]
    assert "Pasienter fulgt opp" in content and "44\u00a0% (tabell 4-4)" in content
    assert "20\u00a0% (1 av 5)" in content  # first contact at discharge
    rows = {
        indicator.key: figures
        for _group, rows in response.context["groups"]
        for indicator, figures, _parts, _m in rows
    }
    assert set(rows) == set(REGISTRY)
    assert rows["patients_followed"][:2] == ["5", "2"]  # 2024: Anne and Frank
    assert "Bjørn (døde" not in content and "Anne (sak" not in content  # never a person


@pytest.mark.django_db
def test_the_csv_export_has_the_same_figures(client, kari, drammen_2025, drammen_position):
    login(client, kari)
    response = client.get(url(drammen_position), {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())  # so Excel reads it as UTF-8
    text = response.content.decode("utf-8-sig")
    rows = {r[1]: r for r in csv.reader(io.StringIO(text), delimiter=";")}
    assert rows["patients_followed"][0] == "Pasienter fulgt opp"
    assert rows["patients_followed"][2:4] == ["5", "2"]
    assert rows["contacts_by_mode.phone"][2] == "3"
    assert rows["share_first_contact_at_discharge"][5] == "0,4400"  # a decimal comma


@pytest.mark.django_db
def test_an_inter_municipal_position_shows_each_area_apart(client, sigrid):
    login(client, sigrid)
    valdres = Position.objects.get(name="Kreftkoordinator i Valdres")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url(valdres))
    assert len(response.context["headings"]) == 2 + len(VALDRES)
    assert len(queries) < 400  # grows with the six areas, not with the casework


@pytest.mark.django_db
def test_a_year_to_come_or_before_the_position_is_explained(client, kari, drammen_position):
    login(client, kari)
    assert "er ikke kommet ennå" in client.get(url(drammen_position, 2999)).content.decode()
    assert "startet i 2015" in client.get(url(drammen_position, 2010)).content.decode()


@pytest.mark.django_db
def test_only_who_holds_the_position_sees_it(client, kari, hanne, lene, drammen_position):
    login(client, hanne)
    assert client.get(url(drammen_position)).status_code == 404
    client.logout()
    login(client, lene)  # her substitute, in her period
    assert client.get(url(drammen_position)).status_code == 200


@pytest.mark.django_db
def test_the_start_page_links_last_years_report(client, kari, drammen_position):
    login(client, kari)
    content = client.get(reverse("home")).content.decode()
    assert reverse("reporting:annual", args=[drammen_position.pk, 2025]) in content


def submit(client, position, year=2025, narrative="Et år med mange hjemmedødsfall."):
    """Both steps: the confirmation page, then confirming it."""
    url = reverse("reporting:submit", args=[position.pk, year])
    assert client.post(url, {"narrative": narrative}).status_code == 200
    return client.post(url, {"narrative": narrative, "confirm": "1"})


@pytest.mark.django_db
def test_kari_submits_and_the_figures_stay_as_they_were(
    client, kari, drammen_2025, drammen_position
):
    from kreftkoordinator.casework.models import Case
    from kreftkoordinator.reporting.models import Submission

    login(client, kari)
    assert submit(client, drammen_position).status_code == 302
    first = Submission.objects.get()
    assert (first.version, first.submitted_by, first.year) == (1, kari, 2025)
    assert first.figures["indicators"]["patients_followed"]["value"] == 5
    # A later correction of casework does not change what was submitted ...
    Case.objects.filter(person__name__startswith="Hans").delete()
    first.refresh_from_db()
    assert first.figures["indicators"]["patients_followed"]["value"] == 5
    # ... and submitting again is a new version; both are kept and shown.
    submit(client, drammen_position, narrative="Rettet: Hans var registrert to ganger.")
    second = Submission.objects.get(version=2)
    assert second.figures["indicators"]["patients_followed"]["value"] == 4
    assert Submission.objects.count() == 2
    content = client.get(url(drammen_position)).content.decode()
    assert "Versjon 1, levert" in content and "Versjon 2, levert" in content
    with pytest.raises(ValueError):
        first.narrative = "endret"
        first.save()


@pytest.mark.django_db
def test_a_narrative_too_long_is_refused_and_kept(client, kari, drammen_position):
    from kreftkoordinator.reporting.models import Submission

    login(client, kari)
    response = submit(client, drammen_position, narrative="x" * 5001 + "slutt")
    assert response.status_code == 200 and "slutt" in response.content.decode()
    assert response.context["form"].errors["narrative"]
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_a_year_to_come_cannot_be_submitted(client, kari, drammen_position):
    from kreftkoordinator.reporting.models import Submission

    login(client, kari)
    response = submit(client, drammen_position, year=2999)
    assert response.status_code == 200 and "ikke kommet ennå" in response.content.decode()
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_an_inter_municipal_submission_keeps_each_area(client, sigrid):
    from kreftkoordinator.reporting.models import Submission

    login(client, sigrid)
    valdres = Position.objects.get(name="Kreftkoordinator i Valdres")
    submit(client, valdres)
    assert sorted(Submission.objects.get().figures["by_area"]) == sorted(VALDRES)


@pytest.mark.django_db
def test_the_page_computes_each_column_once(client, kari, drammen_position):
    """Two columns (this year and the year before), each indicator once per column."""
    from kreftkoordinator.reporting.period import Period
    from kreftkoordinator.reporting.registry import compute

    login(client, kari)
    with CaptureQueriesContext(connection) as one_column:
        compute(Period((drammen_position.covered_areas.get().pk,), 2025, (drammen_position.pk,)))
    with CaptureQueriesContext(connection) as page:
        client.get(url(drammen_position))
    assert len(page) < 2 * len(one_column) + 15  # the page's own: session, user, position


@pytest.mark.django_db
def test_the_page_has_charts_with_text_and_an_xlsx_export(
    client, kari, drammen_2025, drammen_position
):
    from openpyxl import load_workbook

    login(client, kari)
    content = client.get(url(drammen_position)).content.decode()
    assert content.count('<svg role="img"') == 3
    # SVG coordinates are numbers with a point, whatever the page's language.
    assert not re.search(r'(?:x|y|width|height)="-?[0-9]+,[0-9]', content)
    assert re.search(r'<rect x="[0-9.]+" y="2" width="[0-9.]+"', content)
    assert "Telefon: 3" in content  # the chart's text alternative: contacts by mode
    response = client.get(url(drammen_position), {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = {r[1]: r for r in sheet.iter_rows(values_only=True)}
    assert rows["patients_followed"][2:4] == (5, 2)
    assert rows["contacts_by_mode.phone"][2] == 3


@pytest.mark.django_db
def test_a_submitted_version_shows_its_frozen_figures(client, kari, drammen_2025, drammen_position):
    from kreftkoordinator.casework.models import Case

    login(client, kari)
    submit(client, drammen_position, narrative="Første versjon.")
    Case.objects.filter(person__name__startswith="Hans").delete()
    page = client.get(reverse("reporting:submitted", args=[drammen_position.pk, 2025, 1]))
    content = page.content.decode()
    assert "Første versjon." in content and "Kari" in content
    frozen = {i.key: shown for i, _row, shown in page.context["rows"]}
    assert frozen["patients_followed"] == "5"  # as submitted, not the 4 of today
    missing = reverse("reporting:submitted", args=[drammen_position.pk, 2025, 2])
    assert client.get(missing).status_code == 404


@pytest.mark.django_db
def test_a_year_with_nothing_recorded_says_so(client, kari, drammen_position):
    login(client, kari)
    response = client.get(url(drammen_position, 2016))
    assert response.status_code == 200 and response.context["empty"]
    assert "Rapporten er derfor tom" in response.content.decode()


@pytest.mark.django_db
class TestSubmittingIsConfirmed:
    """Issue 26, point 15: a decision that cannot slip on one click."""

    def test_the_first_step_shows_what_will_be_frozen_and_saves_nothing(
        self, client, kari, drammen_2025, drammen_position
    ):
        login(client, kari)
        url = reverse("reporting:submit", args=[drammen_position.pk, 2025])
        page = client.post(url, {"narrative": "Et år med mange hjemmedødsfall."})
        content = page.content.decode()
        assert "Dette blir versjon 1." in content
        assert "Et år med mange hjemmedødsfall." in content
        assert "Pasienter fulgt opp" in content or "Tallene som låses" in content
        assert "Bekreft og lever versjon 1" in content
        assert not Submission.objects.exists()

    def test_the_year_not_yet_over_is_a_preview(self, client, kari, drammen_position):
        login(client, kari)
        year = today().year
        annual = client.get(reverse("reporting:annual", args=[drammen_position.pk, year]))
        assert "foreløpig" in annual.content.decode()
        assert 'action="' + reverse("reporting:submit", args=[drammen_position.pk, year]) not in (
            annual.content.decode()
        )
        response = client.post(
            reverse("reporting:submit", args=[drammen_position.pk, year]),
            {"narrative": "For tidlig", "confirm": "1"},
        )
        assert f"Året {year} er ikke over" in response.content.decode()
        assert not Submission.objects.exists()

    def test_the_command_refuses_it_too(self, kari, drammen_position):
        from kreftkoordinator.reporting.annual import ReportError
        from kreftkoordinator.reporting.submissions import submit_report

        with pytest.raises(ReportError, match="ikke over"):
            submit_report(kari, drammen_position, today().year, "")

    def test_a_resubmission_says_what_changed(self, client, kari, drammen_2025, drammen_position):
        from kreftkoordinator.casework.models import Case

        login(client, kari)
        submit(client, drammen_position, narrative="Første versjon.")
        Case.objects.filter(person__name__startswith="Hans").delete()  # a correction
        page = client.post(
            reverse("reporting:submit", args=[drammen_position.pk, 2025]),
            {"narrative": "Rettet."},
        ).content.decode()
        assert "Dette blir versjon 2." in page and "Endret siden versjon 1" in page
        assert "Kommentaren er endret." in page
        assert "→" in page
