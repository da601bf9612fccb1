"""Every page, every role: who gets in, who is refused, and the navigation each role sees.

Besides the four roles, Lene, Drammen's substitute the day after her period ended: a coordinator
who holds no position today. Wherever a coordinator gets in she gets the page without anything
of Drammen's, a page about one of Drammen's records answers 404, and she is refused everything
else; the same as a page and as an htmx request."""

from datetime import timedelta

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.timezone import now

from kreftkoordinator.accounts.models import SignOnIdentity
from kreftkoordinator.casework.models import (
    Assessment,
    CareTeamMember,
    Contact,
    ContactRequest,
    Notification,
    Routine,
    ServiceLink,
    TimeEntry,
)
from kreftkoordinator.casework.routines import register_routine
from kreftkoordinator.casework.tests.test_documents import a_document
from kreftkoordinator.conftest import login
from kreftkoordinator.directory.models import Offer
from kreftkoordinator.economics.models import Scenario
from kreftkoordinator.organisation.models import Position, today
from kreftkoordinator.reporting.submissions import submit_report

COORDINATOR, LEADER, PROGRAMME, ADMIN = "kari", "per", "eva", "ola"
EVERYONE = {COORDINATOR, LEADER, PROGRAMME, ADMIN}
OUTSIDE_HER_PERIOD = "lene"
HTMX = {"HTTP_HX_REQUEST": "true"}

