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
