"""The team around Anne (issue 29, point 1): Kari adds Anne's GP from the directory and the
hospital's pathway coordinator by hand, calls or e-mails them with one click, names the GP on a
contact, gives her a task, and follows a referral she handles through sent, answered and done.
The GP's office she typed once is offered on her next case in Drammen, never in Horten."""

from datetime import timedelta

import pytest
from django.urls import reverse

from kreftkoordinator.audit.models import Action, AuditEntry
from kreftkoordinator.casework.careteam import providers_for
from kreftkoordinator.casework.models import (
    CareTeamMember,
    Case,
    Contact,
    FollowUp,
    Person,
    ServiceLink,
)
from kreftkoordinator.casework.retention import _anonymise
from kreftkoordinator.casework.transfers import transfer_case
from kreftkoordinator.conftest import area, login
from kreftkoordinator.directory.models import Provider
from kreftkoordinator.organisation.models import today


def add(client, case, **data):
    return client.post(reverse("casework:team_member_add", args=[case.pk]), data)


def member(case, **fields):
    defaults = {"area": case.area, "case": case, "role": "gp", "from_on": case.opened_on}
    return CareTeamMember.objects.create(**(defaults | fields))


@pytest.mark.django_db
def test_kari_builds_annes_team_and_reaches_it_in_one_click(client, kari, drammen_case):
    login(client, kari)
    response = add(
        client,
        drammen_case,
        role="gp",
        organisation="Strømsø legesenter",
        name="Dr. Ingrid Berg",
        phone="32 21 00 00",
        email="ingrid.berg@stromso-lege.no",
        from_on=today().isoformat(),
        consent_to_share="on",
    )
    assert response.status_code == 302
    gp = CareTeamMember.objects.get()
    assert (gp.provider.name, gp.organisation, gp.phone) == (
        "Strømsø legesenter",
        "",
        "+4732210000",
    )
    entry = AuditEntry.objects.get(action=Action.CREATE, object_type="casework.careteammember")
    assert (entry.person_id, entry.area.code) == (drammen_case.person_id, "3301")

    add(
        client,
        drammen_case,
        role="pathway_coordinator",
        organisation="Vestre Viken, Drammen sykehus",
        name="Tone Lie",
        from_on=today().isoformat(),
        responsible="",
    )
    page = client.get(reverse("casework:case_detail", args=[drammen_case.pk])).content.decode()
    assert "Teamet rundt personen" in page
    assert 'href="tel:+4732210000"' in page and 'href="mailto:ingrid.berg@stromso-lege.no"' in page
    assert "Forløpskoordinator på sykehuset" in page
    # Tone has not been cleared for sharing: the page says so beside her, not beside the GP.
    assert page.count("Ikke samtykke til å dele opplysninger") == 1


@pytest.mark.django_db
def test_an_organisation_typed_once_is_offered_on_the_next_case_but_not_in_horten(
    client, kari, drammen_case, horten_case
):
    login(client, kari)
    add(client, drammen_case, role="gp", organisation="Strømsø legesenter", from_on=today())
    office = Provider.objects.get(name="Strømsø legesenter")
    other = Person.objects.create(area=drammen_case.area, name="Per Ås")
    next_case = Case.objects.create(area=other.area, person=other, created_by=kari)
    form = client.get(reverse("casework:team_member_add", args=[next_case.pk])).context["form"]
    assert office in form.fields["provider"].queryset
    assert office not in providers_for(horten_case.area)
    # Chosen from the list, the typed organisation beside it is dropped, not stored twice.
    add(client, next_case, role="gp", provider=office.pk, organisation="Feil", from_on=today())
    chosen = next_case.team.get()
    assert (chosen.provider, chosen.organisation, chosen.organisation_name) == (
        office,
        "",
        office.name,
    )
    assert Provider.objects.filter(name="Strømsø legesenter").count() == 1


@pytest.mark.django_db
def test_an_employer_stays_on_the_case_and_out_of_the_directory(client, kari, drammen_case):
    login(client, kari)
    add(client, drammen_case, role="employer", organisation="Drammen Bygg AS", from_on=today())
    assert CareTeamMember.objects.get().organisation == "Drammen Bygg AS"
    assert not Provider.objects.filter(name="Drammen Bygg AS").exists()