# URL name -> (who may open it, how to build its arguments from the fixtures)
PAGES = {
    "accounts:account": (EVERYONE, None),
    "accounts:setup_totp": (EVERYONE, None),
    "audit:my_activity": (EVERYONE, None),
    "casework:caseload": ({COORDINATOR}, None),
    "casework:person_list": ({COORDINATOR}, None),
    "casework:person_create": ({COORDINATOR}, None),
    "casework:person_edit": ({COORDINATOR}, lambda w: [w["person"].pk]),
    "casework:case_create": ({COORDINATOR}, lambda w: [w["person"].pk]),
    "casework:case_detail": ({COORDINATOR}, lambda w: [w["case"].pk]),
    "casework:case_edit": ({COORDINATOR}, lambda w: [w["case"].pk]),
    "casework:case_close": ({COORDINATOR}, lambda w: [w["case"].pk]),
    "casework:case_end_of_life": ({COORDINATOR}, lambda w: [w["case"].pk]),
    "casework:relative_add": ({COORDINATOR}, lambda w: [w["case"].pk]),
    "casework:case_contact_create": ({COORDINATOR}, lambda w: [w["case"].pk]),
    "casework:contact_create": ({COORDINATOR}, None),
    "casework:assessment_create": ({COORDINATOR}, lambda w: [w["case"].pk]),
    "casework:assessment_detail": ({COORDINATOR}, lambda w: [w["assessment"].pk]),
    "casework:service_add": ({COORDINATOR}, lambda w: [w["case"].pk]),
    "casework:team_member_add": ({COORDINATOR}, lambda w: [w["case"].pk]),
    "casework:team_member_edit": ({COORDINATOR}, lambda w: [w["team_member"].pk]),
    "casework:meeting_add": ({COORDINATOR}, lambda w: [w["case"].pk]),
    "casework:document_add": ({COORDINATOR}, lambda w: [w["case"].pk]),
    "casework:document_download": ({COORDINATOR}, lambda w: [w["document"].pk]),
    "casework:document_delete": ({COORDINATOR}, lambda w: [w["document"].pk]),
    "casework:estimate_edit": ({COORDINATOR}, lambda w: [w["case"].pk]),
    "casework:routine_list": ({COORDINATOR}, None),
    "casework:routine_add": ({COORDINATOR}, None),
    "casework:routine_status": ({COORDINATOR}, lambda w: [w["routine"].pk]),
    "casework:care_event_add": ({COORDINATOR}, lambda w: [w["case"].pk, "death"]),
    "casework:week": ({COORDINATOR}, None),
    "casework:activity_add": ({COORDINATOR}, None),
    "casework:case_transfer": ({COORDINATOR}, lambda w: [w["case"].pk]),
    "casework:after_death": ({COORDINATOR}, lambda w: [w["case"].pk]),
    "casework:request_detail": ({COORDINATOR}, lambda w: [w["contact_request"].pk]),
    "casework:contact_person": ({COORDINATOR}, lambda w: [w["contact"].pk]),
    "directory:offer_list": (EVERYONE, None),
    "public:survey_results": (EVERYONE, None),
    "directory:event_list": ({COORDINATOR}, None),
    "directory:event_create": ({COORDINATOR}, None),
    "directory:offer_detail": (EVERYONE, lambda w: [w["offer"].pk]),
    "directory:offer_create": ({COORDINATOR, PROGRAMME, ADMIN}, None),
    "casework:person_detail": ({COORDINATOR}, lambda w: [w["person"].pk]),
    "casework:person_access_log": ({COORDINATOR}, lambda w: [w["person"].pk]),
    "exchange:person_fhir": ({COORDINATOR}, lambda w: [w["person"].pk]),
    "organisation:position_list": ({PROGRAMME, ADMIN}, None),
    "organisation:position_detail": ({PROGRAMME, ADMIN}, lambda w: [w["position"].pk]),
    "organisation:position_create": ({ADMIN}, None),
    "organisation:position_edit": ({ADMIN}, lambda w: [w["position"].pk]),
    "organisation:assignment_create": ({ADMIN}, lambda w: [w["position"].pk]),
    "organisation:assignment_edit": (
        {ADMIN},
        lambda w: [w["position"].pk, w["position"].assignments.first().pk],
    ),
    "organisation:area_list": ({ADMIN}, None),
    "organisation:area_edit": ({ADMIN}, lambda w: [w["case"].area.pk]),
    "accounts:approvals": ({LEADER, ADMIN}, None),
    "accounts:user_list": ({ADMIN}, None),
    "accounts:user_create": ({ADMIN}, None),
    "accounts:user_detail": ({ADMIN}, lambda w: [w["users"][LEADER].pk]),
    "accounts:user_edit": ({ADMIN}, lambda w: [w["users"][LEADER].pk]),
    "audit:user_activity": ({ADMIN}, lambda w: [w["users"][COORDINATOR].pk]),
    "audit:account_changes": ({ADMIN}, None),
    "reporting:annual": ({COORDINATOR}, lambda w: [w["position"].pk, 2025]),
    "reporting:submitted": ({COORDINATOR}, lambda w: [w["submission"].position_id, 2025, 1]),
    "reporting:leader": ({LEADER}, None),
    "reporting:national": ({PROGRAMME}, lambda w: [2025]),
    "economics:scenarios": ({COORDINATOR, LEADER, PROGRAMME}, None),
    "economics:compare": ({COORDINATOR, LEADER, PROGRAMME}, None),
    "economics:scenario": ({COORDINATOR, LEADER, PROGRAMME}, lambda w: [w["scenario"].pk]),
    "economics:position_salary": ({LEADER, ADMIN}, lambda w: [w["position"].pk]),
    "grants:agreements": ({LEADER, PROGRAMME}, None),
    "grants:agreement_create": ({PROGRAMME}, None),
    "grants:schemes": ({PROGRAMME}, None),
    "grants:statements": ({PROGRAMME}, None),
    "grants:queue": ({PROGRAMME}, None),
    "grants:agreement": ({LEADER, PROGRAMME}, lambda w: [w["agreement"].pk]),
    "grants:letter": ({LEADER, PROGRAMME}, lambda w: [w["agreement"].pk]),
    "grants:statement": ({LEADER, PROGRAMME}, lambda w: [w["statement"].pk]),
}
# Actions that only accept POST: who may, by the same rule.
POST_ACTIONS = {
    "accounts:reset_two_factor": ({ADMIN}, lambda w: [w["users"][LEADER].pk]),
    "accounts:send_password_link": ({ADMIN}, lambda w: [w["users"][LEADER].pk]),
    "accounts:record_identity": ({ADMIN}, lambda w: [w["users"][LEADER].pk]),
    "accounts:remove_identity": (
        {ADMIN},
        lambda w: [w["users"][LEADER].pk, w["identity"].pk],
    ),
    "casework:case_phase": ({COORDINATOR}, lambda w: [w["case"].pk]),
    "casework:follow_up_add": ({COORDINATOR}, lambda w: [w["case"].pk]),
    "casework:follow_up_done": ({COORDINATOR}, lambda w: [w["follow_up"].pk]),
    "casework:service_status": ({COORDINATOR}, lambda w: [w["service"].pk]),
    "casework:time_entry_add": ({COORDINATOR}, None),
    "casework:request_handled": ({COORDINATOR}, lambda w: [w["contact_request"].pk]),
    "casework:request_link": ({COORDINATOR}, lambda w: [w["contact_request"].pk]),
    "directory:offer_verify": ({COORDINATOR, PROGRAMME, ADMIN}, lambda w: [w["offer"].pk]),
    "public:survey_invite": ({COORDINATOR}, lambda w: [w["case"].pk]),
    "casework:notification_read": (EVERYONE, lambda w: [w["notification"].pk]),
    "casework:time_entry_delete": ({COORDINATOR}, lambda w: [w["time_entry"].pk]),
    "reporting:submit": ({COORDINATOR}, lambda w: [w["position"].pk, 2025]),
    "economics:scenario_value": (
        {COORDINATOR, LEADER, PROGRAMME},
        lambda w: [w["scenario"].pk],
    ),
    "economics:scenario_rating": (
        {COORDINATOR, LEADER, PROGRAMME},
        lambda w: [w["scenario"].pk],
    ),
    "economics:scenario_reading": (
        {COORDINATOR, LEADER, PROGRAMME},
        lambda w: [w["scenario"].pk],
    ),
    "grants:absence_add": ({LEADER, PROGRAMME}, lambda w: [w["agreement"].pk]),
    "grants:absence_confirm": ({PROGRAMME}, lambda w: [w["absence"].pk]),
    "grants:year_decide": ({PROGRAMME}, lambda w: [w["agreement"].pk, 2]),
    "grants:remind_report": ({PROGRAMME}, lambda w: [w["agreement"].pk, 2]),
    "grants:agreement_payment": ({PROGRAMME}, lambda w: [w["agreement"].pk]),
    "grants:statement_approve": ({PROGRAMME}, lambda w: [w["statement"].pk]),
    "grants:statement_pay": ({PROGRAMME}, lambda w: [w["statement"].pk]),
    "grants:statement_attest": ({PROGRAMME}, lambda w: [w["statement"].pk]),
    "grants:statement_authorise": ({PROGRAMME}, lambda w: [w["statement"].pk]),
    "grants:statement_send_back": ({PROGRAMME}, lambda w: [w["statement"].pk]),
}
# Pages whose access depends on the record as well as the role, tested on their own:
# offer_edit (directory/tests/test_directory.py: who maintains which offer) and offer_choices
# (test_offer_link.py: a case of one's own area).
# The approvals' decisions: who may decide which (accounts/tests/test_two_people.py).
RECORD_PAGES = {
    "directory:offer_edit",
    "directory:offer_choices",
    "directory:event_edit",
    "accounts:decide_assignment",
    "accounts:decide_recovery",
    "accounts:approve_role",
}
# Pages outside the role model: log-in steps, language, single sign-on.
NOT_ROLE_PAGES = {
    "home",  # the public front page for visitors, each role's start page when logged in
    "public:find",
    "public:contact",
    "public:contact_thanks",
    "public:offers",
    "public:offer",
    "public:events",
    "public:events_ical",
    "public:event",
    "public:survey",
    "public:survey_code",
    "public:coverage",
    "public:accessibility",
    "public:innsyn",  # a person's own access log, after ID-porten (public/tests/test_innsyn)
    "public:innsyn_start",
    "public:innsyn_signed_on",
    "public:innsyn_sign_out",
    "reporting:definitions",  # the indicators' definitions, public so any figure can be traced
    "accounts:login",
    "accounts:verify",
    "accounts:set_password",  # a one-time link from an e-mail (test_user_admin)
    "accounts:logout",
    "accounts:stop_recovery",  # the link in a recovery's notice (test_two_people)
    "accounts:confirm_recovery",  # anyone logged in, about her own account (test_two_people)
    "set_language",
    "favicon",
    "accounts:sign_on",  # the start of a log-in through a provider (test_oidc)
    "accounts:signed_on",  # the provider's answer (test_oidc)
    "jwks",  # our public keys, for the providers
}


