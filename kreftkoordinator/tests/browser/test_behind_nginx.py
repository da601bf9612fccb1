"""The application behind a real reverse proxy (issue 27, finding 2): Debian's nginx (installed by
./dev test) in front of the live server, set up as the README's production proxy is, adding the
client's address to X-Forwarded-For. Clients connect from different loopback addresses
(127.0.0.5, 127.0.0.7), so nginx sees them as different people, as it would on the internet.
Here with the live servers of the browser tests, whose database is emptied after each test.
"""

import http.client
import re
import shutil
import socket
import subprocess
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from kreftkoordinator.public.survey import MISSES_AN_HOUR

STRANGER, KARI_AT_WORK = "127.0.0.5", "127.0.0.7"

CONFIG = """
daemon off;
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log;
events {{ worker_connections 64; }}
http {{
  access_log off;
  client_body_temp_path {dir}/body;
  proxy_temp_path {dir}/proxy;
  fastcgi_temp_path {dir}/fastcgi;
  uwsgi_temp_path {dir}/uwsgi;
  scgi_temp_path {dir}/scgi;
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://127.0.0.1:{upstream};
      proxy_set_header Host localhost;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
    }}
  }}
}}
"""


def nginx_path() -> str:
    path = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(path).exists():
        pytest.fail("The proxy tests need Debian's nginx: ./dev test installs it.")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def nginx(live_server, tmp_path, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]  # nginx connects to the app from here
    port, upstream = free_port(), int(live_server.url.rsplit(":", 1)[1])
    (tmp_path / "nginx.conf").write_text(CONFIG.format(dir=tmp_path, port=port, upstream=upstream))
    process = subprocess.Popen(
        [nginx_path(), "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)],
        stderr=subprocess.PIPE,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    else:
        process.kill()
        pytest.fail(
            f"nginx did not start: {process.stderr.read().decode() if process.stderr else ''}"
        )
    yield port
    process.terminate()
    process.wait(timeout=10)


class Visitor:
    """A browser-like client from one address: it keeps its cookies and the form's CSRF token."""

    def __init__(self, port: int, address: str):
        self.port, self.address, self.cookies = port, address, SimpleCookie()

    def request(self, method: str, path: str, form: dict | None = None, headers=None):
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=30, source_address=(self.address, 0)
        )
        all_headers = {"Cookie": "; ".join(f"{k}={v.value}" for k, v in self.cookies.items())}
        all_headers |= headers or {}
        body = None
        if form is not None:
            body = urlencode(form)
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
            all_headers["Referer"] = "http://localhost/"
        connection.request(method, path, body=body, headers=all_headers)
        response = connection.getresponse()
        for header in response.headers.get_all("Set-Cookie") or []:
            self.cookies.load(header)
        text = response.read().decode()
        connection.close()
        return response.status, text

    def log_in(self, password: str):
        _status, page = self.request("GET", reverse("accounts:login"))
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        form = {"username": "kari", "password": password, "csrfmiddlewaretoken": token}
        return self.request("POST", reverse("accounts:login"), form)


def test_a_stranger_behind_nginx_cannot_lock_kari_out(nginx, kari):
    stranger = Visitor(nginx, STRANGER)
    for _ in range(6):
        stranger.log_in("gjett-igjen")
    status, page = stranger.log_in("et-langt-passord-2026")
    assert "låst" in page
    status, _page = Visitor(nginx, KARI_AT_WORK).log_in("et-langt-passord-2026")
    assert status == 302  # Kari, from her own address, gets in


def test_a_forged_header_does_not_get_past_the_survey_limit(nginx, db):
    stranger = Visitor(nginx, STRANGER)
    for n in range(MISSES_AN_HOUR):
        forged = {"X-Forwarded-For": f"192.0.2.{n}"}  # a new "address" each time
        stranger.request("GET", reverse("public:survey", args=[f"AAAA{n:04d}"]), headers=forged)
    status, _ = stranger.request("GET", reverse("public:survey", args=["AAAAZZZZ"]))
    assert status == 429
    status, _ = Visitor(nginx, KARI_AT_WORK).request(
        "GET", reverse("public:survey", args=["AAAAZZZZ"])
    )
    assert status == 410  # someone else is not shut out by her guessing
