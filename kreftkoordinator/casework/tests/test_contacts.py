"""The quick contact: mode, who took part and what it was about; the rest has defaults. A call
without a case (an anonymous caller, a GP asking for advice) still counts."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kreftkoordinator.audit.models import AuditEntry
from kreftkoordinator.casework.models import Contact
from kreftkoordinator.conftest import area, login


def contact_data(**changes):
    data = {
        "mode": "phone",
        "participants": ["with_patient"],
        "kinds": ["supportive"],
        "duration_minutes": "30",
        "at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "initiated_by": "",
        "note": "",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
class TestQuickContact:
    def test_from_the_case_page(self, client, kari, drammen_case):
        login(client, kari)
        response = client.post(
            reverse("casework:case_contact_create", args=[drammen_case.pk]),
            contact_data(
                kinds=["supportive", "applications"], participants=["with_patient", "with_relative"]
            ),
        )
        contact = Contact.objects.get()
        assert response.status_code == 302
        assert (contact.case, contact.person, contact.area.code) == (
            drammen_case,
            drammen_case.person,
            "3301",
        )
        assert contact.supportive and contact.applications and not contact.information
        assert contact.with_relative and contact.position.name == "Kreftkoordinator i Drammen"
        assert AuditEntry.objects.filter(
            object_type="casework.contact", action="create", person_id=drammen_case.person_id
        ).exists()

    def test_an_anonymous_call_without_a_case_counts(self, client, kari):
        login(client, kari)
        response = client.post(
            reverse("casework:contact_create"),
            contact_data(
                area=area("3301").pk,
                participants=["with_professional"],
                kinds=["information"],
                initiated_by="gp",
            ),
        )
        contact = Contact.objects.get()
        assert response.status_code == 302
        assert contact.case is None and contact.person is None and contact.area.code == "3301"

    def test_nothing_chosen_is_explained_and_the_note_kept(self, client, kari, drammen_case):
        login(client, kari)
        response = client.post(
            reverse("casework:case_contact_create", args=[drammen_case.pk]),
            contact_data(kinds=[], participants=[], note="Viktig notat"),
        )
        errors = response.context["form"].errors
        assert errors["kinds"] == ["Velg minst én type kontakt."]
        assert errors["participants"] == ["Velg hvem som deltok."]
        assert "Viktig notat" in response.content.decode()
        assert not Contact.objects.exists()

    def test_a_contact_in_the_future_is_refused(self, client, kari, drammen_case):
        login(client, kari)
        tomorrow = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
        response = client.post(
            reverse("casework:case_contact_create", args=[drammen_case.pk]),
            contact_data(at=tomorrow),
        )
        assert response.context["form"].errors["at"] == ["Kontakten kan ikke være i fremtiden."]

    @pytest.mark.parametrize("minutes", ["0", "601", "tretti"])
    def test_duration_bounds(self, client, kari, drammen_case, minutes):
        login(client, kari)
        response = client.post(
            reverse("casework:case_contact_create", args=[drammen_case.pk]),
            contact_data(duration_minutes=minutes),
        )
        assert "duration_minutes" in response.context["form"].errors

    def test_an_area_she_does_not_cover_is_refused(self, client, kari):
        login(client, kari)
        response = client.post(
            reverse("casework:contact_create"), contact_data(area=area("3901").pk)
        )
        assert "area" in response.context["form"].errors
        assert not Contact.objects.exists()
