"""Two people give and recover access to persons (issue 27, finding 1; docs/security.md).

Ola, the administrator, asks; Olga (another administrator) or Per (Drammen's leader) approves;
Mallory is an administrator Ola has just made, whose role nobody has approved yet. Before this,
Ola alone could make Kari's account his own and read her persons under her name.
"""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from kreftkoordinator.accounts import recovery
from kreftkoordinator.accounts.administration import (
    create_user,
    send_password_reset,
)
from kreftkoordinator.accounts.models import Recovery, Role, SignOnIdentity, User
from kreftkoordinator.accounts.providers import HELSEID_PID
from kreftkoordinator.accounts.tests.test_two_factor import code_for
from kreftkoordinator.audit.models import Action, AuditEntry
from kreftkoordinator.conftest import area, login, make_user, recover
from kreftkoordinator.organisation.administration import approve_assignment, save_assignment
from kreftkoordinator.organisation.models import Assignment, today


@pytest.fixture
def olga(db):
    return make_user("olga", Role.ADMIN, name="Olga Berg")


@pytest.fixture
def mallory(ola):
    """An administrator Ola has just created: her role waits for someone else's approval."""
    user = User(username="mallory", email="mallory@example.no", role=Role.ADMIN)
    return create_user(ola, user, [])


def kari_form(**changes):
    data = {
        "username": "kari",
        "first_name": "Kari",
        "last_name": "Berg",
        "email": "kari@example.no",
        "phone": "",
        "role": Role.COORDINATOR,
        "is_active": "on",
    }
    return data | changes


def propose(client, position, user, start="2026-01-01"):
    url = reverse("organisation:assignment_create", args=[position.pk])
    return client.post(url, {"user": user.pk, "kind": "holder", "valid_from": start})


def decide(client, what, pk, decision="approve"):
    return client.post(reverse(f"accounts:decide_{what}", args=[pk]), {"decision": decision})


def ask(actor, user, kind) -> Recovery:
    asked = recovery.request_recovery(actor, user, kind)
    assert asked is not None  # the user has access to persons: it waits
    return asked


def reads_by(user):
    return AuditEntry.objects.filter(user=user, action=Action.VIEW, person_id__isnull=False)


@pytest.mark.django_db
class TestAnAssignmentNeedsASecondPerson:
    def test_it_gives_nothing_until_per_approves(
        self, client, ola, per, drammen_position, drammen_person
    ):
        hilde = make_user("hilde", name="Hilde Moen")
        login(client, ola)
        propose(client, drammen_position, hilde)
        assignment = Assignment.objects.get(user=hilde)
        assert assignment.approved_at is None and assignment.requested_by == ola
        assert decide(client, "assignment", assignment.pk).status_code == 403  # not his own
        login(client, hilde)
        page = client.get(reverse("casework:person_detail", args=[drammen_person.pk]))
        assert page.status_code == 404
        login(client, per)
        assert "Hilde Moen" in client.get(reverse("accounts:approvals")).content.decode()
        decide(client, "assignment", assignment.pk)
        assignment.refresh_from_db()
        assert assignment.approved_by == per
        login(client, hilde)
        page = client.get(reverse("casework:person_detail", args=[drammen_person.pk]))
        assert page.status_code == 200

    def test_a_leader_of_another_area_cannot_approve(self, client, ola, drammen_position):
        tone = make_user("tone", Role.LEADER, name="Tone Lie")
        tone.areas.set([area("3901")])
        hilde = make_user("hilde")
        proposal = save_assignment(
            ola, Assignment(user=hilde, position=drammen_position, valid_from=today())
        )
        login(client, tone)
        assert "Hilde" not in client.get(reverse("accounts:approvals")).content.decode()
        assert decide(client, "assignment", proposal.pk).status_code == 403
        assert decide(client, "assignment", proposal.pk, "decline").status_code == 403
        assert Assignment.objects.get(pk=proposal.pk).approved_at is None

    def test_an_administrator_ola_made_himself_cannot_approve(
        self, client, ola, mallory, olga, drammen_position
    ):
        """Ola cannot get round the rule with a second account of his own."""
        proposal = save_assignment(
            ola, Assignment(user=make_user("hilde"), position=drammen_position, valid_from=today())
        )
        login(client, mallory)
        page = client.get(reverse("accounts:approvals")).content.decode()
        assert "Rollen din er ikke godkjent ennå" in page
        assert decide(client, "assignment", proposal.pk).status_code == 403
        login(client, ola)
        assert client.post(reverse("accounts:approve_role", args=[mallory.pk])).status_code == 403
        login(client, olga)
        client.post(reverse("accounts:approve_role", args=[mallory.pk]))
        mallory.refresh_from_db()
        assert mallory.is_approver and mallory.role_approved_by == olga
        login(client, mallory)
        decide(client, "assignment", proposal.pk)
        assert Assignment.objects.get(pk=proposal.pk).approved_by == mallory

    def test_a_longer_substitute_waits_a_shorter_one_does_not(self, ola, olga, drammen_position):
        lene = make_user("lene")
        end = today() + timedelta(days=30)
        substitute = Assignment.objects.create(
            user=lene,
            position=drammen_position,
            kind=Assignment.Kind.SUBSTITUTE,
            valid_from=today(),
            valid_to=end,
            approved_at=timezone.now(),
        )
        substitute.valid_to = end + timedelta(days=30)
        proposal = save_assignment(ola, substitute)
        substitute.refresh_from_db()
        assert proposal.replaces == substitute and substitute.valid_to == end
        approve_assignment(olga, proposal)
        substitute.refresh_from_db()
        assert substitute.valid_to == end + timedelta(days=30)
        substitute.valid_to = today() + timedelta(days=5)  # taking access away never waits
        assert save_assignment(ola, substitute) == substitute
        substitute.refresh_from_db()
        assert substitute.valid_to == today() + timedelta(days=5) and substitute.approved_at

    def test_ola_withdraws_what_he_asked(self, client, ola, drammen_position):
        proposal = save_assignment(
            ola, Assignment(user=make_user("hilde"), position=drammen_position, valid_from=today())
        )
        login(client, ola)
        decide(client, "assignment", proposal.pk, "withdraw")
        assert not Assignment.objects.filter(pk=proposal.pk).exists()
        assert "forslag om tilsetting trukket" in AuditEntry.objects.first().reason


