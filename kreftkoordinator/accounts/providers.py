"""The OpenID Connect providers we log in through, from `settings.OIDC_PROVIDERS`.

Each is named by a key (`helseid`, `idporten`, `entra`, or any name with `KIND` set to one of
those) and configured by environment variables `OIDC_<KEY>_*` (docs/operations.md). Its kind
gives the defaults the sector's providers need: the scopes, the claim that identifies a person,
the claim that reports how she logged in, and the levels that count as two factors. Endpoints
come from the provider's discovery document, never typed by hand.
"""

import json
from dataclasses import dataclass, field
from functools import cache

import requests
from django.conf import settings
from django.core.cache import cache as django_cache
from joserfc.jwk import ECKey, KeySet, RSAKey

HELSEID_PID = "helseid://claims/identity/pid"
HELSEID_HPR = "helseid://claims/hpr/hpr_number"
# Claims that carry a national identity number (fødselsnummer or D-nummer): only ever kept as a
# keyed hash (accounts/identities.py).
NATIONAL_ID_CLAIMS = {HELSEID_PID, "pid"}

KINDS: dict[str, dict[str, str]] = {
    "helseid": {
        "NAME": "HelseID",
        "SCOPES": "openid profile helseid://scopes/identity/pid "
        "helseid://scopes/identity/security_level helseid://scopes/hpr/hpr_number",
        "IDENTITY_CLAIM": HELSEID_PID,
        "IDENTITY_CLAIMS": f"{HELSEID_PID} {HELSEID_HPR}",
        "LEVEL_CLAIM": "helseid://claims/identity/security_level",
        # Security level 4 is "high" (BankID, Buypass, Commfides); 3 is "substantial".
        "TWO_FACTOR_LEVELS": "4",
    },
    "idporten": {
        "NAME": "ID-porten",
        "SCOPES": "openid profile",
        "IDENTITY_CLAIM": "pid",
        "IDENTITY_CLAIMS": "pid",
        "LEVEL_CLAIM": "acr",
        "TWO_FACTOR_LEVELS": "idporten-loa-high",
        "ACR_VALUES": "idporten-loa-high",
    },
    "entra": {
        "NAME": "Entra ID",
        "SCOPES": "openid profile",
        "IDENTITY_CLAIM": "oid",
        "IDENTITY_CLAIMS": "oid",
        "LEVEL_CLAIM": "amr",
        "TWO_FACTOR_LEVELS": "mfa",
    },
}
TIMEOUT = 10  # seconds for each call to a provider
DISCOVERY_SECONDS = 3600


class ProviderError(Exception):
    """The provider could not be reached or answered what the protocol does not allow."""


@dataclass(frozen=True)
class Provider:
    key: str
    kind: str
    name: str
    issuer: str
    client_id: str
    scopes: str
    identity_claim: str
    identity_claims: tuple[str, ...]
    level_claim: str
    two_factor_levels: frozenset[str]
    acr_values: str = ""
    dpop: bool = False
    staff: bool = True
    private_key_pem: str = field(default="", repr=False)

    @property
    def signing_key(self) -> RSAKey | ECKey:
        return _signing_key(self.private_key_pem)

    @property
    def key_id(self) -> str:
        return self.signing_key.thumbprint()

    @property
    def signing_alg(self) -> str:
        return "ES256" if isinstance(self.signing_key, ECKey) else "RS256"

    def metadata(self) -> dict:
        """The provider's discovery document, checked to name the issuer we were given."""
        key = f"oidc-discovery:{self.issuer}"
        found = django_cache.get(key)
        if found is None:
            found = get_json(self.issuer.rstrip("/") + "/.well-known/openid-configuration")
            if found.get("issuer") != self.issuer:
                raise ProviderError(f"The discovery document names issuer {found.get('issuer')!r}")
            django_cache.set(key, found, DISCOVERY_SECONDS)
        return found

    def endpoint(self, name: str) -> str:
        url = self.metadata().get(name)
        if not url:
            raise ProviderError(f"The provider's discovery document has no {name}")
        return url

    def keys(self, refresh: bool = False) -> KeySet:
        """The provider's signing keys; fetched again when a token names a key we do not have
        (the provider has rotated its keys)."""
        key = f"oidc-jwks:{self.issuer}"
        found = None if refresh else django_cache.get(key)
        if found is None:
            found = get_json(self.endpoint("jwks_uri"))
            django_cache.set(key, found, DISCOVERY_SECONDS)
        return KeySet.import_key_set(found)  # type: ignore[arg-type]

    def level_of(self, claims: dict) -> tuple[str, bool]:
        """How she logged in, as the provider reports it, and whether that counts as two
        factors here."""
        value = claims.get(self.level_claim)
        values = [str(v) for v in (value if isinstance(value, list) else [value]) if v is not None]
        return ", ".join(values), bool(self.two_factor_levels.intersection(values))