def all_url_names(resolver=None, namespace=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from all_url_names(entry, ns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}"


@pytest.fixture
def world(kari, lene, per, eva, ola, drammen_person, drammen_case):
    from kreftkoordinator.grants.tests.test_workflows import drammen_agreement

    lene.assignments.update(valid_to=today() - timedelta(days=1))

    agreement = drammen_agreement(eva)
    return {
        "identity": SignOnIdentity.objects.create(
            user=per, provider="helseid", claim="pid", key="k", recorded_by=ola, recorded_at=now()
        ),
        "agreement": agreement,
        "absence": agreement.absences.get(),
        "statement": agreement.statements.first(),
        "users": {COORDINATOR: kari, LEADER: per, PROGRAMME: eva, ADMIN: ola},
        "lene": lene,
        "person": drammen_person,
        "position": Position.objects.get(),
        "case": drammen_case,
        "follow_up": drammen_case.follow_ups.get(),
        "assessment": Assessment.objects.create(area=drammen_case.area, case=drammen_case),
        "notification": Notification.objects.create(user=kari, message="Test"),
        "offer": Offer.objects.get(title="Kreftlinjen"),
        "contact_request": ContactRequest.objects.create(
            area=drammen_case.area, name="Siri Moe", role="relative"
        ),
        "contact": Contact.objects.create(
            area=drammen_case.area, with_professional=True, information=True
        ),
        "time_entry": TimeEntry.objects.create(
            position=Position.objects.get(), user=kari, category="system", minutes=30
        ),
        "service": ServiceLink.objects.create(
            area=drammen_case.area, case=drammen_case, service="meals", status_on=today()
        ),
        "routine": register_routine(
            kari,
            Routine(
                position=Position.objects.get(), title="Palliativ plan", kind="plan", status="draft"
            ),
        ),
        "team_member": CareTeamMember.objects.create(
            area=drammen_case.area, case=drammen_case, role="gp", name="Dr. Berg", from_on=today()
        ),
        "document": a_document(drammen_case),
        "submission": submit_report(kari, Position.objects.get(), 2025, "Et år"),
        "scenario": Scenario.objects.create(
            name="Drammen", position=Position.objects.get(), year=2025, created_by=per
        ),
    }


def unnamed(resolver=None):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            yield from unnamed(entry)
        elif not entry.name:
            yield str(entry.pattern)


def test_every_url_pattern_has_a_name():
    """So that none can escape the tables here and in tests/test_cross_area.py."""
    assert list(unnamed()) == []


def test_every_page_is_in_this_table():
    assert set(all_url_names()) == set(PAGES) | set(POST_ACTIONS) | NOT_ROLE_PAGES | RECORD_PAGES


def expected(key: str, allowed: set[str], takes_record: bool) -> int:
    if key != OUTSIDE_HER_PERIOD:
        return 200 if key in allowed else 403
    if COORDINATOR not in allowed:
        return 403
    return 404 if takes_record else 200


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [False, True])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_role_gating(client, world, name, htmx):
    allowed, args = PAGES[name]
    url = reverse(name, args=args(world) if args else None)
    headers = HTMX if htmx else {}
    anonymous = client.get(url, **headers)
    assert anonymous.status_code == 302 and anonymous.url.startswith(reverse("accounts:login"))
    # Offers are everyone's; the others name a record of Drammen's.
    takes_record = bool(args) and name != "directory:offer_detail"
    for key, user in [*world["users"].items(), (OUTSIDE_HER_PERIOD, world["lene"])]:
        client.logout()
        login(client, user)
        response = client.get(url, **headers)
        status = response.status_code
        assert status == expected(key, allowed, takes_record), (key, name, status)
        if key == OUTSIDE_HER_PERIOD:
            assert world["person"].name not in response.content.decode(), name


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [False, True])
@pytest.mark.parametrize("name", sorted(POST_ACTIONS))
def test_role_gating_of_post_actions(client, world, name, htmx):
    allowed, args = POST_ACTIONS[name]
    url = reverse(name, args=args(world) if args else None)
    headers = HTMX if htmx else {}
    anonymous = client.post(url, **headers)
    assert anonymous.status_code == 302 and anonymous.url.startswith(reverse("accounts:login"))
    for key, user in [*world["users"].items(), (OUTSIDE_HER_PERIOD, world["lene"])]:
        if key in allowed:
            continue
        client.logout()
        login(client, user)
        # Lene is a coordinator: what she may do at all, she may not do to Drammen's records
        # (an empty form of her own comes back with its errors).
        answer = 403
        if key == OUTSIDE_HER_PERIOD and COORDINATOR in allowed:
            answer = 404 if args else 200
        assert client.post(url, **headers).status_code == answer, (key, name)


