"""The week: Kari's contacts fill direct contact and coordination; she records system work and
other time herself, only for positions she held on the day."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kreftkoordinator.casework.models import Contact, SystemActivity, TimeEntry
from kreftkoordinator.conftest import login
from kreftkoordinator.organisation.models import Position, today


def week_of(client, day=None):
    return client.get(reverse("casework:week"), {"uke": str(day or today())}).context["week"]


def minutes(week, category):
    return sum(week.minutes[category].values())


@pytest.mark.django_db
class TestWeek:
    def test_contacts_fill_direct_contact_and_coordination(self, client, kari, drammen_case):
        now = timezone.now()
        Contact.objects.create(
            area=drammen_case.area,
            case=drammen_case,
            at=now,
            duration_minutes=60,
            with_patient=True,
            supportive=True,
            created_by=kari,
        )
        Contact.objects.create(
            area=drammen_case.area,
            case=drammen_case,
            at=now,
            duration_minutes=30,
            with_professional=True,
            coordination=True,
            created_by=kari,
        )
        login(client, kari)
        week = week_of(client)
        assert (minutes(week, "direct"), minutes(week, "coordination")) == (60, 30)
        assert week.total == 90

    def test_kari_records_other_time_and_deletes_it(self, client, kari, drammen_position):
        login(client, kari)
        response = client.post(
            reverse("casework:time_entry_add"),
            {
                "position": drammen_position.pk,
                "on": str(today()),
                "category": "system",
                "minutes": "45",
                "note": "Årsrapport",
            },
        )
        assert response.status_code == 302
        assert minutes(week_of(client), "system") == 45
        entry = TimeEntry.objects.get()
        client.post(reverse("casework:time_entry_delete", args=[entry.pk]))
        assert not TimeEntry.objects.exists()

    def test_a_system_activity_counts_in_its_category(self, client, kari, drammen_position):
        login(client, kari)
        response = client.post(
            reverse("casework:activity_add"),
            {
                "position": drammen_position.pk,
                "on": str(today()),
                "kind": "training",
                "title": "Lindrende pleie for hjemmesykepleien",
                "participants": "14",
                "minutes": "90",
            },
        )
        assert response.status_code == 302
        assert SystemActivity.objects.get().participants == 14
        assert minutes(week_of(client), "competence") == 90

    @pytest.mark.parametrize(
        "changes,field",
        [
            ({"minutes": "0"}, "minutes"),
            ({"minutes": "2000"}, "minutes"),
            ({"on": str(today() + timedelta(days=1))}, "on"),
            ({"minutes": "mye"}, "minutes"),
        ],
    )
    def test_bad_time_is_refused_and_kept(self, client, kari, drammen_position, changes, field):
        login(client, kari)
        data = {
            "position": drammen_position.pk,
            "on": str(today()),
            "category": "system",
            "minutes": "45",
            "note": "Møte med kommunalsjefen",
        }
        data.update(changes)
        response = client.post(reverse("casework:time_entry_add"), data)
        assert field in response.context["entry_form"].errors
        assert "Møte med kommunalsjefen" in response.content.decode()
        assert not TimeEntry.objects.exists()

    def test_only_on_days_she_held_the_position(self, client, lene, drammen_position):
        login(client, lene)
        response = client.post(
            reverse("casework:time_entry_add"),
            {
                "position": drammen_position.pk,
                "on": str(today() - timedelta(days=20)),
                "category": "system",
                "minutes": "30",
            },
        )
        assert response.context["entry_form"].errors["on"] == [
            "Du var ikke tilsatt i stillingen på denne datoen."
        ]

    def test_not_a_position_she_never_held(self, client, kari, hanne):
        login(client, kari)
        horten = Position.objects.get(name="Kreftkoordinator i Horten")
        response = client.post(
            reverse("casework:time_entry_add"),
            {"position": horten.pk, "on": str(today()), "category": "system", "minutes": "30"},
        )
        assert "position" in response.context["entry_form"].errors

    def test_hanne_cannot_delete_karis_time(self, client, kari, hanne, drammen_position):
        entry = TimeEntry.objects.create(
            position=drammen_position, user=kari, category="system", minutes=30
        )
        login(client, hanne)
        assert (
            client.post(reverse("casework:time_entry_delete", args=[entry.pk])).status_code == 404
        )
        assert TimeEntry.objects.filter(pk=entry.pk).exists()

    def test_the_week_runs_the_same_queries_however_much_is_recorded(
        self, client, kari, drammen_position
    ):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        login(client, kari)
        with CaptureQueriesContext(connection) as empty:
            week_of(client)
        TimeEntry.objects.bulk_create(
            [
                TimeEntry(position=drammen_position, user=kari, category="system", minutes=5)
                for _ in range(50)
            ]
        )
        with CaptureQueriesContext(connection) as full:
            week_of(client)
        assert len(empty) == len(full)

    def test_a_nonsense_week_parameter_shows_this_week(self, client, kari):
        login(client, kari)
        response = client.get(reverse("casework:week"), {"uke": "neste"})
        assert response.status_code == 200
        assert response.context["week"].monday <= today()


@pytest.mark.django_db
def test_after_an_error_the_week_s_navigation_and_language_switch_still_work(client, kari):
    login(client, kari)
    week = reverse("casework:week")
    response = client.post(
        reverse("casework:time_entry_add"),
        {"on": "x", "category": "system", "minutes": "30"},
        HTTP_REFERER=f"http://testserver{week}",
    )
    assert response.status_code == 200  # the week again, with the error
    content = response.content.decode()
    assert f'href="{week}?uke=' in content  # not ?uke= relative to /tid/ny/
    assert f'name="next" value="{week}"' in content
    # Reloading the error page asks for /tid/ny/ with GET: back to the week, not a 405.
    again = client.get(reverse("casework:time_entry_add"))
    assert again.status_code == 302 and again.url == week


@pytest.mark.django_db
def test_every_form_target_that_shows_its_page_again_answers_a_get_with_that_page(
    client, kari, drammen_case
):
    from kreftkoordinator.casework.models import ServiceLink
    from kreftkoordinator.organisation.models import today

    login(client, kari)
    case_page = reverse("casework:case_detail", args=[drammen_case.pk])
    link = ServiceLink.objects.create(
        area=drammen_case.area, case=drammen_case, service="meals", status_on=today()
    )
    for url in (
        reverse("casework:case_phase", args=[drammen_case.pk]),
        reverse("casework:follow_up_add", args=[drammen_case.pk]),
        reverse("casework:service_status", args=[link.pk]),
    ):
        response = client.get(url)
        assert (response.status_code, response.url) == (302, case_page), url
