"""The feedback survey: Kari gives a one-time link when a case closes; the answer is stored with
no link to the person; results are counts, small ones hidden."""

from datetime import timedelta

import pytest
from django.urls import reverse

from kreftkoordinator.conftest import area, login
from kreftkoordinator.organisation.models import today
from kreftkoordinator.public.models import SurveyAnswer, SurveyInvitation


@pytest.fixture
def closed_case(drammen_case):
    drammen_case.closed_on, drammen_case.closing_reason = today(), "no_need"
    drammen_case.save()
    return drammen_case


def invite(client, case):
    response = client.post(reverse("public:survey_invite", args=[case.pk]))
    return response.context["link"].rsplit("/", 2)[-2]


def answer_data(**changes):
    data = {
        "respondent": "patient",
        "help_matched": "as_expected",
        "helped_with_others": "true",
        "others": ["others_hospital", "others_nav"],
        "most_important": "Hun så ikke bare mannen min, hun så meg.",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
class TestSurvey:
    def test_a_closed_case_offers_the_link(self, client, kari, closed_case):
        login(client, kari)
        page = client.get(reverse("casework:case_detail", args=[closed_case.pk]))
        assert "Lag lenke til brukerundersøkelsen" in page.content.decode()

    def test_answering_once_with_no_link_to_the_person(self, client, kari, closed_case):
        login(client, kari)
        token = invite(client, closed_case)
        invitation = SurveyInvitation.objects.get()
        assert token not in invitation.token_hash  # only a hash is stored
        client.logout()
        response = client.post(reverse("public:survey", args=[token]), answer_data())
        assert response.status_code == 200 and "Takk for svaret" in response.content.decode()
        answer = SurveyAnswer.objects.get()
        assert (answer.area, answer.month) == (closed_case.area, today().replace(day=1))
        assert (answer.help_matched, answer.helped_with_others) == ("as_expected", True)
        assert (answer.others_hospital, answer.others_nav, answer.others_gp) == (True, True, False)
        assert not SurveyInvitation.objects.exists()  # nothing left to connect answer and case
        field_names = {f.name for f in SurveyAnswer._meta.get_fields()}
        assert not field_names & {"case", "person", "invitation", "user"}
        again = client.get(reverse("public:survey", args=[token]))
        assert again.status_code == 410

    def test_an_expired_or_made_up_link(self, client, db):
        invitation, token = SurveyInvitation.objects.create_with_token(area("3301"))
        SurveyInvitation.objects.filter(pk=invitation.pk).update(
            expires_on=today() - timedelta(days=1)
        )
        assert client.get(reverse("public:survey", args=[token])).status_code == 410
        assert client.get(reverse("public:survey", args=["made-up"])).status_code == 410

    def test_bad_answers_are_explained(self, client, db):
        _invitation, token = SurveyInvitation.objects.create_with_token(area("3301"))
        response = client.post(
            reverse("public:survey", args=[token]),
            answer_data(help_matched="maybe", most_important="x" * 1001),
        )
        errors = response.context["form"].errors
        assert "help_matched" in errors and "most_important" in errors
        assert not SurveyAnswer.objects.exists() and SurveyInvitation.objects.exists()

    def test_hanne_cannot_make_a_link_for_a_drammen_case(self, client, hanne, closed_case):
        login(client, hanne)
        assert (
            client.post(reverse("public:survey_invite", args=[closed_case.pk])).status_code == 404
        )
        assert not SurveyInvitation.objects.exists()


@pytest.mark.django_db
class TestResults:
    def answers(self, n, code="3301", help_matched="as_expected", others=None):
        for _ in range(n):
            SurveyAnswer.objects.create(
                area=area(code),
                month=today().replace(day=1),
                respondent="patient",
                help_matched=help_matched,
                helped_with_others=others,
                most_important="Hun hjalp med søknaden.",
            )

    def test_small_counts_are_hidden_and_cannot_be_worked_out(self, client, per):
        # Before: "8 svar: ja 6, delvis <5, nei 0" told everyone that two answered "delvis".
        self.answers(6)
        self.answers(2, help_matched="less")
        login(client, per)
        response = client.get(reverse("public:survey_results"))
        assert dict(response.context["rows"]) == {
            "Mer enn jeg forventet": "0",
            "Som jeg forventet": "skjult",
            "Mindre enn jeg forventet": "<5",
            "Jeg fikk ikke den hjelpen jeg var ute etter": "0",
        }
        assert response.context["total"] == "8"
        assert "kunne regnes ut" in response.content.decode()

    def test_a_leader_sees_only_her_areas(self, client, per):
        self.answers(7, code="3901")
        login(client, per)
        assert client.get(reverse("public:survey_results")).context["total"] == "0"

    def test_free_text_only_for_the_areas_coordinator_and_only_from_five(self, client, kari, per):
        self.answers(4)
        login(client, kari)
        assert client.get(reverse("public:survey_results")).context["texts"] == []
        self.answers(1)
        assert len(client.get(reverse("public:survey_results")).context["texts"]) == 5
        client.logout()
        login(client, per)
        assert client.get(reverse("public:survey_results")).context["texts"] == []


@pytest.mark.django_db
class TestPassingItOn:
    def test_a_short_code_a_text_message_an_e_mail_and_a_card(self, client, kari, closed_case):
        login(client, kari)
        page = client.post(reverse("public:survey_invite", args=[closed_case.pk]))
        code = page.context["code"]
        assert len(code) == 9 and code[4] == "-"  # XXXX-XXXX
        content = page.content.decode()
        assert code in page.context["message"] and page.context["link"] in page.context["message"]
        assert 'href="sms:' in content and 'href="mailto:' in content
        assert "Skriv ut kort" in content and 'class="survey-card"' in content
        assert "Gi lenken til Anne Hansen" in content
        client.logout()
        # Typed from the card, in lower case and without the dash.
        typed = client.get(reverse("public:survey_code"), {"kode": code.lower().replace("-", "")})
        assert typed.status_code == 302
        assert client.get(typed.url).status_code == 200

    def test_after_a_death_it_is_offered_to_the_relatives(self, client, kari, closed_case):
        from kreftkoordinator.casework.models import CareEvent, Person, Relation

        daughter = Person.objects.create(
            area=closed_case.area, name="Kari Hansen", phone="+4798765432"
        )
        Relation.objects.create(case=closed_case, person=daughter, relation="child")
        CareEvent.objects.create(
            area=closed_case.area, case=closed_case, kind="death", on=today(), death_place="home"
        )
        login(client, kari)
        content = client.post(
            reverse("public:survey_invite", args=[closed_case.pk])
        ).content.decode()
        assert "Gi lenken til Anne Hansen" not in content
        assert "Pasienten er død" in content and "Kari Hansen" in content
        assert 'href="sms:+4798765432' in content

    def test_guessing_codes_is_slowed(self, client, db, settings):
        from kreftkoordinator.public.survey import MISSES_AN_HOUR

        for n in range(MISSES_AN_HOUR):
            assert client.get(reverse("public:survey", args=[f"AAAA{n:04d}"])).status_code == 410
        assert client.get(reverse("public:survey", args=["AAAAZZZZ"])).status_code == 429


@pytest.mark.django_db
class TestBesideTheSurveyOf2017:
    """Issue 26, point 7: the TNS Gallup questions, so ours stand beside 90 % and 64 % (N=251)."""

    def test_the_shares_beside_2017_with_their_source(self, client, per):
        results = TestResults()
        results.answers(15, help_matched="more", others=True)
        results.answers(5, help_matched="as_expected", others=False)
        results.answers(5, help_matched="less", others=False)
        login(client, per)
        response = client.get(reverse("public:survey_results"))
        page = response.content.decode()
        assert response.context["shares"] == {
            "expected": "80\u00a0% (20 av 25)",
            "others": "60\u00a0% (15 av 25)",
        }
        assert "N=251" in page and "avsnitt 6.2" in page and "64\u00a0%" in page

    def test_a_share_that_would_give_away_a_small_cell_is_hidden(self, client, per):
        # "90 % (9 av 10)" would tell that one person did not get the help: the table hides it.
        results = TestResults()
        results.answers(9, help_matched="more", others=True)
        results.answers(1, help_matched="none", others=True)
        login(client, per)
        shares = client.get(reverse("public:survey_results")).context["shares"]
        assert shares == {"expected": "skjult", "others": "100\u00a0% (10 av 10)"}

    def test_too_few_answers_give_no_share(self, client, per):
        TestResults().answers(4, others=True)
        login(client, per)
        response = client.get(reverse("public:survey_results"))
        assert response.context["shares"] == {"expected": None, "others": None}
        assert "for få svar" in response.content.decode()

    def test_no_crosses_beside_a_no(self, client, db):
        _invitation, token = SurveyInvitation.objects.create_with_token(area("3301"))
        response = client.post(
            reverse("public:survey", args=[token]), answer_data(helped_with_others="false")
        )
        assert "Du svarte nei over" in str(response.context["form"].errors["others"])
        assert not SurveyAnswer.objects.exists()


@pytest.mark.django_db
def test_the_answers_given_before_are_mapped_to_the_new_scale():
    """The migration maps ja, delvis, nei as docs/reporting.md says."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "kreftkoordinator.public.migrations.0002_tns_gallup_questions"
    )
    for old in ("yes", "partly", "no"):
        SurveyAnswer.objects.create(
            area=area("3301"), month=today().replace(day=1), respondent="patient", got_help=old
        )
    migration.map_old_answers(apps, None)
    mapped = dict(SurveyAnswer.objects.values_list("got_help", "help_matched"))
    assert mapped == {"yes": "as_expected", "partly": "less", "no": "none"}
    assert mapped == SurveyAnswer.FROM_GOT_HELP
