"""Kari registers and finds people. A name and a phone number are enough; a bad fødselsnummer
is explained and nothing typed is lost; a possible duplicate in her area is shown first."""

import pytest
from django.urls import reverse

from kreftkoordinator.audit.models import AuditEntry
from kreftkoordinator.casework.models import Person
from kreftkoordinator.conftest import area, login


def person_data(**changes):
    data = {
        "area": area("3301").pk,
        "name": "Nils Nilsen",
        "phone": "40000000",
        "birth_date": "",
        "birth_year": "",
        "identity_number": "",
        "email": "",
        "address": "",
        "language": "",
        "seen_version": "",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
class TestRegister:
    def test_a_name_and_a_phone_number_are_enough(self, client, kari):
        login(client, kari)
        response = client.post(reverse("casework:person_create"), person_data())
        nils = Person.objects.get(name="Nils Nilsen")
        assert response.status_code == 302 and nils.area.code == "3301"
        entry = AuditEntry.objects.get(person_id=nils.pk, action="create")
        assert entry.user == kari

    def test_a_pasted_12_digit_number_is_explained_and_the_form_kept(self, client, kari):
        login(client, kari)
        response = client.post(
            reverse("casework:person_create"), person_data(identity_number="150765005651")
        )
        assert response.status_code == 200
        assert response.context["form"].errors["identity_number"] == [
            "Fødselsnummeret har 11 siffer; du skrev 12."
        ]
        content = response.content.decode()
        assert 'value="Nils Nilsen"' in content and 'value="150765005651"' in content
        assert not Person.objects.filter(name="Nils Nilsen").exists()

    def test_the_birth_date_comes_from_the_number(self, client, kari):
        login(client, kari)
        client.post(reverse("casework:person_create"), person_data(identity_number="150765 00565"))
        nils = Person.objects.get(name="Nils Nilsen")
        assert nils.identity_number == "15076500565" and str(nils.birth_date) == "1965-07-15"

    def test_birth_date_and_number_must_agree(self, client, kari):
        login(client, kari)
        response = client.post(
            reverse("casework:person_create"),
            person_data(identity_number="15076500565", birth_date="1966-07-15"),
        )
        assert response.context["form"].errors["birth_date"] == [
            "Fødselsdatoen stemmer ikke med fødselsnummeret."
        ]

    def test_nothing_at_all_is_refused(self, client, kari):
        login(client, kari)
        response = client.post(reverse("casework:person_create"), person_data(name="", phone=""))
        assert "name" in response.context["form"].errors

    def test_an_area_she_does_not_cover_is_not_offered_nor_accepted(self, client, kari):
        login(client, kari)
        response = client.post(reverse("casework:person_create"), person_data(area=area("3901").pk))
        assert "area" in response.context["form"].errors
        assert not Person.objects.filter(name="Nils Nilsen").exists()


@pytest.mark.django_db
class TestDuplicates:
    def test_same_phone_in_her_area_warns_then_confirming_creates(
        self, client, kari, drammen_person
    ):
        login(client, kari)
        data = person_data(phone=drammen_person.phone)
        response = client.post(reverse("casework:person_create"), data)
        assert response.status_code == 200
        assert response.context["duplicates"] == [drammen_person]
        assert "Finnes personen allerede?" in response.content.decode()
        assert not Person.objects.filter(name="Nils Nilsen").exists()
        confirmed = {**data, "confirm_duplicate": "on"}
        response = client.post(reverse("casework:person_create"), confirmed)
        assert response.status_code == 302
        assert Person.objects.filter(name="Nils Nilsen").exists()

    def test_same_number_in_another_area_is_neither_shown_nor_hinted(
        self, client, hanne, drammen_person
    ):
        drammen_person.identity_number = "15076500565"
        drammen_person.save()
        login(client, hanne)
        response = client.post(
            reverse("casework:person_create"),
            person_data(area=area("3901").pk, identity_number="15076500565"),
        )
        assert response.status_code == 302
        assert drammen_person.name not in response.content.decode()


@pytest.mark.django_db
class TestConcurrentEdits:
    def test_the_second_save_is_refused_and_nothing_is_overwritten(
        self, client, kari, lene, drammen_person
    ):
        url = reverse("casework:person_edit", args=[drammen_person.pk])
        login(client, kari)
        seen = client.get(url).context["form"]["seen_version"].value()
        other = client.__class__()
        login(other, lene)
        other.get(url)
        assert (
            other.post(
                url, person_data(name="Anne Hansen", phone="99999999", seen_version=seen)
            ).status_code
            == 302
        )
        response = client.post(
            url, person_data(name="Anne H.", phone="91234567", seen_version=seen)
        )
        assert response.status_code == 200
        assert "Noen andre har lagret endringer" in response.content.decode()
        assert 'value="Anne H."' in response.content.decode()
        drammen_person.refresh_from_db()
        assert (drammen_person.name, drammen_person.phone) == ("Anne Hansen", "+4799999999")


@pytest.mark.django_db
class TestSearch:
    @pytest.mark.parametrize(
        "query",
        ["anne", "9123 4567", "91234567", "912 34 567", "+47 912 34 567", "0047 91234567"],
    )
    def test_by_name_phone_or_number(self, client, kari, drammen_person, query):
        drammen_person.identity_number = "15076500565"
        drammen_person.save()
        login(client, kari)
        response = client.get(reverse("casework:person_list"), {"q": query})
        assert list(response.context["page"]) == [drammen_person]


@pytest.mark.django_db
class TestPhones:
    @pytest.mark.parametrize("typed", ["912 34 567", "91234567", "+47 912 34 567"])
    def test_one_number_however_it_is_typed(self, client, kari, typed):
        login(client, kari)
        client.post(reverse("casework:person_create"), person_data(phone=typed))
        nils = Person.objects.get(name="Nils Nilsen")
        assert nils.phone == "+4791234567"
        page = client.get(reverse("casework:person_detail", args=[nils.pk]))
        assert "912 34 567" in page.content.decode()
        for query in ("91234567", "912 34 567"):
            found = client.get(reverse("casework:person_list"), {"q": query})
            assert list(found.context["page"]) == [nils]

    def test_the_same_number_typed_otherwise_is_a_possible_duplicate(
        self, client, kari, drammen_person
    ):
        login(client, kari)
        response = client.post(reverse("casework:person_create"), person_data(phone="912 34 567"))
        assert response.context["duplicates"] == [drammen_person]

    @pytest.mark.parametrize("typed", ["ring meg etter 3", "1234567", "912345678901"])
    def test_what_is_not_a_phone_number_is_explained_and_kept(self, client, kari, typed):
        login(client, kari)
        response = client.post(reverse("casework:person_create"), person_data(phone=typed))
        assert response.status_code == 200 and not Person.objects.exists()
        content = response.content.decode()
        assert "er ikke et gyldig telefonnummer" in content
        assert f'value="{typed}"' in content


@pytest.mark.django_db
class TestIdentitySearch:
    def test_a_fodselsnummer_is_posted_and_answered_without_a_redirect(
        self, client, kari, drammen_person
    ):
        drammen_person.identity_number = "15076500565"
        drammen_person.save()
        login(client, kari)
        response = client.post(reverse("casework:person_list"), {"q": "150765 00565"})
        assert response.status_code == 200  # answered here: the number is in no address
        assert list(response.context["page"]) == [drammen_person]
        by_name = client.post(reverse("casework:person_list"), {"q": "Anne"})
        assert by_name.status_code == 302 and by_name.url.endswith("?q=Anne")

    def test_a_fodselsnummer_in_an_address_is_not_searched(self, client, kari, drammen_person):
        drammen_person.identity_number = "15076500565"
        drammen_person.save()
        login(client, kari)
        response = client.get(reverse("casework:person_list"), {"q": "15076500565"})
        assert response.context["query"] == ""
        assert "havner nummeret ikke i nettadressen" in response.content.decode()
        caseload = client.get(reverse("casework:caseload"), {"q": "15076500565"})
        assert "q" in caseload.context["filters"].errors