@pytest.mark.django_db
def test_bad_members_are_refused_with_what_was_typed_kept(client, kari, drammen_case):
    login(client, kari)
    response = add(client, drammen_case, role="gp", from_on=today().isoformat())
    assert "Skriv navnet på personen, virksomheten eller begge." in response.content.decode()
    ahead = (today() + timedelta(days=2)).isoformat()
    response = add(client, drammen_case, role="nav", name="Siv", phone="123", from_on=ahead)
    page = response.content.decode()
    assert "Datoen kan ikke være i fremtiden." in page and "gyldig telefonnummer" in page
    assert 'value="Siv"' in page
    response = add(
        client,
        drammen_case,
        role="nav",
        name="Siv",
        from_on=today().isoformat(),
        to_on=(today() - timedelta(days=1)).isoformat(),
    )
    assert "Sluttdatoen kan ikke være før startdatoen." in response.content.decode()
    assert not CareTeamMember.objects.exists()


@pytest.mark.django_db
def test_one_responsible_coordinator_at_a_time(client, kari, drammen_case):
    login(client, kari)
    first = member(drammen_case, role="home_care", name="Liv", responsible=True)
    response = add(
        client, drammen_case, role="gp", name="Dr. Berg", from_on=today(), responsible="on"
    )
    assert "allerede en koordinator etter § 7-2" in response.content.decode()
    # Once Liv's period has ended, the GP may take over from the next day.
    first.to_on = today() - timedelta(days=1)
    first.save()
    response = add(
        client, drammen_case, role="gp", name="Dr. Berg", from_on=today(), responsible="on"
    )
    assert response.status_code == 302
    assert drammen_case.team.filter(responsible=True).count() == 2


@pytest.mark.django_db
def test_kari_ends_a_membership_and_the_member_leaves_todays_choices(client, kari, drammen_case):
    login(client, kari)
    nav = member(drammen_case, role="nav", name="Siv Dahl", from_on=today() - timedelta(days=9))
    response = client.post(
        reverse("casework:team_member_edit", args=[nav.pk]),
        {
            "role": "nav",
            "name": "Siv Dahl",
            "from_on": nav.from_on.isoformat(),
            "to_on": (today() - timedelta(days=1)).isoformat(),
        },
    )
    assert response.status_code == 302
    nav.refresh_from_db()
    assert not nav.is_current
    assert AuditEntry.objects.filter(action=Action.UPDATE, object_id=str(nav.pk)).exists()
    page = client.get(reverse("casework:case_detail", args=[drammen_case.pk]))
    assert nav not in page.context["follow_up_form"].fields["team_member"].queryset


@pytest.mark.django_db
def test_a_contact_names_the_member_and_counts_as_with_a_professional(client, kari, drammen_case):
    login(client, kari)
    gp = member(drammen_case, name="Dr. Berg")
    response = client.post(
        reverse("casework:case_contact_create", args=[drammen_case.pk]),
        {
            "mode": "phone",
            "participants": ["with_patient"],
            "kinds": ["coordination"],
            "duration_minutes": 15,
            "at": (today() - timedelta(days=1)).isoformat() + "T10:00",
            "team_member": gp.pk,
        },
    )
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert (contact.team_member, contact.with_professional) == (gp, True)


@pytest.mark.django_db
def test_a_task_for_the_gp(client, kari, drammen_case):
    login(client, kari)
    gp = member(drammen_case, name="Dr. Berg")
    client.post(
        reverse("casework:follow_up_add", args=[drammen_case.pk]),
        {"what": "Sende epikrise", "due_on": today().isoformat(), "team_member": gp.pk},
    )
    task = FollowUp.objects.get(what="Sende epikrise")
    assert task.team_member == gp
    page = client.get(reverse("casework:case_detail", args=[drammen_case.pk])).content.decode()
    assert "Sende epikrise" in page and "(Dr. Berg (fastlege))" in page


@pytest.mark.django_db
def test_a_member_of_another_case_cannot_be_given_a_task(client, kari, drammen_case):
    other = Person.objects.create(area=drammen_case.area, name="Per Ås")
    elsewhere = member(Case.objects.create(area=other.area, person=other), name="Dr. Moe")
    login(client, kari)
    response = client.post(
        reverse("casework:follow_up_add", args=[drammen_case.pk]),
        {"what": "X", "due_on": today().isoformat(), "team_member": elsewhere.pk},
    )
    assert response.status_code == 200
    assert not FollowUp.objects.filter(what="X").exists()


