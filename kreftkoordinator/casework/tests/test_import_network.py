"""Kari's spreadsheet of who helps whom (issue 29, point 7): the care team and the case's plan
and wish come in with the file; each bad row is refused with its sheet and line, as the page
would refuse it, and then nothing is imported."""

import json
from copy import deepcopy
from datetime import timedelta
from decimal import Decimal

import pytest

from kreftkoordinator.casework.importing import CaseworkImportError, import_file
from kreftkoordinator.casework.models import CareTeamMember, Case
from kreftkoordinator.casework.tests.test_import import EXAMPLE
from kreftkoordinator.directory.models import Provider
from kreftkoordinator.organisation.models import today


def run(tmp_path, kari, document):
    path = tmp_path / "import.json"
    path.write_text(json.dumps(document, ensure_ascii=False))
    return import_file(path, kari)


def errors_for(tmp_path, kari, document):
    with pytest.raises(CaseworkImportError) as caught:
        run(tmp_path, kari, document)
    assert not CareTeamMember.objects.exists() and not Case.objects.exists()
    return caught.value.errors


@pytest.mark.django_db
def test_the_example_brings_annes_team_and_plan(tmp_path, kari):
    summary = run(tmp_path, kari, EXAMPLE)
    assert summary.counts["care_team"] == 2
    gp, home_care = CareTeamMember.objects.order_by("from_on")
    assert (gp.role, gp.name, gp.phone, gp.provider.name) == (
        "gp",
        "Ingrid Berg",
        "+4732210000",
        "Strømsø legesenter",
    )
    assert home_care.responsible and not gp.responsible and gp.consent_to_share
    case = Case.objects.get()
    assert case.individual_plan and case.individual_plan_on.isoformat() == "2025-10-01"


@pytest.mark.django_db
def test_a_wish_on_the_case(tmp_path, kari):
    document = deepcopy(EXAMPLE)
    document["cases"][0].update(
        wished_place_of_death="Hjemme",
        wish_recorded_on="2025-10-02",
        palliative_plan_on="2025-10-03",
    )
    run(tmp_path, kari, document)
    case = Case.objects.get()
    assert (case.wished_place_of_death, case.palliative_plan_on.isoformat()) == (
        "home",
        "2025-10-03",
    )


@pytest.mark.django_db
def test_an_employer_is_not_put_in_the_directory(tmp_path, kari):
    document = deepcopy(EXAMPLE)
    document["care_team"].append(
        {
            "case": "c1",
            "role": "employer",
            "organisation": "Drammen Bygg AS",
            "from_on": "2025-09-01",
        }
    )
    run(tmp_path, kari, document)
    assert CareTeamMember.objects.get(role="employer").organisation == "Drammen Bygg AS"
    assert not Provider.objects.filter(name="Drammen Bygg AS").exists()


@pytest.mark.django_db
def test_every_bad_row_is_named_and_nothing_is_imported(tmp_path, kari):
    document = deepcopy(EXAMPLE)
    ahead = (today() + timedelta(days=3)).isoformat()
    document["care_team"] += [
        {"case": "c1", "role": "dentist", "name": "X", "from_on": "2025-09-01"},
        {"case": "c1", "role": "gp", "from_on": "2025-09-01"},
        {"case": "c1", "role": "nav", "name": "Siv", "phone": "123", "from_on": "2025-09-01"},
        {"case": "c1", "role": "nav", "name": "Siv", "from_on": ahead},
        {
            "case": "c1",
            "role": "nav",
            "name": "Siv",
            "from_on": "2025-09-01",
            "to_on": "2025-08-01",
        },
        {"case": "c9", "role": "nav", "name": "Siv", "from_on": "2025-09-01"},
        {
            "case": "c1",
            "role": "gp",
            "name": "Dr. Moe",
            "from_on": "2025-10-01",
            "responsible": "ja",
        },
        {
            "case": "c1",
            "role": "gp",
            "name": "Dr. Moe",
            "from_on": "2025-09-01",
            "consent_to_share": "kanskje",
        },
    ]
    document["cases"][0].update(individual_plan="nei", wished_place_of_death="home")
    errors = errors_for(tmp_path, kari, document)
    assert errors == [
        "Ark «cases», linje 1: «individual_plan»: Kryss av for at personen har individuell plan.",
        "Ark «cases», linje 1: «wish_recorded_on»: Skriv datoen ønsket ble registrert.",
        "Ark «care_team», linje 3: «role»: «dentist» er ikke et gyldig valg.",
        "Ark «care_team», linje 4: «name»: Skriv navnet på personen, virksomheten eller begge.",
        "Ark «care_team», linje 5: «phone»: «123» er ikke et gyldig telefonnummer. Skriv 8 "
        "siffer for et norsk nummer, eller + og landskode for et utenlandsk.",
        "Ark «care_team», linje 6: «from_on»: Datoen kan ikke være i fremtiden.",
        "Ark «care_team», linje 7: «to_on»: Sluttdatoen kan ikke være før startdatoen.",
        "Ark «care_team», linje 8: «case»: finner ikke «c9» i arket.",
        "Ark «care_team», linje 9: oppfølgingen har allerede en koordinator etter § 7-2 i denne "
        "perioden.",
        "Ark «care_team», linje 10: «consent_to_share»: skriv ja eller nei.",
    ]


