"""Someone who has never heard of the scheme finds the coordinator for Valdres from the front page,
reads what she can help with, sends a request, and it waits in Sigrid's inbox. Abuse is refused,
and no public page tells anything about a person."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from kreftkoordinator.casework.models import ContactRequest
from kreftkoordinator.conftest import login
from kreftkoordinator.organisation.models import Position


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()


@pytest.fixture
def valdres(sigrid):
    position = Position.objects.get(name="Kreftkoordinator i Valdres")
    position.phone, position.email = "61 36 40 00", "kreftkoordinator@valdres.no"
    position.office_hours = "Mandag til fredag 08–15"
    position.save()
    return position


def request_data(**changes):
    data = {
        "name": "Siri Moe",
        "phone": "912 34 567",
        "email": "",
        "municipality": "Vang",
        "role": "relative",
        "message": "Mor trenger hjelp.",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
class TestFinding:
    def test_from_the_front_page_to_valdres(self, client, valdres):
        front = client.get(reverse("home"))
        assert front.status_code == 200 and "ingen henvisning" in front.content.decode()
        page = client.get(reverse("public:find"), {"municipality": "vang"})
        content = page.content.decode()
        assert "Kreftkoordinator i Valdres" in content and "Sigrid Rudi" in content
        assert "61 36 40 00" in content and "Mandag til fredag" in content
        for name in ("Etnedal", "Nord-Aurdal", "Sør-Aurdal", "Vestre Slidre", "Øystre Slidre"):
            assert name in content  # the municipalities an inter-municipal position covers

    def test_by_the_region_s_name(self, client, valdres):
        page = client.get(reverse("public:find"), {"municipality": "Valdres"})
        assert page.context["named"] == [valdres] and "Sigrid Rudi" in page.content.decode()
        assert "Vang" in page.content.decode()  # the areas it covers

    def test_by_number_and_hospital_coordinators_apart(self, client, valdres):
        Position.objects.filter(pk=valdres.pk).update(kind="hospital")
        page = client.get(reverse("public:find"), {"municipality": "3454"})
        assert page.context["hospital"] == [valdres] and page.context["municipal"] == []

    def test_oslo_points_to_its_districts(self, client, db):
        page = client.get(reverse("public:find"), {"municipality": "Oslo"})
        assert "Frogner" in [d.name for d in page.context["districts"]]

    def test_an_unknown_municipality_is_explained(self, client, db):
        page = client.get(reverse("public:find"), {"municipality": "Atlantis"})
        assert "Finner ingen kommune" in page.content.decode()

    def test_a_municipality_without_a_coordinator(self, client, db):
        page = client.get(reverse("public:find"), {"municipality": "Bergen"})
        assert "Vi har ingen kreftkoordinator registrert i Bergen" in page.content.decode()


@pytest.mark.django_db
class TestContactMe:
    def test_the_request_lands_in_sigrids_inbox(self, client, valdres, sigrid):
        response = client.post(reverse("public:contact"), request_data())
        assert response.status_code == 302
        assert response.url == reverse("public:contact_thanks") + "?kommune=3454"
        stored = ContactRequest.objects.get()
        assert (stored.area.code, stored.name, stored.role) == ("3454", "Siri Moe", "relative")
        assert stored.phone == "+4791234567"  # as the coordinator's search finds it
        assert mail.outbox[0].to == [sigrid.email] and "Siri" not in mail.outbox[0].body
        login(client, sigrid)
        assert list(client.get(reverse("casework:caseload")).context["inbox"]) == [stored]

    @pytest.mark.parametrize(
        "changes,field",
        [
            ({"phone": "", "email": ""}, "phone"),
            ({"phone": "abc"}, "phone"),
            ({"phone": "1234567"}, "phone"),  # seven digits
            ({"consent": ""}, "consent"),
            ({"municipality": "Atlantis"}, "municipality"),
            ({"message": "x" * 1001}, "message"),
            ({"role": "doctor"}, "role"),
            ({"message": "<script>alert(1)</script>"}, "message"),
            ({"email": "ikke-epost"}, "email"),
        ],
    )
    def test_bad_input_is_explained_and_kept(self, client, valdres, changes, field):
        response = client.post(reverse("public:contact"), request_data(**changes))
        assert response.status_code == 200 and field in response.context["form"].errors
        assert 'value="Siri Moe"' in response.content.decode()
        assert not ContactRequest.objects.exists()

    def test_no_coordinator_no_request_stored(self, client, db):
        response = client.post(reverse("public:contact"), request_data(municipality="Bergen"))
        assert "Det er ingen kreftkoordinator registrert i Bergen" in response.content.decode()
        assert not ContactRequest.objects.exists()

    def test_a_robot_filling_the_hidden_field_is_thanked_and_ignored(self, client, valdres):
        response = client.post(reverse("public:contact"), request_data(website="http://spam"))
        assert response.status_code == 302 and not ContactRequest.objects.exists()
        assert mail.outbox == []

    def test_the_rate_limit_keeps_what_was_typed(self, client, valdres, settings):
        settings.PUBLIC_FORM_LIMIT = 3
        for _ in range(3):
            assert client.post(reverse("public:contact"), request_data()).status_code == 302
        response = client.post(reverse("public:contact"), request_data(message="Mor er syk."))
        assert response.status_code == 429
        content = response.content.decode()
        assert "mange forespørsler herfra" in content
        assert "Mor er syk." in content and 'value="Siri Moe"' in content
        assert ContactRequest.objects.count() == 3

    def test_mistakes_corrected_do_not_count(self, client, valdres, settings):
        settings.PUBLIC_FORM_LIMIT = 2
        for _ in range(5):  # five times without consent: refused, not counted
            client.post(reverse("public:contact"), request_data(consent=""))
        assert client.post(reverse("public:contact"), request_data()).status_code == 302

    def test_a_shared_address_is_not_one_sender(self, client, valdres, settings):
        """A hospital's or NAV office's address sends for many: each sender has her own limit,
        and the address's own limit is far above one sender's."""
        settings.PUBLIC_FORM_LIMIT = 2
        for n in range(6):
            data = request_data(name=f"Pårørende {n}", phone=f"9123456{n}")
            assert client.post(reverse("public:contact"), data).status_code == 302
        settings.PUBLIC_ADDRESS_LIMIT = 6
        assert client.post(reverse("public:contact"), request_data()).status_code == 429

    def test_csrf_is_required(self, valdres):
        from django.test import Client

        strict = Client(enforce_csrf_checks=True)
        assert strict.post(reverse("public:contact"), request_data()).status_code == 403
        assert not ContactRequest.objects.exists()

    def test_the_thanks_page_is_the_same_for_everyone(self, client, valdres, sigrid):
        from kreftkoordinator.casework.models import Person
        from kreftkoordinator.conftest import area

        Person.objects.create(area=area("3454"), name="Siri Moe", phone="91234567")
        known = client.post(reverse("public:contact"), request_data(), follow=True)
        unknown = client.post(
            reverse("public:contact"), request_data(name="Noen Andre"), follow=True
        )
        import re

        def page(response):  # the CSRF token is masked anew in every response
            text = re.sub(r'"X-CSRFToken": "[^"]*"', "", response.content.decode())
            return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", text)

        assert page(known) == page(unknown)


@pytest.mark.django_db
def test_no_public_page_shows_anything_about_a_person(client, valdres, drammen_case):
    ContactRequest.objects.create(area=drammen_case.area, name="Hemmelig Navn", role="patient")
    pages = [
        reverse("home"),
        reverse("public:contact"),
        reverse("public:contact_thanks"),
        f"{reverse('public:find')}?municipality=Drammen",
        f"{reverse('public:find')}?municipality=Vang",
        reverse("public:offers"),
        f"{reverse('public:offers')}?area=Drammen",
        reverse("public:events"),
        reverse("public:coverage"),
    ]
    for url in pages:
        content = client.get(url).content.decode()
        assert "Anne Hansen" not in content and "Hemmelig Navn" not in content, url
        assert "91234567" not in content, url