@pytest.mark.django_db
def test_a_referral_the_physiotherapist_handles_shows_whose_move_it_is(client, kari, drammen_case):
    login(client, kari)
    physio = member(drammen_case, role="physiotherapist", name="Jon Fysio")
    response = client.post(
        reverse("casework:service_add", args=[drammen_case.pk]),
        {
            "service": "physiotherapy",
            "status": "applied",
            "status_on": today().isoformat(),
            "handled_by": physio.pk,
            "without_coordinator": "unknown",
        },
    )
    assert response.status_code == 302
    link = ServiceLink.objects.get()
    assert (link.handled_by, link.loop, link.members_move) == (physio, "sent", True)
    page = client.get(reverse("casework:case_detail", args=[drammen_case.pk])).content.decode()
    assert "Venter på Jon Fysio" in page and "(sendt, Jon Fysio (fysioterapeut))" in page
    client.post(
        reverse("casework:service_status", args=[link.pk]),
        {f"s{link.pk}-status": "granted", f"s{link.pk}-on": today().isoformat()},
    )
    link.refresh_from_db()
    assert (link.loop, link.members_move) == ("answered", True)
    client.post(
        reverse("casework:service_status", args=[link.pk]),
        {f"s{link.pk}-status": "started", f"s{link.pk}-on": today().isoformat()},
    )
    link.refresh_from_db()
    assert (link.loop, link.members_move) == ("done", False)
    page = client.get(reverse("casework:case_detail", args=[drammen_case.pk])).content.decode()
    assert "Venter på Jon Fysio" not in page and "(ferdig, Jon Fysio (fysioterapeut))" in page


@pytest.mark.django_db
def test_a_proposal_without_a_member_is_nobodys_loop(drammen_case):
    link = ServiceLink.objects.create(
        area=drammen_case.area, case=drammen_case, service="meals", status_on=today()
    )
    assert (link.loop, link.members_move) == ("", False)


@pytest.mark.django_db
def test_the_team_moves_with_the_case_and_past_members_stay(kari, hanne, drammen_case):
    gp = member(drammen_case, name="Dr. Berg")
    member(drammen_case, role="nav", name="Siv", to_on=today() - timedelta(days=1))
    FollowUp.objects.create(
        area=drammen_case.area, case=drammen_case, due_on=today(), what="Epikrise", team_member=gp
    )
    Case.objects.filter(pk=drammen_case.pk).update(consent_given_on=drammen_case.opened_on)
    drammen_case.refresh_from_db()
    new_case = transfer_case(kari, drammen_case, area("3901"), "Flyttet", drammen_case.version)
    [moved] = new_case.team.all()
    assert (moved.name, moved.area.code) == ("Dr. Berg", "3901") and moved.pk != gp.pk
    assert new_case.follow_ups.get(what="Epikrise").team_member == moved
    assert drammen_case.team.count() == 2  # Drammen's record of who helped is Drammen's


@pytest.mark.django_db
def test_anonymising_the_person_keeps_only_roles_and_periods(drammen_case):
    member(drammen_case, role="employer", organisation="Drammen Bygg AS", name="Sjefen")
    _anonymise([drammen_case.person_id], None)
    kept = CareTeamMember.objects.get()
    assert (kept.role, kept.name, kept.organisation) == ("employer", "", "")


@pytest.mark.django_db
def test_the_case_page_runs_the_same_queries_for_one_member_and_ten(client, kari, drammen_case):
    """Members, their organisations, the services and tasks they handle and the meetings they
    took part in are read in a fixed number of queries, however large the team."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from kreftkoordinator.casework.careteam import hold_meeting

    def grow(n):
        for i in range(CareTeamMember.objects.count(), CareTeamMember.objects.count() + n):
            office = Provider.objects.create(name=f"Legekontor {i}", kind="municipal")
            gp = member(drammen_case, name=f"Lege {i}", provider=office, from_on=today())
            ServiceLink.objects.create(
                area=drammen_case.area,
                case=drammen_case,
                service="physiotherapy",
                status="applied",
                status_on=today(),
                handled_by=gp,
            )
            hold_meeting(
                kari, drammen_case, timezone.now(), 30, [gp], "Avtalt", [("Ring", gp, today())]
            )

    login(client, kari)
    url = reverse("casework:case_detail", args=[drammen_case.pk])
    grow(1)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    grow(9)
    with CaptureQueriesContext(connection) as large:
        page = client.get(url).content.decode()
    assert page.count("Lege ") >= 10
    assert len(small) == len(large)


@pytest.mark.django_db
def test_a_name_typed_in_drammen_never_picks_horten_s_organisation(
    client, kari, drammen_case, horten_case
):
    """Horten's «Hjemmetjenesten» has Horten's number: Drammen's becomes a provider of its own,
    so one click never calls the wrong municipality."""
    horten = Provider.objects.create(name="Hjemmetjenesten", kind="municipal", phone="33 08 50 00")
    member(horten_case, role="home_care", provider=horten)
    login(client, kari)
    add(client, drammen_case, role="home_care", organisation="Hjemmetjenesten", from_on=today())
    mine = drammen_case.team.get()
    assert mine.provider != horten and mine.call == ""
    assert Provider.objects.filter(name="Hjemmetjenesten").count() == 2