@pytest.mark.django_db
def test_the_estimates_come_in(tmp_path, kari):
    from kreftkoordinator.casework.models import Estimate

    run(tmp_path, kari, EXAMPLE)
    estimate = Estimate.objects.get()
    assert (estimate.year, estimate.short_term_days_avoided) == (2025, 3)
    assert estimate.nursing_home_weeks_deferred is None  # «vet ikke»
    assert estimate.home_care_hours_saved_per_week == Decimal("1.5")


@pytest.mark.django_db
def test_bad_estimates_are_named_with_their_line(tmp_path, kari):
    document = deepcopy(EXAMPLE)
    document["estimates"] += [
        {"case": "c1", "year": 2025, "short_term_days_avoided": 1},
        {"case": "c1", "year": 2019, "short_term_days_avoided": 1},
        {"case": "c1", "year": 2026, "nursing_home_weeks_deferred": 53},
        {"case": "c1", "year": 2026, "home_care_hours_saved_per_week": "mange"},
    ]
    errors = errors_for(tmp_path, kari, document)
    assert errors[0] == "Ark «estimates», linje 2: oppfølgingen har allerede et anslag for 2025."
    assert errors[1].startswith(
        "Ark «estimates», linje 3: «year»: Velg et år oppfølgingen var åpen"
    )
    assert errors[2] == (
        "Ark «estimates», linje 4: «nursing_home_weeks_deferred»: Skriv et tall fra 0 til 52, "
        "eller la feltet stå tomt for «vet ikke»."
    )
    assert errors[3] == (
        "Ark «estimates», linje 5: «home_care_hours_saved_per_week»: «mange» er ikke et tall."
    )


@pytest.mark.django_db
def test_the_routines_come_in_once_however_often_the_file_does(tmp_path, kari):
    from kreftkoordinator.casework.models import Routine

    run(tmp_path, kari, EXAMPLE)
    routine = Routine.objects.get()
    assert (routine.title, routine.status, routine.owner) == (
        "Barn som pårørende",
        "adopted",
        "Helse og omsorg",
    )
    assert routine.position.name == "Kreftkoordinator i Drammen"
    document = {"routines": EXAMPLE["routines"]}
    run(tmp_path, kari, document)
    assert Routine.objects.get().changes.count() == 2


@pytest.mark.django_db
def test_bad_routines_are_named_with_their_line(tmp_path, kari):
    ahead = (today() + timedelta(days=3)).isoformat()
    rows = [
        {"title": "Plan A", "kind": "plan", "status": "adopted", "status_on": "2025-05-01"},
        {"title": "Plan A", "kind": "routine", "status": "revised", "status_on": "2025-06-01"},
        {"title": "Plan A", "kind": "plan", "status": "revised", "status_on": "2025-04-01"},
        {"title": "Plan B", "kind": "plan", "status": "gjeldende", "status_on": "2025-04-01"},
        {"title": "Plan C", "kind": "plan", "status": "draft", "status_on": ahead},
        {"kind": "plan", "status": "draft", "status_on": "2025-04-01"},
    ]
    with pytest.raises(CaseworkImportError) as caught:
        run(tmp_path, kari, {"routines": rows})
    assert caught.value.errors == [
        "Ark «routines», linje 2: «Plan A» er allerede registrert som plan.",
        "Ark «routines», linje 3: «status_on»: Datoen kan ikke være før forrige status "
        "(01.05.2025).",
        "Ark «routines», linje 4: «status»: «gjeldende» er ikke et gyldig valg.",
        "Ark «routines», linje 5: «status_on»: Datoen kan ikke være i fremtiden.",
        "Ark «routines», linje 6: «title» mangler.",
    ]
    from kreftkoordinator.casework.models import Routine

    assert not Routine.objects.exists()
