"""Public offer search, the meeting-places calendar and its iCalendar feed: published only."""

from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from kreftkoordinator.conftest import area
from kreftkoordinator.directory.models import Event, Offer, Provider


@pytest.fixture
def vang(db):
    provider = Provider.objects.create(name="Vang kommune", kind="municipal")
    offer = Offer.objects.create(
        provider=provider,
        title="Temakafé i Vang",
        description="Samtale om å leve med kreft.",
        category="voluntary",
        for_relatives=True,
    )
    offer.areas.set([area("3454")])
    hidden = Offer.objects.create(
        provider=provider,
        title="Ikke publisert",
        description="x",
        category="voluntary",
        published=False,
    )
    hidden.areas.set([area("3454")])
    start = timezone.make_aware(
        datetime.combine(
            timezone.localdate() + timedelta(days=7), datetime.min.time().replace(hour=18)
        )
    )
    event = Event.objects.create(
        title="Temakafé: Å være pårørende",
        kind="theme_cafe",
        area=area("3454"),
        place="Vang bibliotek, Grindaheim",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        offer=offer,
    )
    Event.objects.create(
        title="Gammelt",
        kind="theme_cafe",
        area=area("3454"),
        place="x",
        starts_at=start - timedelta(days=60),
        ends_at=start - timedelta(days=60, hours=-2),
    )
    return offer, hidden, event


@pytest.mark.django_db
class TestPublicOffers:
    def test_offers_for_vang_include_national_ones_but_not_unpublished(self, client, vang):
        response = client.get(reverse("public:offers"), {"area": "Vang"})
        titles = [o.title for o in response.context["page"].paginator.object_list]
        assert "Temakafé i Vang" in titles and "Kreftlinjen" in titles
        assert "Ikke publisert" not in titles

    def test_an_unpublished_offer_is_not_found(self, client, vang):
        _offer, hidden, _event = vang
        assert client.get(reverse("public:offer", args=[hidden.pk])).status_code == 404

    def test_the_offer_page_shows_how_to_get_it_and_its_events(self, client, vang):
        offer, _hidden, _event = vang
        content = client.get(reverse("public:offer", args=[offer.pk])).content.decode()
        assert "Ta kontakt selv" in content and "Temakafé: Å være pårørende" in content


@pytest.mark.django_db
class TestCalendar:
    def test_upcoming_events_in_vang(self, client, vang):
        response = client.get(reverse("public:events"), {"municipality": "3454"})
        assert [e.title for e in response.context["events"]] == ["Temakafé: Å være pårørende"]

    def test_events_follow_the_inter_municipal_position(self, client, vang, sigrid):
        """The Valdres position covers Vang and Nord-Aurdal: a meeting place in Nord-Aurdal is
        Vang's too, in the calendar and in the feed; Horten's is not."""
        _offer, _hidden, event = vang
        for code, title in (("3451", "Møteplass i Fagernes"), ("3901", "Møteplass i Horten")):
            Event.objects.create(
                title=title,
                kind="meeting_place",
                area=area(code),
                place="x",
                starts_at=event.starts_at,
                ends_at=event.ends_at,
            )
        response = client.get(reverse("public:events"), {"municipality": "Vang"})
        titles = {e.title for e in response.context["events"]}
        assert titles == {"Temakafé: Å være pårørende", "Møteplass i Fagernes"}
        feed = Calendar.from_ical(client.get(reverse("public:events_ical", args=["3454"])).content)
        assert {str(e["SUMMARY"]) for e in feed.walk("VEVENT")} == titles
        everywhere = client.get(reverse("public:events"))
        assert len(everywhere.context["events"]) == 3
        assert 'class="required"' not in everywhere.content.decode().split("<main")[1]

    def test_the_ical_feed_parses(self, client, vang):
        response = client.get(reverse("public:events_ical", args=["3454"]))
        assert response["Content-Type"].startswith("text/calendar")
        calendar = Calendar.from_ical(response.content)
        events = calendar.walk("VEVENT")
        assert [str(e["SUMMARY"]) for e in events] == ["Temakafé: Å være pårørende"]
        assert str(events[0]["LOCATION"]) == "Vang bibliotek, Grindaheim"

    def test_the_feed_follows_rfc_5545(self, client, vang, settings):
        """Issue 28, point 8: a UID under our own domain, DTSTAMP, SEQUENCE that goes up when
        the event changes, STATUS:CANCELLED when it is cancelled, and the event's own page."""
        settings.SITE_URL = "https://kreftkoordinator.example.no"
        _offer, _hidden, event = vang

        def feed():
            response = client.get(reverse("public:events_ical", args=["3454"]))
            [item] = Calendar.from_ical(response.content).walk("VEVENT")
            return item

        first = feed()
        assert str(first["UID"]) == f"event-{event.pk}@kreftkoordinator.example.no"
        assert first.decoded("DTSTAMP") and int(first["SEQUENCE"]) == 0
        assert str(first["STATUS"]) == "CONFIRMED"
        page = str(first["URL"])
        assert page == f"https://kreftkoordinator.example.no/moteplasser/{event.pk}/"
        assert client.get(page.removeprefix(settings.SITE_URL)).status_code == 200
        event.refresh_from_db()
        event.description = "Med kaffe."  # not a revision a calendar needs to take
        event.save()
        assert int(feed()["SEQUENCE"]) == 0
        event.place = "Vang kyrkjelydshus"
        event.save()
        assert int(feed()["SEQUENCE"]) == 1
        event.cancelled = True
        event.save()
        cancelled = feed()
        assert str(cancelled["STATUS"]) == "CANCELLED" and int(cancelled["SEQUENCE"]) == 2
        page = client.get(reverse("public:event", args=[event.pk])).content.decode()
        assert "Dette arrangementet er avlyst." in page

    def test_an_unpublished_event_has_no_page(self, client, vang):
        _offer, _hidden, event = vang
        event.published = False
        event.save()
        assert client.get(reverse("public:event", args=[event.pk])).status_code == 404

    def test_an_unknown_area_has_no_feed(self, client, db):
        assert client.get(reverse("public:events_ical", args=["9999"])).status_code == 404

    def test_the_public_pages_answer_in_a_constant_number_of_queries(self, client, vang):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        url = reverse("public:offers")
        with CaptureQueriesContext(connection) as before:
            client.get(url, {"area": "Vang"})
        provider = Provider.objects.get(name="Vang kommune")
        for i in range(30):
            extra = Offer.objects.create(
                provider=provider,
                title=f"Tilbud {i}",
                description="x",
                category="voluntary",
                national=True,
            )
            assert extra.pk
        with CaptureQueriesContext(connection) as after:
            client.get(url, {"area": "Vang"})
        assert len(before) == len(after)
