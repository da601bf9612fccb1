"""The FHIR export: every demo person's record validates with fhir.resources (its R4B models,
whose resources used here are R4's), references resolve inside the Bundle, nothing another
area's is exported, and the export is one audit entry naming the relatives it shows."""

import json
from collections import Counter
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.http import Http404
from django.urls import reverse
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle

from kreftkoordinator.accounts.models import coordinators_covering
from kreftkoordinator.audit.models import Action, AuditEntry, AuditPerson
from kreftkoordinator.casework.models import Case, CasePhase, Person, Relation
from kreftkoordinator.conftest import login
from kreftkoordinator.demo.arrangements import create_arrangements
from kreftkoordinator.exchange.fhir import DNR, FNR, export_person
from kreftkoordinator.identity_numbers import make_identity_number

# Codes from the value sets FHIR binds as required (fhir.resources checks types and
# cardinality, not these bindings).
REQUIRED = {
    "EpisodeOfCare": ("status", {"planned", "waitlist", "active", "onhold", "finished"}),
    "Encounter": ("status", {"planned", "arrived", "in-progress", "finished", "cancelled"}),
    "ServiceRequest": ("status", {"draft", "active", "on-hold", "revoked", "completed"}),
    "Observation": ("status", {"registered", "preliminary", "final", "amended"}),
    "QuestionnaireResponse": ("status", {"in-progress", "completed", "amended"}),
    "CareTeam": ("status", {"proposed", "active", "suspended", "inactive"}),
}


