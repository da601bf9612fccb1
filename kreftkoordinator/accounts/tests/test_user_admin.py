"""Ola manages users; a bad form keeps what he typed and says what is wrong in Norwegian."""

import pytest
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
        "password": "et-godt-langt-passord",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
class TestUserForm:
    def test_create_a_leader_for_drammen(self, client, ola):
        login(client, ola)
        response = client.post(reverse("accounts:user_create"), user_data())
        nina = User.objects.get(username="nina")
        assert response.status_code == 302
        assert nina.check_password("et-godt-langt-passord")
        assert [a.code for a in nina.areas.all()] == ["3301"]

    def test_short_password_is_refused_and_the_rest_is_kept(self, client, ola):
        login(client, ola)
        response = client.post(reverse("accounts:user_create"), user_data(password="kort"))
        assert response.status_code == 200
        assert "password" in response.context["form"].errors
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

    def test_edit_keeps_the_password_when_left_empty(self, client, ola, per):
        login(client, ola)
        response = client.post(
            reverse("accounts:user_edit", args=[per.pk]),
            user_data(username="per", password="", first_name="Peder"),
        )
        per.refresh_from_db()
        assert response.status_code == 302
        assert per.first_name == "Peder" and per.check_password("et-langt-passord-2026")

    def test_user_list_filters_by_role(self, client, ola, per, kari):
        login(client, ola)
        response = client.get(reverse("accounts:user_list"), {"rolle": Role.LEADER})
        assert list(response.context["users"]) == [per]
