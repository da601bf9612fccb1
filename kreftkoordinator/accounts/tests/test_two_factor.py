"""Password plus an authenticator code for every role that can see personal data."""

import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from kreftkoordinator.conftest import login, recover


def code_for(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def password_login(client, user):
    return client.post(
        reverse("accounts:login"), {"username": user.username, "password": "et-langt-passord-2026"}
    )


@pytest.mark.django_db
class TestCoordinatorNeedsTwoFactor:
    def test_first_log_in_goes_to_setting_up_the_app(self, client, kari):
        password_login(client, kari)
        response = client.get(reverse("casework:person_list"))
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:setup_totp"))

    def test_setting_up_the_app_then_access(self, client, kari):
        password_login(client, kari)
        page = client.get(reverse("accounts:setup_totp"))
        assert "<svg" in page.content.decode() and page.context["secret"]
        device = TOTPDevice.objects.get(user=kari, confirmed=False)
        response = client.post(reverse("accounts:setup_totp"), {"token": code_for(device)})
        assert response.status_code == 302
        device.refresh_from_db()
        assert device.confirmed
        assert client.get(reverse("casework:person_list")).status_code == 200

    def test_with_an_app_she_must_give_the_code(self, client, kari):
        TOTPDevice.objects.create(user=kari, name="app", confirmed=True)
        password_login(client, kari)
        response = client.get(reverse("casework:person_list"))
        assert response.url.startswith(reverse("accounts:verify"))

        wrong = client.post(reverse("accounts:verify"), {"token": "000000"})
        assert wrong.context["form"].errors["token"] == [
            "Koden stemmer ikke. Skriv inn koden appen viser nå."
        ]
        assert client.get(reverse("casework:person_list")).status_code == 302

    def test_the_right_code_lets_her_in(self, client, kari):
        device = TOTPDevice.objects.create(user=kari, name="app", confirmed=True)
        password_login(client, kari)
        response = client.post(
            reverse("accounts:verify") + "?next=/personer/",
            {"token": code_for(device), "next": "/personer/"},
        )
        assert response.status_code == 302 and response.url == "/personer/"
        assert client.get(reverse("casework:person_list")).status_code == 200

    def test_a_code_with_letters_is_refused_in_norwegian(self, client, kari):
        TOTPDevice.objects.create(user=kari, name="app", confirmed=True)
        password_login(client, kari)
        response = client.post(reverse("accounts:verify"), {"token": "12a456"})
        assert response.context["form"].errors["token"] == ["Koden består bare av siffer."]

    def test_a_stolen_password_cannot_register_a_new_app(self, client, kari):
        TOTPDevice.objects.create(user=kari, name="app", confirmed=True)
        password_login(client, kari)
        assert client.get(reverse("accounts:setup_totp")).status_code == 403

    def test_administrators_need_it_too(self, client, ola):
        password_login(client, ola)
        response = client.get(reverse("organisation:position_list"))
        assert response.status_code == 302 and "tofaktor" in response.url


@pytest.mark.django_db
class TestRolesWithoutPersonalData:
    def test_the_leader_is_not_asked(self, client, per):
        password_login(client, per)
        assert client.get(reverse("home")).status_code == 200

    def test_the_programme_officer_is_not_asked(self, client, eva):
        password_login(client, eva)
        assert client.get(reverse("organisation:position_list")).status_code == 200


@pytest.mark.django_db
@override_settings(DEMO=True)
def test_demo_mode_relaxes_two_factor_and_says_so(client, kari):
    password_login(client, kari)
    response = client.get(reverse("casework:person_list"))
    assert response.status_code == 200
    assert "Tofaktorinnlogging er slått av i demomodus" in response.content.decode()


@pytest.mark.django_db
def test_an_administrator_resets_a_lost_app(client, ola, per, kari):
    """With Per, Kari's leader, as the second person, and a day's wait."""
    TOTPDevice.objects.create(user=kari, name="app", confirmed=True)
    login(client, ola)
    response = client.post(reverse("accounts:reset_two_factor", args=[kari.pk]))
    assert response.status_code == 302
    assert TOTPDevice.objects.filter(user=kari).exists()
    assert recover(per, kari) == 1
    assert not TOTPDevice.objects.filter(user=kari).exists()
