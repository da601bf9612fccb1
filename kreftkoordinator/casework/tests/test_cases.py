"""Kari follows Anne Hansen: opens a case, changes the phase, adds relatives and follow-ups,
closes it. Bad dates are refused in Norwegian; two editors cannot overwrite each other."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kreftkoordinator.casework.models import Case, Person, Relation
from kreftkoordinator.conftest import login
from kreftkoordinator.organisation.models import today


def case_data(**changes):
    data = {
        "kind": "patient",
        "opened_on": str(today()),
        "phase": "treatment",
        "cancer_site": "C50",
        "first_contact_source": "hospital",
        "first_contact_at_discharge": "on",
        "consent_given_on": str(today()),
        "consent_scope": "Samarbeid med hjemmetjenesten",
        "seen_version": "",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
class TestOpenAndFollow:
    def test_open_a_case_records_the_first_phase(self, client, kari, drammen_person):
        login(client, kari)
        response = client.post(
            reverse("casework:case_create", args=[drammen_person.pk]), case_data()
        )
        case = Case.objects.get(person=drammen_person)
        assert response.status_code == 302
        assert (case.area.code, case.phase, case.cancer_site) == ("3301", "treatment", "C50")
        assert case.first_contact_at_discharge and not case.home_care_at_first_contact
        assert [(p.phase, p.from_date) for p in case.phases.all()] == [("treatment", today())]

    def test_a_phase_change_appears_in_the_timeline(self, client, kari, drammen_case):
        login(client, kari)
        client.post(
            reverse("casework:case_phase", args=[drammen_case.pk]),
            {"phase": "palliative", "from_date": str(today()), "seen_version": 1},
        )
        drammen_case.refresh_from_db()
        assert drammen_case.phase == "palliative"
        page = client.get(reverse("casework:case_detail", args=[drammen_case.pk]))
        assert "Palliativ fase" in page.content.decode()

    def test_a_phase_before_the_case_opened_is_refused(self, client, kari, drammen_case):
        login(client, kari)
        response = client.post(
            reverse("casework:case_phase", args=[drammen_case.pk]),
            {"phase": "palliative", "from_date": str(drammen_case.opened_on - timedelta(days=1))},
            follow=True,
        )
        assert "Datoen kan ikke være før oppfølgingen startet." in response.content.decode()
        assert drammen_case.phases.count() == 1

    def test_a_child_relative_is_shown_as_such(self, client, kari, drammen_case):
        login(client, kari)
        born = today().replace(year=today().year - 12)
        client.post(
            reverse("casework:relative_add", args=[drammen_case.pk]),
            {
                "name": "Ola Hansen",
                "phone": "",
                "birth_date": str(born),
                "birth_year": "",
                "relation": "child",
            },
        )
        relation = Relation.objects.get(case=drammen_case)
        assert relation.person.area == drammen_case.area and relation.is_child
        page = client.get(reverse("casework:case_detail", args=[drammen_case.pk]))
        assert "Barn som pårørende" in page.content.decode()

    def test_follow_up_added_and_done(self, client, kari, drammen_case):
        login(client, kari)
        client.post(
            reverse("casework:follow_up_add", args=[drammen_case.pk]),
            {"what": "Søke om omsorgsstønad", "due_on": str(today())},
        )
        follow_up = drammen_case.follow_ups.get(what="Søke om omsorgsstønad")
        client.post(reverse("casework:follow_up_done", args=[follow_up.pk]))
        follow_up.refresh_from_db()
        assert follow_up.done_on == today()


@pytest.mark.django_db
class TestClosing:
    def url(self, case):
        return reverse("casework:case_close", args=[case.pk])

    def test_close_with_a_reason(self, client, kari, drammen_case):
        login(client, kari)
        response = client.post(
            self.url(drammen_case),
            {
                "closed_on": str(today()),
                "closing_reason": "no_need",
                "seen_version": drammen_case.version,
            },
        )
        drammen_case.refresh_from_db()
        assert response.status_code == 302 and not drammen_case.is_open

    @pytest.mark.parametrize(
        "closed_on,message",
        [
            (-31, "Oppfølgingen kan ikke avsluttes før den startet."),
            (1, "Avslutningsdatoen kan ikke være i fremtiden."),
        ],
    )
    def test_bad_closing_dates(self, client, kari, drammen_case, closed_on, message):
        login(client, kari)
        day = today() + timedelta(days=closed_on)
        response = client.post(
            self.url(drammen_case),
            {
                "closed_on": str(day),
                "closing_reason": "no_need",
                "seen_version": drammen_case.version,
            },
        )
        assert response.context["form"].errors["closed_on"] == [message]
        drammen_case.refresh_from_db()
        assert drammen_case.is_open

    def test_the_second_editor_is_refused(self, client, kari, lene, drammen_case):
        login(client, kari)
        other = client.__class__()
        login(other, lene)
        seen = drammen_case.version
        other.post(
            reverse("casework:case_edit", args=[drammen_case.pk]),
            case_data(cancer_site="C61", seen_version=seen),
        )
        response = client.post(
            self.url(drammen_case),
            {"closed_on": str(today()), "closing_reason": "no_need", "seen_version": seen},
        )
        assert "Noen andre har lagret endringer" in response.content.decode()
        drammen_case.refresh_from_db()
        assert drammen_case.is_open and drammen_case.cancer_site == "C61"


@pytest.mark.django_db
class TestCaseload:
    def test_open_cases_and_due_follow_ups(self, client, kari, drammen_case):
        login(client, kari)
        response = client.get(reverse("casework:caseload"))
        assert list(response.context["page"]) == [drammen_case]
        assert [f.what for f in response.context["follow_ups"]] == ["Ring Anne"]

    @pytest.mark.parametrize(
        "filters,found",
        [
            ({"phase": "new_diagnosis"}, True),
            ({"phase": "palliative"}, False),
            ({"due": "on"}, True),
            ({"quiet_weeks": "2"}, True),
            ({"q": "hansen"}, True),
            ({"q": "91234567"}, True),
            ({"q": "912 34 567"}, True),
            ({"q": "+47 912 34 567"}, True),
            ({"q": "Ukjent"}, False),
            ({"status": "closed"}, False),
            ({"status": "all"}, True),
        ],
    )
    def test_filters(self, client, kari, drammen_case, filters, found):
        login(client, kari)
        response = client.get(reverse("casework:caseload"), filters)
        assert (list(response.context["page"]) == [drammen_case]) is found

    def test_closed_cases_can_be_listed(self, client, kari, drammen_case):
        drammen_case.closed_on = drammen_case.opened_on
        drammen_case.closing_reason = "other"
        drammen_case.save()
        login(client, kari)
        assert not client.get(reverse("casework:caseload")).context["page"]
        closed = client.get(reverse("casework:caseload"), {"status": "closed"})
        assert list(closed.context["page"]) == [drammen_case]
        assert "avsluttet" in closed.content.decode()

    def test_a_bad_filter_value_is_explained_not_a_500(self, client, kari, drammen_case):
        login(client, kari)
        response = client.get(reverse("casework:caseload"), {"quiet_weeks": "mange"})
        assert response.status_code == 200 and "quiet_weeks" in response.context["filters"].errors

    def test_same_number_of_queries_for_10_and_100_cases(self, client, kari):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from kreftkoordinator.conftest import area

        def add(n):
            for i in range(n):
                person = Person.objects.create(area=area("3301"), name=f"P{i}")
                Case.objects.create(area=person.area, person=person)

        login(client, kari)
        add(10)
        with CaptureQueriesContext(connection) as small:
            client.get(reverse("casework:caseload"))
        add(90)
        with CaptureQueriesContext(connection) as large:
            client.get(reverse("casework:caseload"))
        assert len(small) == len(large)


@pytest.mark.django_db
def test_the_case_page_runs_the_same_queries_for_1_and_50_contacts(client, kari, drammen_case):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kreftkoordinator.casework.models import Contact

    def add(n):
        Contact.objects.bulk_create(
            [
                Contact(
                    area=drammen_case.area,
                    case=drammen_case,
                    person=drammen_case.person,
                    supportive=True,
                    with_patient=True,
                    note="Samtale",
                    created_by=kari,
                )
                for _ in range(n)
            ]
        )

    login(client, kari)
    url = reverse("casework:case_detail", args=[drammen_case.pk])
    add(1)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    add(49)
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(small) == len(large)


@pytest.mark.django_db
def test_a_recent_contact_takes_the_case_off_the_quiet_list(client, kari, drammen_case):
    from kreftkoordinator.casework.models import Contact

    Contact.objects.create(
        area=drammen_case.area,
        case=drammen_case,
        supportive=True,
        with_patient=True,
        at=timezone.now() - timedelta(days=3),
    )
    login(client, kari)
    assert (
        list(client.get(reverse("casework:caseload"), {"quiet_weeks": "1"}).context["page"]) == []
    )
    two_weeks = client.get(reverse("casework:caseload"), {"quiet_weeks": "1"})
    assert two_weeks.status_code == 200


@pytest.mark.django_db
class TestSideFormsKeepWhatWasTyped:
    """The case page's small forms come back on the case page with their errors and input."""

    def test_a_follow_up_without_a_date(self, client, kari, drammen_case):
        from kreftkoordinator.audit.models import AuditEntry

        login(client, kari)
        response = client.post(
            reverse("casework:follow_up_add", args=[drammen_case.pk]),
            {"what": "Ringe fastlegen om smertelindring", "due_on": "i morgen"},
        )
        content = response.content.decode()
        assert response.status_code == 200
        assert 'value="Ringe fastlegen om smertelindring"' in content
        assert "due_on" in response.context["follow_up_form"].errors
        assert AuditEntry.objects.filter(action="view", person_id=drammen_case.person_id).exists()
        assert drammen_case.follow_ups.count() == 1  # only the fixture's

    def test_a_phase_in_the_future(self, client, kari, drammen_case):
        login(client, kari)
        tomorrow = str(today() + timedelta(days=1))
        response = client.post(
            reverse("casework:case_phase", args=[drammen_case.pk]),
            {"phase": "palliative", "from_date": tomorrow},
        )
        assert response.status_code == 200
        assert response.context["phase_form"].errors["from_date"] == [
            "Datoen kan ikke være i fremtiden."
        ]
        assert f'value="{tomorrow}"' in response.content.decode()


