"""The accessibility statement (/tilgjengelighet/): its figures are the last complete browser
test run's (data/accessibility.json, written by tests/browser/conftest.py), it is linked from
every public page, and a problem reported through it reaches the administrators."""

import json

import pytest
from django.urls import reverse

from kreftkoordinator.public import accessibility
from kreftkoordinator.tests.browser.test_accessibility import CASES
from kreftkoordinator.tests.browser.test_keyboard import CRITERIA

RUN = {
    "tested_on": "2026-12-01",
    "engine": "axe-core 4.14.1, Chrome/156.0.0.0",
    "pages": ["public:home", "kari:home"],
    "criteria": {
        "1.4.3": {
            "rules": ["color-contrast"],
            "pages_passed": 1,
            "pages_failed": ["kari:home"],
            "keyboard_tests": [],
        },
        "2.1.1": {"rules": [], "pages_passed": 0, "pages_failed": [], "keyboard_tests": ["t"]},
        "2.5.8": {
            "rules": ["target-size"],
            "pages_passed": 2,
            "pages_failed": [],
            "keyboard_tests": [],
        },
    },
    "deviations": [
        {
            "criterion": "1.4.3",
            "rule": "color-contrast",
            "impact": "moderate",
            "help": "Elements must meet minimum color contrast ratio thresholds",
            "pages": ["kari:home"],
        }
    ],
}


@pytest.fixture
def run(tmp_path, monkeypatch):
    path = tmp_path / "accessibility.json"
    path.write_text(json.dumps(RUN))
    monkeypatch.setattr(accessibility, "STATUS", path)
    monkeypatch.setattr(
        "kreftkoordinator.public.accessibility_views.status", lambda: accessibility.status(path)
    )
    return path


def test_the_shipped_figures_come_from_a_complete_run():
    data = json.loads(accessibility.STATUS.read_text())
    assert set(data["pages"]) == {f"{who or 'public'}:{name}" for who, name in CASES}
    keyboard = {n for n, c in data["criteria"].items() if c["keyboard_tests"]}
    assert keyboard == set(CRITERIA)
    assert all(n in accessibility.CRITERIA for n in keyboard)


@pytest.mark.django_db
def test_the_statement_shows_each_criterion_with_its_result(client, run):
    page = client.get(reverse("public:accessibility")).content.decode()
    assert "1.4.3 Kontrast (minimum)" in page and "Ikke oppfylt" in page
    assert "2.1.1 Tastatur" in page and "1 test med bare tastatur" in page
    assert "Nettstedet oppfyller kravene delvis" in page
    assert "Elements must meet minimum color contrast" in page  # the deviation, from the run
    assert "Sist testet 1. desember 2026, med axe-core 4.14.1" in page
    assert "2.5.8" not in page  # WCAG 2.2: beyond the regulation
    assert "48 kriterier er ikke testet automatisk" in page


@pytest.mark.django_db
def test_every_public_page_links_to_it(client):
    for name in ("home", "public:find", "public:contact", "public:offers", "public:events"):
        assert reverse("public:accessibility") in client.get(reverse(name)).content.decode()


@pytest.mark.django_db
def test_a_reported_problem_reaches_the_administrators(client, ola, mailoutbox, settings):
    settings.ACCESSIBILITY_ANSWER_DAYS = 10
    response = client.post(
        reverse("public:accessibility"),
        {
            "message": "Knappen Send kan ikke nås med tastatur.",
            "page": "/kontakt-meg/",
            "email": "a@example.no",
        },
        follow=True,
    )
    assert "svarer innen 10 dager" in response.content.decode()
    assert [m.to for m in mailoutbox] == [[ola.email]]
    assert (
        "Knappen Send kan ikke nås" in mailoutbox[0].body and "a@example.no" in mailoutbox[0].body
    )


@pytest.mark.django_db
def test_an_empty_report_keeps_what_was_typed(client, ola, mailoutbox):
    response = client.post(reverse("public:accessibility"), {"page": "/tilbud-for-deg/"})
    assert response.status_code == 200 and mailoutbox == []
    assert 'value="/tilbud-for-deg/"' in response.content.decode()


@pytest.mark.django_db
def test_a_robot_is_thanked_and_nothing_is_sent(client, ola, mailoutbox):
    client.post(reverse("public:accessibility"), {"message": "spam", "website": "x"})
    assert mailoutbox == []
