"""Two people approve every payment (issue 31, point 4): Eva, the programme officer, attests
that the amount of Drammen's 2024-Q2 statement is right; Jon, the controller with budget
authority, authorises it; only then is it paid. Eva can never authorise what she attested, a
programme officer without budget authority cannot authorise at all, and budget authority counts
only once a second administrator has approved it. Each step is one audit entry, is shown on the
statement, and can be sent back with a reason."""

from datetime import date

import pytest
from django.urls import reverse

from kreftkoordinator.accounts import administration
from kreftkoordinator.audit.models import AuditEntry
from kreftkoordinator.conftest import login, make_user
from kreftkoordinator.grants.models import GrantError, Statement
from kreftkoordinator.grants.rules import Quarter
from kreftkoordinator.grants.statements import calculate_statement
from kreftkoordinator.organisation.models import today
from kreftkoordinator.roles import Role

from .test_workflows import drammen_agreement


@pytest.fixture
def agreement(eva, kari):
    return drammen_agreement(eva)


@pytest.fixture
def statement(agreement, eva) -> Statement:
    """2024-Q2, approved by Eva and waiting for attestation."""
    (made,) = calculate_statement(agreement, Quarter(2024, 2))
    made.approve(eva)
    return made


@pytest.mark.django_db
class TestTwoPeople:
    def test_eva_attests_jon_authorises_and_it_is_paid(self, statement, eva, jon):
        statement.attest(eva)
        statement.authorise(jon)
        statement.pay(eva, today())
        statement.refresh_from_db()
        assert statement.status == Statement.Status.PAID
        assert (statement.attested_by, statement.authorised_by) == (eva, jon)
        steps = [(s.step, s.by) for s in statement.steps.all()]
        assert steps == [("approve", eva), ("attest", eva), ("authorise", jon), ("pay", eva)]

    def test_eva_can_never_authorise_what_she_attested(self, statement, eva):
        eva.budget_authority, eva.role_approved_at = True, eva.date_joined
        eva.save()
        statement.attest(eva)
        with pytest.raises(GrantError, match="den samme personen kan ikke også anvise"):
            statement.authorise(eva)
        assert Statement.objects.get(pk=statement.pk).status == Statement.Status.ATTESTED

    def test_without_budget_authority_nobody_authorises(self, statement, eva):
        other = make_user("mari", Role.PROGRAMME, name="Mari Lund")
        statement.attest(eva)
        with pytest.raises(GrantError, match="ikke anvisningsmyndighet"):
            statement.authorise(other)

    def test_budget_authority_counts_once_a_second_administrator_approved_it(
        self, statement, eva, ola
    ):
        mari = make_user("mari", Role.PROGRAMME, name="Mari Lund")
        before = {f: getattr(mari, f) for f in administration.WATCHED}
        mari.budget_authority = True
        administration.update_user(ola, mari, before, [])
        assert mari.role_waits_for_approval and not mari.may_authorise_payments
        statement.attest(eva)
        with pytest.raises(GrantError, match="ikke anvisningsmyndighet"):
            statement.authorise(mari)
        siri = make_user("siri", Role.ADMIN, name="Siri Dahl")
        administration.approve_role(siri, mari)
        assert mari.may_authorise_payments
        statement.authorise(mari)
        assert statement.status == Statement.Status.AUTHORISED

    def test_only_attested_is_not_released(self, statement, eva):
        statement.attest(eva)
        with pytest.raises(GrantError, match="bare er attestert, er ikke frigitt"):
            statement.pay(eva, today())

    def test_no_payment_date_before_the_authorisation(self, statement, eva, jon):
        statement.attest(eva)
        statement.authorise(jon)
        with pytest.raises(GrantError, match="før utbetalingen ble anvist"):
            statement.pay(eva, date(2024, 7, 10))

    def test_each_transition_starts_from_its_own_status(self, agreement, eva, jon):
        (fresh,) = calculate_statement(agreement, Quarter(2024, 2))
        with pytest.raises(GrantError, match="Bare en godkjent oppgave kan attesteres"):
            fresh.attest(eva)
        fresh.approve(eva)
        with pytest.raises(GrantError, match="Bare en beregnet oppgave kan godkjennes"):
            fresh.approve(eva)
        with pytest.raises(GrantError, match="Bare en attestert oppgave kan anvises"):
            fresh.authorise(jon)

    def test_a_stale_copy_cannot_repeat_a_step(self, statement, eva):
        """The row is locked and read again: two officers on the same page attest it once."""
        other = make_user("mari", Role.PROGRAMME, name="Mari Lund")
        stale = Statement.objects.get(pk=statement.pk)
        statement.attest(eva)
        with pytest.raises(GrantError, match="Bare en godkjent oppgave kan attesteres"):
            stale.attest(other)
        assert Statement.objects.get(pk=statement.pk).attested_by == eva

    def test_a_locked_statement_is_never_calculated_again(self, statement, eva, agreement):
        statement.attest(eva)
        assert calculate_statement(agreement, Quarter(2024, 2)) == []
        with pytest.raises(GrantError):
            statement.calculated(False, amount=1)

    def test_each_step_is_one_audit_entry(self, statement, eva, jon):
        before = AuditEntry.objects.count()
        statement.attest(eva)
        statement.authorise(jon)
        reasons = list(
            AuditEntry.objects.order_by("pk")[before:].values_list("user__username", "reason")
        )
        assert reasons == [
            ("eva", "utbetalingsoppgave: attestert"),
            ("jon", "utbetalingsoppgave: anvist"),
        ]


