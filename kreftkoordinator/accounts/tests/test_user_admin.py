"""Ola manages users; a bad form keeps what he typed and says what is wrong in Norwegian."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from kreftkoordinator.accounts.models import Role, User
from kreftkoordinator.conftest import login


def user_data(**changes):
    data = {
        "username": "nina",
        "first_name": "Nina",
        "last_name": "Lund",
        "email": "nina@example.no",
        "phone": "",
        "role": Role.LEADER,
        "district_office": "",
        "is_active": "on",
        "area_codes": "3301",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
class TestUserForm:
    def test_create_a_leader_for_drammen_who_chooses_her_own_password(self, client, ola):
        login(client, ola)
        response = client.post(reverse("accounts:user_create"), user_data())
        nina = User.objects.get(username="nina")
        assert response.status_code == 302
        assert [a.code for a in nina.areas.all()] == ["3301"]
        assert not nina.has_usable_password()
        assert mail.outbox[0].to == ["nina@example.no"]
        link = re.search(r"http\S+/konto/passord/\S+/", str(mail.outbox[0].body)).group(0)
        client.logout()
        path = link.split("8000", 1)[-1]
        form = {"new_password1": "et-godt-langt-passord", "new_password2": "et-godt-langt-passord"}
        assert client.post(path, form).status_code == 302
        nina.refresh_from_db()
        assert nina.check_password("et-godt-langt-passord")
        # The link works once.
        assert client.post(path, form).status_code == 400

    def test_the_form_has_no_password_field(self, client, ola, per):
        login(client, ola)
        for url in (reverse("accounts:user_create"), reverse("accounts:user_edit", args=[per.pk])):
            assert 'type="password"' not in client.get(url).content.decode()
        client.post(
            reverse("accounts:user_edit", args=[per.pk]),
            user_data(username="per", password="x" * 20),
        )
        per.refresh_from_db()
        assert per.check_password("et-langt-passord-2026")

    def test_a_bad_form_keeps_what_was_typed(self, client, ola):
        login(client, ola)
        response = client.post(reverse("accounts:user_create"), user_data(area_codes=""))
        assert response.status_code == 200
        assert 'value="nina@example.no"' in response.content.decode()
        assert not User.objects.filter(username="nina").exists()

    def test_a_leader_needs_an_area(self, client, ola):
        login(client, ola)
        response = client.post(reverse("accounts:user_create"), user_data(area_codes=""))
        assert response.context["form"].errors["area_codes"] == ["En leder må ha minst ett område."]

    def test_coordinators_get_areas_through_positions_only(self, client, ola):
        login(client, ola)
        response = client.post(reverse("accounts:user_create"), user_data(role=Role.COORDINATOR))
        assert "area_codes" in response.context["form"].errors

    def test_edit_changes_the_name_and_keeps_the_password(self, client, ola, per):
        login(client, ola)
        response = client.post(
            reverse("accounts:user_edit", args=[per.pk]),
            user_data(username="per", first_name="Peder"),
        )
        per.refresh_from_db()
        assert response.status_code == 302
        assert per.first_name == "Peder" and per.check_password("et-langt-passord-2026")

    def test_user_list_filters_by_role(self, client, ola, per, kari):
        login(client, ola)
        response = client.get(reverse("accounts:user_list"), {"rolle": Role.LEADER})
        assert list(response.context["users"]) == [per]
