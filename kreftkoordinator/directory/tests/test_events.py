"""Kari keeps the meeting places and courses of Drammen; Hanne cannot touch them."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kreftkoordinator.conftest import area, login
from kreftkoordinator.directory.models import Event


def event_data(**changes):
    start = timezone.localtime() + timedelta(days=7)
    data = {
        "title": "Temakafé: Kosthold",
        "kind": "theme_cafe",
        "area": area("3301").pk,
        "place": "Drammen bibliotek",
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "description": "",
        "offer": "",
        "published": "on",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
class TestEvents:
    def test_kari_adds_an_event_that_the_public_sees(self, client, kari):
        login(client, kari)
        assert client.post(reverse("directory:event_create"), event_data()).status_code == 302
        client.logout()
        response = client.get(reverse("public:events"), {"municipality": "Drammen"})
        assert [e.title for e in response.context["events"]] == ["Temakafé: Kosthold"]

    def test_ending_before_it_starts_is_refused(self, client, kari):
        login(client, kari)
        data = event_data()
        data["ends_at"] = data["starts_at"]
        response = client.post(reverse("directory:event_create"), data)
        assert response.context["form"].errors["ends_at"] == [
            "Arrangementet må slutte etter at det starter."
        ]
        assert 'value="Temakafé: Kosthold"' in response.content.decode()

    def test_not_in_an_area_she_does_not_cover(self, client, kari, hanne):
        login(client, kari)
        response = client.post(reverse("directory:event_create"), event_data(area=area("3901").pk))
        assert "area" in response.context["form"].errors and not Event.objects.exists()

    def test_hanne_cannot_edit_drammens_event(self, client, kari, hanne):
        login(client, kari)
        client.post(reverse("directory:event_create"), event_data())
        event = Event.objects.get()
        client.logout()
        login(client, hanne)
        url = reverse("directory:event_edit", args=[event.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, event_data(title="Endret")).status_code == 404
        event.refresh_from_db()
        assert event.title == "Temakafé: Kosthold"