@pytest.mark.django_db
class TestARecoveryWaitsAndCanBeStopped:
    def test_a_new_address_waits_for_per_then_a_day(self, client, ola, per, kari):
        login(client, ola)
        client.post(reverse("accounts:user_edit", args=[kari.pk]), kari_form(email="x@ola.no"))
        kari.refresh_from_db()
        assert kari.email == "kari@example.no"
        [asked] = kari.recoveries.all()
        assert asked.requested_by == ola and asked.new_email == "x@ola.no"
        login(client, per)
        decide(client, "recovery", asked.pk)
        asked.refresh_from_db()
        assert asked.approved_by == per
        assert asked.takes_effect_at - asked.approved_at == timedelta(hours=24)
        notice = mail.outbox[-1]
        assert sorted(notice.to) == ["kari@example.no", "per@example.no"]
        assert "/stopp/" in notice.body
        assert recovery.carry_out_due() == 0  # not before the day has passed
        assert recovery.carry_out_due(asked.takes_effect_at) == 1
        kari.refresh_from_db()
        assert kari.email == "x@ola.no"

    def test_kari_stops_it_with_the_link(self, client, ola, olga, kari):
        TOTPDevice.objects.create(user=kari, name="app", confirmed=True)
        asked = ask(ola, kari, Recovery.Kind.TWO_FACTOR)
        recovery.approve_recovery(olga, asked)
        link = re.search(r"http\S+/stopp/\S+/", str(mail.outbox[-1].body)).group(0)
        page = client.get(link)
        assert "Stopp dette" in page.content.decode()
        client.post(link)
        asked.refresh_from_db()
        assert asked.stopped_at and asked.stopped_by is None
        assert recovery.carry_out_due(timezone.now() + timedelta(days=2)) == 0
        assert TOTPDevice.objects.filter(user=kari).exists()
        assert client.get(link.replace("/stopp/", "/stopp/x")).status_code == 400

    def test_per_approves_only_with_his_second_factor(self, client, ola, per, kari):
        asked = ask(ola, kari, Recovery.Kind.PASSWORD)
        login(client, per, verified=False)
        for response in (
            client.get(reverse("accounts:approvals")),
            decide(client, "recovery", asked.pk),
        ):
            assert response.status_code == 302
            assert response.url.startswith(reverse("accounts:verify"))
        asked.refresh_from_db()
        assert asked.approved_at is None

    def test_nobody_approves_her_own_request_or_her_own_account(self, client, ola, kari):
        asked = ask(ola, kari, Recovery.Kind.PASSWORD)
        login(client, ola)
        assert decide(client, "recovery", asked.pk).status_code == 403
        login(client, kari)
        assert client.get(reverse("accounts:approvals")).status_code == 403

    def test_an_account_without_access_to_persons_is_recovered_at_once(self, ola, eva):
        assert send_password_reset(ola, eva) is None
        assert mail.outbox[-1].to == [eva.email]

    def test_a_leader_who_could_approve_is_recovered_by_two_too(self, ola, per):
        assert send_password_reset(ola, per) is not None
        assert not mail.outbox

    def test_with_single_sign_on_a_coordinator_recovers_at_the_provider(
        self, settings, client, ola, kari
    ):
        settings.OIDC_PROVIDERS = {"helseid": {"ISSUER": "https://helseid.test", "CLIENT_ID": "x"}}
        SignOnIdentity.objects.create(
            user=kari,
            provider="helseid",
            claim=HELSEID_PID,
            key="k",
            recorded_by=ola,
            recorded_at=timezone.now(),
            active_from=timezone.now(),
        )
        login(client, ola)
        response = client.post(reverse("accounts:send_password_link", args=[kari.pk]))
        assert response.status_code == 403
        assert not kari.recoveries.exists()