def validate(bundle: dict) -> Counter:
    """Validate the Bundle and each resource by its own model; every reference must resolve."""
    Bundle.model_validate(bundle)
    assert bundle["type"] == "collection"
    urls = {entry["fullUrl"] for entry in bundle["entry"]}
    kinds: Counter = Counter()
    for entry in bundle["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
        kinds[resource["resourceType"]] += 1
        if resource["resourceType"] in REQUIRED:
            field, allowed = REQUIRED[resource["resourceType"]]
            assert resource[field] in allowed
        for reference in _references(resource):
            assert reference in urls, reference
    return kinds


def _references(value):
    if isinstance(value, dict):
        if "reference" in value:
            yield value["reference"]
        for item in value.values():
            yield from _references(item)
    elif isinstance(value, list):
        for item in value:
            yield from _references(item)


@pytest.mark.django_db
def test_every_demo_person_exports_a_valid_bundle():
    create_arrangements()
    total: Counter = Counter()
    people = Person.objects.filter(cases__isnull=False).distinct().select_related("area")
    for person in people:
        [coordinator, *_] = coordinators_covering(person.area)
        total += validate(export_person(coordinator, person.pk))
    assert set(total) == {
        "Patient",
        "EpisodeOfCare",
        "Condition",
        "RelatedPerson",
        "Encounter",
        "CareTeam",
        "ServiceRequest",
        "Observation",
        "QuestionnaireResponse",
    }
    assert total["Patient"] == people.count()


@pytest.fixture
def annes_case(kari, drammen_person):
    case = Case.objects.create(
        area=drammen_person.area, person=drammen_person, cancer_site="C50", created_by=kari
    )
    CasePhase.objects.create(case=case, phase="treatment", from_date=date(2025, 3, 1))
    husband = Person.objects.create(
        area=drammen_person.area, name="Per Hansen", phone="+4791234567"
    )
    Relation.objects.create(case=case, person=husband, relation="partner")
    return case


@pytest.mark.django_db
class TestKariExportsAnnesRecord:
    def test_the_patient_carries_her_number_under_the_no_basis_system(self, kari, annes_case):
        person = annes_case.person
        person.identity_number = make_identity_number(date(1961, 4, 2), 123)
        person.save()
        bundle = export_person(kari, person.pk)
        validate(bundle)
        [patient] = [
            e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient"
        ]
        assert patient["identifier"] == [{"system": FNR, "value": person.identity_number}]
        assert patient["meta"]["profile"] == [
            "http://hl7.no/fhir/StructureDefinition/no-basis-Patient"
        ]

    def test_a_d_number_is_a_d_number(self, kari, annes_case):
        person = annes_case.person
        person.identity_number = make_d_number(date(1961, 4, 2))
        person.save()
        [patient] = [
            e["resource"]
            for e in export_person(kari, person.pk)["entry"]
            if e["resource"]["resourceType"] == "Patient"
        ]
        assert patient["identifier"][0]["system"] == DNR

    def test_the_case_its_phases_its_cancer_site_and_her_husband(self, kari, annes_case):
        bundle = export_person(kari, annes_case.person.pk)
        by_type = {e["resource"]["resourceType"]: e["resource"] for e in bundle["entry"]}
        episode = by_type["EpisodeOfCare"]
        assert episode["status"] == "active"
        phases = [
            {x["url"]: x for x in p["extension"]}["phase"]["valueCoding"]["code"]
            for p in episode["extension"]
        ]
        assert phases[-1] == "treatment"
        assert by_type["Condition"]["code"]["coding"][0]["code"] == "C50"
        assert by_type["RelatedPerson"]["relationship"][0]["coding"][0]["code"] == "SIGOTHR"
        assert by_type["RelatedPerson"]["name"] == [{"text": "Per Hansen"}]

    def test_the_export_is_one_read_of_the_whole_record(self, kari, annes_case):
        before = AuditEntry.objects.count()
        export_person(kari, annes_case.person.pk)
        assert AuditEntry.objects.count() == before + 1
        entry = AuditEntry.objects.latest("pk")
        assert (entry.action, entry.person_id) == (Action.EXPORT, annes_case.person.pk)
        assert entry.reason == "FHIR-eksport av hele journalen"
        husband = annes_case.relations.get().person
        assert AuditPerson.objects.filter(entry=entry, person_id=husband.pk).exists()

    def test_the_download_on_her_page(self, client, kari, annes_case):
        login(client, kari)
        page = client.get(reverse("casework:person_detail", args=[annes_case.person.pk]))
        url = reverse("exchange:person_fhir", args=[annes_case.person.pk])
        assert url in page.content.decode()
        response = client.get(url)
        assert response["Content-Type"].startswith("application/fhir+json")
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["X-Content-Type-Options"] == "nosniff"
        validate(json.loads(response.content))

    def test_the_command_writes_the_same(self, tmp_path, kari, annes_case):
        out = tmp_path / "anne.json"
        call_command(
            "fhir",
            "export",
            "--person",
            str(annes_case.person.pk),
            "--user",
            "kari",
            "--out",
            str(out),
        )
        bundle = json.loads(out.read_text())
        assert validate(bundle)["EpisodeOfCare"] == 1

    def test_queries_do_not_grow_with_the_record(
        self, kari, annes_case, django_assert_max_num_queries
    ):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as small:
            export_person(kari, annes_case.person.pk)
        for _ in range(3):
            more = Case.objects.create(
                area=annes_case.area, person=annes_case.person, cancer_site="C61", created_by=kari
            )
            Relation.objects.create(
                case=more,
                person=Person.objects.create(area=annes_case.area, name="Barn"),
                relation="child",
            )
        with django_assert_max_num_queries(len(small.captured_queries)):
            export_person(kari, annes_case.person.pk)


@pytest.mark.django_db
class TestHortenSeesNothingOfDrammen:
    def test_the_workflow_refuses(self, hanne, annes_case):
        with pytest.raises(Http404):
            export_person(hanne, annes_case.person.pk)
        assert AuditEntry.objects.filter(user=hanne, action=Action.REFUSED).exists()

    def test_the_download_refuses(self, client, hanne, annes_case):
        login(client, hanne)
        url = reverse("exchange:person_fhir", args=[annes_case.person.pk])
        assert client.get(url).status_code == 404

    def test_the_command_refuses(self, hanne, annes_case):
        with pytest.raises(CommandError, match="har ingen person med id"):
            call_command("fhir", "export", "--person", str(annes_case.person.pk), "--user", "hanne")


def make_d_number(born: date) -> str:
    """A D-nummer adds 4 to the first digit, with check digits of its own (an individual
    number for which both exist)."""
    from kreftkoordinator.identity_numbers import (
        WEIGHTS_1,
        WEIGHTS_2,
        _check_digit,
        validate_identity_number,
    )

    for individual in range(100, 500):
        base = [int(d) for d in f"{born.day + 40:02d}{born.month + 80:02d}{born.year % 100:02d}"]
        base += [int(d) for d in f"{individual:03d}"]
        first = _check_digit(base, WEIGHTS_1)
        second = None if first is None else _check_digit([*base, first], WEIGHTS_2)
        if second is not None:
            return validate_identity_number("".join(map(str, base)) + f"{first}{second}")
    raise AssertionError("no D-nummer for this date")
