"""Log-in, lock-out after repeated failures, idle timeout and secure cookies."""

import pytest
from django.conf import settings
from django.urls import reverse


def attempt(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


@pytest.mark.django_db
class TestLogin:
    def test_wrong_password_says_so_in_norwegian_and_keeps_the_user_name(self, client, per):
        response = attempt(client, "per", "feil")
        content = response.content.decode()
        assert response.status_code == 200
        assert "Feil brukernavn eller passord" in content
        assert 'value="per"' in content

    def test_log_out_needs_post(self, client, per):
        attempt(client, "per", "et-langt-passord-2026")
        assert client.get(reverse("accounts:logout")).status_code == 405
        assert client.post(reverse("accounts:logout")).status_code == 302
        assert client.get(reverse("accounts:account")).status_code == 302


@pytest.mark.django_db
class TestLockOut:
    def test_five_failures_lock_the_account_even_for_the_right_password(self, client, per):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            assert attempt(client, "per", "feil").status_code == 200
        locked = attempt(client, "per", "feil")
        assert locked.status_code == 429
        assert "Kontoen er midlertidig låst" in locked.content.decode()
        still = attempt(client, "per", "et-langt-passord-2026")
        assert still.status_code == 429
        assert "_auth_user_id" not in client.session

    def test_another_user_is_not_locked(self, client, per, eva):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            attempt(client, "per", "feil")
        assert attempt(client, "eva", "et-langt-passord-2026").status_code == 302

    def test_success_resets_the_count(self, client, per):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            attempt(client, "per", "feil")
        assert attempt(client, "per", "et-langt-passord-2026").status_code == 302
        client.logout()
        assert attempt(client, "per", "feil").status_code == 200


def test_sessions_end_after_idle_time_and_cookies_are_guarded():
    assert settings.SESSION_SAVE_EVERY_REQUEST  # the expiry moves with each request: idle timeout
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_COOKIE_HTTPONLY and settings.CSRF_COOKIE_HTTPONLY


@pytest.mark.django_db
def test_an_idle_session_is_logged_out(client, per):
    from datetime import timedelta

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    attempt(client, "per", "et-langt-passord-2026")
    assert client.get(reverse("accounts:account")).status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    assert client.get(reverse("accounts:account")).status_code == 302
