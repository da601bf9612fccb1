"""Every message read as the nurse (or the relative) reads it: each problem once in the error
summary, a required field saying what to do, no "---------" in a drop-down, a search's summary
speaking of the search, and the consent box's error without its long label."""

import re

import pytest
from django.urls import reverse

from kreftkoordinator.conftest import login


def summary(content: str) -> list[str]:
    found = re.search(r'<div class="ds-error-summary".*?</div>', content, re.S)
    assert found, "no error summary"
    return [re.sub(r"<[^>]+>", "", li).strip() for li in re.findall(r"<li>(.*?)</li>", found[0])]


@pytest.mark.django_db
def test_the_quick_contact_names_each_problem_once_in_words(client, kari):
    login(client, kari)
    content = client.post(reverse("casework:contact_create"), {"mode": "phone"}).content.decode()
    problems = summary(content)
    assert len(problems) == len(set(problems))
    assert sum("Velg minst én type kontakt." in p for p in problems) == 1
    assert sum("Velg hvem som deltok." in p for p in problems) == 1
    assert not any("påkrevet" in p for p in problems)
    assert "---------" not in content


@pytest.mark.django_db
def test_the_consent_error_is_not_glued_to_its_label(client, sigrid):
    data = {"name": "Siri", "municipality": "Vang", "phone": "91234567", "role": "patient"}
    problems = summary(client.post(reverse("public:contact"), data).content.decode())
    assert problems == [
        "Kryss av for at kreftkoordinatoren kan kontakte deg; uten samtykke kan vi ikke sende "
        "forespørselen."
    ]


@pytest.mark.django_db
def test_a_search_s_summary_speaks_of_the_search(client, kari):
    login(client, kari)
    content = client.get(reverse("casework:caseload"), {"quiet_weeks": "mange"}).content.decode()
    assert "før søket kan gjøres" in content and "før skjemaet kan lagres" not in content


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    ["casework:person_create", "casework:week", "casework:activity_add", "directory:offer_create"],
)
def test_no_drop_down_shows_dashes(client, kari, name):
    login(client, kari)
    assert "---------" not in client.get(reverse(name)).content.decode()
