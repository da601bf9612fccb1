"""Hanne, the coordinator in Horten, must see nothing of Drammen: every casework URL that takes
an id answers 404 with Drammen's ids, for reading and for writing, and writes nothing."""

import pytest
from django.urls import reverse

from kreftkoordinator.audit.models import AuditEntry
from kreftkoordinator.casework.models import (
    Assessment,
    CareEvent,
    Case,
    Contact,
    ContactRequest,
    FollowUp,
    Person,
    Relation,
    ServiceLink,
)
from kreftkoordinator.conftest import login
from kreftkoordinator.organisation.models import today

GET_URLS = {
    "casework:person_detail": "person",
    "casework:person_edit": "person",
    "casework:person_access_log": "person",
    "casework:case_create": "person",
    "casework:case_detail": "case",
    "casework:case_edit": "case",
    "casework:case_close": "case",
    "casework:relative_add": "case",
    "casework:case_contact_create": "case",
    "casework:assessment_create": "case",
    "casework:assessment_detail": "assessment",
    "casework:service_add": "case",
    "casework:care_event_add": "case",
    "casework:case_transfer": "case",
    "casework:request_detail": "contact_request",
}
POST_URLS = {
    "casework:person_edit": ("person", {"name": "Endret"}),
    "casework:case_create": (
        "person",
        {"kind": "patient", "opened_on": "2026-01-01", "phase": "treatment"},
    ),
    "casework:case_edit": ("case", {"kind": "patient", "opened_on": "2026-01-01"}),
    "casework:case_close": ("case", {"closed_on": "2026-01-01", "closing_reason": "other"}),
    "casework:case_phase": ("case", {"phase": "palliative", "from_date": "2026-01-01"}),
    "casework:relative_add": ("case", {"name": "X", "relation": "child"}),
    "casework:case_contact_create": (
        "case",
        {"mode": "phone", "kinds": ["supportive"], "participants": ["with_patient"]},
    ),
    "casework:follow_up_add": ("case", {"what": "X", "due_on": "2026-01-01"}),
    "casework:follow_up_done": ("follow_up", {}),
    "casework:assessment_create": ("case", {"assessed_on": "2026-01-01", "checkpoint": "sp1"}),
    "casework:service_add": ("case", {"service": "meals", "status": "proposed"}),
    "casework:service_status": ("service", {"status": "applied", "on": "2026-01-01"}),
    "casework:care_event_add": ("case", {"on": "2026-01-01", "death_place": "home"}),
    "casework:case_transfer": ("case", {"to_area": "3901", "reason": "Flyttet"}),
    "casework:request_handled": ("contact_request", {}),
}


EXTRA_ARGS = {"casework:care_event_add": ["death"]}


def test_every_casework_url_with_an_id_is_listed():
    from kreftkoordinator.accounts.tests.test_role_gating import all_url_names

    with_ids = {n for n in all_url_names() if n.startswith("casework:")} - {
        "casework:caseload",
        "casework:person_list",
        "casework:person_create",
        "casework:contact_create",
        # The user's own time and system work, not area records; that another user's time
        # entry cannot be deleted is tested in test_time.
        "casework:week",
        "casework:activity_add",
        "casework:time_entry_add",
        "casework:time_entry_delete",
        # A user's own notifications; another user's is refused in test_transfer.
        "casework:notification_read",
    }
    assert with_ids == set(GET_URLS) | set(POST_URLS)


@pytest.fixture
def drammen(drammen_case):
    assessment = Assessment.objects.create(area=drammen_case.area, case=drammen_case)
    return {
        "person": drammen_case.person,
        "case": drammen_case,
        "follow_up": drammen_case.follow_ups.get(),
        "assessment": assessment,
        "contact_request": ContactRequest.objects.create(
            area=drammen_case.area, name="Siri Moe", role="relative"
        ),
        "service": ServiceLink.objects.create(
            area=drammen_case.area, case=drammen_case, service="meals", status_on=today()
        ),
    }


def counts():
    models = (Person, Case, Contact, FollowUp, Relation, Assessment, ServiceLink, CareEvent)
    return [m.objects.count() for m in models]


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(GET_URLS))
def test_reading_drammen_as_hanne_is_404(client, hanne, drammen, name):
    login(client, hanne)
    url = reverse(name, args=[drammen[GET_URLS[name]].pk, *EXTRA_ARGS.get(name, [])])
    assert client.get(url).status_code == 404
    assert_only_refusals(hanne, drammen)


def assert_only_refusals(hanne, drammen):
    """The attempt is logged in Drammen as refused; nothing else is written about the person."""
    entries = list(AuditEntry.objects.all())
    assert entries, "a refused attempt on Drammen's records is logged"
    assert {(e.user, e.action, e.area.code) for e in entries} == {(hanne, "refused", "3301")}
    about = AuditEntry.objects.about_person(drammen["person"].pk)
    assert set(about) <= set(entries)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(POST_URLS))
def test_writing_to_drammen_as_hanne_is_404_and_changes_nothing(client, hanne, drammen, name):
    login(client, hanne)
    before = counts()
    key, data = POST_URLS[name]
    url = reverse(name, args=[drammen[key].pk, *EXTRA_ARGS.get(name, [])])
    assert client.post(url, data).status_code == 404
    assert counts() == before
    assert_only_refusals(hanne, drammen)
    drammen["case"].refresh_from_db()
    assert drammen["case"].is_open and drammen["case"].phase == "new_diagnosis"
    assert drammen["follow_up"].__class__.objects.get(pk=drammen["follow_up"].pk).done_on is None
    assert ServiceLink.objects.get().status == "proposed"


@pytest.mark.django_db
def test_the_caseload_shows_hanne_only_horten(client, hanne, drammen, horten_case):
    login(client, hanne)
    response = client.get(reverse("casework:caseload"))
    assert list(response.context["page"]) == [horten_case]
    assert list(response.context["follow_ups"]) == []
    assert "Anne Hansen" not in response.content.decode()
    response = client.get(reverse("casework:caseload"), {"q": "Anne"})
    assert list(response.context["page"]) == []
