"""Issue 11 in a real browser: the main pages work on a phone, a form's error page keeps its
navigation, the browser tab names no one, and there is a favicon."""

import pytest
from django.urls import reverse

from kreftkoordinator.casework.models import Case, Person
from kreftkoordinator.conftest import area
from kreftkoordinator.organisation.models import today

from .conftest import PHONE, overflow


@pytest.fixture
def busy_kari(kari, drammen_case):
    """Kari with a caseload whose names and phases make the table wide."""
    for n in range(12):
        person = Person.objects.create(
            area=area("3301"),
            name=f"Kristine Marie Haugland-Johannessen {n}",
            phone=f"+479123450{n:02d}",
        )
        Case.objects.create(
            area=person.area, person=person, opened_on=today(), created_by=kari, phase="palliative"
        )
    return kari


@pytest.mark.parametrize(
    "who,name",
    [
        ("kari", "home"),
        ("kari", "casework:caseload"),
        ("kari", "casework:person_list"),
        ("kari", "casework:week"),
        (None, "public:coverage"),
        (None, "public:find"),
        (None, "public:contact"),
        (None, "public:events"),
    ],
)
def test_the_main_pages_fit_a_phone(in_browser, busy_kari, who, name):
    def steps(page):
        page.goto(reverse(name))
        return page.locator("h1").count(), overflow(page)

    headings, wider = in_browser(busy_kari if who else None, steps, PHONE)
    assert headings == 1
    assert wider <= 0, f"{name} is {wider} px wider than a phone"


def test_after_an_error_the_week_s_links_and_the_language_switch_work(in_browser, kari):
    week = reverse("casework:week")

    def error(page):
        page.goto(week)
        page.fill("#id_minutes", "0")
        page.locator("form", has=page.locator("#id_minutes")).locator("button").first.click()
        return page.url, page.locator(".ds-error-summary").count()

    def steps(page):
        seen = [error(page)]
        page.get_by_role("link", name="Neste uke").click()
        seen.append((page.url, page.locator("h1").inner_text()))
        error(page)
        page.get_by_role("button", name="English").click()
        seen.append((page.url, page.locator("html").get_attribute("lang")))
        # The form's target typed into the address bar (or reloaded): the week, not 405.
        response = page.goto(reverse("casework:time_entry_add"))
        seen.append((response.status, page.url))
        return seen

    after_error, next_week, english, typed = in_browser(kari, steps)
    assert after_error[0].endswith(reverse("casework:time_entry_add")) and after_error[1] == 1
    assert f"{week}?uke=" in next_week[0] and next_week[1]
    assert english[0].endswith(week) and english[1] == "en"
    assert typed[0] == 200 and typed[1].endswith(week)


def test_the_tab_names_no_one(in_browser, kari, drammen_case):
    def steps(page):
        page.goto(reverse("casework:case_detail", args=[drammen_case.pk]))
        return page.locator("h1").inner_text(), page.title()

    heading, title = in_browser(kari, steps)
    assert "Anne Hansen" in heading
    assert "Anne" not in title and "Hansen" not in title


def test_there_is_a_favicon(in_browser):
    def steps(page):
        page.goto(reverse("public:find"))
        href = page.locator("link[rel=icon]").get_attribute("href")
        response = page.request.get(href)
        return response.ok, response.headers["content-type"]

    ok, kind = in_browser(None, steps)
    assert ok and "svg" in kind
