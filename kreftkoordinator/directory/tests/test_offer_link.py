"""Kari finds the right offer for Anne in a few keystrokes, and the case page shows how to reach
it; the directory tells how often an offer is used, with small counts hidden."""

import pytest
from django.urls import reverse

from kreftkoordinator.casework.models import Case, Person, ServiceLink
from kreftkoordinator.conftest import area, login
from kreftkoordinator.directory.models import Offer
from kreftkoordinator.organisation.models import today


def link_data(**changes):
    data = {
        "offer": "",
        "service": "",
        "description": "",
        "status": "proposed",
        "status_on": str(today()),
        "without_coordinator": "unknown",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
class TestPickingAnOffer:
    def test_typing_lists_matching_offers_for_the_cases_area(self, client, kari, drammen_case):
        login(client, kari)
        response = client.get(
            reverse("directory:offer_choices"), {"omrade": "3301", "offer_query": "pleiep"}
        )
        content = response.content.decode()
        assert "Pleiepenger i livets sluttfase" in content and 'type="radio"' in content

    def test_without_javascript_the_search_button_lists_them(self, client, kari, drammen_case):
        login(client, kari)
        response = client.post(
            reverse("casework:service_add", args=[drammen_case.pk]),
            link_data(search_offers="1", offer_query="vardesenter"),
        )
        assert response.status_code == 200 and "Vardesenteret" in response.content.decode()
        assert not ServiceLink.objects.exists()
        assert not response.context["form"].errors

    def test_choosing_an_offer_links_it_and_the_case_page_shows_it(
        self, client, kari, drammen_case
    ):
        offer = Offer.objects.get(title="Kreftlinjen")
        login(client, kari)
        response = client.post(
            reverse("casework:service_add", args=[drammen_case.pk]), link_data(offer=offer.pk)
        )
        link = ServiceLink.objects.get()
        assert response.status_code == 302 and link.offer == offer and str(link) == "Kreftlinjen"
        page = client.get(reverse("casework:case_detail", args=[drammen_case.pk]))
        assert "https://www.kreftforeningen.no" in page.content.decode()

    def test_neither_offer_nor_service_is_explained(self, client, kari, drammen_case):
        login(client, kari)
        response = client.post(reverse("casework:service_add", args=[drammen_case.pk]), link_data())
        assert response.context["form"].errors["service"] == [
            "Velg et tilbud fra oversikten eller en tjeneste."
        ]

    def test_another_areas_offer_is_refused(self, client, kari, drammen_case):
        horten_only = Offer.objects.create(
            provider=Offer.objects.first().provider,
            title="Horten-kafé",
            description="x",
            category="voluntary",
        )
        horten_only.areas.set([area("3901")])
        login(client, kari)
        response = client.post(
            reverse("casework:service_add", args=[drammen_case.pk]), link_data(offer=horten_only.pk)
        )
        assert "offer" in response.context["form"].errors

    def test_hanne_cannot_search_for_drammen(self, client, hanne, drammen_case):
        login(client, hanne)
        response = client.get(
            reverse("directory:offer_choices"), {"omrade": "3301", "offer_query": "a"}
        )
        assert response.status_code == 404
        assert client.get(reverse("directory:offer_choices"), {"omrade": "x"}).status_code == 404
        assert client.get(reverse("directory:offer_choices"), {"omrade": "3901"}).status_code == 200

    def test_other_roles_cannot_search_for_a_case(self, client, per, drammen_case):
        login(client, per)
        response = client.get(reverse("directory:offer_choices"), {"omrade": "3301"})
        assert response.status_code == 403


def link(offer, code, name):
    person = Person.objects.create(area=area(code), name=name)
    case = Case.objects.create(area=person.area, person=person)
    ServiceLink.objects.create(
        area=case.area, case=case, offer=offer, service="other", status_on=today()
    )


@pytest.mark.django_db
def test_usage_counts_are_suppressed_below_five(client, eva):
    offer = Offer.objects.get(title="Kreftlinjen")
    login(client, eva)
    url = reverse("directory:offer_detail", args=[offer.pk])
    assert client.get(url).context["used_by"] == "0"
    for i in range(3):
        link(offer, "3301", f"P{i}")
    assert client.get(url).context["used_by"] == "<5"
    for i in range(3, 6):
        link(offer, "3901", f"P{i}")
    assert client.get(url).context["used_by"] == "6"


@pytest.mark.django_db
def test_linking_her_own_people_does_not_reveal_others_usage(client, kari, hanne):
    """Kari cannot step the count past five with her own people to learn Horten's three."""
    offer = Offer.objects.get(title="Kreftlinjen")
    for i in range(3):
        link(offer, "3901", f"H{i}")
    login(client, kari)
    url = reverse("directory:offer_detail", args=[offer.pk])
    for i in range(6):
        response = client.get(url)
        assert (response.context["used_by_own"], response.context["used_by"]) == (i, "<5")
        link(offer, "3301", f"D{i}")


@pytest.mark.django_db
def test_the_case_page_queries_do_not_grow_with_linked_offers(client, kari, drammen_case):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kreftkoordinator.casework.models import ServiceStatusChange

    def add(n):
        for offer in Offer.objects.order_by("pk")[:n]:
            link = ServiceLink.objects.create(
                area=drammen_case.area,
                case=drammen_case,
                offer=offer,
                service="other",
                status_on=today(),
            )
            ServiceStatusChange.objects.create(link=link, status="proposed", on=today())

    login(client, kari)
    url = reverse("casework:case_detail", args=[drammen_case.pk])
    add(1)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    ServiceLink.objects.all().delete()
    add(8)
    with CaptureQueriesContext(connection) as eight:
        client.get(url)
    assert len(one) == len(eight)