def get_json(url: str) -> dict:
    try:
        response = requests.get(url, timeout=TIMEOUT, headers={"Accept": "application/json"})
        response.raise_for_status()
        return response.json()
    except (requests.RequestException, ValueError) as e:
        raise ProviderError(f"{url}: {e}") from e


@cache
def _signing_key(pem_or_jwk: str) -> RSAKey | ECKey:
    text = pem_or_jwk.strip()
    if not text:
        raise ProviderError("The client has no private key (OIDC_<KEY>_PRIVATE_KEY_FILE)")
    data = text if text.startswith("-----") else json.loads(text)
    key: RSAKey | ECKey | None = None
    for kind in (RSAKey, ECKey):
        try:
            key = kind.import_key(data)
            break
        except (ValueError, TypeError):
            continue
    if key is None or not key.is_private:
        raise ProviderError("The client's key must be a private RSA or EC key")
    return key


def _on(value) -> bool:
    return str(value).lower() in ("1", "true", "yes", "on")


def _read_key(config: dict) -> str:
    if path := config.get("PRIVATE_KEY_FILE"):
        with open(path, encoding="utf-8") as f:
            return f.read()
    return config.get("PRIVATE_KEY", "")


def _provider(key: str, config: dict) -> Provider:
    kind = config.get("KIND", key)
    if kind not in KINDS:
        raise ValueError(f"OIDC provider {key}: KIND must be one of {', '.join(KINDS)}")
    merged = {**KINDS[kind], **{k: v for k, v in config.items() if v not in ("", None)}}
    identity = merged["IDENTITY_CLAIM"]
    claims = tuple(dict.fromkeys([identity, *merged["IDENTITY_CLAIMS"].split()]))
    return Provider(
        key=key,
        kind=kind,
        name=merged["NAME"],
        issuer=merged["ISSUER"],
        client_id=merged["CLIENT_ID"],
        scopes=merged["SCOPES"],
        identity_claim=identity,
        identity_claims=claims,
        level_claim=merged["LEVEL_CLAIM"],
        two_factor_levels=frozenset(merged["TWO_FACTOR_LEVELS"].replace(",", " ").split()),
        acr_values=merged.get("ACR_VALUES", ""),
        dpop=_on(merged.get("DPOP", "")),
        staff=_on(merged.get("STAFF", "true")),
        private_key_pem=_read_key(merged),
    )


def all_providers() -> dict[str, Provider]:
    return {key: _provider(key, config) for key, config in settings.OIDC_PROVIDERS.items()}


def get(key: str) -> Provider | None:
    config = settings.OIDC_PROVIDERS.get(key)
    return _provider(key, config) if config is not None else None


def for_staff() -> list[Provider]:
    """The buttons on the log-in page (a provider may serve innsyn alone: `STAFF` false)."""
    return [p for p in all_providers().values() if p.staff]


def public_keys() -> dict:
    """Our clients' public keys, as the JWKS a provider may fetch (`/.well-known/jwks.json`)."""
    keys = []
    for provider in all_providers().values():
        if provider.private_key_pem:
            public = provider.signing_key.as_dict(private=False)
            keys.append(
                {**public, "kid": provider.key_id, "use": "sig", "alg": provider.signing_alg}
            )
    return {"keys": list({k["kid"]: k for k in keys}.values())}
