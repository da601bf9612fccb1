"""Ola, the administrator, keeps the accounts but can never become Kari: he never sets or sees a
password, a two-factor reset makes Kari enrol a new app herself, nobody changes her own role or
assignments, and every change is in the log, shown to Kari and to the other administrators.
What gives access to persons takes Olga, a second administrator, too (test_two_people.py)."""

import pytest
from django.core import mail
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from kreftkoordinator.accounts.models import Role, User
from kreftkoordinator.audit.models import AuditEntry
from kreftkoordinator.conftest import login, make_user, recover
from kreftkoordinator.organisation.models import Assignment


@pytest.fixture
def ola2(db):
    return make_user("ola2", Role.ADMIN, name="Olga Berg")


def changes_to(user):
    return list(AuditEntry.objects.about_user(user.pk).values_list("user__username", "reason"))


@pytest.mark.django_db
class TestNoPasswords:
    def test_a_reset_is_a_link_to_the_user_not_a_password(self, client, ola, ola2, kari):
        login(client, ola)
        client.post(reverse("accounts:send_password_link", args=[kari.pk]))
        assert not mail.outbox  # Kari has access to persons: it waits for a second person
        recover(ola2, kari)
        assert mail.outbox[-1].to == [kari.email] and "/konto/passord/" in mail.outbox[-1].body
        kari.refresh_from_db()
        assert kari.check_password("et-langt-passord-2026")  # unchanged until Kari uses the link
        assert any(
            who == "ola" and "(lenke for nytt passord) bedt om" in reason
            for who, reason in changes_to(kari)
        )

    def test_the_administrator_does_not_send_himself_a_link(self, client, ola):
        login(client, ola)
        assert client.post(reverse("accounts:send_password_link", args=[ola.pk])).status_code == 403

    def test_a_changed_email_is_told_to_the_old_address(self, client, ola, ola2, kari):
        login(client, ola)
        client.post(
            reverse("accounts:user_edit", args=[kari.pk]),
            {
                "username": "kari",
                "first_name": "Kari",
                "last_name": "Berg",
                "email": "ny@example.no",
                "phone": "",
                "role": Role.COORDINATOR,
                "is_active": "on",
            },
        )
        kari.refresh_from_db()
        assert kari.email == "kari@example.no" and not mail.outbox  # waits for Olga
        recover(ola2, kari)
        kari.refresh_from_db()
        assert kari.email == "ny@example.no"
        assert mail.outbox[-1].to == ["kari@example.no"]
        assert "er endret" in mail.outbox[-1].subject
        assert any("(ny e-post ny@example.no) bedt om" in reason for _, reason in changes_to(kari))


@pytest.mark.django_db
class TestTwoFactorReset:
    def test_kari_enrols_again_herself(self, client, ola, ola2, kari):
        TOTPDevice.objects.create(user=kari, name="app", confirmed=True)
        login(client, ola)
        client.post(reverse("accounts:reset_two_factor", args=[kari.pk]))
        assert TOTPDevice.objects.filter(user=kari).exists()  # until Olga approves, and a day
        recover(ola2, kari)
        assert not TOTPDevice.objects.filter(user=kari).exists()
        assert any("(nullstille tofaktor) gjennomført" in r for _, r in changes_to(kari))
        # Kari logs in with her own password and is sent to enrol a new app.
        client.logout()
        client.post(
            reverse("accounts:login"), {"username": "kari", "password": "et-langt-passord-2026"}
        )
        response = client.get(reverse("casework:caseload"))
        assert response.status_code == 302
        assert client.get(reverse("accounts:verify")).url == reverse("accounts:setup_totp")

    def test_no_one_resets_her_own_two_factor(self, client, ola):
        login(client, ola)
        assert client.post(reverse("accounts:reset_two_factor", args=[ola.pk])).status_code == 403
        assert TOTPDevice.objects.filter(user=ola).exists()


