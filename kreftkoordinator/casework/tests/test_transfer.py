"""Anne Hansen moves from Drammen to Horten: Kari transfers the case, Hanne is notified and sees
it; Drammen keeps its own records, closed; both sides are logged; nothing moves without consent."""

import pytest
from django.core import mail
from django.urls import reverse

from kreftkoordinator.audit.models import AuditEntry
from kreftkoordinator.casework.models import Case, Notification, Relation, ServiceLink, Transfer
from kreftkoordinator.conftest import area, login
from kreftkoordinator.organisation.models import today


@pytest.fixture
def consenting_case(drammen_case):
    drammen_case.consent_given_on = today()
    drammen_case.cancer_site = "C50"
    drammen_case.save()
    return drammen_case


def transfer(client, case, code="3901", reason="Flyttet til datteren i Horten"):
    return client.post(
        reverse("casework:case_transfer", args=[case.pk]),
        {"to_area": code, "reason": reason, "seen_version": case.version},
    )


@pytest.mark.django_db
class TestTransfer:
    def test_kari_transfers_and_hanne_takes_over(self, client, kari, hanne, consenting_case):
        relative = consenting_case.person.__class__.objects.create(
            area=consenting_case.area, name="Ola Hansen"
        )
        Relation.objects.create(case=consenting_case, person=relative, relation="child")
        ServiceLink.objects.create(
            area=consenting_case.area,
            case=consenting_case,
            service="home_nursing",
            status="started",
            status_on=today(),
        )
        login(client, kari)
        assert transfer(client, consenting_case).status_code == 302

        consenting_case.refresh_from_db()
        assert not consenting_case.is_open and consenting_case.closing_reason == "moved"
        moved = Transfer.objects.get().to_case
        assert (moved.area.code, moved.person.area.code, moved.cancer_site) == (
            "3901",
            "3901",
            "C50",
        )
        assert moved.relations.get().person.area.code == "3901"
        assert moved.services.get().status == "started"
        assert moved.follow_ups.get().what == "Ring Anne"
        # Kari keeps her own records but cannot see the new case in Horten
        assert client.get(reverse("casework:case_detail", args=[moved.pk])).status_code == 404
        assert (
            client.get(reverse("casework:case_detail", args=[consenting_case.pk])).status_code
            == 200
        )
        # Hanne is told, in the product and by an e-mail that names nobody
        notification = Notification.objects.get(user=hanne)
        assert "overført til Horten fra Drammen" in notification.message
        assert mail.outbox[0].to == [hanne.email]
        assert "Anne" not in mail.outbox[0].body
        client.logout()
        login(client, hanne)
        caseload = client.get(reverse("casework:caseload"))
        assert moved in list(caseload.context["page"])
        assert notification in list(caseload.context["notifications"])
        # One entry, found in the access logs of the person on both sides
        entry = AuditEntry.objects.get(user=kari, action="transfer")
        assert (entry.area, entry.reason) == (consenting_case.area, "Flyttet til datteren i Horten")
        assert entry in AuditEntry.objects.about_person(consenting_case.person_id)
        assert entry in AuditEntry.objects.about_person(moved.person_id)

    def test_no_transfer_without_consent(self, client, kari, hanne, drammen_case):
        login(client, kari)
        response = transfer(client, drammen_case)
        assert "Overføring krever at personen har samtykket" in response.content.decode()
        assert Case.objects.count() == 1 and not Transfer.objects.exists()

    def test_not_to_an_area_no_coordinator_covers(self, client, kari, consenting_case):
        login(client, kari)
        response = transfer(client, consenting_case, code="4601")
        assert "Ingen kreftkoordinator dekker Bergen" in response.content.decode()
        assert not Transfer.objects.exists()

    @pytest.mark.parametrize("code", ["9999", "3301", "39"])
    def test_bad_destinations(self, client, kari, hanne, consenting_case, code):
        login(client, kari)
        response = transfer(client, consenting_case, code=code)
        assert "to_area" in response.context["form"].errors
        assert f'value="{code}"' in response.content.decode()
        assert not Transfer.objects.exists()

    def test_a_reason_is_required(self, client, kari, hanne, consenting_case):
        login(client, kari)
        response = transfer(client, consenting_case, reason="")
        assert "reason" in response.context["form"].errors

    def test_notifications_are_the_users_own(self, client, kari, hanne, consenting_case):
        login(client, kari)
        transfer(client, consenting_case)
        notification = Notification.objects.get(user=hanne)
        response = client.post(reverse("casework:notification_read", args=[notification.pk]))
        assert response.status_code == 404
        client.logout()
        login(client, hanne)
        response = client.post(reverse("casework:notification_read", args=[notification.pk]))
        notification.refresh_from_db()
        assert notification.read_at and response.url == notification.url
        assert area("3901").pk == Transfer.objects.get().to_area_id
