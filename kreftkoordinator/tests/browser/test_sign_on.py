"""Log-in through a real OpenID provider in chromium (oidc-provider from npm, set up as HelseID:
PAR, PKCE, private_key_jwt, HelseID's claims; accounts/tests/provider). Kari presses the button,
chooses herself and a level at the provider's page, and comes back: in, asked for her own code,
or refused with a message that says why."""

from urllib.parse import urlparse

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from kreftkoordinator.accounts.providers import HELSEID_PID
from kreftkoordinator.accounts.tests.provider import client, running, settings_for
from kreftkoordinator.accounts.tests.test_oidc import in_force
from kreftkoordinator.audit.models import Action, AuditEntry

from .conftest import axe


@pytest.fixture
def helseid(settings, live_server):
    """The provider, with our live server's answer address registered, and our settings."""
    callback = f"{live_server.url}/innlogging/helseid/svar/"
    with running([client("kk-helseid", [callback])]) as issuer:
        settings.OIDC_PROVIDERS = {"helseid": settings_for(issuer, CLIENT_ID="kk-helseid")}
        yield issuer


def at_provider(page, person: str, level: str) -> None:
    """What she does at HelseID's log-in page (here the test provider's)."""
    page.get_by_label("Person").select_option(label=person)
    page.get_by_label("Nivå").select_option(level)
    page.get_by_role("button", name="Logg inn").click()


def press_the_button(page) -> None:
    page.goto(reverse("accounts:login"))
    page.get_by_role("link", name="Logg inn med HelseID").click()


def alert(page) -> str:
    return page.locator("[role=alert], .ds-alert").first.inner_text()


@pytest.mark.usefixtures("helseid")
class TestKariLogsInThroughHelseID:
    def test_at_level_high_she_is_in(self, in_browser, kari):
        in_force(kari, claim=HELSEID_PID)

        def steps(page):
            page.goto(reverse("accounts:login"))
            problems = axe(page)
            page.get_by_role("link", name="Logg inn med HelseID").click()
            at_provider(page, "Kari Koordinator", "high")
            page.wait_for_url(lambda url: urlparse(url).path == "/")
            page.goto(reverse("casework:person_list"))
            return problems, page.locator("h1").inner_text()

        problems, heading = in_browser(None, steps)
        assert problems == []
        assert heading == "Personer"
        entry = AuditEntry.objects.get(action=Action.LOGIN)
        assert entry.user == kari and "sikkerhetsnivå 4, godtatt som to faktorer" in entry.reason

    def test_at_a_lower_level_she_is_asked_for_her_own_code(self, in_browser, kari):
        in_force(kari, claim=HELSEID_PID)
        TOTPDevice.objects.create(user=kari, name="app", confirmed=True)

        def steps(page):
            press_the_button(page)
            at_provider(page, "Kari Koordinator", "substantial")
            page.wait_for_url(lambda url: reverse("accounts:verify") in url)
            message = page.get_by_text("Det regnes ikke som to faktorer her").inner_text()
            page.goto(reverse("casework:person_list"))
            return message, urlparse(page.url).path

        message, where = in_browser(None, steps)
        assert "på nivå 3" in message
        assert where == reverse("accounts:verify")  # no list of persons without the code

    def test_an_unknown_pid_is_refused(self, in_browser, kari):
        in_force(kari, claim=HELSEID_PID)

        def steps(page):
            press_the_button(page)
            at_provider(page, "Ukjent Person", "high")
            page.wait_for_url(lambda url: reverse("accounts:login") in url)
            return alert(page)

        message = in_browser(None, steps)
        assert "Ingen bruker i Kreftkoordinator er knyttet til denne innloggingen" in message
        assert not AuditEntry.objects.filter(action=Action.LOGIN).exists()

    def test_a_replayed_answer_is_refused(self, in_browser, kari):
        in_force(kari, claim=HELSEID_PID)

        def steps(page):
            answers = []
            page.on("request", lambda r: answers.append(r.url) if "/svar/" in r.url else None)
            press_the_button(page)
            at_provider(page, "Kari Koordinator", "high")
            page.wait_for_url(lambda url: urlparse(url).path == "/")
            page.get_by_role("button", name="Logg ut").click()
            page.goto(answers[0])  # the same answer again, as an attacker who saw it would
            refused = alert(page)
            page.goto(reverse("casework:person_list"))
            return refused, urlparse(page.url).path

        refused, where = in_browser(None, steps)
        assert "Innloggingen er utløpt eller allerede brukt" in refused
        assert where == reverse("accounts:login")


def test_an_answer_from_another_issuer_is_refused(settings, live_server, in_browser, kari):
    """A mix-up: Kari's log-in is sent on to another provider (one that knows our client too),
    whose answer comes back to our HelseID address. The answer's `iss` gives it away."""
    in_force(kari, claim=HELSEID_PID)
    callback = f"{live_server.url}/innlogging/helseid/svar/"
    registered = [client("kk-helseid", [callback])]
    # Without PAR, so the request's parameters are in the address the browser sees.
    with running(registered, par=False) as issuer, running(registered) as other:
        settings.OIDC_PROVIDERS = {"helseid": settings_for(issuer, CLIENT_ID="kk-helseid")}

        def steps(page):
            asked = []
            page.on("request", lambda r: asked.append(r.url) if "/auth?" in r.url else None)
            press_the_button(page)
            page.goto(asked[0].replace(issuer, other))
            at_provider(page, "Kari Koordinator", "high")
            page.wait_for_url(lambda url: reverse("accounts:login") in url)
            return alert(page)

        message = in_browser(None, steps)
    assert "Svaret fra HelseID kunne ikke godtas" in message
    assert not AuditEntry.objects.filter(action=Action.LOGIN).exists()
