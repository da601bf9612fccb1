"""WCAG 2.1 AA in the browser: axe-core on the main pages of every role, no serious or critical
violation; the page's language is declared."""

import pytest
from django.urls import reverse

from kreftkoordinator.reporting.tests.conftest import drammen_2025  # noqa: F401 -- a fixture

from .conftest import PHONE, axe

PAGES = {
    None: ["home", "public:find", "public:contact", "public:offers", "public:events",
           "public:coverage", "public:accessibility", "accounts:login",
           "reporting:definitions"],
    "kari": ["home", "casework:caseload", "casework:person_list", "casework:person_create",
             "casework:contact_create", "casework:week", "directory:offer_list",
             "audit:my_activity"],
    "per": ["home", "reporting:leader", "economics:scenarios", "grants:agreements",
            "accounts:approvals"],
    "eva": ["home", "grants:agreements", "grants:agreement_create", "grants:statements",
            "grants:schemes", "organisation:position_list"],
    "ola": ["home", "accounts:user_list", "organisation:position_list", "organisation:area_list",
            "accounts:approvals"],
}  # fmt: skip
CASES = [(who, name) for who, names in PAGES.items() for name in names]


@pytest.fixture
def users(kari, per, eva, ola):
    return {"kari": kari, "per": per, "eva": eva, "ola": ola}


@pytest.mark.parametrize("who,name", CASES)
def test_no_serious_violation(in_browser, users, who, name):
    def steps(page):
        page.goto(reverse(name))
        return page.locator("html").get_attribute("lang"), axe(page, f"{who or 'public'}:{name}")

    lang, violations = in_browser(users.get(who), steps)
    assert lang == "nb"
    assert violations == [], f"{name}: {violations}"


@pytest.mark.parametrize("who,name", [("kari", "casework:caseload"), (None, "public:coverage")])
def test_no_serious_violation_on_a_phone(in_browser, users, who, name):
    def steps(page):
        page.goto(reverse(name))
        return axe(page)

    assert in_browser(users.get(who), steps, PHONE) == []


def test_axe_finds_what_it_should(in_browser):
    """The check itself: a page with an image without a text alternative and a field without a
    label is caught."""

    def steps(page):
        page.set_content(
            '<html lang="nb"><body><main><img src="x.png"><input type="text"></main></body></html>'
        )
        return axe(page)

    found = " ".join(in_browser(None, steps))
    assert "image-alt" in found and "label" in found


def test_the_grouped_report_tables_with_figures(
    in_browser,
    kari,
    per,
    drammen_2025,  # noqa: F811
    drammen_position,
):
    """The annual report and the leader's full table, grouped and filled."""
    from kreftkoordinator.reporting.submissions import submit_report

    submit_report(kari, drammen_position, 2025, "")

    def annual(page):
        page.goto(reverse("reporting:annual", args=[drammen_position.pk, 2025]))
        return axe(page)

    def leader(page):
        page.goto(reverse("reporting:leader"))
        return page.locator("th[scope=colgroup]").count(), axe(page)

    assert in_browser(kari, annual) == []
    groups, violations = in_browser(per, leader)
    assert groups > 0 and violations == []
