"""Hanne, the coordinator in Horten, and Lene, Drammen's substitute the day after her period
ended, must see nothing of Drammen: every URL of every app that takes an id answers 404 with
Drammen's ids, for reading and for writing, as a page or an htmx request, changes nothing, and
an attempt on personal data is logged as refused. Kari, whose area it is, leaves exactly one
entry in the log for each read. A URL with an argument that is added to any app
without a row here (or a reason in EXEMPT) fails the suite."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kreftkoordinator.audit.models import AuditEntry
from kreftkoordinator.casework.models import (
    Assessment,
    CareEvent,
    CareTeamMember,
    Case,
    Contact,
    ContactRequest,
    Document,
    Estimate,
    FollowUp,
    Meeting,
    Person,
    Relation,
    Routine,
    RoutineChange,
    ServiceLink,
)
from kreftkoordinator.casework.routines import register_routine
from kreftkoordinator.casework.tests.test_documents import a_document
from kreftkoordinator.conftest import login
from kreftkoordinator.directory.models import Event, Offer, Provider
from kreftkoordinator.economics.models import Scenario
from kreftkoordinator.organisation.models import Position, today
from kreftkoordinator.public.models import SurveyInvitation
from kreftkoordinator.reporting.models import Submission
from kreftkoordinator.reporting.submissions import submit_report

GET_URLS = {
    "casework:person_detail": "person",
    "casework:person_edit": "person",
    "casework:person_access_log": "person",
    "exchange:person_fhir": "person",
    "casework:case_create": "person",
    "casework:case_detail": "case",
    "casework:case_edit": "case",
    "casework:case_close": "case",
    "casework:case_end_of_life": "case",
    "casework:relative_add": "case",
    "casework:case_contact_create": "case",
    "casework:assessment_create": "case",
    "casework:assessment_detail": "assessment",
    "casework:service_add": "case",
    "casework:team_member_add": "case",
    "casework:team_member_edit": "team_member",
    "casework:meeting_add": "case",
    "casework:document_add": "case",
    "casework:document_download": "document",
    "casework:document_delete": "document",
    "casework:estimate_edit": "case",
    "casework:routine_status": "routine",
    "casework:care_event_add": "case",
    "casework:case_transfer": "case",
    "casework:after_death": "case",
    "casework:request_detail": "contact_request",
    "casework:contact_person": "contact",
    "directory:offer_edit": "offer",
    "directory:event_edit": "event",
    "reporting:annual": "position",
    "reporting:submitted": "position",  # Kari's submitted version 1 of 2025 exists
    "economics:scenario": "scenario",
}
POST_URLS = {
    "casework:person_edit": ("person", {"name": "Endret"}),
    "casework:case_create": (
        "person",
        {"kind": "patient", "opened_on": "2026-01-01", "phase": "treatment"},
    ),
    "casework:case_edit": ("case", {"kind": "patient", "opened_on": "2026-01-01"}),
    "casework:case_close": ("case", {"closed_on": "2026-01-01", "closing_reason": "other"}),
    "casework:case_end_of_life": (
        "case",
        {"wished_place_of_death": "home", "wish_recorded_on": "2026-01-01"},
    ),
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
    "casework:team_member_add": ("case", {"role": "gp", "name": "X", "from_on": "2026-01-01"}),
    "casework:team_member_edit": (
        "team_member",
        {"role": "nav", "name": "Endret", "from_on": "2026-01-01"},
    ),
    "casework:meeting_add": ("case", {"at": "2026-01-01T10:00", "duration_minutes": "30"}),
    "casework:document_add": ("case", {"title": "Brev fra Horten"}),
    "casework:document_delete": ("document", {}),
    "casework:estimate_edit": ("case", {"year": "2026", "short_term_days_avoided": "3"}),
    "casework:routine_status": ("routine", {"status": "retired", "status_on": "2026-01-01"}),
    "casework:care_event_add": ("case", {"on": "2026-01-01", "death_place": "home"}),
    "casework:case_transfer": ("case", {"to_area": "3901", "reason": "Flyttet"}),
    "casework:request_handled": ("contact_request", {}),
    "casework:request_link": ("contact_request", {"person": "0"}),
    "casework:contact_person": ("contact", {"person": "0"}),
    "directory:offer_edit": ("offer", {"title": "Endret", "description": "x"}),
    "directory:offer_verify": ("offer", {}),
    "directory:event_edit": ("event", {"title": "Endret", "place": "Horten"}),
    "public:survey_invite": ("case", {}),
    "reporting:submit": ("position", {"narrative": "Et godt år"}),
    "economics:scenario_value": (
        "scenario",
        {"key": "patients_per_year", "value": "100", "reason": "Horten vet best"},
    ),
    "economics:scenario_rating": (
        "scenario",
        {"key": "prevention", "significance": "large", "scope": "3", "justification": "Nei"},
    ),
    "economics:scenario_reading": ("scenario", {"home_death_reading": "needed"}),
}
# Records holding personal data: an attempt on them is logged as refused in their area.
PERSONAL = {
    "person",
    "case",
    "follow_up",
    "assessment",
    "contact_request",
    "service",
    "contact",
    "team_member",
    "document",
}

# URLs with an argument that are not one area's records, and why.
EXEMPT = {
    "accounts:set_password": "a one-time link from an e-mail; the token is the key",
    "accounts:stop_recovery": "a signed link from a notice; it names no person (test_two_people)",
    "accounts:decide_assignment": "approvals of access, admins and leaders (test_two_people)",
    "accounts:decide_recovery": "approvals of access, admins and leaders (test_two_people)",
    "accounts:approve_role": "approvals of roles, administrators (test_two_people)",
    "accounts:user_detail": "administrators' pages about users (test_role_gating: admins only)",
    "accounts:user_edit": "administrators' pages about users",
    "accounts:reset_two_factor": "administrators' pages about users",
    "accounts:send_password_link": "administrators' pages about users",
    "accounts:record_identity": "administrators' pages about users",
    "accounts:remove_identity": "administrators' pages about users (the identity is the user's)",
    "accounts:sign_on": "the start of a log-in; the argument is a provider's name (test_oidc)",
    "accounts:signed_on": "a provider's answer; the argument is its name (test_oidc)",
    "audit:user_activity": "administrators' pages about users",
    "organisation:position_detail": "positions are public; admins and the funder only",
    "organisation:position_edit": "administrators' pages about positions",
    "organisation:area_edit": "an area's language form: administrators, no personal data",
    "organisation:assignment_create": "administrators' pages about positions",
    "organisation:assignment_edit": "administrators' pages about positions",
    "casework:time_entry_delete": "the user's own time (another user's: test_time)",
    "casework:notification_read": "the user's own notifications (another's: test_transfer)",
    "directory:offer_detail": "offers are public; usage figures are protected (test_offer_link)",
    "public:offer": "a public page",
    "public:event": "a public page",
    "public:events_ical": "a public calendar",
    "public:survey": "a one-time survey link; answers are anonymous (test_survey)",
    "reporting:national": "the funder's national figures, a year not an area (test_national)",
    "economics:position_salary": "a position's salary: its host area's leader and "
    "administrators only (test_role_gating; another area's leader: economics/tests/test_salary)",
    **{
        f"grants:{name}": "grants: not for coordinators (test_role_gating); a leader of "
        "another municipality is refused (grants/tests/test_pages.py)"
        for name in (
            "agreement",
            "letter",
            "absence_add",
            "absence_confirm",
            "year_decide",
            "remind_report",
            "agreement_payment",
            "statement",
            "statement_approve",
            "statement_attest",
            "statement_authorise",
            "statement_send_back",
            "statement_pay",
        )
    },
}


EXTRA_ARGS: dict[str, list] = {
    "casework:care_event_add": ["death"],
    "reporting:annual": [2025],
    "reporting:submit": [2025],
    "reporting:submitted": [2025, 1],
}


def urls_with_arguments(resolver=None, namespace=""):
    from django.urls import URLResolver, get_resolver

    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from urls_with_arguments(entry, ns)
        elif entry.pattern.converters:
            yield f"{namespace}{entry.name}"


def test_every_url_with_an_argument_in_every_app_is_listed():
    listed = set(GET_URLS) | set(POST_URLS) | set(EXEMPT)
    assert set(urls_with_arguments()) == listed


@pytest.fixture
def drammen(drammen_case, kari):
    assessment = Assessment.objects.create(area=drammen_case.area, case=drammen_case)
    position = Position.objects.get(name="Kreftkoordinator i Drammen")
    submit_report(kari, position, 2025, "Et år")
    scenario = Scenario.objects.create(
        name="Drammen", position=position, year=2025, created_by=kari
    )
    return {
        "person": drammen_case.person,
        "case": drammen_case,
        "follow_up": drammen_case.follow_ups.get(),
        "assessment": assessment,
        "contact_request": ContactRequest.objects.create(
            area=drammen_case.area, name="Siri Moe", role="relative"
        ),
        "contact": Contact.objects.create(  # an anonymous call, no person yet
            area=drammen_case.area, with_professional=True, information=True
        ),
        "service": ServiceLink.objects.create(
            area=drammen_case.area, case=drammen_case, service="meals", status_on=today()
        ),
        "team_member": CareTeamMember.objects.create(
            area=drammen_case.area, case=drammen_case, role="gp", name="Dr. Berg", from_on=today()
        ),
        "document": a_document(drammen_case),
        "position": Position.objects.get(name="Kreftkoordinator i Drammen"),
        "routine": register_routine(
            kari, Routine(position=position, title="Palliativ plan", kind="plan", status="draft")
        ),
        "scenario": scenario,
        "offer": Offer.objects.create(
            provider=Provider.objects.create(name="Drammen kommune", kind="municipal"),
            title="Sorggruppe i Drammen",
            owner_area=drammen_case.area,
        ),
        "event": Event.objects.create(
            title="Temakafé",
            kind="meeting_place",
            area=drammen_case.area,
            place="Drammen bibliotek",
            starts_at=timezone.now() + timedelta(days=3),
            ends_at=timezone.now() + timedelta(days=3, hours=2),
        ),
    }


def counts():
    models = (Person, Case, Contact, FollowUp, Relation, Assessment, ServiceLink, CareEvent)
    return [m.objects.count() for m in models] + [
        list(CareTeamMember.objects.values_list("role", "name")),
        Meeting.objects.count(),
        list(Document.objects.values_list("stored_as", flat=True)),
        Estimate.objects.count(),
        list(RoutineChange.objects.values_list("status", flat=True)),
        list(Offer.objects.order_by("pk").values_list("title", "last_verified")),
        list(Event.objects.values_list("title", flat=True)),
        SurveyInvitation.objects.count(),
        Submission.objects.count(),
        list(Scenario.objects.values_list("own_values", "own_ratings")),
    ]


@pytest.fixture
def lene_after_her_period(lene):
    """Kari's substitute, the day after her period ended."""
    lene.assignments.update(valid_to=today() - timedelta(days=1))
    return lene


