"""Log-in through a real OpenID provider (oidc-provider from npm, provider/server.mjs), set up as
HelseID and ID-porten are: PAR, PKCE, private_key_jwt, DPoP, `iss` in the answer. Our side is
the Django test client; the person's part at the provider is done with requests. The browser
tests do the same in chromium (tests/browser/test_sign_on.py)."""

import hashlib
from urllib.parse import parse_qs, quote, urlencode, urlparse

import pytest
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from joserfc import jwt
from joserfc.jwk import KeySet

from kreftkoordinator.accounts import oidc, providers
from kreftkoordinator.accounts.models import Recovery, SignOnIdentity
from kreftkoordinator.accounts.providers import HELSEID_HPR, HELSEID_PID
from kreftkoordinator.accounts.sign_on import record_identity
from kreftkoordinator.audit.models import Action, AuditEntry
from kreftkoordinator.conftest import login, make_user, recover

from .provider import (
    ACCOUNTS,
    CLIENT_KEY,
    KARI_PID,
    client,
    log_in_at,
    running,
    settings_for,
)

OURS = "http://testserver"
CALLBACKS = {key: f"{OURS}/innlogging/{key}/svar/" for key in ("helseid", "idporten", "entra")}


@pytest.fixture(scope="module")
def issuer():
    clients = [
        client("kk-helseid", [CALLBACKS["helseid"]]),
        client("kk-idporten", [CALLBACKS["idporten"]], dpop=True),
        client("kk-entra", [CALLBACKS["entra"]]),
    ]
    with running(clients) as url:
        yield url


@pytest.fixture
def sso(settings, issuer):
    settings.OIDC_PROVIDERS = {
        "helseid": settings_for(issuer, CLIENT_ID="kk-helseid"),
        "idporten": settings_for(issuer, CLIENT_ID="kk-idporten", DPOP="true"),
        "entra": settings_for(issuer, CLIENT_ID="kk-entra"),
    }
    return settings


def in_force(user, provider="helseid", claim=HELSEID_PID, value=KARI_PID):
    """An identity recorded and approved (the two-person path is tested below)."""
    from kreftkoordinator.accounts.sign_on import _key

    now = timezone.now()
    return SignOnIdentity.objects.create(
        user=user,
        provider=provider,
        claim=claim,
        key=_key(claim, value),
        recorded_by=user,
        recorded_at=now,
        active_from=now,
    )


def sign_on(client, key="helseid", login="kari", level="high"):
    """Press the button, log in at the provider, come back: our answer to the callback."""
    start = client.get(reverse("accounts:sign_on", args=[key]))
    assert start.status_code == 302, start
    back = log_in_at(start.url, login, level, stop_at=OURS)
    return client.get(back.removeprefix(OURS))


def helseid() -> providers.Provider:
    provider = providers.get("helseid")
    assert provider is not None
    return provider


def page_after(client, response) -> str:
    return client.get(response.url, follow=True).content.decode()


