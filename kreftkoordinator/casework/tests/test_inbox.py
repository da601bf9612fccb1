"""The inbox: contact requests for Kari's area wait on her caseload page; Hanne sees none."""

import pytest
from django.urls import reverse
from django.utils import timezone

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
    def test_registering_carries_the_request_over_and_keeps_it_open(
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
        assert response.url == reverse("casework:request_detail", args=[request_from_drammen.pk])
        request_from_drammen.refresh_from_db()
        # Issue 26, point 11: nobody has called her yet, so the request is still open.
        assert request_from_drammen.person == siri and request_from_drammen.handled_at is None
        assert AuditEntry.objects.filter(person_id=siri.pk, action="create").count() == 1
        assert list(client.get(reverse("casework:caseload")).context["inbox"]) == [
            request_from_drammen
        ]

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
            "casework:request_detail", args=[request_from_drammen.pk]
        )
        request_from_drammen.refresh_from_db()
        assert request_from_drammen.person == siri and request_from_drammen.handled_at is None
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


@pytest.mark.django_db
class TestTheCallThatAnswers:
    """Issue 26, point 11: a caller's words are never lost."""

    def test_the_request_is_handled_by_the_contact_that_answers_it(
        self, client, kari, request_from_drammen
    ):
        from kreftkoordinator.casework.models import Contact, Person

        siri = Person.objects.create(area=area("3301"), name="Siri Moe", phone="+4798765432")
        request_from_drammen.person = siri
        request_from_drammen.save()
        login(client, kari)
        page = client.get(reverse("casework:request_detail", args=[request_from_drammen.pk]))
        answer = reverse("casework:contact_create") + f"?svar={request_from_drammen.pk}"
        assert answer in page.content.decode()
        before = AuditEntry.objects.count()
        form = client.get(answer).context["form"]
        # Showing the caller's words is a read of the request: one entry.
        assert AuditEntry.objects.count() == before + 1
        assert form["note"].value() == "Mor har fått kreft."
        assert form["initiated_by"].value() == "relative"
        response = client.post(
            answer,
            {
                "area": area("3301").pk,
                "mode": "phone",
                "participants": ["with_relative"],
                "kinds": ["supportive"],
                "duration_minutes": "20",
                "at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
                "note": "Ringte tilbake, avtalte samtale.",
            },
        )
        assert response.status_code == 302
        contact = Contact.objects.get()
        # The coordinator wrote over the note; the caller's words are kept above hers.
        assert contact.note.startswith("Melding i kontaktforespørselen: Mor har fått kreft.")
        assert "Ringte tilbake" in contact.note
        assert (contact.person, contact.answers) == (siri, request_from_drammen)
        request_from_drammen.refresh_from_db()
        assert request_from_drammen.handled_by == kari
        assert list(client.get(reverse("casework:caseload")).context["inbox"]) == []

    def test_hanne_cannot_answer_drammens_request(self, client, hanne, request_from_drammen):
        login(client, hanne)
        answer = reverse("casework:contact_create") + f"?svar={request_from_drammen.pk}"
        assert client.get(answer).status_code == 404


@pytest.mark.django_db
class TestAQuickContactFindsItsPerson:
    def anonymous_call(self):
        from kreftkoordinator.casework.models import Contact

        return Contact.objects.create(
            area=area("3301"), with_relative=True, supportive=True, note="Datter ringte."
        )

    def test_linked_to_someone_registered(self, client, kari, drammen_person):
        call = self.anonymous_call()
        login(client, kari)
        url = reverse("casework:contact_person", args=[call.pk])
        found = client.get(url + "?q=Anne").context["found"]
        assert found == [drammen_person]
        response = client.post(url, {"person": drammen_person.pk})
        assert response.url == reverse("casework:person_detail", args=[drammen_person.pk])
        call.refresh_from_db()
        assert call.person == drammen_person
        page = client.get(response.url).content.decode()
        assert "Datter ringte." in page

    def test_turned_into_a_new_person(self, client, kari):
        from kreftkoordinator.casework.models import Person

        call = self.anonymous_call()
        login(client, kari)
        url = reverse("casework:person_create") + f"?kontakt={call.pk}"
        assert client.get(url).context["form"]["area"].value() == area("3301").pk
        data = {"kontakt": call.pk, "area": area("3301").pk, "name": "Liv Moe", "seen_version": ""}
        client.post(reverse("casework:person_create"), data)
        call.refresh_from_db()
        assert call.person == Person.objects.get(name="Liv Moe")

    def test_not_to_someone_in_another_area(self, client, kari, horten_person):
        call = self.anonymous_call()
        login(client, kari)
        url = reverse("casework:contact_person", args=[call.pk])
        assert client.post(url, {"person": horten_person.pk}).status_code == 404
        call.refresh_from_db()
        assert call.person is None


@pytest.mark.django_db
def test_a_request_read_before_it_was_linked_is_in_her_innsyn(client, kari, request_from_drammen):
    """Issue 27, finding 6: Kari read Siri's request before linking it; Siri's innsyn missed it."""
    from kreftkoordinator.casework.models import Person

    login(client, kari)
    client.get(reverse("casework:request_detail", args=[request_from_drammen.pk]))
    siri = Person.objects.create(area=area("3301"), name="Siri Moe", phone="+4798765432")
    link = reverse("casework:request_link", args=[request_from_drammen.pk])
    client.post(link, {"person": siri.pk})
    page = client.get(reverse("casework:person_access_log", args=[siri.pk]))
    objects = {(e.object_type, e.action) for e, _count, _first in page.context["rows"]}
    assert ("casework.contactrequest", "view") in objects
