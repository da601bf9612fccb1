"""Anne's responsibility group meets (issue 29, point 2): Kari records who of the team came,
what was decided and the next steps. Each step is a task for the member named, or for Kari;
the meeting is one group contact, counted once in the contact and time figures."""

from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kreftkoordinator.audit.models import Action, AuditEntry
from kreftkoordinator.casework.models import CareEvent, CareTeamMember, Contact, FollowUp, Meeting
from kreftkoordinator.conftest import login
from kreftkoordinator.organisation.models import today
from kreftkoordinator.reporting.indicators import compute
from kreftkoordinator.reporting.period import OSLO, Period


@pytest.fixture
def team(drammen_case):
    def member(role, name):
        return CareTeamMember.objects.create(
            area=drammen_case.area, case=drammen_case, role=role, name=name, from_on=today()
        )

    return member("gp", "Dr. Berg"), member("home_care", "Liv Hjemme")


def meet(client, case, **data):
    return client.post(reverse("casework:meeting_add", args=[case.pk]), data)


def an_hour_ago() -> str:
    return (timezone.localtime() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")


@pytest.mark.django_db
def test_kari_holds_the_meeting_and_its_steps_become_tasks(client, kari, drammen_case, team):
    gp, home_care = team
    login(client, kari)
    page = client.get(reverse("casework:case_detail", args=[drammen_case.pk])).content.decode()
    assert reverse("casework:meeting_add", args=[drammen_case.pk]) in page
    before = AuditEntry.objects.count()
    response = meet(
        client,
        drammen_case,
        at=an_hour_ago(),
        duration_minutes=60,
        members=[gp.pk, home_care.pk],
        with_patient="on",
        decisions="Hjemmesykepleie to ganger daglig fra mandag.",
        step_1_what="Søke om omsorgsstønad",
        step_1_due=(today() + timedelta(days=7)).isoformat(),
        step_2_what="Øke hjemmesykepleien",
        step_2_who=home_care.pk,
        step_2_due=(today() + timedelta(days=3)).isoformat(),
        step_3_what="Sende ny henvisning",
        step_3_who=gp.pk,
        step_3_due=(today() + timedelta(days=5)).isoformat(),
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    contact = meeting.contact
    assert (contact.mode, contact.coordination, contact.with_professional) == ("group", True, True)
    assert contact.with_patient and not contact.with_relative and contact.case == drammen_case
    assert set(meeting.members.all()) == {gp, home_care}
    steps = {f.what: f.team_member for f in meeting.next_steps.all()}
    assert steps == {
        "Søke om omsorgsstønad": None,
        "Øke hjemmesykepleien": home_care,
        "Sende ny henvisning": gp,
    }
    # One action, one entry: about the meeting and Anne.
    [entry] = list(AuditEntry.objects.order_by("pk"))[before:]
    assert (entry.action, entry.object_type, entry.person_id) == (
        Action.CREATE,
        "casework.meeting",
        drammen_case.person_id,
    )
    page = client.get(reverse("casework:case_detail", args=[drammen_case.pk])).content.decode()
    assert "Ansvarsgruppemøte" in page and "Hjemmesykepleie to ganger daglig" in page
    assert "Dr. Berg (fastlege), Liv Hjemme (hjemmetjenesten)" in page
    assert 'Øke hjemmesykepleien <span class="muted">(Liv Hjemme (hjemmetjenesten))' in page


@pytest.mark.django_db
def test_a_meeting_counts_once_in_the_contact_figures(kari, drammen_case, team):
    from kreftkoordinator.casework.careteam import hold_meeting

    at = datetime(2025, 3, 4, 10, tzinfo=OSLO)
    drammen_case.opened_on = date(2025, 1, 1)
    drammen_case.save()
    hold_meeting(kari, drammen_case, at, 90, list(team), "", [])
    figures = compute(
        Period((drammen_case.area_id,), 2025), ["contacts", "contacts_by_mode", "contact_minutes"]
    )
    assert figures["contacts"].value == 1 and Contact.objects.count() == 1
    assert figures["contacts_by_mode"].parts["group"] == 1
    assert figures["contact_minutes"].value == 90


@pytest.mark.django_db
def test_bad_meetings_are_refused_with_what_was_typed_kept(client, kari, drammen_case, team):
    login(client, kari)
    ahead = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = meet(
        client,
        drammen_case,
        at=ahead,
        duration_minutes=60,
        decisions="Noe ble bestemt",
        step_1_what="Ringe NAV",
        step_2_due=today().isoformat(),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Møtet kan ikke være i fremtiden." in page
    assert "Velg hvem fra teamet som deltok." in page
    assert "Skriv en frist for steget." in page and "Skriv hva som skal gjøres." in page
    assert "Noe ble bestemt" in page and 'value="Ringe NAV"' in page
    assert not Meeting.objects.exists() and not Contact.objects.exists()
    assert FollowUp.objects.count() == 1  # the fixture's own


@pytest.mark.django_db
def test_no_meeting_after_the_death(client, kari, drammen_case, team):
    CareEvent.objects.create(
        area=drammen_case.area, case=drammen_case, kind="death", on=today() - timedelta(days=2)
    )
    login(client, kari)
    response = meet(
        client, drammen_case, at=an_hour_ago(), duration_minutes=30, members=[team[0].pk]
    )
    assert response.status_code == 200 and not Meeting.objects.exists()


@pytest.mark.django_db
def test_a_member_of_another_case_cannot_take_part(client, kari, drammen_case, horten_case):
    elsewhere = CareTeamMember.objects.create(
        area=horten_case.area, case=horten_case, role="gp", name="Horten-legen", from_on=today()
    )
    login(client, kari)
    response = meet(
        client, drammen_case, at=an_hour_ago(), duration_minutes=30, members=[elsewhere.pk]
    )
    assert response.status_code == 200 and not Meeting.objects.exists()
    assert "Horten-legen" not in response.content.decode()
