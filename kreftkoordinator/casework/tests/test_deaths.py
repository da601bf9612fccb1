"""A patient's death, however it comes in (issue 26, points 8, 9, 10 and 14). Anne Hansen dies;
Kari registers it on the page, or imports it; Per Hansen, her husband, is the bereaved."""

import json
from copy import deepcopy
from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from kreftkoordinator.casework.importing import CaseworkImportError, import_file
from kreftkoordinator.casework.models import (
    CareEvent,
    Case,
    Contact,
    FollowUp,
    Person,
    Relation,
    ServiceLink,
)
from kreftkoordinator.conftest import login
from kreftkoordinator.organisation.models import today

DOCS = Path(__file__).resolve().parents[3] / "docs"
EXAMPLE = json.loads((DOCS / "import-example.json").read_text())


def days_ago(n):
    return today() - timedelta(days=n)


def register_death(client, case, on):
    return client.post(
        reverse("casework:care_event_add", args=[case.pk, "death"]),
        {"on": str(on), "death_place": "home", "seen_version": case.version},
    )


@pytest.fixture
def per_hansen(drammen_case):
    """Anne's husband, registered as her relative."""
    per = Person.objects.create(area=drammen_case.area, name="Per Hansen", birth_year=1948)
    Relation.objects.create(case=drammen_case, person=per, relation="partner")
    return per


def import_document(tmp_path, kari, document):
    path = tmp_path / "import.json"
    path.write_text(json.dumps(document, ensure_ascii=False))
    return import_file(path, kari)


def import_errors(tmp_path, kari, document):
    with pytest.raises(CaseworkImportError) as caught:
        import_document(tmp_path, kari, document)
    return caught.value.errors


def with_death(on="2025-10-20", **changes):
    document = deepcopy(EXAMPLE)
    document["events"].append({"case": "c1", "kind": "death", "on": on, "death_place": "home"})
    for sheet, rows in changes.items():
        document[sheet].extend(rows)
    return document


