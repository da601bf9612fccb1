"""Languages in a real browser: a visitor switches to nynorsk on a public page and keeps it; a
visitor whose browser speaks neither Norwegian form nor English follows Alver's coordinator,
a nynorsk municipality's, from the find page to the contact form, in nynorsk all the way."""

import pytest
from django.urls import reverse

from kreftkoordinator.casework.models import ContactRequest
from kreftkoordinator.conftest import area, assign, make_position, make_user
from kreftkoordinator.organisation.models import Area, LanguageForm

from .conftest import axe

NORDHORDLAND = ["4631", "4632", "4633", "4634", "4635", "4629", "4630"]


@pytest.fixture
def solveig(transactional_db):
    Area.objects.filter(code__in=NORDHORDLAND).update(language_form=LanguageForm.NYNORSK)
    assert area("4631").language_form == LanguageForm.NYNORSK
    user = make_user("solveig", name="Solveig Mjelde")
    assign(
        user, make_position("Kreftkoordinator i Nordhordland", NORDHORDLAND, phone="56 12 34 56")
    )
    return user


def test_a_visitor_switches_to_nynorsk_and_keeps_it(in_browser):
    def steps(page):
        page.goto(reverse("public:offers"))
        before = page.get_attribute("html", "lang"), page.locator("h1").inner_text()
        page.get_by_role("navigation", name="Språk").get_by_role("link", name="Nynorsk").click()
        after = page.get_attribute("html", "lang"), page.locator("h1").inner_text()
        page.get_by_role("link", name="Møteplassar og kurs").first.click()
        kept = page.get_attribute("html", "lang"), page.locator("h1").inner_text()
        current = page.locator('a[aria-current="true"][hreflang]').inner_text()
        return before, after, kept, current, axe(page)

    before, after, kept, current, violations = in_browser(None, steps)
    assert before == ("nb", "Tilbud for deg som har kreft, og for pårørende")
    assert after == ("nn", "Tilbod for deg som har kreft, og for pårørande")
    assert kept == ("nn", "Møteplassar, temakafear og kurs") and current == "Nynorsk"
    assert violations == []


def test_from_the_find_page_to_alvers_contact_form_in_nynorsk(in_browser, solveig):
    def steps(page):
        page.goto(reverse("public:find"))
        page.fill("#id_municipality", "Alver")
        page.get_by_role("button", name="Finn").click()
        found = page.get_attribute("html", "lang"), page.locator("h2").first.inner_text()
        page.get_by_role("link", name="be om å bli kontakta").click()
        form = page.get_attribute("html", "lang"), page.input_value("#id_municipality")
        label = page.locator("label[for=id_municipality]").inner_text()
        page.fill("#id_name", "Siri Moe")
        page.fill("#id_phone", "987 65 432")
        page.check("#id_role_0")
        page.check("#id_consent")
        page.get_by_role("button", name="Send").click()
        thanks = page.get_attribute("html", "lang"), page.locator("h1").inner_text()
        return found, form, label, thanks

    found, form, label, thanks = in_browser(None, steps, locale="de-DE")
    assert found == ("nn", "Kreftkoordinator for Alver")
    assert form == ("nn", "Alver") and label.startswith("Kommunen du bur i")
    assert thanks == ("nn", "Takk, vi har fått førespurnaden din")
    assert ContactRequest.objects.get().area.code == "4631"
