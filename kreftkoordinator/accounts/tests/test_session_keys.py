"""A session gets a new key at every step that lets it do more (issue 27, finding 4): a key
someone learnt before the step (a shared computer, a fixated cookie) is worth nothing after."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from kreftkoordinator.accounts.administration import create_user
from kreftkoordinator.accounts.models import Role, User
from kreftkoordinator.accounts.tests.test_two_factor import code_for, password_login
from kreftkoordinator.audit.models import AuditEntry


@pytest.mark.django_db
class TestKariGetsANewKey:
    def test_at_her_password(self, client, kari):
        client.get(reverse("accounts:login"))
        client.session.save()
        before = client.session.session_key
        password_login(client, kari)
        assert client.session.session_key != before

    def test_at_her_authenticator_code(self, client, kari):
        device = TOTPDevice.objects.create(user=kari, name="app", confirmed=True)
        password_login(client, kari)
        before = client.session.session_key
        client.post(reverse("accounts:verify"), {"token": code_for(device)})
        assert client.session.session_key != before
        assert client.get(reverse("casework:person_list")).status_code == 200

    def test_at_enrolling_an_app(self, client, kari):
        password_login(client, kari)
        client.get(reverse("accounts:setup_totp"))
        before = client.session.session_key
        device = TOTPDevice.objects.get(user=kari, confirmed=False)
        client.post(reverse("accounts:setup_totp"), {"token": code_for(device)})
        assert client.session.session_key != before


@pytest.mark.django_db
def test_the_password_link_s_token_is_never_in_the_log(client, ola):
    """Finding 6: the log kept the path of the link, token and all."""
    create_user(ola, User(username="nina", email="nina@example.no", role=Role.PROGRAMME), [])
    link = re.search(r"/konto/passord/(\S+)/(\S+)/", str(mail.outbox[-1].body))
    uid, token = link.groups()
    client.post(
        link.group(0),
        {"new_password1": "et-nytt-langt-pass-26", "new_password2": "et-nytt-langt-pass-26"},
    )
    assert AuditEntry.objects.first().reason == "passord valgt"
    assert all(token not in e.path and uid not in e.path for e in AuditEntry.objects.all())
    assert AuditEntry.objects.filter(path="/konto/passord/…/…/").exists()
