"""Anne reads her own access log after logging in with ID-porten (the real test provider,
accounts/tests/provider): found by the keyed hash of her pid, her own entries only, her husband
only as "en pårørende", and a log-in below level high refused."""

import pytest
from django.urls import reverse
from django.utils import timezone

from kreftkoordinator.accounts.tests.provider import (
    ACCOUNTS,
    client,
    log_in_at,
    running,
    settings_for,
)
from kreftkoordinator.audit.models import Action, AuditEntry
from kreftkoordinator.casework.models import Person, Relation
from kreftkoordinator.casework.retention import _anonymise
from kreftkoordinator.conftest import login
from kreftkoordinator.identity_numbers import national_key

OURS = "http://testserver"
ANNES_PID = ACCOUNTS["kari"]["pid"]  # the test provider's person; here she is Anne


@pytest.fixture(scope="module")
def issuer():
    with running([client("kk-idporten", [f"{OURS}/innsyn/svar/"], dpop=True)]) as url:
        yield url


@pytest.fixture
def idporten(settings, issuer):
    settings.OIDC_PROVIDERS = {
        "idporten": settings_for(issuer, CLIENT_ID="kk-idporten", DPOP="true", STAFF="false")
    }
    settings.INNSYN_PROVIDER = "idporten"


@pytest.fixture
def anne(drammen_case):
    person = drammen_case.person
    person.identity_number = ANNES_PID
    person.save()
    husband = Person.objects.create(area=person.area, name="Per Hansen")
    Relation.objects.create(case=drammen_case, person=husband, relation="partner")
    return person


def log_in(browser, level="high", login="kari"):
    start = browser.get(reverse("public:innsyn_start"))
    back = log_in_at(start.url, login, level, stop_at=OURS)
    return browser.get(back.removeprefix(OURS), follow=True).content.decode()


@pytest.mark.django_db
@pytest.mark.usefixtures("idporten")
class TestAnneReadsHerOwnLog:
    def test_she_sees_who_read_her_record(self, client, kari, anne):
        coordinator = type(client)()
        login(coordinator, kari)
        coordinator.get(reverse("casework:case_detail", args=[anne.cases.get().pk]))
        page = log_in(client)
        assert "Kari Berg" in page and "Drammen" in page
        assert "Per Hansen" not in page  # the case page named him; here he is a relative

    def test_an_entry_about_her_husband_that_names_her_says_only_a_relative(
        self, client, kari, anne
    ):
        husband = Relation.objects.get().person
        coordinator = type(client)()
        login(coordinator, kari)
        coordinator.get(reverse("casework:person_detail", args=[husband.pk]))
        page = log_in(client)
        assert "opplysninger om en pårørende" in page
        assert "Per Hansen" not in page

    def test_her_reading_is_logged_and_her_number_is_not_kept(self, client, anne):
        log_in(client)
        assert AuditEntry.objects.filter(
            action=Action.VIEW, person_id=anne.pk, reason__startswith="innsyn: personen selv"
        ).exists()
        assert ANNES_PID not in str(dict(client.session))
        assert client.session["innsyn"]["key"] == national_key(ANNES_PID)

    def test_below_level_high_she_is_refused(self, client, anne):
        page = log_in(client, level="substantial")
        assert "krever innlogging på høyt sikkerhetsnivå" in page
        assert "innsyn" not in client.session

    def test_someone_with_no_record_is_told_so_without_more(self, client, anne):
        page = log_in(client, login="stranger")
        assert "Vi finner ingen oppslag knyttet til fødselsnummeret ditt" in page
        assert "Anne" not in page

    def test_she_logs_out(self, client, anne):
        log_in(client)
        client.post(reverse("public:innsyn_sign_out"))
        assert "innsyn" not in client.session
        page = client.get(reverse("public:innsyn")).content.decode()
        assert "Logg inn med ID-porten" in page

    def test_id_porten_for_innsyn_only_has_no_staff_button(self, client):
        page = client.get(reverse("accounts:login")).content.decode()
        assert "Logg inn med ID-porten" not in page


@pytest.mark.django_db
def test_without_a_provider_the_page_says_so(client):
    page = client.get(reverse("public:innsyn")).content.decode()
    assert "Innlogging for innsyn er ikke satt opp her" in page
    assert client.get(reverse("public:innsyn_start")).status_code == 404


@pytest.mark.django_db
class TestTheKeyFollowsTheNumber:
    def test_on_save_on_edit_and_on_anonymisation(self, anne):
        assert anne.identity_key == national_key(ANNES_PID)
        anne.identity_number = ""
        anne.save_version(anne.version)
        anne.refresh_from_db()
        assert anne.identity_key == ""
        anne.identity_number = ANNES_PID
        anne.save()
        _anonymise([anne.pk], timezone.now())
        anne.refresh_from_db()
        assert (anne.identity_number, anne.identity_key) == ("", "")
