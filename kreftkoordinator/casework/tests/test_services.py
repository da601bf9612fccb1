"""Kari follows a service from proposed to started; an impossible step is refused."""

from datetime import timedelta

import pytest
from django.urls import reverse

from kreftkoordinator.audit.models import AuditEntry
from kreftkoordinator.casework.models import ServiceLink
from kreftkoordinator.conftest import login
from kreftkoordinator.organisation.models import today


def add(client, case, **changes):
    data = {
        "service": "end_of_life_care",
        "description": "",
        "status": "proposed",
        "status_on": str(today() - timedelta(days=10)),
        "without_coordinator": "false",
    }
    data.update(changes)
    return client.post(reverse("casework:service_add", args=[case.pk]), data)


def step(client, link, status, days_ago=0):
    prefix = f"s{link.pk}"
    return client.post(
        reverse("casework:service_status", args=[link.pk]),
        {f"{prefix}-status": status, f"{prefix}-on": str(today() - timedelta(days=days_ago))},
        follow=True,
    )


@pytest.mark.django_db
class TestServiceWorkflow:
    def test_proposed_applied_granted_started(self, client, kari, drammen_case):
        login(client, kari)
        assert add(client, drammen_case).status_code == 302
        link = ServiceLink.objects.get()
        assert (link.status, link.without_coordinator, link.area) == (
            "proposed",
            False,
            drammen_case.area,
        )
        for status, days_ago in (("applied", 8), ("granted", 3), ("started", 0)):
            step(client, link, status, days_ago)
            link.refresh_from_db()
            assert link.status == status
        assert [c.status for c in link.changes.all()] == [
            "proposed",
            "applied",
            "granted",
            "started",
        ]
        page = client.get(reverse("casework:case_detail", args=[drammen_case.pk]))
        assert "Pleiepenger i livets sluttfase" in page.content.decode()
        assert AuditEntry.objects.filter(object_type="casework.servicelink").count() == 4

    def test_an_impossible_step_is_refused_in_norwegian(self, client, kari, drammen_case):
        login(client, kari)
        add(client, drammen_case)
        link = ServiceLink.objects.get()
        step(client, link, "applied")
        step(client, link, "refused")
        response = step(client, link, "started")
        link.refresh_from_db()
        assert link.status == "refused"
        assert "kan ikke gå fra «Avslått»" in response.content.decode()

    def test_a_date_before_the_previous_status_is_refused(self, client, kari, drammen_case):
        login(client, kari)
        add(client, drammen_case)
        link = ServiceLink.objects.get()
        response = step(client, link, "applied", days_ago=20)
        link.refresh_from_db()
        assert link.status == "proposed"
        assert "Datoen kan ikke være før forrige status" in response.content.decode()

    def test_other_offer_needs_a_description(self, client, kari, drammen_case):
        login(client, kari)
        response = add(client, drammen_case, service="other")
        assert response.context["form"].errors["description"] == ["Beskriv tilbudet."]
        assert not ServiceLink.objects.exists()

    def test_a_new_link_cannot_start_as_granted(self, client, kari, drammen_case):
        login(client, kari)
        response = add(client, drammen_case, status="granted")
        assert "status" in response.context["form"].errors


NEW_IN_ISSUE_29 = {
    "school_adaptation": "Kommunale tjenester",
    "health_station": "Kommunale tjenester",
    "long_term_place": "Kommunale tjenester",
    "acute_bed": "Kommunale tjenester",
    "municipal_psychologist": "Kommunale tjenester",
    "individual_plan": "Kommunale tjenester",
    "coordinator_7_2": "Kommunale tjenester",
    "hospice": "Spesialisthelsetjenesten",
    "rehabilitation_stay": "Spesialisthelsetjenesten",
    "child_mental_health": "Spesialisthelsetjenesten",
    "child_responsible": "Spesialisthelsetjenesten",
    "clinical_nutritionist": "Spesialisthelsetjenesten",
    "work_follow_up": "NAV",
    "dental_helfo": "NAV",
    "grief_group": "Andre tilbud",
}


def test_the_service_codes_that_were_missing_each_have_a_group_and_three_languages():
    from django.utils import translation

    from kreftkoordinator.casework.models.services import SERVICES

    groups = {code: str(group) for group, choices in SERVICES for code, _label in choices}
    labels = {code: label for _group, choices in SERVICES for code, label in choices}
    for code, group in NEW_IN_ISSUE_29.items():
        assert groups[code] == group, code
        said = {}
        for language in ("nb", "nn", "en"):
            with translation.override(language):
                said[language] = str(labels[code])
        assert all(said.values()), code
        assert said["en"] != said["nb"] or code == "hospice", (code, said)  # a loanword
