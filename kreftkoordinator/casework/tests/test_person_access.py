"""Hanne, the coordinator in Horten, must see nothing of Drammen: every casework URL with a
Drammen id answers 404 (never 403: not even the id's existence is told)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kreftkoordinator.casework.models import Person
from kreftkoordinator.conftest import area, login

PERSON_URLS = ["casework:person_detail", "casework:person_access_log"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", PERSON_URLS)
def test_another_areas_coordinator_gets_404(client, kari, hanne, drammen_person, name):
    url = reverse(name, args=[drammen_person.pk])
    assert login(client, kari).get(url).status_code == 200
    client.logout()
    assert login(client, hanne).get(url).status_code == 404


@pytest.mark.django_db
def test_the_list_and_search_show_only_her_area(client, kari, hanne, drammen_person, horten_person):
    login(client, hanne)
    response = client.get(reverse("casework:person_list"), {"q": "Anne"})
    assert list(response.context["page"]) == []
    response = client.get(reverse("casework:person_list"))
    assert list(response.context["page"]) == [horten_person]
    assert "Anne Hansen" not in response.content.decode()


@pytest.mark.django_db
def test_an_expired_substitute_gets_404(client, lene, drammen_person):
    from datetime import timedelta

    lene.assignments.update(valid_to=drammen_person.created_at.date() - timedelta(days=1))
    login(client, lene)
    assert (
        client.get(reverse("casework:person_detail", args=[drammen_person.pk])).status_code == 404
    )


@pytest.mark.django_db
def test_the_person_list_runs_the_same_queries_for_10_and_100_people(client, kari):
    login(client, kari)
    Person.objects.bulk_create([Person(area=area("3301"), name=f"P{i}") for i in range(10)])
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("casework:person_list"))
    Person.objects.bulk_create([Person(area=area("3301"), name=f"Q{i}") for i in range(90)])
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("casework:person_list"))
    assert len(small) == len(large)
