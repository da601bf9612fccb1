"""Kari's start page is her day: the new contact request, today's and overdue follow-ups, her
notifications and her latest contacts, in one place; Hanne's shows nothing of Drammen; the
page does as many queries for many follow-ups as for one."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kreftkoordinator.audit.models import AuditEntry
from kreftkoordinator.casework.models import Contact, ContactRequest, FollowUp, Notification
from kreftkoordinator.conftest import area, login
from kreftkoordinator.organisation.models import today


@pytest.fixture
def kari_s_day(kari, drammen_case):
    ContactRequest.objects.create(area=area("3301"), name="Siri Moe", role="relative")
    FollowUp.objects.create(
        area=drammen_case.area,
        case=drammen_case,
        what="Ring fastlegen",
        due_on=today() - timedelta(days=2),
    )
    Notification.objects.create(user=kari, message="En oppfølging er overført til deg")
    Contact.objects.create(
        area=drammen_case.area,
        case=drammen_case,
        mode="home_visit",
        with_patient=True,
        supportive=True,
        created_by=kari,
    )
    return drammen_case


@pytest.mark.django_db
def test_kari_s_start_page_is_her_day(client, kari, kari_s_day):
    login(client, kari)
    response = client.get(reverse("home"))
    content = response.content.decode()
    assert [r.name for r in response.context["inbox"]] == ["Siri Moe"]
    assert {f.what for f in response.context["follow_ups"]} >= {"Ring fastlegen", "Ring Anne"}
    assert "Forfalt" in content  # Ring fastlegen is overdue
    assert "En oppfølging er overført til deg" in content
    assert [c.case for c in response.context["recent_contacts"]] == [kari_s_day]
    assert "Hjemmebesøk" in content and "Anne Hansen" in content
    entry = AuditEntry.objects.filter(user=kari, reason="startside").get()
    assert kari_s_day.person_id in set(entry.also.values_list("person_id", flat=True))


@pytest.mark.django_db
def test_hanne_s_day_shows_nothing_of_drammen(client, hanne, kari_s_day):
    login(client, hanne)
    response = client.get(reverse("home"))
    assert not response.context["inbox"] and not response.context["follow_ups"]
    assert not response.context["recent_contacts"]
    assert "Siri Moe" not in response.content.decode()


@pytest.mark.django_db
def test_the_day_does_as_many_queries_for_many_as_for_one(client, kari, kari_s_day):
    login(client, kari)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("home"))
        return len(captured)

    one = queries()
    for n in range(20):
        FollowUp.objects.create(
            area=kari_s_day.area,
            case=kari_s_day,
            what=f"Oppgave {n}",
            due_on=today() - timedelta(n),
        )
        Contact.objects.create(
            area=kari_s_day.area,
            case=kari_s_day,
            with_patient=True,
            supportive=True,
            created_by=kari,
        )
    assert queries() == one
