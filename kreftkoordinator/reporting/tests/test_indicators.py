"""Every indicator on a hand-built year whose figures are known by hand
(`data/drammen-2025.json`, imported as a coordinator would, through the casework import).

Drammen, 2025: Anne's case spans New Year; Bjørn died at home in June, his partner Cecilie is a
patient herself; Dag is Anne's son; Eva is followed as a relative in her own case; Frank's case
closed on New Year's Eve 2024; Gro had two cases in 2025; Hans's case started on New Year's Eve
2025. Horten has a patient and a contact of its own that Drammen's figures must not count.
"""

from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kreftkoordinator.casework.importing import import_file
from kreftkoordinator.conftest import area
from kreftkoordinator.reporting.indicators import REGISTRY, compute
from kreftkoordinator.reporting.period import Period

DATA = Path(__file__).parent / "data" / "drammen-2025.json"

# (value, numerator, denominator) as counted by hand from the data set.
EXPECTED = {
    "patients_followed": 5,  # Anne, Bjørn, Cecilie, Gro (once), Hans; not Frank
    "patients_new": 4,  # Bjørn, Cecilie, Gro, Hans
    "relatives_followed": 3,  # Cecilie (also a patient), Dag, Eva
    "contacts": 4,  # not the one at 23:30 on New Year's Eve 2024
    "contacts_without_case": 1,
    "contact_minutes": 120,
    "share_first_contact_at_discharge": (1 / 5, 1, 5),  # cases, not people: Gro's two count
    "share_home_care_at_first_contact": (1 / 5, 1, 5),
    "share_short_term_stay": (1 / 5, 1, 5),  # Cecilie
    "share_hospice": (0.0, 0, 5),
    "share_hospital": (1 / 5, 1, 5),  # Anne in February; her December 2024 stay is not counted
    "share_home_care": (2 / 5, 2, 5),  # Gro (event), Cecilie (home care at first contact)
    "deaths": 1,
    "share_died": (1 / 5, 1, 5),
    "home_deaths": 1,
    "home_deaths_facilitated": 1,
    "home_deaths_needed_coordinator": 1,
    # Anne's three stays in 2025: February (3 delayed days typed, reported ready, came home
    # earlier: yes), October (ready on the 3rd, out on the 5th: 2 days; no), November (not
    # reported ready, not answered). Her December 2024 stay is last year's.
    "delayed_discharge_days": 5,
    "hospital_stays_ready_for_discharge": 2,
    "hospital_stays_home_earlier_answered": 2,
    "patients_home_earlier": 1,
    "assessments_sp1": 1,  # Bjørn; Anne's SP1 was in 2024
    "assessments_sp2": 1,
    "assessments_sp3": 0,
    "share_new_patients_with_sp1": (1 / 4, 1, 4),  # Bjørn of Bjørn, Cecilie, Gro, Hans
    # Time: contacts with the patient or a relative 95 min + a meeting place 90 = direct 185;
    # the contact with professionals only 25 = coordination; time entries 60 system and 30
    # competence (the 2024 entry does not count). 300 minutes in all.
    "minutes_direct": 185,
    "minutes_coordination": 25,
    "minutes_system": 60,
    "minutes_competence": 30,
    "share_minutes_direct": (185 / 300, 185, 300),
    "share_minutes_coordination": (25 / 300, 25, 300),
    "share_minutes_system": (60 / 300, 60, 300),
    "share_minutes_competence": (30 / 300, 30, 300),
    "share_direct_patient": (75 / 95, 75, 95),  # Anne 30 + Bjørn 45; the relative's call 20
    "contacts_by_mode": 4,
    "contacts_by_kind": 4,
    "first_contact_sources": 5,
    "services_connected": 2,  # Anne's home nursing started in 2024
    "share_services_not_without_coordinator": (1 / 2, 1, 2),  # Bjørn's yes, Cecilie's no
    "children_as_relatives": 1,  # Dag, born 2010; Cecilie is a grown-up relative
    "follow_ups_on_time": (1 / 3, 1, 3),  # one on time, one late, one not done
    "contact_requests": 1,
    "system_activities": 1,
    "system_activity_participants": 12,
    "phases_at_year_end": 5,  # Anne, Bjørn, Cecilie, Gro's second case, Hans
    "survey_answers": 3,
    # 2025: more, as expected, less (the 2024 answer is another year's); two say about others.
    "share_survey_help_as_expected": (2 / 3, 2, 3),
    "share_survey_helped_with_others": (1 / 2, 1, 2),
    "contact_request_answer_hours": 24.0,
    # Anne (her GP), Bjørn, Gro's first case, Hans (from 31 December); not Eva's own case (a
    # relative's), not Frank's (closed in 2024), not Cecilie's (no team).
    "cases_with_care_team": 4,
    # Anne's GP, Bjørn's GP and home care, Eva's psychologist, Gro's NAV adviser, Hans's GP;
    # not Anne's 2024 hospital nurse, not Frank's GP, not Horten's.
    "care_team_by_role": 6,
    "cases_with_individual_plan": 2,  # Anne, Gro's second case; not Eva (relative), not Frank
    "deaths_wish_known": 1,  # Bjørn wished to die at home; Anne's wish is not a death
    "deaths_at_wished_place": 1,
    "share_deaths_at_wished_place": (1.0, 1, 1),
    # The estimates for 2025 on patient cases: Anne, Bjørn (0 is an answer), Cecilie and Gro's
    # two; not Anne's 2024 answer, not Eva's (a relative's case). Anne's «vet ikke» is none.
    "estimates_short_term_answered": 5,
    "short_term_days_avoided": 10.5,
    "estimates_nursing_home_answered": 0,
    "nursing_home_weeks_deferred": 0.0,
    "estimates_home_care_answered": 2,
    "home_care_hours_saved_per_week": 3.0,
    # The palliative plan (adopted 2023), children as relatives (adopted in September), the
    # grief group (in force on 1 January, retired the 2nd); not the discharge agreement
    # (retired on New Year's Eve 2024), not the cancer plan (a draft).
    "routines_in_force": 3,
}
PARTS = {
    "contacts_by_mode": {"phone": 3, "home_visit": 1, "office": 0, "video": 0, "message": 0},
    "contacts_by_kind": {"supportive": 2, "coordination": 2, "information": 1, "training": 0},
    "first_contact_sources": {"hospital": 1, "gp": 1, "patient": 0},
    "services_connected": {"home_nursing": 1, "practical_help": 1},
    # Anne's move to end of life in January 2026 does not change where she was at year end.
    "phases_at_year_end": {"palliative": 1, "bereavement": 1, "new_diagnosis": 3},
    "survey_answers": {"more": 1, "as_expected": 1, "less": 1, "none": 0},
    "care_team_by_role": {
        "gp": 3,
        "home_care": 1,
        "psychologist": 1,
        "nav": 1,
        "hospital_nurse": 0,
        "pathway_coordinator": 0,
    },
}