@pytest.mark.django_db
class TestOneRuleEveryWayIn:
    """Point 14: the form, the importer and the demo call the same check."""

    def test_the_page_refuses_a_death_before_the_case_began_with_the_date(
        self, client, kari, drammen_case
    ):
        login(client, kari)
        response = register_death(client, drammen_case, drammen_case.opened_on - timedelta(1))
        opened = drammen_case.opened_on.strftime("%d.%m.%Y")
        assert f"Dødsdatoen kan ikke være før oppfølgingen startet ({opened})." in (
            response.content.decode()
        )
        assert not CareEvent.objects.exists()

    def test_the_import_refuses_it_with_the_same_words(self, tmp_path, kari):
        errors = import_errors(tmp_path, kari, with_death(on="2025-08-01"))
        assert errors == [
            "Ark «events», linje 2: Dødsdatoen kan ikke være før oppfølgingen startet (01.09.2025)."
        ]

    def test_the_import_refuses_a_death_on_a_relatives_case(self, tmp_path, kari):
        document = deepcopy(EXAMPLE)
        document["cases"].append(
            {"ref": "c2", "person": "p2", "kind": "relative", "opened_on": "2025-09-01"}
        )
        document["events"].append(
            {"case": "c2", "kind": "death", "on": "2025-10-20", "death_place": "home"}
        )
        errors = import_errors(tmp_path, kari, document)
        assert errors == ["Ark «events», linje 2: Dødsfall registreres på pasientens oppfølging."]
        assert not Case.objects.exists()

    def test_the_import_refuses_a_second_death(self, tmp_path, kari):
        document = with_death()
        document["events"].append(
            {"case": "c1", "kind": "death", "on": "2025-10-21", "death_place": "home"}
        )
        assert import_errors(tmp_path, kari, document) == [
            "Ark «events», linje 3: Dødsfallet er allerede registrert."
        ]

    def test_the_import_refuses_a_contact_with_the_patient_nine_days_after_her_death(
        self, tmp_path, kari
    ):
        late = {
            "case": "c1",
            "at": "2025-10-29 10:00",
            "kinds": "supportive",
            "participants": "with_patient",
        }
        errors = import_errors(tmp_path, kari, with_death(contacts=[late]))
        assert errors == [
            "Ark «contacts», linje 3: «at»: Pasienten døde 20.10.2025. Det som skjer etter "
            "dødsfallet, registreres på de pårørendes egne oppfølginger."
        ]
        assert not Contact.objects.exists()

    def test_the_import_refuses_assessments_services_and_stays_after_the_death(
        self, tmp_path, kari
    ):
        document = with_death(
            assessments=[{"case": "c1", "assessed_on": "2025-10-25", "checkpoint": "sp2"}],
            services=[{"case": "c1", "service": "meals", "status_on": "2025-10-22"}],
            events=[
                {"case": "c1", "kind": "hospital", "on": "2025-10-01", "ended_on": "2025-11-01"}
            ],
        )
        errors = import_errors(tmp_path, kari, document)
        assert [e.split(": Pasienten")[0] for e in errors] == [
            "Ark «assessments», linje 2: «assessed_on»",
            "Ark «services», linje 2: «status_on»",
            "Ark «events», linje 3: «ended_on»",
        ]

    def test_an_imported_death_has_the_pages_consequences(self, tmp_path, kari):
        import_document(tmp_path, kari, with_death())
        case = Case.objects.get()
        assert case.phase == "bereavement"
        assert case.phases.last().from_date.isoformat() == "2025-10-20"
        conversation = FollowUp.objects.get(case=case)
        assert conversation.bereavement and conversation.done_on is None
        assert conversation.due_on == max(case.death.on + timedelta(weeks=4), today())

    def test_the_page_refuses_a_contact_a_stay_an_assessment_and_a_service_after_the_death(
        self, client, kari, drammen_case
    ):
        login(client, kari)
        register_death(client, drammen_case, days_ago(5))
        refused = "Pasienten døde"
        contact = client.post(
            reverse("casework:case_contact_create", args=[drammen_case.pk]),
            {
                "mode": "phone",
                "participants": ["with_relative"],
                "kinds": ["supportive"],
                "duration_minutes": "30",
                "at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            },
        )
        stay = client.post(
            reverse("casework:care_event_add", args=[drammen_case.pk, "hospital"]),
            {"on": str(days_ago(3))},
        )
        assessment = client.post(
            reverse("casework:assessment_create", args=[drammen_case.pk]),
            {"assessed_on": str(days_ago(1)), "checkpoint": "ad_hoc"},
        )
        service = client.post(
            reverse("casework:service_add", args=[drammen_case.pk]),
            {"service": "meals", "status": "proposed", "status_on": str(today())},
        )
        for response in (contact, stay, assessment, service):
            assert response.status_code == 200 and refused in response.content.decode()
        assert not drammen_case.contacts.exists() and not ServiceLink.objects.exists()
        assert drammen_case.care_events.count() == 1


@pytest.mark.django_db
class TestTheChecklist:
    """Points 8 and 10: what happened, and the bereaved's own follow-up."""

    def test_the_conversation_goes_to_per_on_his_own_case(
        self, client, kari, drammen_case, per_hansen
    ):
        login(client, kari)
        register_death(client, drammen_case, days_ago(3))
        after = reverse("casework:after_death", args=[drammen_case.pk])
        page = client.get(after)
        assert "Per Hansen (ektefelle / samboer)" in page.content.decode()
        relation = Relation.objects.get(person=per_hansen)
        response = client.post(after, {"bereaved": relation.pk})
        own = Case.objects.get(person=per_hansen)
        assert response.url == reverse("casework:case_detail", args=[own.pk])
        assert (own.kind, own.relative_of, own.phase) == ("relative", drammen_case, "bereavement")
        conversation = FollowUp.objects.get(bereavement=True)
        assert conversation.case == own and conversation.done_on is None
        assert conversation.due_on == days_ago(3) + timedelta(weeks=4)
        # The caseload now shows Per's case with the conversation.
        caseload = client.get(reverse("casework:caseload")).content.decode()
        assert "Per Hansen" in caseload

    def test_his_open_case_is_used_when_he_has_one(self, client, kari, drammen_case, per_hansen):
        own = Case.objects.create(
            area=drammen_case.area, person=per_hansen, kind="relative", created_by=kari
        )
        login(client, kari)
        register_death(client, drammen_case, days_ago(3))
        relation = Relation.objects.get(person=per_hansen)
        client.post(
            reverse("casework:after_death", args=[drammen_case.pk]), {"bereaved": relation.pk}
        )
        assert Case.objects.filter(person=per_hansen).count() == 1
        own.refresh_from_db()
        assert own.relative_of == drammen_case
        assert FollowUp.objects.get(bereavement=True).case == own

    def test_without_relatives_the_page_says_so(self, client, kari, drammen_case):
        login(client, kari)
        register_death(client, drammen_case, days_ago(3))
        page = client.get(reverse("casework:after_death", args=[drammen_case.pk]))
        assert "Ingen pårørende registrert" in page.content.decode()
        client.post(reverse("casework:after_death", args=[drammen_case.pk]), {})
        assert FollowUp.objects.get(bereavement=True).case == drammen_case

    def test_hanne_in_horten_cannot_open_the_checklist(self, client, hanne, drammen_case):
        login(client, hanne)
        response = client.get(reverse("casework:after_death", args=[drammen_case.pk]))
        assert response.status_code == 404


@pytest.mark.django_db
def test_the_indicators_leave_out_what_the_death_ended(kari, drammen_case):
    """Point 8: a task cancelled after the death is neither on time nor late; a service the
    death ended before it started was never connected."""
    from kreftkoordinator.casework.deaths import wrap_up_after_death
    from kreftkoordinator.casework.models.services import ServiceStatusChange
    from kreftkoordinator.reporting.indicators import compute
    from kreftkoordinator.reporting.period import Period

    proposed = ServiceLink.objects.create(
        area=drammen_case.area, case=drammen_case, service="meals", status_on=today()
    )
    ServiceStatusChange.objects.create(link=proposed, status="proposed", on=today())
    started = ServiceLink.objects.create(
        area=drammen_case.area,
        case=drammen_case,
        service="home_nursing",
        status="started",
        status_on=today(),
    )
    ServiceStatusChange.objects.create(link=started, status="started", on=today())
    CareEvent.objects.create(
        area=drammen_case.area, case=drammen_case, kind="death", on=today(), death_place="home"
    )
    ring = FollowUp.objects.get(what="Ring Anne")
    wrap_up_after_death(kari, drammen_case, [proposed, started], [ring])
    period = Period((drammen_case.area_id,), today().year)
    figures = compute(period, ["services_connected", "follow_ups_on_time"])
    assert figures["services_connected"].value == 1  # home nursing, which had started
    assert figures["follow_ups_on_time"].denominator == 0


@pytest.mark.django_db
def test_anne_is_marked_as_dead_wherever_she_appears(client, kari, drammen_case, per_hansen):
    """Point 9: the case header, her person page, the caseload, the search, and Per's case."""
    login(client, kari)
    register_death(client, drammen_case, days_ago(3))
    relation = Relation.objects.get(person=per_hansen)
    client.post(reverse("casework:after_death", args=[drammen_case.pk]), {"bereaved": relation.pk})
    mark = f"død {days_ago(3):%d.%m.%Y}"
    own = Case.objects.get(person=per_hansen)
    pages = {
        "case": reverse("casework:case_detail", args=[drammen_case.pk]),
        "person": reverse("casework:person_detail", args=[drammen_case.person_id]),
        "caseload": reverse("casework:caseload"),
        "search": reverse("casework:person_list") + "?q=Anne",
        "Per's case": reverse("casework:case_detail", args=[own.pk]),
        "Per's page": reverse("casework:person_detail", args=[per_hansen.pk]),
    }
    for name, address in pages.items():
        assert mark in client.get(address).content.decode(), name
    assert "Pårørende til" in client.get(pages["Per's case"]).content.decode()
    # Per is alive: his own header has no mark.
    header = client.get(pages["Per's case"]).content.decode().split("</h1>")[0]
    assert "død" not in header


@pytest.mark.django_db
def test_an_imported_death_marks_the_person(tmp_path, kari):
    import_document(tmp_path, kari, with_death())
    assert Person.objects.get(name="Anne Hansen").died_on.isoformat() == "2025-10-20"


@pytest.mark.django_db
def test_the_case_page_offers_per_a_case_of_his_own(client, kari, drammen_case, per_hansen):
    """Point 9: contacts with the relatives after the death belong on their own cases, and the
    page offers to open one, as a relative of Anne, in bereavement follow-up."""
    login(client, kari)
    register_death(client, drammen_case, days_ago(3))
    page = client.get(reverse("casework:case_detail", args=[drammen_case.pk])).content.decode()
    start = reverse("casework:case_create", args=[per_hansen.pk]) + f"?til={drammen_case.pk}"
    assert start in page and reverse("casework:after_death", args=[drammen_case.pk]) in page
    form = client.get(start).context["form"]
    assert (form["kind"].value(), form["phase"].value()) == ("relative", "bereavement")
    client.post(start, {"kind": "relative", "opened_on": str(today()), "phase": "bereavement"})
    own = Case.objects.get(person=per_hansen)
    assert own.relative_of == drammen_case
    page = client.get(reverse("casework:case_detail", args=[drammen_case.pk])).content.decode()
    assert start not in page