@pytest.mark.django_db
@pytest.mark.usefixtures("sso")
class TestKariLogsInThroughHelseID:
    def test_at_level_high_she_is_in_without_another_code(self, client, kari):
        in_force(kari)
        response = sign_on(client)
        assert response.status_code == 302 and response.url == "/"
        assert client.session["_auth_user_id"] == str(kari.pk)
        assert client.get(reverse("casework:person_list")).status_code == 200
        entry = AuditEntry.objects.get(action=Action.LOGIN)
        assert entry.user == kari
        assert entry.reason == (
            "innlogget gjennom HelseID, sikkerhetsnivå 4, godtatt som to faktorer"
        )

    def test_the_request_was_pushed_and_pkce_protected(self, client, kari):
        start = client.get(reverse("accounts:sign_on", args=["helseid"]))
        query = parse_qs(urlparse(start.url).query)
        # PAR: only the client and the pushed request's handle travel through the browser.
        assert set(query) == {"client_id", "request_uri"}
        [pending] = client.session["sign_on_pending"].values()
        assert len(pending["verifier"]) >= 43 and pending["nonce"] and pending["state"]

    def test_at_a_lower_level_she_must_give_her_own_code_too(self, client, kari):
        in_force(kari)
        TOTPDevice.objects.create(user=kari, name="app", confirmed=True)
        response = sign_on(client, level="substantial")
        assert client.session["_auth_user_id"] == str(kari.pk)
        page = page_after(client, response)
        assert "på nivå 3. Det regnes ikke som to faktorer her" in page
        blocked = client.get(reverse("casework:person_list"))
        assert blocked.status_code == 302 and reverse("accounts:verify") in blocked.url
        [entry] = AuditEntry.objects.filter(action=Action.LOGIN)
        assert entry.reason.endswith("sikkerhetsnivå 3, ikke nok for to faktorer")

    def test_an_unknown_pid_is_refused_and_nobody_is_created(self, client, kari):
        in_force(kari)
        response = sign_on(client, login="stranger")
        assert "_auth_user_id" not in client.session
        assert response.url == reverse("accounts:login")
        assert (
            "Ingen bruker i Kreftkoordinator er knyttet til denne innloggingen gjennom "
            "HelseID" in page_after(client, response)
        )
        assert not AuditEntry.objects.filter(action=Action.LOGIN).exists()

    def test_a_deactivated_account_is_refused(self, client, kari):
        in_force(kari)
        kari.is_active = False
        kari.save()
        sign_on(client)
        assert "_auth_user_id" not in client.session

    def test_a_replayed_answer_is_refused(self, client, kari):
        in_force(kari)
        start = client.get(reverse("accounts:sign_on", args=["helseid"]))
        back = log_in_at(start.url, "kari", stop_at=OURS).removeprefix(OURS)
        assert client.get(back).url == "/"
        client.post(reverse("accounts:logout"))
        again = client.get(back)
        assert "_auth_user_id" not in client.session
        assert "Innloggingen er utløpt eller allerede brukt" in page_after(client, again)

    def test_an_answer_from_another_issuer_is_refused(self, client, kari):
        """A mix-up: the browser comes back with a code from another provider, for our
        log-in's state. The answer's `iss` (RFC 9207) gives it away."""
        in_force(kari)
        client.get(reverse("accounts:sign_on", args=["helseid"]))
        [pending] = client.session["sign_on_pending"].values()
        other_clients = [client_for_other()]
        with running(other_clients) as other:
            challenge = oidc._b64(hashlib.sha256(pending["verifier"].encode()).digest())
            url = f"{other}/auth?" + urlencode(
                {
                    "response_type": "code",
                    "client_id": "kk-helseid",
                    "redirect_uri": CALLBACKS["helseid"],
                    "scope": "openid",
                    "state": pending["state"],
                    "nonce": pending["nonce"],
                    "code_challenge": challenge,
                    "code_challenge_method": "S256",
                }
            )
            back = log_in_at(url, "kari", stop_at=OURS)
            assert f"iss={quote(other, safe='')}" in back
            response = client.get(back.removeprefix(OURS))
        assert "_auth_user_id" not in client.session
        assert "Svaret fra HelseID kunne ikke godtas" in page_after(client, response)

    def test_with_hpr_as_the_identity_her_hpr_number_is_what_matches(self, client, sso, kari):
        sso.OIDC_PROVIDERS["helseid"]["IDENTITY_CLAIM"] = HELSEID_HPR
        in_force(kari)  # her pid: not what this provider is set to match on
        sign_on(client)
        assert "_auth_user_id" not in client.session
        in_force(kari, claim=HELSEID_HPR, value=ACCOUNTS["kari"]["hpr"])
        sign_on(client)
        assert client.session["_auth_user_id"] == str(kari.pk)

    def test_her_helseid_identity_does_not_open_id_porten(self, client, kari):
        in_force(kari)
        sign_on(client, key="idporten")
        assert "_auth_user_id" not in client.session


def client_for_other():
    return client("kk-helseid", [CALLBACKS["helseid"]])


@pytest.mark.django_db
@pytest.mark.usefixtures("sso")
class TestOtherProviders:
    def test_id_porten_high_with_dpop_bound_tokens(self, client, kari):
        in_force(kari, provider="idporten", claim="pid")
        response = sign_on(client, key="idporten")
        assert response.url == "/"
        assert client.get(reverse("casework:person_list")).status_code == 200
        [entry] = AuditEntry.objects.filter(action=Action.LOGIN)
        assert "ID-porten, sikkerhetsnivå idporten-loa-high, godtatt" in entry.reason

    def test_id_porten_substantial_is_not_two_factor(self, client, kari):
        in_force(kari, provider="idporten", claim="pid")
        sign_on(client, key="idporten", level="substantial")
        assert client.get(reverse("casework:person_list")).status_code == 302

    def test_entra_counts_mfa_in_amr(self, client, kari):
        in_force(kari, provider="entra", claim="oid", value=ACCOUNTS["kari"]["oid"])
        sign_on(client, key="entra")
        assert client.get(reverse("casework:person_list")).status_code == 200
        assert (
            "Entra ID, sikkerhetsnivå BankID, mfa, godtatt"
            in AuditEntry.objects.get(action=Action.LOGIN).reason
        )

    def test_a_provider_whose_discovery_names_another_issuer_is_not_used(self, client, sso, issuer):
        sso.OIDC_PROVIDERS["helseid"]["ISSUER"] = issuer.replace("127.0.0.1", "localhost")
        response = client.get(reverse("accounts:sign_on", args=["helseid"]))
        assert response.url == reverse("accounts:login")
        assert "Vi fikk ikke kontakt med HelseID" in page_after(client, response)

    def test_the_login_page_has_a_button_for_each(self, client):
        page = client.get(reverse("accounts:login")).content.decode()
        for name in ("HelseID", "ID-porten", "Entra ID"):
            assert f"Logg inn med {name}" in page