@pytest.mark.django_db
class TestNothingOnOneself:
    def test_ola_cannot_change_his_own_role(self, client, ola):
        login(client, ola)
        client.post(
            reverse("accounts:user_edit", args=[ola.pk]),
            {
                "username": "ola",
                "first_name": "Ola",
                "last_name": "Aas",
                "email": "ola@example.no",
                "phone": "",
                "role": Role.COORDINATOR,
                "is_active": "",
            },
        )
        ola.refresh_from_db()
        assert ola.role == Role.ADMIN and ola.is_active

    def test_ola_cannot_assign_himself_to_a_position(self, client, ola, drammen_position):
        login(client, ola)
        url = reverse("organisation:assignment_create", args=[drammen_position.pk])
        response = client.post(
            url, {"user": ola.pk, "kind": "holder", "valid_from": "2026-01-01", "valid_to": ""}
        )
        assert response.status_code == 200 and "user" in response.context["form"].errors
        assert not Assignment.objects.filter(user=ola).exists()

    def test_assignments_are_logged_and_shown(self, client, ola, ola2, kari, drammen_position):
        hilde = make_user("hilde", name="Hilde Moen")
        login(client, ola)
        url = reverse("organisation:assignment_create", args=[drammen_position.pk])
        client.post(
            url,
            {
                "user": hilde.pk,
                "kind": "substitute",
                "valid_from": "2026-01-01",
                "valid_to": "2026-06-30",
            },
        )
        assignment = Assignment.objects.get(user=hilde)
        [(who, reason)] = changes_to(hilde)
        assert who == "ola" and reason.startswith("tilsetting foreslått, venter på godkjenning")
        client.logout()
        login(client, ola2)
        client.post(
            reverse("accounts:decide_assignment", args=[assignment.pk]), {"decision": "approve"}
        )
        (who, reason), _ = changes_to(hilde)
        assert who == "ola2" and reason.startswith("tilsetting godkjent (bedt om av Ola Aas)")
        # Hilde sees it under her own activity, the other administrator on Hilde's page.
        client.logout()
        login(client, hilde)
        assert "tilsetting godkjent (bedt om av Ola Aas): Kreftkoordinator i Drammen" in (
            client.get(reverse("audit:my_activity")).content.decode()
        )
        client.logout()
        login(client, ola2)
        assert "tilsetting godkjent (bedt om av Ola Aas): Kreftkoordinator i Drammen" in (
            client.get(reverse("audit:user_activity", args=[hilde.pk])).content.decode()
        )
        assert "tilsetting godkjent (bedt om av Ola Aas): Kreftkoordinator i Drammen" in (
            client.get(reverse("audit:account_changes")).content.decode()
        )


@pytest.mark.django_db
def test_a_new_account_is_logged_and_has_no_password(client, ola, ola2):
    login(client, ola)
    client.post(
        reverse("accounts:user_create"),
        {
            "username": "nina",
            "first_name": "Nina",
            "last_name": "Lund",
            "email": "nina@example.no",
            "phone": "",
            "role": Role.COORDINATOR,
            "is_active": "on",
        },
    )
    nina = User.objects.get(username="nina")
    assert not nina.has_usable_password()
    assert changes_to(nina) == [("ola", "bruker opprettet med rollen Kreftkoordinator")]


@pytest.mark.django_db
def test_kari_sees_her_own_enrolment_in_her_activity(client, kari):
    login(client, kari)
    from kreftkoordinator.accounts import administration

    administration.two_factor_enrolled(kari)
    assert "autentiseringsapp registrert" in (
        client.get(reverse("audit:my_activity")).content.decode()
    )


@pytest.mark.django_db
def test_a_new_account_cannot_take_an_address_already_in_use(client, ola, kari):
    login(client, ola)
    response = client.post(
        reverse("accounts:user_create"),
        {
            "username": "kari2",
            "first_name": "Kari",
            "last_name": "To",
            "email": "KARI@example.no",
            "phone": "",
            "role": Role.COORDINATOR,
            "is_active": "on",
        },
    )
    assert "En annen bruker har allerede denne e-posten" in response.content.decode()
    assert not User.objects.filter(username="kari2").exists()
