"""Norwegian bokmål first, English second: the catalogue is complete and the switch works."""

from pathlib import Path

import polib
import pytest
from django.urls import reverse

import kreftkoordinator

CATALOGUE = Path(kreftkoordinator.__file__).parent / "locale" / "en" / "LC_MESSAGES"


def test_every_message_has_an_english_translation():
    po = polib.pofile(str(CATALOGUE / "django.po"))
    assert po.untranslated_entries() == [] and po.fuzzy_entries() == []


def test_the_compiled_catalogue_matches_the_source():
    po = polib.pofile(str(CATALOGUE / "django.po"))
    mo = polib.mofile(str(CATALOGUE / "django.mo"))
    compiled = {e.msgid: e.msgstr or e.msgstr_plural for e in mo}
    source = {e.msgid: e.msgstr or e.msgstr_plural for e in po.translated_entries()}
    assert {k: v for k, v in compiled.items() if k} == source


@pytest.mark.django_db
def test_norwegian_by_default_and_english_on_request(client):
    assert "Logg inn" in client.get(reverse("accounts:login")).content.decode()
    response = client.post(reverse("set_language"), {"language": "en", "next": "/logg-inn/"})
    assert response.status_code == 302
    page = client.get(reverse("accounts:login")).content.decode()
    assert '<html lang="en"' in page and "Log in" in page and "Skip to main content" in page


@pytest.mark.django_db
def test_a_browser_in_english_still_gets_norwegian_until_the_user_switches(client):
    page = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert page["Content-Language"] == "nb" and "Logg inn" in page.content.decode()


def test_our_styles_and_the_npm_packages_are_found_as_static_files():
    from django.contrib.staticfiles import finders

    for path in (
        "kreftkoordinator/app.css",
        "vendor/designsystemet-css/index.css",
        "vendor/designsystemet-theme/digdir.css",
        "vendor/htmx/htmx.min.js",
    ):
        assert finders.find(path), path