@pytest.mark.django_db
def test_our_public_keys_are_published_and_check_our_assertions(sso):
    from django.test import Client

    keys = Client().get("/.well-known/jwks.json").json()
    assert [k["kid"] for k in keys["keys"]] == [CLIENT_KEY.thumbprint()]
    assert "d" not in keys["keys"][0]  # never the private half
    provider = helseid()
    assertion = oidc.client_assertion(provider, provider.issuer)
    claims = jwt.decode(assertion, KeySet.import_key_set(keys)).claims
    assert claims["iss"] == claims["sub"] == "kk-helseid" and claims["exp"] - claims["iat"] <= 60


@pytest.mark.django_db
def test_without_providers_there_is_no_single_sign_on(client):
    assert client.get("/innlogging/helseid/").status_code == 404
    assert "Logg inn med" not in client.get(reverse("accounts:login")).content.decode()


@pytest.mark.django_db
@pytest.mark.usefixtures("sso")
class TestAnAdministratorRecordsTheIdentity:
    def test_for_a_new_account_it_is_in_force_at_once(self, client, ola):
        nina = make_user("nina")
        login(client, ola)
        response = client.post(
            reverse("accounts:record_identity", args=[nina.pk]),
            {"claim": f"helseid {HELSEID_PID}", "value": KARI_PID[:6] + " " + KARI_PID[6:]},
        )
        assert response.status_code == 302
        [identity] = nina.sign_on_identities.in_force()
        # A keyed hash, never the number itself.
        assert KARI_PID not in (identity.key, identity.shown, str(identity))
        assert len(identity.key) == 64
        assert "helseid: fødselsnummer" in client.get(response.url).content.decode()

    def test_for_kari_it_waits_for_a_second_person(self, client, ola, per, kari):
        recovery = record_identity(ola, kari, helseid(), HELSEID_PID, KARI_PID)
        assert recovery is not None and recovery.kind == Recovery.Kind.SIGN_ON
        sign_on(client)
        assert "_auth_user_id" not in client.session  # not before approval and the delay
        recover(per, kari)
        sign_on(client)
        assert client.session["_auth_user_id"] == str(kari.pk)

    def test_a_mistyped_number_is_explained_and_kept(self, client, ola, kari):
        login(client, ola)
        typed = KARI_PID + "9"
        response = client.post(
            reverse("accounts:record_identity", args=[kari.pk]),
            {"claim": f"helseid {HELSEID_PID}", "value": typed},
        )
        page = response.content.decode()
        assert response.status_code == 200
        assert "Fødselsnummeret har 11 siffer; du skrev 12." in page
        assert f'value="{typed}"' in page
        assert not kari.sign_on_identities.exists()

    def test_the_same_identity_cannot_open_two_accounts(self, client, ola, kari):
        in_force(kari)
        nina = make_user("nina")
        login(client, ola)
        response = client.post(
            reverse("accounts:record_identity", args=[nina.pk]),
            {"claim": f"helseid {HELSEID_PID}", "value": KARI_PID},
        )
        assert "alt registrert på en konto" in response.content.decode()

    def test_not_on_her_own_account(self, client, ola):
        login(client, ola)
        response = client.post(
            reverse("accounts:record_identity", args=[ola.pk]),
            {"claim": f"helseid {HELSEID_PID}", "value": KARI_PID},
        )
        assert response.status_code == 403
        assert not ola.sign_on_identities.exists()

    def test_removing_it_takes_effect_at_once(self, client, ola, kari):
        identity = in_force(kari)
        login(client, ola)
        client.post(reverse("accounts:remove_identity", args=[kari.pk, identity.pk]))
        assert not kari.sign_on_identities.exists()
        assert AuditEntry.objects.filter(reason__contains="fjernet", object_id=str(kari.pk))

    def test_only_an_administrator_records_identities(self, client, per, kari):
        login(client, per)
        response = client.post(
            reverse("accounts:record_identity", args=[kari.pk]),
            {"claim": f"helseid {HELSEID_PID}", "value": KARI_PID},
        )
        assert response.status_code == 403
