"""The real OpenID provider the tests log in through (server.mjs: oidc-provider from npm, set up
as HelseID and ID-porten are), started as a Node.js process on a loopback port."""

import json
import select
import socket
import subprocess
import tempfile
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import requests
from joserfc.jwk import RSAKey

from kreftkoordinator.identity_numbers import make_identity_number

SERVER = Path(__file__).with_name("server.mjs")
PROJECT = Path(__file__).resolve().parents[4]

KARI_PID = make_identity_number(date(1979, 3, 14), 123) or ""
STRANGER_PID = make_identity_number(date(1985, 11, 2), 456) or ""
ACCOUNTS = {
    "kari": {
        "name": "Kari Koordinator",
        "pid": KARI_PID,
        "hpr": "9144889",
        "oid": "3f2b8a9e-1c4d-4e5f-8a7b-6c5d4e3f2a1b",
    },
    "stranger": {"name": "Ukjent Person", "pid": STRANGER_PID, "hpr": "1234567", "oid": ""},
}
# Our client's key pair: the private half in our settings, the public half registered with the
# provider (as an administrator registers it in HelseID's self-service portal).
CLIENT_KEY = RSAKey.generate_key(2048, private=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def client(client_id: str, redirect_uris: list[str], dpop: bool = False) -> dict:
    return {
        "client_id": client_id,
        "token_endpoint_auth_method": "private_key_jwt",
        "token_endpoint_auth_signing_alg": "RS256",
        "jwks": {"keys": [{**CLIENT_KEY.as_dict(private=False), "kid": CLIENT_KEY.thumbprint()}]},
        "redirect_uris": redirect_uris,
        "grant_types": ["authorization_code"],
        "response_types": ["code"],
        "dpop_bound_access_tokens": dpop,
    }


@contextmanager
def running(clients: list[dict], accounts: dict = ACCOUNTS, par: bool = True):
    """Start the provider; yields its issuer URL."""
    port = free_port()
    issuer = f"http://127.0.0.1:{port}"
    config = {"port": port, "issuer": issuer, "clients": clients, "accounts": accounts, "par": par}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(config, f)
    errors = tempfile.TemporaryFile("w+")  # noqa: SIM115 -- closed in the finally below
    try:
        process = subprocess.Popen(
            ["node", str(SERVER), f.name],
            cwd=PROJECT,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        )
    except FileNotFoundError:
        pytest.fail("The OpenID tests need Node.js (node), as the Quick start does.")
    try:
        assert process.stdout is not None
        ready, _, _ = select.select([process.stdout], [], [], 30)
        if not ready or "ready" not in process.stdout.readline():
            errors.seek(0)
            pytest.fail(f"The test provider did not start: {errors.read()}")
        yield issuer
    finally:
        process.terminate()
        process.wait(timeout=10)
        errors.close()
        Path(f.name).unlink()


def settings_for(issuer: str, **extra) -> dict:
    """What OIDC_<KEY>_* would give: the provider's issuer, our client id and private key."""
    return {
        "ISSUER": issuer,
        "PRIVATE_KEY": CLIENT_KEY.as_pem(private=True).decode(),
        **extra,
    }


def log_in_at(url: str, login: str, level: str = "high", stop_at: str = "") -> str:
    """What a person does at the provider's log-in page, done with requests: returns the URL
    the provider sends the browser back to (ours, starting with `stop_at`)."""
    browser = requests.Session()
    response = browser.get(url, allow_redirects=False, timeout=10)
    while response.is_redirect and "/interaction/" not in response.headers["Location"]:
        response = browser.get(urljoin(url, response.headers["Location"]), allow_redirects=False)
    interaction = urljoin(url, response.headers["Location"])
    response = browser.post(
        interaction, data={"login": login, "level": level}, allow_redirects=False, timeout=10
    )
    while True:
        location = urljoin(interaction, response.headers["Location"])
        if location.startswith(stop_at) and urlparse(location).netloc != urlparse(url).netloc:
            return location
        response = browser.get(location, allow_redirects=False, timeout=10)