@pytest.fixture(params=["hanne", "lene_after_her_period"])
def outsider(request):
    """Hanne in Horten, and Lene, Drammen's substitute, outside her period: neither may see
    anything of Drammen's."""
    return request.getfixturevalue(request.param)


HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [False, True])
@pytest.mark.parametrize("name", sorted(GET_URLS))
def test_reading_drammen_from_outside_is_404(client, outsider, drammen, name, htmx):
    login(client, outsider)
    url = reverse(name, args=[drammen[GET_URLS[name]].pk, *EXTRA_ARGS.get(name, [])])
    assert client.get(url, **(HTMX if htmx else {})).status_code == 404
    if GET_URLS[name] in PERSONAL:
        assert_only_refusals(outsider, drammen)
    else:
        assert not AuditEntry.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(n for n, key in GET_URLS.items() if key in PERSONAL))
def test_kari_reading_drammen_leaves_exactly_one_entry(client, kari, drammen, name):
    login(client, kari)
    url = reverse(name, args=[drammen[GET_URLS[name]].pk, *EXTRA_ARGS.get(name, [])])
    before = AuditEntry.objects.count()
    assert client.get(url).status_code == 200
    assert AuditEntry.objects.count() == before + 1, name


def assert_only_refusals(who, drammen):
    """The attempt is logged in Drammen as refused; nothing else is written about the person."""
    entries = list(AuditEntry.objects.all())
    assert entries, "a refused attempt on Drammen's records is logged"
    assert {(e.user, e.action, e.area.code) for e in entries} == {(who, "refused", "3301")}
    about = AuditEntry.objects.about_person(drammen["person"].pk)
    assert set(about) <= set(entries)


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [False, True])
@pytest.mark.parametrize("name", sorted(POST_URLS))
def test_writing_to_drammen_from_outside_is_404_and_changes_nothing(
    client, outsider, drammen, name, htmx
):
    login(client, outsider)
    before = counts()
    key, data = POST_URLS[name]
    url = reverse(name, args=[drammen[key].pk, *EXTRA_ARGS.get(name, [])])
    assert client.post(url, data, **(HTMX if htmx else {})).status_code == 404
    assert counts() == before
    if key in PERSONAL:
        assert_only_refusals(outsider, drammen)
    else:
        assert not AuditEntry.objects.exists()
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
