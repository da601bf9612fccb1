"""Care events and the death of a patient: the figures behind the economic model, and the move
to bereavement follow-up for the relatives."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kreftkoordinator.casework.models import CareEvent, FollowUp
from kreftkoordinator.conftest import login
from kreftkoordinator.organisation.models import today


def url(case, kind):
    return reverse("casework:care_event_add", args=[case.pk, kind])


def days_ago(n):
    return str(today() - timedelta(days=n))


@pytest.mark.django_db
class TestEvents:
    def test_a_hospital_stay_with_delayed_discharge_days(self, client, kari, drammen_case):
        login(client, kari)
        response = client.post(
            url(drammen_case, "hospital"),
            {"on": days_ago(12), "ended_on": days_ago(2), "delayed_discharge_days": "3"},
        )
        event = CareEvent.objects.get()
        assert response.status_code == 302
        assert (event.kind, event.delayed_discharge_days, event.area) == (
            "hospital",
            3,
            drammen_case.area,
        )

    def test_the_delayed_days_follow_from_the_ready_date(self, client, kari, drammen_case):
        """Issue 26, point 3: the days from "meldt utskrivningsklar" to the discharge, when
        none are typed; and whether she came home earlier thanks to the coordinator."""
        login(client, kari)
        page = client.get(url(drammen_case, "hospital")).content.decode()
        assert "Meldt utskrivningsklar" in page and "Ikke vurdert" in page
        client.post(
            url(drammen_case, "hospital"),
            {
                "on": days_ago(12),
                "ready_for_discharge_on": days_ago(7),
                "ended_on": days_ago(2),
                "delayed_discharge_days": "",
                "home_earlier_thanks_to_coordinator": "True",
            },
        )
        event = CareEvent.objects.get()
        assert event.delayed_discharge_days == 5 and event.home_earlier_thanks_to_coordinator
        refused = client.post(
            url(drammen_case, "hospital"),
            {
                "on": days_ago(12),
                "ready_for_discharge_on": days_ago(7),
                "ended_on": days_ago(2),
                "delayed_discharge_days": "6",
                "home_earlier_thanks_to_coordinator": "",
            },
        )
        assert refused.context["form"].errors["delayed_discharge_days"] == [
            "Flere overliggerdøgn enn døgn fra utskrivningsklar til utskrivning."
        ]
        assert CareEvent.objects.count() == 1

    def test_a_discharge_before_the_admission_is_refused(self, client, kari, drammen_case):
        login(client, kari)
        response = client.post(
            url(drammen_case, "hospital"),
            {"on": days_ago(2), "ended_on": days_ago(12), "delayed_discharge_days": ""},
        )
        assert response.context["form"].errors["ended_on"] == [
            "Utskrivningen kan ikke være før innleggelsen."
        ]
        assert f'value="{days_ago(12)}"' in response.content.decode()

    def test_more_delayed_days_than_days_in_hospital(self, client, kari, drammen_case):
        login(client, kari)
        response = client.post(
            url(drammen_case, "hospital"),
            {"on": days_ago(4), "ended_on": days_ago(2), "delayed_discharge_days": "5"},
        )
        assert "delayed_discharge_days" in response.context["form"].errors

    def test_home_care_needs_hours(self, client, kari, drammen_case):
        login(client, kari)
        response = client.post(
            url(drammen_case, "home_care"), {"on": days_ago(1), "home_care_hours": ""}
        )
        assert "home_care_hours" in response.context["form"].errors
        client.post(url(drammen_case, "home_care"), {"on": days_ago(1), "home_care_hours": "7.5"})
        assert str(CareEvent.objects.get().home_care_hours) == "7.5"

    def test_an_unknown_kind_is_not_found(self, client, kari, drammen_case):
        login(client, kari)
        assert client.get(url(drammen_case, "party")).status_code == 404


@pytest.mark.django_db
class TestDeath:
    def test_death_at_home_moves_the_case_to_bereavement(self, client, kari, drammen_case):
        login(client, kari)
        response = client.post(
            url(drammen_case, "death"),
            {
                "on": days_ago(1),
                "death_place": "home",
                "home_death_facilitated": "on",
                "home_death_needed_coordinator": "on",
                "extra_municipal_hours": "25",
                "seen_version": 1,
            },
            follow=True,
        )
        drammen_case.refresh_from_db()
        death = CareEvent.objects.get(kind="death")
        assert death.home_death_facilitated and str(death.extra_municipal_hours) == "25.0"
        assert drammen_case.phase == "bereavement" and drammen_case.is_open
        assert drammen_case.phases.last().phase == "bereavement"
        conversation = FollowUp.objects.get(what="Etterlattesamtale med de pårørende")
        assert conversation.due_on == today() - timedelta(days=1) + timedelta(weeks=4)
        assert "etterlattesamtale er foreslått" in response.content.decode()

    def test_a_death_date_in_the_future_is_refused(self, client, kari, drammen_case):
        login(client, kari)
        response = client.post(
            url(drammen_case, "death"),
            {"on": str(today() + timedelta(days=1)), "death_place": "hospital"},
        )
        assert response.context["form"].errors["on"] == ["Dødsdatoen kan ikke være i fremtiden."]
        drammen_case.refresh_from_db()
        assert drammen_case.phase == "new_diagnosis"

    def test_home_death_facilitated_only_for_deaths_at_home(self, client, kari, drammen_case):
        login(client, kari)
        response = client.post(
            url(drammen_case, "death"),
            {"on": days_ago(1), "death_place": "hospital", "home_death_facilitated": "on"},
        )
        assert "home_death_facilitated" in response.context["form"].errors

    def test_only_one_death_per_case(self, client, kari, drammen_case):
        login(client, kari)
        client.post(
            url(drammen_case, "death"),
            {"on": days_ago(1), "death_place": "hospital", "seen_version": 1},
        )
        response = client.post(
            url(drammen_case, "death"),
            {"on": days_ago(1), "death_place": "hospital", "seen_version": 1},
        )
        assert "Dødsfallet er allerede registrert." in response.content.decode()
        assert CareEvent.objects.filter(kind="death").count() == 1


@pytest.mark.django_db
class TestAfterDeath:
    def death(self, client, case, on):
        return client.post(
            url(case, "death"),
            {"on": on, "death_place": "nursing_home", "seen_version": case.version},
        )

    def test_a_death_before_the_case_began_is_refused(self, client, kari, drammen_case):
        login(client, kari)
        response = self.death(client, drammen_case, str(drammen_case.opened_on - timedelta(1)))
        assert (
            response.status_code == 200 and "før oppfølgingen startet" in response.content.decode()
        )
        assert not CareEvent.objects.exists()

    def test_the_open_services_and_follow_ups_are_proposed_for_ending(
        self, client, kari, drammen_case
    ):
        from kreftkoordinator.casework.models import ServiceLink

        started = ServiceLink.objects.create(
            area=drammen_case.area,
            case=drammen_case,
            service="meals",
            status="started",
            status_on=drammen_case.opened_on,
        )
        applied = ServiceLink.objects.create(
            area=drammen_case.area,
            case=drammen_case,
            service="home_nursing",
            status="applied",
            status_on=drammen_case.opened_on,
        )
        login(client, kari)
        response = self.death(client, drammen_case, days_ago(1))
        after = reverse("casework:after_death", args=[drammen_case.pk])
        assert response.url == after
        page = client.get(after)
        proposed = {f.what: checked for f, checked in page.context["follow_ups"]}
        # "Ring Anne" was due today, after the death: left unticked. The bereavement
        # conversation is not among the tasks to cancel: it goes to a relative.
        assert proposed == {"Ring Anne": False}
        assert page.context["conversation"].what == "Etterlattesamtale med de pårørende"
        ring = FollowUp.objects.get(what="Ring Anne")
        client.post(after, {"service": [started.pk, applied.pk], "follow_up": [ring.pk]})
        started.refresh_from_db()
        applied.refresh_from_db()
        ring.refresh_from_db()
        # Issue 26, point 8: outcomes of their own, not "ended" and "declined" (her choice).
        assert (started.status, applied.status) == ("by_death", "by_death")
        assert (ring.done_on, ring.cancelled) == (today(), True)
        assert FollowUp.objects.get(what="Etterlattesamtale med de pårørende").done_on is None
        again = client.get(after).context
        assert not again["services"] and not again["follow_ups"]
        assert again["conversation"] is not None

    def test_after_the_death_a_contact_is_not_with_the_patient(self, client, kari, drammen_case):
        login(client, kari)
        self.death(client, drammen_case, days_ago(2))
        response = client.post(
            reverse("casework:case_contact_create", args=[drammen_case.pk]),
            {
                "mode": "phone",
                "participants": ["with_patient"],
                "kinds": ["supportive"],
                "duration_minutes": "30",
                "at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            },
        )
        assert response.status_code == 200
        assert "Pasienten døde" in response.content.decode()
