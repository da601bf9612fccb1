"""Kari and Lene work on the same case at once. Every write to a case goes through the version
check, so a form opened before another change cannot silently undo it: not an edit after a phase
change, not a transfer after an edit, not a death registered on a case changed meanwhile."""

from datetime import timedelta

import pytest
from django.urls import reverse

from kreftkoordinator.casework.models import CareEvent, Case, Transfer
from kreftkoordinator.conftest import login
from kreftkoordinator.organisation.models import today

CONFLICT = "Noen andre har lagret endringer mens du skrev"


def day(n=0):
    return str(today() - timedelta(days=n))


@pytest.fixture
def case(drammen_case):
    Case.objects.filter(pk=drammen_case.pk).update(consent_given_on=today() - timedelta(days=20))
    drammen_case.refresh_from_db()
    return drammen_case


def change_phase(client, case, seen):
    return client.post(
        reverse("casework:case_phase", args=[case.pk]),
        {"phase": "palliative", "from_date": day(), "seen_version": seen},
    )


@pytest.mark.django_db
class TestLostUpdates:
    def test_an_edit_opened_before_a_phase_change_cannot_undo_it(self, client, kari, case):
        login(client, kari)
        seen = case.version  # Kari opens the edit form ...
        assert change_phase(client, case, seen).status_code == 302  # ... Lene changes the phase
        response = client.post(
            reverse("casework:case_edit", args=[case.pk]),
            {"kind": "patient", "opened_on": day(30), "seen_version": seen},
        )
        assert CONFLICT in response.content.decode()
        case.refresh_from_db()
        assert case.phase == "palliative"

    def test_a_phase_change_on_a_case_changed_meanwhile_is_refused(self, client, kari, case):
        login(client, kari)
        seen = case.version
        client.post(
            reverse("casework:case_edit", args=[case.pk]),
            {"kind": "patient", "opened_on": day(30), "seen_version": seen, "cancer_site": "C50"},
        )
        response = change_phase(client, case, seen)
        assert response.status_code == 200 and CONFLICT in response.content.decode()
        case.refresh_from_db()
        assert case.phase == "new_diagnosis" and case.phases.count() == 1

    def test_a_transfer_from_a_stale_form_is_refused_and_nothing_moves(
        self, client, kari, hanne, case
    ):
        login(client, kari)
        seen = case.version
        change_phase(client, case, seen)
        response = client.post(
            reverse("casework:case_transfer", args=[case.pk]),
            {"to_area": "3901", "reason": "Flyttet", "seen_version": seen},
        )
        assert CONFLICT in response.content.decode()
        case.refresh_from_db()
        assert case.is_open and not Transfer.objects.exists()
        assert Case.objects.count() == 1

    def test_an_edit_opened_before_a_transfer_cannot_reopen_the_case(
        self, client, kari, hanne, case
    ):
        login(client, kari)
        seen = case.version
        client.post(
            reverse("casework:case_transfer", args=[case.pk]),
            {"to_area": "3901", "reason": "Flyttet", "seen_version": seen},
        )
        response = client.post(
            reverse("casework:case_close", args=[case.pk]),
            {"closed_on": "", "closing_reason": "", "seen_version": seen},
        )
        assert response.status_code == 200
        case.refresh_from_db()
        assert case.closing_reason == "moved"

    def test_a_death_on_a_case_changed_meanwhile_is_refused(self, client, kari, case):
        login(client, kari)
        seen = case.version
        change_phase(client, case, seen)
        response = client.post(
            reverse("casework:care_event_add", args=[case.pk, "death"]),
            {"on": day(1), "death_place": "hospital", "seen_version": seen},
        )
        assert CONFLICT in response.content.decode()
        assert not CareEvent.objects.exists()
        case.refresh_from_db()
        assert case.phase == "palliative"

    @pytest.mark.parametrize("seen", [str(2**63 - 1), "-1", "abc", "1e9"])
    def test_a_nonsense_version_is_a_message_not_a_500(self, client, kari, case, seen):
        login(client, kari)
        for response in (
            change_phase(client, case, seen),
            client.post(
                reverse("casework:case_edit", args=[case.pk]),
                {"kind": "patient", "opened_on": day(30), "seen_version": seen},
            ),
        ):
            assert response.status_code == 200
            assert "Last siden på nytt" in response.content.decode()
        case.refresh_from_db()
        assert case.phase == "new_diagnosis"


@pytest.mark.django_db
def test_consent_cannot_be_withdrawn_before_it_was_given(client, kari, case):
    login(client, kari)
    response = client.post(
        reverse("casework:case_edit", args=[case.pk]),
        {
            "kind": "patient",
            "opened_on": day(30),
            "consent_given_on": day(20),
            "consent_withdrawn_on": day(25),
            "seen_version": case.version,
        },
    )
    assert "Samtykket kan ikke trekkes før det er gitt" in response.content.decode()
    case.refresh_from_db()
    assert case.consent_withdrawn_on is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, args",
    [
        ("casework:case_detail", []),
        ("casework:case_transfer", []),
        ("casework:care_event_add", ["death"]),
    ],
)
def test_forms_that_change_the_case_carry_the_version_seen(client, kari, case, name, args):
    login(client, kari)
    content = client.get(reverse(name, args=[case.pk, *args])).content.decode()
    assert f'name="seen_version" value="{case.version}"' in content