@pytest.mark.django_db
class TestReadsAfterARecoveryNameIt:
    def test_until_kari_confirms(self, client, ola, per, kari, drammen_person):
        TOTPDevice.objects.create(user=kari, name="app", confirmed=True)
        ask(ola, kari, Recovery.Kind.TWO_FACTOR)
        recover(per, kari)
        [done] = kari.recoveries.all()
        # Whoever logs in as Kari now: password, a new app, and a read.
        client.post(
            reverse("accounts:login"), {"username": "kari", "password": "et-langt-passord-2026"}
        )
        client.get(reverse("accounts:setup_totp"))
        device = TOTPDevice.objects.get(user=kari, confirmed=False)
        client.post(reverse("accounts:setup_totp"), {"token": code_for(device)})
        page = client.get(reverse("casework:person_detail", args=[drammen_person.pk]))
        assert "Kontoen din er nylig gjenopprettet" in page.content.decode()
        read = reads_by(kari).first()
        assert read.recovery == done
        innsyn = client.get(reverse("casework:person_access_log", args=[drammen_person.pk]))
        assert "bedt om av Ola Aas, godkjent av Per Olsen" in innsyn.content.decode()
        # Kari confirms: the session gets a new key, and what she does is hers alone.
        before = client.session.session_key
        client.post(reverse("accounts:confirm_recovery"))
        assert client.session.session_key != before
        done.refresh_from_db()
        assert done.confirmed_at
        client.get(reverse("casework:person_detail", args=[drammen_person.pk]))
        assert reads_by(kari).first().recovery is None
        assert "bekreftet av brukeren" in AuditEntry.objects.about_user(kari.pk).first().reason


@pytest.mark.django_db
def test_the_takeover_ends_with_nothing_read(client, ola, per, kari, drammen_person):
    """The path the review took, step by step: each step now waits for a second person, and
    the notice to Kari's own address stops it before anything happens."""
    TOTPDevice.objects.create(user=kari, name="app", confirmed=True)
    login(client, ola)
    client.post(
        reverse("accounts:user_edit", args=[kari.pk]), kari_form(email="ola.privat@example.no")
    )
    client.post(reverse("accounts:send_password_link", args=[kari.pk]))
    client.post(reverse("accounts:reset_two_factor", args=[kari.pk]))
    kari.refresh_from_db()
    assert kari.email == "kari@example.no" and not mail.outbox
    assert TOTPDevice.objects.filter(user=kari).exists()
    for asked in kari.recoveries.all():
        assert decide(client, "recovery", asked.pk).status_code == 403
    # Per approves in good faith; Kari gets the notices and stops each.
    for asked in kari.recoveries.all():
        recovery.approve_recovery(per, asked)
    links = [re.search(r"http\S+/stopp/\S+/", str(m.body)).group(0) for m in mail.outbox]
    assert len(links) == 3 and all("kari@example.no" in m.to for m in mail.outbox)
    for link in links:
        client.post(link)
    assert recovery.carry_out_due(timezone.now() + timedelta(days=2)) == 0
    kari.refresh_from_db()
    assert kari.email == "kari@example.no" and TOTPDevice.objects.filter(user=kari).exists()
    assert not any("/konto/passord/" in m.body for m in mail.outbox)
    assert not reads_by(kari).exists()


@pytest.mark.django_db
class TestTheCommands:
    def test_the_operator_approves_the_first_administrator(self, ola, mallory):
        call_command("approve_role", "mallory", stdout=StringIO())
        mallory.refresh_from_db()
        assert mallory.is_approver and mallory.role_approved_by is None
        entry = AuditEntry.objects.about_user(mallory.pk).first()
        assert entry.path == "approve-role" and "rollen Administrator godkjent" in entry.reason
        with pytest.raises(CommandError, match="venter ikke"):
            call_command("approve_role", "mallory", stdout=StringIO())

    def test_carry_out_recoveries_runs_what_is_due(self, ola, olga, kari):
        asked = ask(ola, kari, Recovery.Kind.PASSWORD)
        recovery.approve_recovery(olga, asked)
        Recovery.objects.filter(pk=asked.pk).update(takes_effect_at=timezone.now())
        out = StringIO()
        call_command("carry_out_recoveries", stdout=out)
        assert out.getvalue().startswith("1 ")
        assert "/konto/passord/" in mail.outbox[-1].body and mail.outbox[-1].to == [kari.email]
        assert AuditEntry.objects.about_user(kari.pk).first().path == "carry-out-recoveries"
