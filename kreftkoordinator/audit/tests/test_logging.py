"""Every read of a person's record is logged: who, when, what, which person, which area, why.
The person's access log (innsyn) and each user's activity can be read back."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kreftkoordinator.audit.models import AuditEntry
from kreftkoordinator.conftest import login


@pytest.mark.django_db
class TestReadsAreLogged:
    def test_opening_a_person_writes_an_entry(self, client, kari, drammen_person):
        login(client, kari)
        client.get(reverse("casework:person_detail", args=[drammen_person.pk]))
        entry = AuditEntry.objects.get(person_id=drammen_person.pk)
        assert (entry.user, entry.action, entry.area.code, entry.object_type) == (
            kari,
            "view",
            "3301",
            "casework.person",
        )
        assert entry.path == f"/personer/{drammen_person.pk}/"
        assert timezone.now() - entry.at < timedelta(minutes=1)

    def test_the_person_list_is_logged_too(self, client, kari, drammen_person):
        login(client, kari)
        client.get(reverse("casework:person_list"), {"q": "Anne"})
        entry = AuditEntry.objects.get()
        assert (entry.user, entry.reason, entry.path) == (kari, "personliste", "/personer/")

    def test_a_searched_identity_number_is_not_kept_in_the_log(self, client, kari, drammen_person):
        login(client, kari)
        client.get(reverse("casework:person_list"), {"q": "01015012345"})
        client.get(reverse("casework:caseload"), {"q": "010150 12345"})
        for entry in AuditEntry.objects.all():
            assert "12345" not in entry.path + entry.reason

    def test_a_refused_read_is_logged_as_refused_in_the_persons_area(
        self, client, hanne, kari, drammen_person
    ):
        login(client, hanne)
        url = reverse("casework:person_detail", args=[drammen_person.pk])
        assert client.get(url).status_code == 404
        entry = AuditEntry.objects.get(person_id=drammen_person.pk)
        assert (entry.user, entry.action, entry.area.code) == (hanne, "refused", "3301")
        # Drammen's coordinator sees the attempt in the person's access log.
        client.logout()
        login(client, kari)
        log = client.get(reverse("casework:person_access_log", args=[drammen_person.pk]))
        assert "Hanne Lie" in log.content.decode() and "Avvist" in log.content.decode()

    def test_an_id_that_does_not_exist_is_not_logged(self, client, hanne):
        login(client, hanne)
        assert client.get(reverse("casework:person_detail", args=[999999])).status_code == 404
        assert not AuditEntry.objects.exists()


@pytest.mark.django_db
class TestAccessLog:
    def test_the_person_sees_who_looked_and_why(self, client, kari, lene, drammen_person):
        login(client, lene)
        client.get(reverse("casework:person_detail", args=[drammen_person.pk]))
        client.logout()
        login(client, kari)
        response = client.get(reverse("casework:person_access_log", args=[drammen_person.pk]))
        content = response.content.decode()
        assert "Lene Vik" in content and "Vanlig oppfølging" in content
        # Opening the access log is itself a logged read, with its reason.
        assert AuditEntry.objects.filter(
            person_id=drammen_person.pk, user=kari, reason="innsynslogg"
        ).exists()


@pytest.mark.django_db
class TestActivity:
    def test_kari_sees_her_own_activity_linked_to_the_person(self, client, kari, drammen_person):
        login(client, kari)
        client.get(reverse("casework:person_detail", args=[drammen_person.pk]))
        content = client.get(reverse("audit:my_activity")).content.decode()
        link = reverse("casework:person_detail", args=[drammen_person.pk])
        # The number links to the person's page, which checks access and logs the read; the
        # activity page itself reads no names.
        assert f'href="{link}"' in content and "Anne Hansen" not in content

    def test_the_administrator_sees_ids_not_names(self, client, kari, ola, drammen_person):
        login(client, kari)
        client.get(reverse("casework:person_detail", args=[drammen_person.pk]))
        client.logout()
        login(client, ola)
        response = client.get(reverse("audit:user_activity", args=[kari.pk]))
        content = response.content.decode()
        assert f"nr. {drammen_person.pk}" in content and "Anne Hansen" not in content

    def test_filter_by_date(self, client, kari, drammen_person):
        login(client, kari)
        client.get(reverse("casework:person_detail", args=[drammen_person.pk]))
        today = timezone.localdate()
        url = reverse("audit:my_activity")
        assert len(client.get(url, {"start": today, "end": today}).context["page"]) == 1
        tomorrow = today + timedelta(days=1)
        assert len(client.get(url, {"start": tomorrow}).context["page"]) == 0

    def test_a_period_that_ends_before_it_starts(self, client, kari):
        login(client, kari)
        response = client.get(
            reverse("audit:my_activity"), {"start": "2026-02-01", "end": "2026-01-01"}
        )
        assert response.status_code == 200
        assert response.context["form"].errors["end"] == [
            "Til-datoen kan ikke være før fra-datoen."
        ]

    def test_a_nonsense_date_is_refused_not_a_500(self, client, kari):
        login(client, kari)
        response = client.get(reverse("audit:my_activity"), {"start": "32.13.2026"})
        assert response.status_code == 200 and "start" in response.context["form"].errors
