"""A patient's plans and wishes (issue 29, points 2 and 3): Kari records Anne's individual plan
and, in the palliative phase, where Anne wishes to die and when the palliative plan was made;
when the death is registered, the case page and the checklist say whether the wish was met."""

from datetime import timedelta

import pytest
from django.urls import reverse

from kreftkoordinator.audit.models import AuditEntry
from kreftkoordinator.casework.models import CareEvent, Case
from kreftkoordinator.conftest import login
from kreftkoordinator.organisation.models import today


def post_wish(client, case, **data):
    return client.post(
        reverse("casework:case_end_of_life", args=[case.pk]),
        {"seen_version": case.version, **data},
    )


@pytest.mark.django_db
def test_kari_records_annes_wish_and_the_death_meets_it(client, kari, drammen_case):
    Case.objects.filter(pk=drammen_case.pk).update(phase="palliative")
    login(client, kari)
    page = client.get(reverse("casework:case_detail", args=[drammen_case.pk])).content.decode()
    assert "Hvor personen ønsker å dø, er ikke registrert." in page
    day = today() - timedelta(days=2)
    response = post_wish(
        client,
        drammen_case,
        wished_place_of_death="home",
        wish_recorded_on=day.isoformat(),
        palliative_plan_on=day.isoformat(),
    )
    assert response.status_code == 302
    drammen_case.refresh_from_db()
    assert (drammen_case.wished_place_of_death, drammen_case.wish_recorded_on) == ("home", day)
    assert AuditEntry.objects.filter(action="update", object_id=str(drammen_case.pk)).exists()
    CareEvent.objects.create(
        area=drammen_case.area, case=drammen_case, kind="death", on=today(), death_place="home"
    )
    page = client.get(reverse("casework:case_detail", args=[drammen_case.pk])).content.decode()
    assert "der personen ønsket" in page and "ikke der personen ønsket" not in page
    checklist = client.get(reverse("casework:after_death", args=[drammen_case.pk]))
    assert "Døde: hjemme, der personen ønsket." in checklist.content.decode()


@pytest.mark.django_db
def test_a_death_elsewhere_says_the_wish_was_not_met(kari, drammen_case):
    Case.objects.filter(pk=drammen_case.pk).update(
        wished_place_of_death="home", wish_recorded_on=today()
    )
    CareEvent.objects.create(
        area=drammen_case.area, case=drammen_case, kind="death", on=today(), death_place="hospital"
    )
    drammen_case.refresh_from_db()
    assert drammen_case.wish_met is False
    Case.objects.filter(pk=drammen_case.pk).update(wished_place_of_death="not_discussed")
    drammen_case.refresh_from_db()
    assert drammen_case.wish_met is None  # no wish to meet


@pytest.mark.django_db
def test_bad_dates_are_refused_and_what_was_typed_kept(client, kari, drammen_case):
    login(client, kari)
    ahead = (today() + timedelta(days=3)).isoformat()
    response = post_wish(
        client, drammen_case, wished_place_of_death="hospice", wish_recorded_on=ahead
    )
    assert response.status_code == 200
    assert "Datoen kan ikke være i fremtiden." in response.content.decode()
    assert 'value="hospice" id="id_wished_place_of_death_3" checked>' in response.content.decode()
    before = (drammen_case.opened_on - timedelta(days=1)).isoformat()
    response = post_wish(
        client, drammen_case, wished_place_of_death="home", wish_recorded_on=before
    )
    assert "Datoen kan ikke være før oppfølgingen startet." in response.content.decode()
    drammen_case.refresh_from_db()
    assert drammen_case.wished_place_of_death == ""


@pytest.mark.django_db
def test_the_individual_plan_on_the_case_form(client, kari, drammen_case):
    login(client, kari)
    day = today().isoformat()
    data = {
        "seen_version": drammen_case.version,
        "kind": "patient",
        "opened_on": drammen_case.opened_on.isoformat(),
        "individual_plan_asked_on": day,
        "individual_plan_on": day,
    }
    response = client.post(reverse("casework:case_edit", args=[drammen_case.pk]), data)
    assert "Kryss av for at personen har individuell plan." in response.content.decode()
    response = client.post(
        reverse("casework:case_edit", args=[drammen_case.pk]), {**data, "individual_plan": "on"}
    )
    assert response.status_code == 302
    page = client.get(reverse("casework:case_detail", args=[drammen_case.pk])).content.decode()
    assert f"Har individuell plan fra {today():%d.%m.%Y}." in page
