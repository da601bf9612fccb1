"""The limits hold behind the load balancer (issue 27, finding 2).

Every request here comes as it does in production: from the proxy (REMOTE_ADDR 10.0.0.2, in
TRUSTED_PROXIES) with the client's address in X-Forwarded-For. Before, every limit and the
lock-out keyed on REMOTE_ADDR, the proxy's: five wrong passwords by anyone locked Kari out
everywhere, the contact form's limit was the whole country's, and changing the phone number
got past the per-sender limit. Requests straight from an untrusted peer keep their own address,
whatever header they send.
"""

import pytest
from django.core import mail
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from kreftkoordinator.accounts.tests.test_deploy import PRODUCTION, run
from kreftkoordinator.addresses import client_address
from kreftkoordinator.casework.models import ContactRequest
from kreftkoordinator.public.survey import MISSES_AN_HOUR
from kreftkoordinator.public.tests.test_public import request_data, valdres  # noqa: F401

PROXY = "10.0.0.2"
KARI_AT_WORK, STRANGER, ANOTHER = "198.51.100.7", "203.0.113.9", "203.0.113.77"
pytestmark = pytest.mark.usefixtures("_behind_the_proxy")


@pytest.fixture
def _behind_the_proxy(settings):
    settings.TRUSTED_PROXIES = [PROXY, "fd00::/8"]


def via_proxy(address: str, header: str | None = None) -> Client:
    """A client whose requests come through the proxy, which appends the client's address."""
    forwarded = f"{header}, {address}" if header else address
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)


def asked(remote: str, forwarded: str | None = None) -> str:
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    request = RequestFactory().get("/")
    request.META.update(meta)
    return client_address(request)


class TestTheClientsAddress:
    def test_from_the_proxy_it_is_the_right_most_untrusted(self):
        assert asked(PROXY, KARI_AT_WORK) == KARI_AT_WORK
        assert asked(PROXY, f"1.2.3.4, {KARI_AT_WORK}") == KARI_AT_WORK  # a forged left part
        assert asked(PROXY, f"{KARI_AT_WORK}, fd00::5") == KARI_AT_WORK  # two proxies

    def test_from_anyone_else_the_header_is_ignored(self):
        assert asked(STRANGER, KARI_AT_WORK) == STRANGER
        assert asked(STRANGER) == STRANGER

    def test_garbage_in_the_header_is_not_an_address(self):
        assert asked(PROXY, "<script>") == PROXY
        assert asked(PROXY, f"<script>, {KARI_AT_WORK}") == KARI_AT_WORK
        assert asked(PROXY, "") == PROXY

    def test_a_wrong_proxy_setting_stops_the_start_up(self):
        result = run("check", env={**PRODUCTION, "TRUSTED_PROXIES": "10.0.0.2,lastbalanserer"})
        assert result.returncode != 0 and "TRUSTED_PROXIES" in result.stderr


def log_in(client: Client, password: str):
    return client.post(reverse("accounts:login"), {"username": "kari", "password": password})


@pytest.mark.django_db
class TestTheLockOut:
    def test_a_stranger_cannot_lock_kari_out_of_her_own_address(self, kari):
        stranger = via_proxy(STRANGER)
        for _ in range(6):
            log_in(stranger, "gjett-igjen")
        assert "låst" in log_in(stranger, "et-langt-passord-2026").content.decode()
        response = log_in(via_proxy(KARI_AT_WORK), "et-langt-passord-2026")
        assert response.status_code == 302  # Kari, from work, gets in

    @override_settings(LOGIN_USER_LIMIT=4, LOGIN_USER_DELAY_SECONDS=60)
    def test_guessing_from_many_addresses_is_slowed_not_locked(self, kari):
        for n in range(4):
            log_in(via_proxy(f"203.0.113.{n + 1}"), "gjett")
        slowed = log_in(via_proxy(ANOTHER), "gjett")
        assert "Vent" in slowed.content.decode() and "sekunder" in slowed.content.decode()


@pytest.mark.django_db
class TestThePublicLimits:
    @override_settings(PUBLIC_ADDRESS_LIMIT=2)
    def test_each_client_has_her_own_limit(self, valdres):  # noqa: F811
        stranger = via_proxy(STRANGER)
        for n in range(2):
            phone = f"91234{n:03d}"
            data = request_data(phone=phone)
            assert stranger.post(reverse("public:contact"), data).status_code == 302
        assert stranger.post(reverse("public:contact"), request_data()).status_code == 429
        sent = via_proxy(ANOTHER).post(reverse("public:contact"), request_data())
        assert sent.status_code == 302  # someone else is not held back by her

    @override_settings(PUBLIC_INBOX_LIMIT=3)
    def test_a_new_phone_number_does_not_get_past_the_inbox_limit(
        self,
        valdres,  # noqa: F811
        sigrid,
    ):
        stranger = via_proxy(STRANGER)
        answers = [
            stranger.post(reverse("public:contact"), request_data(phone=f"9123{n:04d}"))
            for n in range(5)
        ]
        assert [a.status_code for a in answers] == [302, 302, 302, 429, 429]
        assert "flere forespørsler herfra" in answers[3].content.decode()
        assert 'value="Siri Moe"' in answers[3].content.decode()  # nothing typed is lost
        assert ContactRequest.objects.count() == 3
        told = [m for m in mail.outbox if "ubesvarte" in m.subject]
        assert len(told) == 1 and told[0].to == [sigrid.email]
        # Once Sigrid has answered one, there is room again.
        ContactRequest.objects.filter(pk=ContactRequest.objects.first().pk).update(
            handled_at="2026-12-06T10:00:00Z"
        )
        assert stranger.post(reverse("public:contact"), request_data()).status_code == 302

    def test_guessing_survey_codes_uses_up_only_ones_own(self, db):
        stranger = via_proxy(STRANGER)
        for n in range(MISSES_AN_HOUR):
            stranger.get(reverse("public:survey", args=[f"AAAA{n:04d}"]))
        assert stranger.get(reverse("public:survey", args=["AAAAZZZZ"])).status_code == 429
        other = via_proxy(ANOTHER).get(reverse("public:survey", args=["AAAAZZZZ"]))
        assert other.status_code == 410  # a wrong code, not a closed door
