"""Every response carries a Content-Security-Policy without 'unsafe-inline' and a
Permissions-Policy; every page a signed-in user gets is not stored by browsers or proxies; and a
link that is not http(s), however it got into the database, is never rendered as a link."""

import pytest
from django.urls import reverse

from kreftkoordinator.conftest import login
from kreftkoordinator.directory.models import Offer


def assert_policies(response):
    csp = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "camera=()" in response.headers["Permissions-Policy"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/", "/finn-kreftkoordinator/", "/logg-inn/", "/finnes-ikke/", "/kontakt-meg/"]
)
def test_public_responses_carry_the_policies(client, url):
    response = client.get(url)
    assert_policies(response)


def test_static_files_carry_the_policies_too(client):
    response = client.get("/static/kreftkoordinator/app.js")
    assert response.status_code == 200
    assert_policies(response)


@pytest.mark.django_db
def test_pages_with_personal_data_are_not_stored(client, kari, drammen_case):
    login(client, kari)
    for url in (
        reverse("casework:caseload"),
        reverse("casework:case_detail", args=[drammen_case.pk]),
        reverse("casework:person_detail", args=[drammen_case.person.pk]),
    ):
        response = client.get(url)
        assert_policies(response)
        assert "no-store" in response.headers["Cache-Control"]


@pytest.mark.django_db
def test_no_page_has_inline_script_or_style(client, kari, drammen_case):
    login(client, kari)
    for url in ("/", reverse("casework:case_detail", args=[drammen_case.pk])):
        content = client.get(url).content.decode()
        assert "<script>" not in content and " style=" not in content and "<style" not in content


@pytest.mark.django_db
def test_a_stored_javascript_link_is_not_rendered_as_a_link(client, eva):
    offer = Offer.objects.get(title="Kreftlinjen")
    Offer.objects.filter(pk=offer.pk).update(website="javascript:alert(1)")
    public = client.get(reverse("public:offer", args=[offer.pk])).content.decode()
    login(client, eva)
    inside = client.get(reverse("directory:offer_detail", args=[offer.pk])).content.decode()
    for content in (public, inside):
        assert "Kreftlinjen" in content and "javascript:" not in content


@pytest.mark.django_db
def test_the_offer_form_refuses_a_javascript_link(client, eva):
    login(client, eva)
    response = client.post(
        reverse("directory:offer_create"),
        {"title": "X", "website": "ftp://example.no/fil", "provider_name": "Y"},
    )
    assert response.status_code == 200
    assert "http:// eller https://" in response.content.decode()
