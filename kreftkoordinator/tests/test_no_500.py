"""No request ends in a 500. Every page of every role is opened with hostile query strings, and
every form on it is sent back with hostile values in each field in turn: dates in year 1 and
9999, numbers past 2^63, negative and infinite numbers, 100 000 characters, NUL bytes. Each
answer must be a page (with a message where something was wrong), a redirect, or a refusal."""

import html
import re

import pytest
from django.urls import reverse

from kreftkoordinator.accounts.tests.test_role_gating import PAGES, world  # noqa: F401
from kreftkoordinator.conftest import login

HOSTILE = [
    "0001-01-01",
    "9999-12-31",
    "0000-00-00",
    "01.01.0001",
    str(2**63 - 1),
    str(2**64),
    "-1",
    "-99999999999",
    "Infinity",
    "NaN",
    "1e400",
    "x" * 100_000,
    "null\x00byte",
    "'; DROP TABLE casework_person; --",
    "<script>alert(1)</script>",
]
# Sent in each form field in turn: one of each kind of trouble.
HOSTILE_FIELD = ["0001-01-01", "9999-12-31", str(2**63 - 1), "-1", "NaN", "x" * 100_000, "a\x00b"]
QUERY_PARAMS = [
    "q",
    "side",
    "uke",
    "start",
    "end",
    "kommune",
    "kontroll",
    "rolle",
    "sak",
    "kvartal",
    "avtaleaar",
]
FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S)
FIELD = re.compile(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"')
INPUT = re.compile(r'<input[^>]*\bname="([^"]+)"[^>]*>')
SKIP_FIELDS = {"csrfmiddlewaretoken"}
# Forms whose purpose is to end the session or move away; sending them again proves nothing.
SKIP_ACTIONS = ("/logg-ut/", "/i18n/")


def html_of(page) -> str:
    """A page's markup; a download (a document on a case) has no forms to send."""
    return "" if page.streaming else page.content.decode()


def post_forms(content: str, url: str):
    """(where the form posts, its fields, its values as the page filled them in)."""
    for attributes, body in FORM.findall(content):
        if 'method="post"' not in attributes:
            continue
        action = re.search(r'action="([^"]*)"', attributes)
        target = html.unescape(action.group(1)) if action and action.group(1) else url
        if target.startswith(SKIP_ACTIONS):
            continue
        names = sorted({n for n in FIELD.findall(body) if n not in SKIP_FIELDS})
        values = {}
        for match in INPUT.finditer(body):
            value = re.search(r'\bvalue="([^"]*)"', match.group(0))
            values[match.group(1)] = html.unescape(value.group(1)) if value else ""
        yield target, names, values


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_page_or_form_ends_in_a_500(client, world, name):  # noqa: F811
    who, args = PAGES[name]
    url = reverse(name, args=args(world) if args else None)
    login(client, world["users"][sorted(who)[0]])
    for value in HOSTILE:
        response = client.get(url, {p: value for p in QUERY_PARAMS})
        assert response.status_code < 500, (name, "GET", value[:30])
    page = client.get(url)
    if page.status_code != 200:
        return
    for target, names, values in post_forms(html_of(page), url):
        for field in names:
            for value in HOSTILE_FIELD:
                response = client.post(target, {**values, field: value})
                assert response.status_code < 500, (name, target, field, value[:30])


PUBLIC = [
    ("home", []),
    ("public:find", []),
    ("public:contact", []),
    ("public:offers", []),
    ("public:events", []),
    ("public:events_ical", ["3301"]),
    ("public:coverage", []),
    ("public:survey", ["x" * 40]),
    ("public:survey_code", []),
    ("accounts:login", []),
    ("reporting:definitions", []),
]
PUBLIC_PARAMS = [
    *QUERY_PARAMS,
    "kategori",
    "malgruppe",
    "omrade",
    "area",
    "category",
    "fra",
    "kode",
    "municipality",
]


@pytest.mark.django_db
@pytest.mark.parametrize("name, args", PUBLIC)
def test_no_public_page_or_form_ends_in_a_500(client, name, args):
    url = reverse(name, args=args)
    for value in HOSTILE:
        response = client.get(url, {p: value for p in PUBLIC_PARAMS})
        assert response.status_code < 500, (name, "GET", value[:30])
    page = client.get(url)
    if page.status_code != 200 or "calendar" in page.headers.get("Content-Type", ""):
        return
    for target, names, values in post_forms(html_of(page), url):
        for field in names:
            for value in HOSTILE_FIELD:
                response = client.post(target, {**values, field: value})
                assert response.status_code < 500, (name, target, field, value[:30])