@pytest.mark.django_db
class TestSentBack:
    def test_jon_sends_the_attestation_back_and_eva_reads_why(self, client, statement, eva, jon):
        statement.attest(eva)
        login(client, jon)
        url = reverse("grants:statement_send_back", args=[statement.pk])
        empty = client.post(url, {"reason": " "})
        assert "Skriv hvorfor oppgaven sendes tilbake." in empty.content.decode()
        client.post(url, {"reason": "Fraværet i mai er ikke trukket fra."})
        statement.refresh_from_db()
        assert (statement.status, statement.attested_by) == (Statement.Status.APPROVED, None)
        client.logout()
        login(client, eva)
        page = client.get(reverse("grants:statement", args=[statement.pk])).content.decode()
        assert "Sendt tilbake" in page and "Fraværet i mai er ikke trukket fra." in page
        assert "Attester utbetalingen" in page

    def test_an_approval_sent_back_can_be_calculated_again(self, statement, eva, agreement):
        statement.send_back(eva, "Feil lønn i avtalen")
        assert statement.status == Statement.Status.CALCULATED and not statement.is_locked
        assert calculate_statement(agreement, Quarter(2024, 2))

    def test_a_paid_statement_is_never_sent_back(self, statement, eva, jon):
        statement.attest(eva)
        statement.authorise(jon)
        statement.pay(eva, today())
        with pytest.raises(GrantError, match="kan sendes tilbake"):
            statement.send_back(eva, "Angret")


@pytest.mark.django_db
def test_the_page_offers_jon_the_authorisation_and_eva_only_the_wait(client, statement, eva, jon):
    statement.attest(eva)
    url = reverse("grants:statement", args=[statement.pk])
    login(client, eva)
    hers = client.get(url).content.decode()
    assert "Anvis utbetalingen" not in hers and "venter på anvisning" in hers
    client.logout()
    login(client, jon)
    assert "Anvis utbetalingen" in client.get(url).content.decode()


@pytest.mark.django_db
def test_ola_gives_budget_authority_to_programme_officers_only(client, ola, per):
    from kreftkoordinator.accounts.tests.test_user_admin import user_data

    login(client, ola)
    url = reverse("accounts:user_edit", args=[per.pk])
    refused = client.post(url, user_data(username="per", budget_authority="on"))
    assert "Bare programansvarlige hos Kreftforeningen" in refused.content.decode()
    mari = make_user("mari", Role.PROGRAMME, name="Mari Lund")
    data = user_data(username="mari", email="mari@example.no", role=Role.PROGRAMME, area_codes="")
    client.post(reverse("accounts:user_edit", args=[mari.pk]), {**data, "budget_authority": "on"})
    mari.refresh_from_db()
    assert mari.budget_authority and mari.role_waits_for_approval
    assert (mari.role_requested_by, mari.may_authorise_payments) == (ola, False)
