"""The find page finds what people type (issue 28, point 7): misspellings and parts of names,
places that are not municipalities and postcodes, "Mente du …?" when more than one fits; and
where a municipality has no coordinator, what to do next."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from kreftkoordinator.conftest import assign, make_position, make_user

SAMPLE = (
    Path(__file__).parents[2] / "organisation" / "tests" / "data" / "postnummerregister-sample.txt"
)


def find(client, text):
    response = client.get(reverse("public:find"), {"municipality": text})
    assert response.status_code == 200
    return response


def shown(response) -> str:
    return response.content.decode()


@pytest.mark.django_db
class TestNamesPeopleType:
    def test_nord_aurdal_without_the_hyphen(self, client, sigrid):
        page = find(client, "Nord Aurdal")
        assert page.context["area"].code == "3451" and "Sigrid Rudi" in shown(page)

    def test_lillehamer_is_lillehammer_and_says_so(self, client):
        page = find(client, "Lillehamer")
        assert page.context["area"].name == "Lillehammer"
        assert "Ingen kommune heter «Lillehamer». Viser Lillehammer." in shown(page)

    def test_ski_asks_instead_of_giving_skien(self, client):
        page = find(client, "Ski")
        assert "area" not in page.context and "Mente du" in shown(page)
        assert {"Skien", "Skiptvet"} <= {a.name for a in page.context["suggestions"]}
        assert 'href="?municipality=4003"' in shown(page)  # each suggestion a link

    def test_two_with_one_name(self, client):
        page = find(client, "Våler")
        assert "Våler (Innlandet)</a>" in shown(page) and "Våler (Østfold)</a>" in shown(page)


@pytest.mark.django_db
class TestPlacesAndPostcodes:
    @pytest.fixture(autouse=True)
    def register(self, db):
        call_command("import_postcodes", str(SAMPLE))

    @pytest.mark.parametrize(
        "text, area",
        [
            ("Fagernes", "Nord-Aurdal"),
            ("Knarvik", "Alver"),
            ("Ski", "Nordre Follo"),
            ("Sandvika", "Bærum"),
            ("2900", "Nord-Aurdal"),
        ],
    )
    def test_a_place_finds_its_municipality(self, client, text, area):
        page = find(client, text)
        assert page.context["area"].name == area
        assert f"ligger i {area}." in shown(page)


@pytest.mark.django_db
class TestNoCoordinator:
    @pytest.fixture
    def vestland(self, db, settings):
        settings.CANCER_LINE_PHONE = "21 49 49 21"
        settings.CANCER_LINE_OPENS, settings.CANCER_LINE_CLOSES = "09.00", "15.00"
        solveig = make_user("solveig", name="Solveig Mjelde")
        assign(solveig, make_position("Kreftkoordinator i Nordhordland", ["4631", "4632"]))
        bjornafjorden = make_user("borghild", name="Borghild Os")
        assign(bjornafjorden, make_position("Kreftkoordinator i Bjørnafjorden", ["4624"]))
        far = make_user("fjordane", name="Frida Sunde")
        assign(far, make_position("Kreftkoordinator i Stad", ["4649"]))
        hospital = make_position("Kreftkoordinator ved Haukeland", ["4601"], kind="hospital")
        return hospital

    def test_the_nearest_in_the_county_the_hospital_and_the_advice_line(self, client, vestland):
        page = find(client, "Askøy")  # 4627, next to Bergen; no coordinator of its own
        content = shown(page)
        assert "Vi har ingen kreftkoordinator registrert i Askøy" in content
        nearest = [p.name for p in page.context["nearest"]]
        assert nearest[0] in ("Kreftkoordinator i Nordhordland", "Kreftkoordinator i Bjørnafjorden")
        assert nearest[-1] == "Kreftkoordinator i Stad"  # the farthest of the three last
        assert [p.name for p in page.context["county_hospitals"]] == [
            "Kreftkoordinator ved Haukeland"
        ]
        assert "Kreftlinjen" in content and 'href="tel:21494921"' in content
        assert "hverdager fra 09.00 til 15.00" in content

    def test_the_advice_line_is_a_setting(self, client, vestland, settings):
        settings.CANCER_LINE_PHONE = "800 57 338"
        assert 'href="tel:80057338">800 57 338</a>' in shown(find(client, "Askøy"))

    def test_a_covered_municipality_gets_its_own(self, client, vestland):
        page = find(client, "Alver")
        assert "nearest" not in page.context and "Solveig Mjelde" in shown(page)
