"""Bokmål, nynorsk and English (DESIGN 3.9, kreftkoordinator/languages.py): both catalogues are
complete, and each reader gets her language. Solveig coordinates Nordhordland from Alver, a
nynorsk municipality; Kari is in Drammen; a visitor comes with or without a browser language."""

from pathlib import Path

import polib
import pytest
from django.urls import reverse

import kreftkoordinator
from kreftkoordinator.conftest import area, assign, login, make_position, make_user
from kreftkoordinator.organisation.models import LanguageForm

LOCALE = Path(kreftkoordinator.__file__).parent / "locale"
NORDHORDLAND = ["4631", "4632", "4633", "4634", "4635", "4629", "4630"]


@pytest.mark.parametrize("language", ["nn", "en"])
def test_every_message_is_translated(language):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert po.untranslated_entries() == [] and po.fuzzy_entries() == []


@pytest.mark.parametrize("language", ["nn", "en"])
def test_the_compiled_catalogue_matches_the_source(language):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    mo = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    compiled = {e.msgid: e.msgstr or e.msgstr_plural for e in mo}
    source = {e.msgid: e.msgstr or e.msgstr_plural for e in po.translated_entries()}
    assert {k: v for k, v in compiled.items() if k} == source


@pytest.fixture
def nordhordland(db):
    for code in NORDHORDLAND:
        area(code).__class__.objects.filter(code=code).update(language_form=LanguageForm.NYNORSK)
    return make_position("Kreftkoordinator i Nordhordland", NORDHORDLAND)


@pytest.fixture
def solveig(nordhordland):
    user = make_user("solveig", name="Solveig Mjelde")
    assign(user, nordhordland)
    return user


def page(response) -> str:
    return response.content.decode()


@pytest.mark.django_db
def test_bokmal_without_a_choice_and_english_through_the_switch(client):
    assert "Logg inn" in page(client.get(reverse("accounts:login")))
    response = client.post(reverse("set_language"), {"language": "en", "next": "/logg-inn/"})
    assert response.status_code == 302 and response.url == "/logg-inn/"
    shown = page(client.get(reverse("accounts:login")))
    assert '<html lang="en"' in shown and "Log in" in shown and "Skip to main content" in shown


@pytest.mark.django_db
@pytest.mark.parametrize(
    "header, language",
    [
        ("nn-NO,nn;q=0.9,nb;q=0.8", "nn"),
        ("nb-NO,nb;q=0.9,no;q=0.8,nn;q=0.7,en;q=0.5", "nb"),
        ("no", "nb"),
        ("en-GB,en;q=0.9", "en"),
        ("de-DE,de;q=0.9,nn;q=0.5", "nn"),  # the first of ours, in the browser's order
        ("de-DE", "nb"),
        ("", "nb"),
    ],
)
def test_without_a_choice_the_browser_decides(client, header, language):
    response = client.get(reverse("public:find"), HTTP_ACCEPT_LANGUAGE=header)
    assert response["Content-Language"] == language
    assert f'<html lang="{language}"' in page(response)
    assert "Accept-Language" in response["Vary"]


