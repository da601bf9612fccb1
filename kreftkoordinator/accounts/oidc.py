"""OpenID Connect as HelseID requires it: authorization code flow with PKCE (S256), `state` and
`nonce` checked, the client authenticated by a signed assertion (`private_key_jwt`, RFC 7523),
pushed authorization requests (PAR, RFC 9126) when the provider offers them, DPoP-bound tokens
(RFC 9449) as an option, and the authorization response's `iss` (RFC 9207) checked against the
provider we started with.

The JOSE work (signing the assertion and the DPoP proofs, checking the ID token against the
provider's keys) is joserfc's; docs/security.md says why not mozilla-django-oidc or Authlib. The
rest is the few requests the standards describe.
"""

import base64
import hashlib
import logging
import secrets
import time
from urllib.parse import urlencode

import requests
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import ECKey

from .providers import TIMEOUT, Provider, ProviderError

log = logging.getLogger(__name__)

ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
# Never "none" or a shared-secret algorithm: the ID token must be signed with the provider's key.
ID_TOKEN_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384"]
LEEWAY = 60  # seconds of clock difference we accept


class Refused(Exception):
    """The log-in is refused; `reason` says why in the log's words (Norwegian, for the log)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def client_assertion(provider: Provider, audience: str) -> str:
    now = int(time.time())
    claims = {
        "iss": provider.client_id,
        "sub": provider.client_id,
        "aud": audience,
        "jti": secrets.token_urlsafe(24),
        "iat": now,
        "nbf": now,
        "exp": now + 60,
    }
    header = {"alg": provider.signing_alg, "kid": provider.key_id}
    return jwt.encode(header, claims, provider.signing_key)


def dpop_proof(key: ECKey, method: str, url: str, nonce: str | None = None) -> str:
    claims = {"jti": secrets.token_urlsafe(24), "htm": method, "htu": url, "iat": int(time.time())}
    if nonce:
        claims["nonce"] = nonce
    header = {"typ": "dpop+jwt", "alg": "ES256", "jwk": key.as_dict(private=False)}
    return jwt.encode(header, claims, key)


def _post(provider: Provider, url: str, data: dict, dpop_key: ECKey | None = None):
    """POST with a fresh client assertion; once more with the provider's DPoP nonce if it
    asks for one (`use_dpop_nonce`)."""
    nonce = None
    for _attempt in range(2):
        headers = {"Accept": "application/json"}
        if dpop_key is not None:
            headers["DPoP"] = dpop_proof(dpop_key, "POST", url, nonce)
        body = {
            **data,
            "client_id": provider.client_id,
            "client_assertion_type": ASSERTION_TYPE,
            "client_assertion": client_assertion(provider, provider.issuer),
        }
        try:
            response = requests.post(url, data=body, headers=headers, timeout=TIMEOUT)
        except requests.RequestException as e:
            raise ProviderError(f"{url}: {e}") from e
        nonce = response.headers.get("DPoP-Nonce")
        asks_nonce = response.status_code in (400, 401) and _error(response) == "use_dpop_nonce"
        if dpop_key is not None and nonce and asks_nonce:
            continue
        return response
    return response


def _error(response) -> str:
    try:
        return str(response.json().get("error", ""))
    except ValueError:
        return ""


def begin(provider: Provider, redirect_uri: str, language: str = "nb") -> tuple[str, dict]:
    """The URL to send the browser to, and what the callback must find in the session."""
    verifier = secrets.token_urlsafe(64)
    pending = {"state": secrets.token_urlsafe(32), "nonce": secrets.token_urlsafe(32)}
    params = {
        "response_type": "code",
        "client_id": provider.client_id,
        "redirect_uri": redirect_uri,
        "scope": provider.scopes,
        "state": pending["state"],
        "nonce": pending["nonce"],
        "code_challenge": _b64(hashlib.sha256(verifier.encode()).digest()),
        "code_challenge_method": "S256",
        "ui_locales": language,
    }
    if provider.acr_values:
        params["acr_values"] = provider.acr_values
    authorize = provider.endpoint("authorization_endpoint")
    par = provider.metadata().get("pushed_authorization_request_endpoint")
    if par:
        response = _post(provider, par, {k: v for k, v in params.items() if k != "client_id"})
        if response.status_code not in (200, 201):
            raise ProviderError(f"PAR answered {response.status_code}: {response.text[:300]}")
        query = {"client_id": provider.client_id, "request_uri": response.json()["request_uri"]}
    else:
        query = params
    return f"{authorize}?{urlencode(query)}", {**pending, "verifier": verifier}


def finish(provider: Provider, pending: dict, answer: dict, redirect_uri: str) -> dict:
    """The ID token's claims, once the provider's answer has been checked every way."""
    metadata = provider.metadata()
    issuer = answer.get("iss")
    if issuer != provider.issuer and (
        issuer is not None or metadata.get("authorization_response_iss_parameter_supported")
    ):
        raise Refused(f"svaret kom fra en annen utsteder ({issuer or 'ingen'})")
    if answer.get("error"):
        raise Refused(f"leverandøren avbrøt: {answer['error']}")
    if not answer.get("code"):
        raise Refused("svaret hadde ingen kode")
    dpop_key = ECKey.generate_key("P-256") if provider.dpop else None
    response = _post(
        provider,
        provider.endpoint("token_endpoint"),
        {
            "grant_type": "authorization_code",
            "code": answer["code"],
            "redirect_uri": redirect_uri,
            "code_verifier": pending["verifier"],
        },
        dpop_key,
    )
    if response.status_code != 200:
        log.warning("Token endpoint answered %s: %s", response.status_code, response.text[:300])
        raise Refused(
            f"leverandøren godtok ikke koden ({_error(response) or response.status_code})"
        )
    tokens = response.json()
    if dpop_key is not None and str(tokens.get("token_type", "")).lower() != "dpop":
        raise Refused("tokenet var ikke DPoP-bundet")
    return id_token_claims(provider, str(tokens.get("id_token", "")), pending["nonce"])


def id_token_claims(provider: Provider, id_token: str, nonce: str) -> dict:
    """Signed by the provider's key, issued by it, to us, for this log-in, and still valid."""
    token = None
    for refresh in (False, True):
        try:
            token = jwt.decode(id_token, provider.keys(refresh), algorithms=ID_TOKEN_ALGORITHMS)
            break
        except (JoseError, ValueError) as e:
            if refresh:
                raise Refused(f"ID-tokenet kunne ikke bekreftes ({e})") from e
    assert token is not None
    registry = jwt.JWTClaimsRegistry(
        leeway=LEEWAY,
        iss={"essential": True, "value": provider.issuer},
        sub={"essential": True},
        exp={"essential": True},
        iat={"essential": True},
        nonce={"essential": True, "value": nonce},
    )
    try:
        registry.validate(token.claims)
    except JoseError as e:
        raise Refused(f"ID-tokenet ble avvist ({e})") from e
    audience = token.claims.get("aud")
    audiences = audience if isinstance(audience, list) else [audience]
    if provider.client_id not in audiences or (
        len(audiences) > 1 and token.claims.get("azp") != provider.client_id
    ):
        raise Refused("ID-tokenet var utstedt til en annen klient")
    return token.claims
