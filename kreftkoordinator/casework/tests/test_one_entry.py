"""One action leaves exactly one audit entry, by the acting user, naming the person it touched,
so that every action is in the person's access log once. Pages that show a person are reads;
a form that is saved leaves only its write."""

from datetime import timedelta

import pytest
from django.urls import reverse

from kreftkoordinator.audit.models import AuditEntry
from kreftkoordinator.casework.models import Case, ContactRequest, Person, Relation, ServiceLink
from kreftkoordinator.casework.tests.test_assessments import assessment_data
from kreftkoordinator.casework.tests.test_contacts import contact_data
from kreftkoordinator.casework.tests.test_people import person_data
from kreftkoordinator.conftest import area, login
from kreftkoordinator.organisation.models import today


def days_ago(n):
    return str(today() - timedelta(days=n))


@pytest.fixture
def drammen(drammen_case):
    drammen_case.consent_given_on = today() - timedelta(days=20)
    drammen_case.save()
    return {
        "person": drammen_case.person,
        "case": drammen_case,
        "follow_up": drammen_case.follow_ups.get(),
        "service": ServiceLink.objects.create(
            area=drammen_case.area, case=drammen_case, service="meals", status_on=days_ago(5)
        ),
        "contact_request": ContactRequest.objects.create(
            area=drammen_case.area, name="Siri Moe", role="relative"
        ),
    }


# (url name, object the url takes, data, the person the entry must name: "patient"/"new")
WRITES = {
    "person_create": (None, lambda d: person_data(name="Nils Nilsen"), "new"),
    "person_edit": ("person", lambda d: person_data(name="Anne H.", seen_version=1), "patient"),
    "case_create": (
        "person",
        lambda d: {"kind": "patient", "opened_on": days_ago(1), "phase": "treatment"},
        "patient",
    ),
    "case_edit": (
        "case",
        lambda d: {"kind": "patient", "opened_on": days_ago(30), "seen_version": d["case"].version},
        "patient",
    ),
    "case_close": (
        "case",
        lambda d: {
            "closed_on": days_ago(0),
            "closing_reason": "other",
            "seen_version": d["case"].version,
        },
        "patient",
    ),
    "case_phase": (
        "case",
        lambda d: {
            "phase": "palliative",
            "from_date": days_ago(0),
            "seen_version": d["case"].version,
        },
        "patient",
    ),
    "relative_add": ("case", lambda d: {"name": "Ola Hansen", "relation": "child"}, "new"),
    "case_contact_create": ("case", lambda d: contact_data(), "patient"),
    "follow_up_add": ("case", lambda d: {"what": "Ring", "due_on": days_ago(-3)}, "patient"),
    "follow_up_done": ("follow_up", lambda d: {}, "patient"),
    "assessment_create": ("case", lambda d: assessment_data(), "patient"),
    "service_add": (
        "case",
        lambda d: {"service": "home_nursing", "status": "applied", "status_on": days_ago(0)},
        "patient",
    ),
    "service_status": (
        "service",
        lambda d: {f"s{d['service'].pk}-status": "applied", f"s{d['service'].pk}-on": days_ago(0)},
        "patient",
    ),
    "care_event_add": (
        "case",
        lambda d: {"on": days_ago(1), "death_place": "hospital", "seen_version": d["case"].version},
        "patient",
    ),
    "case_transfer": (
        "case",
        lambda d: {"to_area": "3901", "reason": "Flyttet", "seen_version": d["case"].version},
        "patient",
    ),
    "request_handled": ("contact_request", lambda d: {}, None),
}
EXTRA_ARGS = {"care_event_add": ["death"]}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(WRITES))
def test_each_write_leaves_one_entry_naming_the_person(client, kari, hanne, drammen, name):
    key, data, who = WRITES[name]
    login(client, kari)
    args = ([drammen[key].pk] if key else []) + EXTRA_ARGS.get(name, [])
    before = set(AuditEntry.objects.values_list("pk", flat=True))
    response = client.post(reverse(f"casework:{name}", args=args), data(drammen))
    assert response.status_code == 302
    entries = list(AuditEntry.objects.exclude(pk__in=before))
    assert len(entries) == 1, [(e.action, e.object_type, e.reason) for e in entries]
    entry = entries[0]
    assert entry.user == kari and entry.area.code == "3301"
    if who == "patient":
        assert entry.person_id == drammen["person"].pk
    elif who == "new":
        newest = Person.objects.order_by("-pk").first()
        assert entry.person_id == newest.pk
        if name == "relative_add":  # the patient's log shows it too
            assert entry in AuditEntry.objects.about_person(drammen["person"].pk)