@pytest.mark.django_db
def test_the_visitors_choice_is_remembered_and_beats_the_browser(client, settings):
    response = client.get(reverse("public:offers") + "?lang=nn", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Language"] == "nn"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "nn"
    later = client.get(reverse("public:events"), HTTP_ACCEPT_LANGUAGE="en")
    assert later["Content-Language"] == "nn" and "Møteplassar og kurs" in page(later)


@pytest.mark.django_db
def test_every_public_page_has_a_switcher_and_hreflang_alternates(client):
    offers = "http://testserver" + reverse("public:offers")
    shown = page(client.get(offers + "?q=kurs&lang=en"))
    for code in ("nb", "nn", "en"):
        href = f"{offers}?q=kurs&amp;lang={code}"
        assert f'<link rel="alternate" hreflang="{code}" href="{href}">' in shown
        assert f'<a class="ds-link" href="{href}" hreflang="{code}" lang="{code}"' in shown
    assert f'<link rel="alternate" hreflang="x-default" href="{offers}?q=kurs">' in shown
    assert shown.count('aria-current="true"') == 1
    assert 'lang="en" aria-current="true">English</a>' in shown


@pytest.mark.django_db
def test_a_page_about_a_nynorsk_municipality_is_in_nynorsk(client, solveig):
    found = client.get(reverse("public:find"), {"municipality": "Alver"})
    assert found["Content-Language"] == "nn" and "Kreftkoordinator for Alver" in page(found)
    assert "Du treng inga tilvising" in page(found)
    contact = client.get(reverse("public:contact"), {"kommune": "Alver"})
    assert contact["Content-Language"] == "nn" and "Kommunen du bur i" in page(contact)
    drammen = client.get(reverse("public:find"), {"municipality": "Drammen"})
    assert drammen["Content-Language"] == "nb"


@pytest.mark.django_db
def test_the_browser_language_beats_the_areas(client, solveig):
    found = client.get(reverse("public:find"), {"municipality": "Alver"}, HTTP_ACCEPT_LANGUAGE="nb")
    assert found["Content-Language"] == "nb" and "Du trenger ingen henvisning" in page(found)


@pytest.mark.django_db
def test_staff_get_their_host_areas_language_form_until_they_choose(client, solveig, kari):
    login(client, solveig)
    home = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en")
    assert home["Content-Language"] == "nn" and "Stillingane dine" in page(home)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    solveig.refresh_from_db()
    assert solveig.language == "en"
    assert client.get(reverse("home"))["Content-Language"] == "en"
    client.post(reverse("set_language"), {"language": "auto", "next": "/"})
    solveig.refresh_from_db()
    assert solveig.language == ""
    assert client.get(reverse("home"))["Content-Language"] == "nn"
    client.logout()
    login(client, kari)
    assert client.get(reverse("home"))["Content-Language"] == "nb"


@pytest.mark.django_db
def test_the_switch_goes_back_only_to_our_own_pages(client):
    response = client.post(
        reverse("set_language"), {"language": "nn", "next": "https://evil.example/"}
    )
    assert response.url == "/"
    response = client.post(reverse("set_language"), {"language": "nn", "next": "/tilbud/?lang=en"})
    assert response.url == "/tilbud/"
    for odd in ("2000-01-01", "//evil.example/x", "javascript:alert(1)", "x" * 5000):
        assert client.post(reverse("set_language"), {"language": "nn", "next": odd}).url == "/"


@pytest.mark.django_db
def test_an_unknown_language_changes_nothing(client, kari):
    login(client, kari)
    client.post(reverse("set_language"), {"language": "de", "next": "/"})
    kari.refresh_from_db()
    assert kari.language == ""
    assert client.get(reverse("home"))["Content-Language"] == "nb"


def test_our_styles_and_the_npm_packages_are_found_as_static_files():
    from django.contrib.staticfiles import finders

    for path in (
        "kreftkoordinator/app.css",
        "vendor/designsystemet-css/index.css",
        "vendor/designsystemet-theme/digdir.css",
        "vendor/htmx/htmx.min.js",
    ):
        assert finders.find(path), path


@pytest.mark.django_db
def test_a_visitors_request_reaches_the_coordinator_in_her_language(client, solveig, mailoutbox):
    client.post(
        reverse("public:contact") + "?lang=en",
        {
            "municipality": "Alver",
            "name": "Ann Lee",
            "phone": "91234567",
            "role": "patient",
            "consent": "on",
        },
    )
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject == "Ny kontaktførespurnad i Kreftkoordinator"
    assert "Nokon i Alver ber om å bli kontakta" in mailoutbox[0].body


@pytest.mark.django_db
def test_the_account_page_chooses_the_language(client, solveig):
    login(client, solveig)
    page = client.get(reverse("accounts:account")).content.decode()
    assert "Som vertskommunen for stillinga di (Nynorsk)" in page
    client.post(reverse("set_language"), {"language": "nb", "next": reverse("accounts:account")})
    solveig.refresh_from_db()
    assert solveig.language == "nb"
    assert "Min konto" in client.get(reverse("accounts:account")).content.decode()


@pytest.mark.django_db
def test_documents_for_a_nynorsk_municipality_are_in_nynorsk_unless_the_writer_chooses(
    client, solveig, nordhordland, eva
):
    from datetime import date
    from decimal import Decimal
    from io import BytesIO

    from openpyxl import load_workbook

    from kreftkoordinator.grants.tests.test_workflows import table_3_1
    from kreftkoordinator.grants.workflows import make_agreement

    nordhordland.funding = nordhordland.Funding.CO_FINANCED
    nordhordland.save()
    agreement = make_agreement(
        eva,
        nordhordland,
        start=date(2024, 3, 15),
        fte=100,
        salary=Decimal("470000"),
        social_rate=Decimal("0.40"),
        scheme=table_3_1(),
    )
    login(client, eva)  # Eva reads bokmål; the letter is to Alver
    letter = client.get(reverse("grants:letter", args=[agreement.pk]))
    assert letter["Content-Language"] == "nn" and "Tilskotsavtale" in page(letter)
    assert "er sette ned til 35" in page(letter)  # the rules' note, in nynorsk too
    chosen = client.get(reverse("grants:letter", args=[agreement.pk]), {"lang": "nb"})
    assert "Tilskuddsavtale" in page(chosen) and "er satt ned til 35" in page(chosen)
    assert 'hreflang="nb" lang="nb">Bokmål</a>' in page(letter)

    solveig.language = "en"  # she reads English; her report is for Alver
    solveig.save()
    client.logout()
    login(client, solveig)
    url = reverse("reporting:annual", args=[nordhordland.pk, 2025])
    sheet = load_workbook(BytesIO(client.get(url, {"format": "xlsx"}).content)).active
    assert next(sheet.iter_rows(max_row=1, values_only=True))[-2:] == (
        "Landet, median",
        "Evalueringa 2017",
    )
    sheet = load_workbook(BytesIO(client.get(url, {"format": "xlsx", "lang": "en"}).content)).active
    assert next(sheet.iter_rows(max_row=1, values_only=True))[-1] == "The 2017 evaluation"


@pytest.mark.django_db
def test_a_notice_stored_for_her_is_in_the_language_she_reads(solveig, kari):
    from kreftkoordinator.grants.reminders import REPORT_DUE
    from kreftkoordinator.mail import in_their_language

    values = {"name": "Alver", "year": 2025, "n": 2, "start": "01.03.2026"}
    assert "må leverast før år 2" in in_their_language(solveig, REPORT_DUE, values)
    assert "må leveres før år 2" in in_their_language(kari, REPORT_DUE, values)