NAVIGATION = {
    COORDINATOR: [
        "Oversikt",
        "Oppfølging",
        "Personer",
        "Ny kontakt",
        "Uka",
        "Tilbud",
        "Min aktivitet",
    ],
    LEADER: [
        "Mine områder",
        "Godkjenning",
        "Tall",
        "Økonomi",
        "Tilskudd",
        "Tilbud",
        "Brukerundersøkelsen",
    ],
    PROGRAMME: [
        "Oversikt",
        "Stillinger",
        "Tilskudd",
        "Økonomi",
        "Tilbud",
        "Brukerundersøkelsen",
    ],
    ADMIN: ["Oversikt", "Stillinger", "Brukere", "Godkjenning", "Områder", "Tilbud"],
}


@pytest.mark.django_db
@pytest.mark.parametrize("key", sorted(NAVIGATION))
def test_each_role_sees_its_navigation(client, world, key):
    login(client, world["users"][key])
    response = client.get(reverse("home"))
    assert [item["label"] for item in response.context["nav_items"]] == NAVIGATION[key]
    for item in response.context["nav_items"]:
        assert client.get(item["url"]).status_code == 200


@pytest.mark.django_db
def test_the_leader_sees_positions_for_her_areas_but_no_person(client, world):
    login(client, world["users"][LEADER])
    content = client.get(reverse("home")).content.decode()
    assert "Kreftkoordinator i Drammen" in content
    assert world["person"].name not in content


@pytest.mark.django_db
def test_the_administrator_sees_which_positions_are_vacant(client, world):
    from kreftkoordinator.conftest import make_position

    vacant = make_position("Kreftkoordinator i Lier", ["3312"])
    login(client, world["users"][ADMIN])
    response = client.get(reverse("home"))
    assert list(response.context["vacant"]) == [vacant]
