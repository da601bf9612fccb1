"""Single sign-on against a fake OpenID Connect provider: real RS256 signatures, a real JWKS, the
provider's HTTP endpoints answered by `responses`. Users are matched on e-mail, never created."""

import time
from urllib.parse import parse_qs, urlparse

import jwt
import pytest
import responses
from cryptography.hazmat.primitives.asymmetric import rsa
from django.urls import reverse

PROVIDER = "https://helseid.test"
CLIENT_ID = "kreftkoordinator-test"


class FakeProvider:
    def __init__(self):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.jwk = jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key(), as_dict=True)
        self.jwk.update(kid="key-1", alg="RS256", use="sig")

    def id_token(self, nonce, email, key=None, audience=CLIENT_ID):
        now = int(time.time())
        claims = {
            "iss": PROVIDER,
            "sub": "hpr-123",
            "aud": audience,
            "nonce": nonce,
            "email": email,
            "iat": now,
            "exp": now + 300,
        }
        return jwt.encode(claims, key or self.key, algorithm="RS256", headers={"kid": "key-1"})

    def answer(self, mock, nonce, email, key=None, email_verified=True, audience=CLIENT_ID):
        mock.post(
            f"{PROVIDER}/token",
            json={
                "id_token": self.id_token(nonce, email, key, audience),
                "access_token": "at",
                "token_type": "Bearer",
                "expires_in": 300,
            },
        )
        mock.get(f"{PROVIDER}/jwks", json={"keys": [self.jwk]})
        mock.get(
            f"{PROVIDER}/userinfo",
            json={"sub": "hpr-123", "email": email, "email_verified": email_verified},
        )


@pytest.fixture
def oidc(settings):
    settings.OIDC_ENABLED = True
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = "secret"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{PROVIDER}/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{PROVIDER}/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{PROVIDER}/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{PROVIDER}/jwks"
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS,
        "kreftkoordinator.accounts.oidc.OIDCBackend",
    ]


def start(client):
    response = client.get(reverse("oidc_authentication_init"))
    assert response.status_code == 302 and response.url.startswith(f"{PROVIDER}/authorize")
    query = parse_qs(urlparse(response.url).query)
    assert query["client_id"] == [CLIENT_ID] and "openid" in query["scope"][0]
    return query["state"][0], query["nonce"][0]


def callback(client, state):
    return client.get(reverse("oidc_authentication_callback"), {"code": "abc", "state": state})


@pytest.fixture
def provider():
    return FakeProvider()


@pytest.mark.django_db
@pytest.mark.usefixtures("oidc")
class TestSingleSignOn:
    def test_kari_logs_in_and_needs_no_second_code(self, client, kari, provider):
        state, nonce = start(client)
        before = client.session.session_key
        with responses.RequestsMock() as mock:
            provider.answer(mock, nonce, kari.email)
            response = callback(client, state)
        assert response.status_code == 302 and response.url == "/"
        assert client.session["_auth_user_id"] == str(kari.pk)
        assert client.session.session_key != before  # a new key once logged in (issue 27)
        assert client.get(reverse("casework:person_list")).status_code == 200

    def test_the_e_mail_is_matched_without_regard_to_case(self, client, kari, provider):
        state, nonce = start(client)
        with responses.RequestsMock() as mock:
            provider.answer(mock, nonce, kari.email.upper())
            callback(client, state)
        assert client.session["_auth_user_id"] == str(kari.pk)

    def test_an_unknown_person_is_not_created_and_not_let_in(self, client, kari, provider):
        from kreftkoordinator.accounts.models import User

        state, nonce = start(client)
        with responses.RequestsMock() as mock:
            provider.answer(mock, nonce, "stranger@example.no")
            response = callback(client, state)
        assert response.url == "/logg-inn/?sso=feil"
        assert "_auth_user_id" not in client.session
        assert not User.objects.filter(email="stranger@example.no").exists()
        page = client.get(response.url).content.decode()
        assert "Innloggingen med HelseID lyktes ikke" in page

    def test_a_deactivated_user_is_not_let_in(self, client, kari, provider):
        kari.is_active = False
        kari.save()
        state, nonce = start(client)
        with responses.RequestsMock() as mock:
            provider.answer(mock, nonce, kari.email)
            callback(client, state)
        assert "_auth_user_id" not in client.session

    def test_a_token_signed_by_someone_else_is_refused(self, client, kari, provider):
        forger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        state, nonce = start(client)
        with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
            provider.answer(mock, nonce, kari.email, key=forger)
            response = callback(client, state)
        assert response.status_code in (302, 400)
        assert "_auth_user_id" not in client.session

    def test_a_token_issued_to_another_client_is_refused(self, client, kari, provider):
        state, nonce = start(client)
        with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
            provider.answer(mock, nonce, kari.email, audience="another-client")
            response = callback(client, state)
        assert response.status_code == 400
        assert "_auth_user_id" not in client.session

    def test_a_replayed_state_is_refused(self, client, kari, provider):
        start(client)
        with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
            provider.answer(mock, "whatever", kari.email)
            response = callback(client, "not-the-state")
        assert "_auth_user_id" not in client.session
        assert response.status_code in (302, 400)

    def test_the_login_page_offers_the_provider(self, client):
        content = client.get(reverse("accounts:login")).content.decode()
        assert "Logg inn med HelseID" in content


@pytest.mark.django_db
def test_without_settings_there_is_no_single_sign_on(client):
    assert client.get("/oidc/authenticate/").status_code == 404
    assert "Logg inn med" not in client.get(reverse("accounts:login")).content.decode()
