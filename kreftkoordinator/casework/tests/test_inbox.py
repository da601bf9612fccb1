"""The inbox: contact requests for Kari's area wait on her caseload page; Hanne sees none."""

import pytest
from django.urls import reverse

from kreftkoordinator.audit.models import AuditEntry
from kreftkoordinator.casework.models import ContactRequest
from kreftkoordinator.conftest import area, login


@pytest.fixture
def request_from_drammen(db):
    return ContactRequest.objects.create(
        area=area("3301"),
        name="Siri Moe",
        phone="98765432",
        role="relative",
        message="Mor har fått kreft.",
    )


@pytest.mark.django_db
class TestInbox:
    def test_waiting_requests_on_the_caseload(self, client, kari, request_from_drammen):
        login(client, kari)
        response = client.get(reverse("casework:caseload"))
        assert list(response.context["inbox"]) == [request_from_drammen]
        assert "Siri Moe" in response.content.decode()

    def test_opening_is_logged_and_handling_removes_it(self, client, kari, request_from_drammen):
        login(client, kari)
        page = client.get(reverse("casework:request_detail", args=[request_from_drammen.pk]))
        assert "Mor har fått kreft." in page.content.decode()
        assert AuditEntry.objects.filter(
            object_type="casework.contactrequest", action="view", user=kari
        ).exists()
        client.post(reverse("casework:request_handled", args=[request_from_drammen.pk]))
        request_from_drammen.refresh_from_db()
        assert request_from_drammen.handled_by == kari
        assert list(client.get(reverse("casework:caseload")).context["inbox"]) == []

    def test_hanne_sees_nothing_of_drammens_requests(self, client, hanne, request_from_drammen):
        login(client, hanne)
        assert list(client.get(reverse("casework:caseload")).context["inbox"]) == []
        url = reverse("casework:request_detail", args=[request_from_drammen.pk])
        assert client.get(url).status_code == 404
        handled = reverse("casework:request_handled", args=[request_from_drammen.pk])
        assert client.post(handled).status_code == 404
        request_from_drammen.refresh_from_db()
        assert request_from_drammen.handled_at is None


@pytest.mark.django_db
class TestFromRequestToPerson:
    def test_registering_carries_the_request_over_and_handles_it(
        self, client, kari, request_from_drammen
    ):
        from kreftkoordinator.casework.models import Person

        login(client, kari)
        url = reverse("casework:person_create") + f"?fra={request_from_drammen.pk}"
        form = client.get(url).context["form"]
        assert form["name"].value() == "Siri Moe"
        assert form["phone"].value() == "987 65 432"
        assert form["area"].value() == area("3301").pk
        data = {
            "fra": request_from_drammen.pk,
            "area": area("3301").pk,
            "name": "Siri Moe",
            "phone": "987 65 432",
            "seen_version": "",
        }
        response = client.post(reverse("casework:person_create"), data)
        siri = Person.objects.get(name="Siri Moe")
        assert response.url == reverse("casework:person_detail", args=[siri.pk])
        request_from_drammen.refresh_from_db()
        assert request_from_drammen.person == siri and request_from_drammen.handled_by == kari
        assert AuditEntry.objects.filter(person_id=siri.pk, action="create").count() == 1
        assert list(client.get(reverse("casework:caseload")).context["inbox"]) == []

    def test_the_caller_already_registered_is_linked_not_duplicated(
        self, client, kari, request_from_drammen
    ):
        from kreftkoordinator.casework.models import Person

        siri = Person.objects.create(area=area("3301"), name="Siri Moe", phone="+4798765432")
        login(client, kari)
        data = {"fra": request_from_drammen.pk, "area": area("3301").pk, "name": "Siri Moe",
                "phone": "98765432", "seen_version": ""}  # fmt: skip
        warned = client.post(reverse("casework:person_create"), data)
        assert warned.context["duplicates"] == [siri]
        assert "Det er denne personen" in warned.content.decode()
        link = reverse("casework:request_link", args=[request_from_drammen.pk])
        assert client.post(link, {"person": siri.pk}).url == reverse(
            "casework:person_detail", args=[siri.pk]
        )
        request_from_drammen.refresh_from_db()
        assert request_from_drammen.person == siri and request_from_drammen.handled_at
        assert Person.objects.count() == 1

    def test_hanne_can_neither_fill_from_nor_link_drammens_request(
        self, client, hanne, request_from_drammen, drammen_person
    ):
        login(client, hanne)
        url = reverse("casework:person_create") + f"?fra={request_from_drammen.pk}"
        assert client.get(url).status_code == 404
        link = reverse("casework:request_link", args=[request_from_drammen.pk])
        assert client.post(link, {"person": drammen_person.pk}).status_code == 404
        request_from_drammen.refresh_from_db()
        assert request_from_drammen.person is None
