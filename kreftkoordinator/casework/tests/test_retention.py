"""The retention run deletes and anonymises exactly what the rules say, and logs it: Anne's case
closed eleven years ago is anonymised (her figures stay), Ola with a recent contact and Siri who
is the relative in an open case are untouched; handled requests older than the rule go, newer
and unhandled ones stay; --dry-run changes nothing; a second run has nothing to do."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from kreftkoordinator.audit.models import AuditEntry
from kreftkoordinator.casework.models import (
    Case,
    Contact,
    ContactRequest,
    FollowUp,
    Person,
    Relation,
)
from kreftkoordinator.casework.retention import run_retention
from kreftkoordinator.conftest import area
from kreftkoordinator.organisation.models import today

YEARS_AGO = timedelta(days=11 * 366)


def person(name, **extra):
    found = Person.objects.create(area=area("3301"), name=name, phone="+4791234567", **extra)
    Person.objects.filter(pk=found.pk).update(created_at=timezone.now() - YEARS_AGO)
    return found


def closed_case(who, kari, closed=YEARS_AGO):
    return Case.objects.create(
        area=who.area,
        person=who,
        opened_on=today() - closed - timedelta(days=100),
        closed_on=today() - closed,
        closing_reason="no_need",
        cancer_site="C50",
        created_by=kari,
    )


@pytest.fixture
def world(kari, drammen_case):
    anne = person(
        "Anne Gammel", identity_number="15076500565", birth_date=today() - 70 * YEARS_AGO / 11
    )
    old = closed_case(anne, kari)
    Contact.objects.create(
        area=old.area, case=old, with_patient=True, supportive=True, note="Snakket om datteren",
        at=timezone.now() - YEARS_AGO,
    )  # fmt: skip
    FollowUp.objects.create(area=old.area, case=old, what="Ring Anne", due_on=old.closed_on)
    ola = person("Ola Nylig")
    closed_case(ola, kari)
    Contact.objects.create(area=ola.area, person=ola, with_patient=True, information=True)
    siri = person("Siri Pårørende")
    Relation.objects.create(case=drammen_case, person=siri, relation="child")
    handled_long_ago = ContactRequest.objects.create(area=area("3301"), name="A", role="patient")
    ContactRequest.objects.filter(pk=handled_long_ago.pk).update(
        handled_at=timezone.now() - timedelta(days=200)
    )
    recent = ContactRequest.objects.create(area=area("3301"), name="B", role="patient")
    ContactRequest.objects.filter(pk=recent.pk).update(handled_at=timezone.now())
    ContactRequest.objects.create(area=area("3301"), name="C", role="patient")  # waiting
    return {"anne": anne, "old": old, "ola": ola, "siri": siri}


@pytest.mark.django_db
def test_exactly_what_the_rules_say_and_it_is_logged(world, settings):
    settings.RETENTION_YEARS, settings.RETENTION_REQUEST_DAYS = 10, 180
    outcome = run_retention(today())
    assert outcome.n_persons == 1 and outcome.n_requests == 1
    anne = Person.objects.get(pk=world["anne"].pk)
    assert (anne.name, anne.phone, anne.identity_number, anne.birth_date) == ("", "", "", None)
    assert anne.birth_year and anne.anonymised_at
    # Her figures stay: the case with its dates and codes, the contact, the follow-up.
    case = Case.objects.get(pk=world["old"].pk)
    assert case.cancer_site == "C50" and case.closed_on == world["old"].closed_on
    assert Contact.objects.get(case=case).note == "" and FollowUp.objects.get(case=case).what == ""
    for untouched in ("ola", "siri"):
        assert Person.objects.get(pk=world[untouched].pk).name == world[untouched].name
    assert sorted(ContactRequest.objects.values_list("name", flat=True)) == ["B", "C"]
    entries = AuditEntry.objects.filter(user=None).order_by("pk")
    assert [e.action for e in entries] == ["delete", "update"]
    assert set(entries[1].also.values_list("person_id", flat=True)) == {anne.pk}
    assert "10 år" in entries[1].reason and entries[1].area.code == "3301"
    # Nothing left to do.
    again = run_retention(today())
    assert again.n_persons == 0 and again.n_requests == 0


@pytest.mark.django_db
def test_a_dry_run_changes_nothing(world):
    out = StringIO()
    call_command("retention", "--dry-run", stdout=out)
    assert "ville slettet 1 kontaktforespørsler og anonymisert 1 personer" in out.getvalue()
    assert Person.objects.get(pk=world["anne"].pk).name == "Anne Gammel"
    assert ContactRequest.objects.count() == 3 and not AuditEntry.objects.exists()