# Pages that show a person: one read each, naming whoever the page shows.
READS = {
    "person_detail": "person",
    "person_edit": "person",
    "case_create": "person",
    "case_detail": "case",
    "case_edit": "case",
    "case_close": "case",
    "relative_add": "case",
    "case_contact_create": "case",
    "assessment_create": "case",
    "service_add": "case",
    "case_transfer": "case",
    "care_event_add": "case",
    "request_detail": "contact_request",
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(READS))
def test_each_page_about_a_person_is_one_read(client, kari, drammen, name):
    login(client, kari)
    args = [drammen[READS[name]].pk] + EXTRA_ARGS.get(name, [])
    assert client.get(reverse(f"casework:{name}", args=args)).status_code == 200
    entry = AuditEntry.objects.get()
    assert (entry.user, entry.action, entry.area.code) == (kari, "view", "3301")
    if READS[name] != "contact_request":
        assert entry.person_id == drammen["person"].pk


@pytest.mark.django_db
def test_the_case_page_logs_the_relatives_it_shows(client, kari, drammen):
    relative = Person.objects.create(area=area("3301"), name="Ola Hansen", phone="41111111")
    Relation.objects.create(case=drammen["case"], person=relative, relation="child")
    login(client, kari)
    client.get(reverse("casework:case_detail", args=[drammen["case"].pk]))
    entry = AuditEntry.objects.get()
    assert entry.person_id == drammen["person"].pk
    assert list(AuditEntry.objects.about_person(relative.pk)) == [entry]


@pytest.mark.django_db
def test_the_duplicate_warning_logs_the_people_it_shows(client, kari, drammen):
    login(client, kari)
    response = client.post(
        reverse("casework:person_create"), person_data(name="Anne Hansen", phone="91234567")
    )
    assert "Anne Hansen" in response.content.decode()
    entry = AuditEntry.objects.get()
    assert entry.reason == "mulig duplikat" and entry.area.code == "3301"
    assert entry in AuditEntry.objects.about_person(drammen["person"].pk)
    assert Case.objects.count() == 1


@pytest.mark.django_db
def test_the_lists_name_everyone_they_show(client, kari, drammen):
    login(client, kari)
    for url in (reverse("casework:caseload"), reverse("casework:person_list")):
        client.get(url)
    caseload, person_list = AuditEntry.objects.order_by("pk")
    for entry in (caseload, person_list):
        assert entry in AuditEntry.objects.about_person(drammen["person"].pk)


@pytest.mark.django_db
def test_a_workflow_called_from_a_command_keeps_the_reason_and_the_channel(kari, drammen):
    """The same workflow a page uses, called as a task or command would: the acting user, a
    reason, and the command's name as the channel."""
    from kreftkoordinator import audit
    from kreftkoordinator.casework.models import FollowUp
    from kreftkoordinator.casework.workflows import add_follow_up

    with audit.via("nightly-task"):
        add_follow_up(
            kari,
            FollowUp(case=drammen["case"], due_on=today(), what="Ring"),
            reason="planlagt oppfølging",
        )
    entry = AuditEntry.objects.get()
    assert (entry.user, entry.reason, entry.path) == (kari, "planlagt oppfølging", "nightly-task")
    assert entry.person_id == drammen["person"].pk