@pytest.mark.django_db
class TestCasePage:
    def test_the_header_has_the_patient_s_phone_age_and_cancer_site(
        self, client, kari, drammen_case
    ):
        drammen_case.cancer_site = "C50"
        drammen_case.phase = "palliative"
        drammen_case.save()
        login(client, kari)
        response = client.get(reverse("casework:case_detail", args=[drammen_case.pk]))
        content = response.content.decode()
        header = content[content.index("<h1") : content.index('<div class="actions">')]
        age = today().year - 1950
        assert "912 34 567" in header and 'href="tel:+4791234567"' in header
        assert f"{age} år" in header and drammen_case.get_cancer_site_display() in header
        # Endre fase starts at the current phase.
        assert response.context["phase_form"]["phase"].value() == "palliative"

    def test_the_browser_tab_names_no_one(self, client, kari, drammen_case):
        login(client, kari)
        for url in (
            reverse("casework:case_detail", args=[drammen_case.pk]),
            reverse("casework:person_detail", args=[drammen_case.person.pk]),
        ):
            content = client.get(url).content.decode()
            title = content[content.index("<title>") : content.index("</title>")]
            assert "Anne" not in title and "Hansen" not in title
            assert "nr." in title

    def test_each_service_is_one_line_with_its_status_form_folded(self, client, kari, drammen_case):
        from kreftkoordinator.casework.models import ServiceLink

        for service in ("meals", "home_nursing", "physiotherapy"):
            ServiceLink.objects.create(
                area=drammen_case.area, case=drammen_case, service=service, status_on=today()
            )
        login(client, kari)
        content = client.get(reverse("casework:case_detail", args=[drammen_case.pk])).content
        assert content.decode().count('<details class="service-action">') == 3
