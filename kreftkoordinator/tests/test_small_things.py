"""Small things a first user notices: a favicon, and the product's own Norwegian error pages in
demo mode too (where DEBUG is on and Django would show its technical pages in English)."""

import pytest
from django.test import override_settings
from django.urls import reverse

from kreftkoordinator.conftest import login


def test_there_is_a_favicon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response.url.endswith("favicon.svg")
    page = client.get(reverse("public:find")).content.decode()
    assert 'rel="icon"' in page


@pytest.mark.django_db
@override_settings(DEMO=True, DEBUG=True)
def test_in_demo_mode_a_missing_page_is_our_norwegian_page(client):
    response = client.get("/finnes-ikke/")
    assert response.status_code == 404
    assert "Fant ikke siden" in response.content.decode()


@pytest.mark.django_db
@override_settings(DEMO=True, DEBUG=True)
def test_in_demo_mode_a_record_one_may_not_see_is_our_page_too(client, hanne, drammen_case):
    login(client, hanne)
    response = client.get(reverse("casework:case_detail", args=[drammen_case.pk]))
    assert response.status_code == 404 and "Fant ikke siden" in response.content.decode()


@pytest.mark.django_db
@override_settings(DEMO=True, DEBUG=True)
def test_in_demo_mode_an_error_is_our_norwegian_page(client, kari, monkeypatch):
    from kreftkoordinator.casework import case_views

    def broken(*args, **kwargs):
        raise RuntimeError("noe gikk i stykker")

    monkeypatch.setattr(case_views, "day_of", broken)
    login(client, kari)
    client.raise_request_exception = False
    response = client.get(reverse("casework:caseload"))
    assert response.status_code == 500 and "Noe gikk galt" in response.content.decode()