@pytest.mark.django_db
def test_every_indicator_has_a_known_value(drammen_2025):
    assert set(EXPECTED) == set(REGISTRY)


@pytest.mark.django_db
@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_each_indicator_by_hand(drammen_2025, key):
    figure = compute(drammen_2025, [key])[key]
    expected = EXPECTED[key]
    if isinstance(expected, tuple):
        value, numerator, denominator = expected
        assert (figure.numerator, figure.denominator) == (numerator, denominator)
        assert figure.value == pytest.approx(value)
    else:
        assert figure.value == expected
    for code, n in PARTS.get(key, {}).items():
        assert figure.parts[code] == n, code


@pytest.mark.django_db
def test_both_areas_of_an_inter_municipal_report_count(drammen_2025):
    both = Period((area("3301").pk, area("3901").pk), 2025)
    figures = compute(both, ["patients_followed", "contacts"])
    assert (figures["patients_followed"].value, figures["contacts"].value) == (6, 5)


@pytest.mark.django_db
def test_a_year_without_records_is_empty_not_an_error(drammen_2025):
    figures = compute(Period((area("3301").pk,), 2019))
    assert figures["patients_followed"].value == 0
    assert figures["share_died"].value is None and figures["share_died"].denominator == 0


@pytest.mark.django_db
def test_the_number_of_queries_does_not_grow_with_the_casework(drammen_2025, kari):
    with CaptureQueriesContext(connection) as before:
        compute(drammen_2025)
    import_file(DATA, kari)  # the same year again: twice the casework
    with CaptureQueriesContext(connection) as after:
        figures = compute(drammen_2025)
    assert len(before) == len(after) <= len(REGISTRY) + 2
    assert figures["patients_followed"].value == 10


