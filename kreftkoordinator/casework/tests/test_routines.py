"""Kari's register of Drammen's routines, plans and agreements for cancer care (issue 29, point
5): system work, not personal data. She adds one, moves it through its statuses, and the annual
report lists it for the years it was in force. Hanne in Horten sees none of Drammen's."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from kreftkoordinator.casework.models import Routine, RoutineChange
from kreftkoordinator.casework.models.routines import in_force_during
from kreftkoordinator.casework.routines import change_routine_status, register_routine
from kreftkoordinator.conftest import login
from kreftkoordinator.organisation.models import Position, today
from kreftkoordinator.reporting.annual import annual_report


@pytest.mark.django_db
def test_kari_adopts_the_routine_for_children_as_relatives(client, kari, drammen_position):
    login(client, kari)
    week = client.get(reverse("casework:week")).content.decode()
    assert reverse("casework:routine_list") in week
    response = client.post(
        reverse("casework:routine_add"),
        {
            "position": drammen_position.pk,
            "title": "Barn som pårørende",
            "kind": "routine",
            "owner": "Helsestasjonen",
            "status": "draft",
            "status_on": (today() - timedelta(days=30)).isoformat(),
        },
    )
    assert response.status_code == 302
    routine = Routine.objects.get()
    response = client.post(
        reverse("casework:routine_status", args=[routine.pk]),
        {"status": "adopted", "status_on": today().isoformat()},
    )
    assert response.status_code == 302
    routine.refresh_from_db()
    assert (routine.status, routine.status_on) == ("adopted", today())
    assert list(routine.changes.values_list("status", flat=True)) == ["draft", "adopted"]
    listing = client.get(reverse("casework:routine_list")).content.decode()
    assert "Barn som pårørende" in listing and "Vedtatt" in listing
    report = annual_report(today().year, position=drammen_position).as_dict()
    assert report["indicators"]["routines_in_force"]["value"] == 1
    assert [r["title"] for r in report["routines"]] == ["Barn som pårørende"]
    page = client.get(reverse("reporting:annual", args=[drammen_position.pk, today().year]))
    assert "Barn som pårørende (rutine, Helsestasjonen): vedtatt" in page.content.decode()


@pytest.mark.django_db
def test_a_status_cannot_go_back_in_time_or_ahead_of_today(client, kari, drammen_position):
    routine = register_routine(
        kari,
        Routine(
            position=drammen_position, title="Palliativ plan", kind="plan", status="adopted",
            status_on=today() - timedelta(days=3),
        ),
    )  # fmt: skip
    login(client, kari)
    response = client.post(
        reverse("casework:routine_status", args=[routine.pk]),
        {"status": "revised", "status_on": (today() - timedelta(days=10)).isoformat()},
    )
    assert "Datoen kan ikke være før forrige status" in response.content.decode()
    response = client.post(
        reverse("casework:routine_status", args=[routine.pk]),
        {"status": "revised", "status_on": (today() + timedelta(days=1)).isoformat()},
    )
    assert "Datoen kan ikke være i fremtiden." in response.content.decode()
    assert routine.changes.count() == 1


@pytest.mark.django_db
def test_hanne_sees_none_of_drammen_s_routines(client, hanne, kari, drammen_position):
    routine = register_routine(
        kari,
        Routine(position=drammen_position, title="Drammens plan", kind="plan", status="draft"),
    )
    login(client, hanne)
    assert "Drammens plan" not in client.get(reverse("casework:routine_list")).content.decode()
    assert client.get(reverse("casework:routine_status", args=[routine.pk])).status_code == 404
    form = client.get(reverse("casework:routine_add")).context["form"]
    assert list(form.fields["position"].queryset) == list(Position.objects.held_by(hanne, today()))


def change(status, on):
    return RoutineChange(status=status, on=on)


def test_in_force_on_any_day_of_the_year():
    first, last = date(2025, 1, 1), date(2025, 12, 31)
    assert in_force_during([change("adopted", date(2020, 1, 1))], first, last)
    assert not in_force_during([change("draft", date(2025, 1, 1))], first, last)
    assert not in_force_during(
        [change("adopted", date(2020, 1, 1)), change("retired", date(2025, 1, 1))], first, last
    )
    assert in_force_during(
        [change("adopted", date(2020, 1, 1)), change("retired", date(2025, 1, 2))], first, last
    )
    assert in_force_during([change("revised", date(2025, 12, 31))], first, last)
    assert not in_force_during([change("adopted", date(2026, 1, 1))], first, last)


@pytest.mark.django_db
def test_an_area_report_has_no_routines(kari, drammen_position):
    routine = register_routine(
        kari, Routine(position=drammen_position, title="Plan", kind="plan", status="adopted")
    )
    change_routine_status(routine, "revised", today())
    report = annual_report(today().year, area=drammen_position.covered_areas.get()).as_dict()
    assert report["indicators"]["routines_in_force"]["value"] == 0 and report["routines"] == []