def count(figure) -> int:
    assert isinstance(figure.value, int)
    return figure.value


def test_references_quote_the_evaluation():
    assert str(REGISTRY["share_first_contact_at_discharge"].reference) == (
        "44\u00a0% i evalueringen 2017 (tabell 4-4)"
    )
    assert str(REGISTRY["share_died"].reference) == "32\u00a0% i evalueringen 2017 (tabell 4-6)"


@pytest.mark.django_db
def test_the_definitions_page_is_public(client):
    content = client.get("/indikatorer/").content.decode()
    for indicator in REGISTRY.values():
        assert f'id="{indicator.key}"' in content
    assert "44\u00a0% i evalueringen 2017 (tabell 4-4)" in content


@pytest.mark.django_db
def test_a_death_in_the_first_week_counts_in_the_new_year(drammen_2025, kari):
    """Ivar, followed since October 2024, dies on 3 January 2025: one more patient followed
    and one more death in 2025, none in 2024."""
    from datetime import date

    from kreftkoordinator.casework.deaths import register_death
    from kreftkoordinator.casework.models import CareEvent, Case, Person

    before = compute(drammen_2025, ["patients_followed", "deaths", "share_died"])
    ivar = Person.objects.create(area=area("3301"), name="Ivar (døde 3. januar)")
    case = Case.objects.create(area=ivar.area, person=ivar, opened_on=date(2024, 10, 1))
    event = CareEvent(area=case.area, case=case, kind="death", on=date(2025, 1, 3))
    register_death(kari, event, case.version)
    after = compute(drammen_2025, ["patients_followed", "deaths", "share_died"])
    assert after["patients_followed"].value == count(before["patients_followed"]) + 1
    assert after["deaths"].value == count(before["deaths"]) + 1
    assert (after["share_died"].numerator, after["share_died"].denominator) == (2, 6)
    last_year = compute(Period((area("3301").pk,), 2024), ["deaths"])
    assert last_year["deaths"].value == 0


@pytest.mark.django_db
def test_a_transfer_counts_in_each_area_for_its_own_part_of_the_year(
    drammen_2025, kari, monkeypatch
):
    """Gro's case moves from Drammen to Horten on 1 October 2025: Drammen followed her until
    then and still counts her for 2025; Horten counts her from then, as a new patient of its
    own; neither area reads the other's records."""
    from datetime import date

    from kreftkoordinator.casework import transfers
    from kreftkoordinator.casework.models import Case

    keys = ["patients_followed", "patients_new"]
    drammen = compute(drammen_2025, keys)
    horten = compute(Period((area("3901").pk,), 2025), keys)

    def next_year(year):
        return compute(Period((area("3301").pk,), year), keys)["patients_followed"].value

    next_year_before = next_year(2026)
    monkeypatch.setattr(transfers, "today", lambda: date(2025, 10, 1))
    gro = Case.objects.get(person__name__startswith="Gro", closed_on__isnull=True)
    Case.objects.filter(pk=gro.pk).update(consent_given_on=date(2025, 9, 1))
    gro.refresh_from_db()
    transfers.transfer_case(kari, gro, area("3901"), "Flyttet til Horten", gro.version)
    assert compute(drammen_2025, keys) == drammen
    moved = compute(Period((area("3901").pk,), 2025), keys)
    assert moved["patients_followed"].value == count(horten["patients_followed"]) + 1
    assert moved["patients_new"].value == count(horten["patients_new"]) + 1
    assert next_year(2026) == next_year_before - 1  # Gro is Horten's from then on


@pytest.mark.django_db
def test_a_death_elsewhere_than_wished_is_known_but_not_met(drammen_2025):
    """Bjørn wished for a hospice and died at home; a wish not discussed is not a known wish."""
    from kreftkoordinator.casework.models import Case

    keys = ["deaths_wish_known", "deaths_at_wished_place", "share_deaths_at_wished_place"]
    bjorn = Case.objects.filter(person__name__startswith="Bjørn")
    bjorn.update(wished_place_of_death="hospice")
    figures = compute(drammen_2025, keys)
    assert [figures[k].value for k in keys] == [1, 0, 0.0]
    bjorn.update(wished_place_of_death="not_discussed")
    figures = compute(drammen_2025, keys)
    assert [figures[k].value for k in keys] == [0, 0, None]
