"""The demo: the evaluation's arrangements, every user able to log in, the same data every run."""

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse

from kreftkoordinator.accounts.models import User
from kreftkoordinator.casework.models import Person
from kreftkoordinator.demo.arrangements import DEMO_PASSWORD, create_arrangements, demo_logins
from kreftkoordinator.organisation.models import Area, Position


@pytest.fixture
def demo(db):
    create_arrangements()


@pytest.mark.django_db
class TestArrangements:
    def test_the_six_arrangements(self, demo):
        covered = {
            p.name: sorted(a.code for a in p.covered_areas.all())
            for p in Position.objects.prefetch_related("covered_areas")
        }
        assert covered == {
            "Kreftkoordinator i Nes": ["3228"],
            "Kreftkoordinator i Drammen": ["3301"],
            "Kreftkoordinator i Horten": ["3901"],
            "Kreftkoordinator i Valdres": ["3449", "3450", "3451", "3452", "3453", "3454"],
            "Kreftkoordinator i bydel Frogner": ["030105"],
            "Kreftkoordinator i Nordhordland": [
                "4629",
                "4630",
                "4631",
                "4632",
                "4633",
                "4634",
                "4635",
            ],
        }
        valdres = Position.objects.get(name="Kreftkoordinator i Valdres")
        assert valdres.host_area.name == "Nord-Aurdal"

    def test_time_is_split_as_in_table_4_2(self, demo):
        from collections import Counter

        from kreftkoordinator.casework.models import Contact, SystemActivity, TimeEntry
        from kreftkoordinator.casework.week import contact_category

        minutes: Counter = Counter()
        for contact in Contact.objects.exclude(created_by=None):
            minutes[contact_category(contact)] += contact.duration_minutes
        for entry in TimeEntry.objects.all():
            minutes[entry.category] += entry.minutes
        for activity in SystemActivity.objects.all():
            minutes[activity.category] += activity.minutes
        total = sum(minutes.values())
        shares = {category: minutes[category] / total for category in minutes}
        expected = {"direct": 0.44, "coordination": 0.24, "system": 0.17, "competence": 0.16}
        for category, share in expected.items():
            assert shares[category] == pytest.approx(share, abs=0.04), category

    def test_every_coordinator_sees_only_her_arrangement(self, demo):
        for position in Position.objects.all():
            holder = position.assignments.get(kind="holder").user
            areas = set(Area.objects.visible_to(holder))
            assert areas == set(position.covered_areas.all())
            assert set(Person.objects.visible_to(holder).values_list("area", flat=True)) == {
                a.pk for a in areas
            }

    def test_deterministic(self, demo):
        from random import Random

        from kreftkoordinator.demo import casework

        valdres = Position.objects.get(name="Kreftkoordinator i Valdres")

        def run():
            batch = casework.generate(valdres, 2, Random(7))
            return [(p.name, p.phone, p.birth_date, p.identity_number) for p in batch.persons], [
                (c.at, c.mode, c.duration_minutes) for c in batch.contacts
            ]

        assert run() == run()

    def test_casework_follows_the_evaluations_shares(self, demo):
        from kreftkoordinator.casework.models import Case
        from kreftkoordinator.demo import casework

        cases = Case.objects.filter(kind=Case.Kind.PATIENT)  # the bereaved have cases too
        fte = sum(p.fte for p in Position.objects.all()) / 100
        assert cases.count() == pytest.approx(casework.PATIENTS_PER_FTE_YEAR * fte * 2, abs=3)
        assert cases.filter(first_contact_at_discharge=True).count() / cases.count() == (
            pytest.approx(0.44, abs=0.05)
        )
        assert cases.filter(home_care_at_first_contact=True).count() / cases.count() == (
            pytest.approx(0.27, abs=0.05)
        )
        from kreftkoordinator.casework.models import CareEvent

        home_deaths = CareEvent.objects.filter(kind="death", home_death_facilitated=True).count()
        assert home_deaths / (fte * 2) == pytest.approx(5, abs=2.5)
        # no demo phone number can be a real subscriber's (Norwegian ones never start with 1)
        phones = [
            *Person.objects.values_list("phone", flat=True),
            *Position.objects.values_list("phone", flat=True),
        ]
        assert phones and all(p.replace(" ", "").startswith("1") for p in phones if p)
        # every synthetic identity number is valid and marked synthetic (month + 80)
        numbers = Person.objects.exclude(identity_number="").values_list(
            "identity_number", flat=True
        )
        assert numbers and all(int(n[2:4]) > 80 for n in numbers)


@pytest.mark.django_db
@override_settings(DEMO=True)
@pytest.mark.parametrize("username", [u for u, _, _ in demo_logins()])
def test_each_demo_user_logs_in_and_sees_the_navigation_of_their_role(client, demo, username):
    from kreftkoordinator.navigation import NAVIGATION

    response = client.post(
        reverse("accounts:login"), {"username": username, "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    page = client.get(reverse("home"))
    user = User.objects.get(username=username)
    assert page.status_code == 200
    assert [i["label"] for i in page.context["nav_items"]] == [
        label for _, label in NAVIGATION[user.role]
    ]
    assert "demomodus" in page.content.decode()


@override_settings(DEMO=True)
@pytest.mark.django_db
def test_the_login_page_lists_the_demo_users(client, demo):
    content = client.get(reverse("accounts:login")).content.decode()
    assert "koordinator.valdres" in content and "Demobrukere" in content
    assert "Kreftkoordinator i Valdres" in content


@pytest.mark.django_db
def test_outside_demo_mode_the_login_page_lists_no_one(client, demo):
    content = client.get(reverse("accounts:login")).content.decode()
    assert "koordinator.valdres" not in content and "Demobrukere" not in content


@pytest.mark.django_db
def test_the_demo_command_refuses_outside_demo_mode():
    with pytest.raises(CommandError, match="demo mode"):
        call_command("demo", "--no-server")


@pytest.mark.django_db
def test_each_demo_position_has_submitted_its_past_years_but_one_is_late(demo):
    from kreftkoordinator.demo.reports import LATE_EVERY, submit_demo_reports
    from kreftkoordinator.organisation.models import Position, today
    from kreftkoordinator.reporting.models import Submission

    positions = list(Position.objects.order_by("pk"))
    last = today().year - 1
    late = {
        p.pk for n, p in enumerate(positions, start=1) if n % LATE_EVERY == 0 or n == len(positions)
    }
    assert submit_demo_reports(2, progress=lambda _: None) == 2 * len(positions) - len(late)
    assert {(s.position_id, s.year) for s in Submission.objects.all()} == {
        (p.pk, year)
        for p in positions
        for year in (last - 1, last)
        if (p.pk, year) not in {(pk, last) for pk in late}
    }
    for submission in Submission.objects.filter(year=last):
        assert submission.version == 1
        assert submission.figures["indicators"]["patients_followed"]["value"] > 0


@pytest.mark.django_db
def test_eva_approves_drammen_s_year_2_and_the_held_statement_is_released(client, demo):
    from kreftkoordinator.conftest import login
    from kreftkoordinator.demo.grants import create_grants
    from kreftkoordinator.demo.reports import submit_demo_reports
    from kreftkoordinator.grants import rules
    from kreftkoordinator.grants.models import Agreement, Statement
    from kreftkoordinator.organisation.models import today

    submit_demo_reports(2, progress=lambda _: None)
    create_grants(today())
    stages = {a.position.host_area.code: a for a in Agreement.objects.all()}
    assert set(stages) == {"3301", "3901", "030105", "3228", "3451"}
    assert stages["3228"].end < today() and stages["3451"].end < today()  # ended
    assert not stages["3228"].statements.exclude(status="paid").exists()
    assert stages["3901"].statements.filter(status="calculated").count() == 1  # awaits approval
    drammen = stages["3301"]
    held = drammen.statements.get(status=Statement.Status.HELD)
    assert drammen.statements.filter(status="paid").exists()
    login(client, User.objects.get(username="kreftforeningen"))
    client.post(reverse("grants:year_decide", args=[drammen.pk, 2]), {"approved": "yes"})
    year_2 = rules.agreement_years(drammen.terms)[1]
    assert drammen.decisions.get(number=2).submission.year == year_2.first.year - 1
    released = drammen.statements.get(year=held.year, quarter=held.quarter)
    assert released.status == Statement.Status.CALCULATED and released.amount == held.amount
    # Per sees Drammen's agreement and nothing of the others'.
    client.logout()
    login(client, User.objects.get(username="leder.drammen"))
    rows = client.get(reverse("grants:agreements")).context["overview"].offices
    assert [r.agreement for office in rows.values() for r in office] == [drammen]


@pytest.mark.django_db
def test_nothing_on_a_patients_case_is_dated_after_her_death(demo):
    """Issue 26, point 9: the demo passes the rules the forms apply; the bereaved have their own
    cases, with the bereavement conversation."""
    from kreftkoordinator.casework.models import Assessment, CareEvent, Case, Contact, FollowUp
    from kreftkoordinator.casework.models.services import ServiceStatusChange

    deaths = CareEvent.objects.filter(kind="death")
    assert deaths.exists()
    died = {e.case_id: e.on for e in deaths}
    late: list[object] = [
        c for c in Contact.objects.filter(case__in=died) if c.at.date() > died[c.case_id or 0]
    ]
    late += [a for a in Assessment.objects.filter(case__in=died) if a.assessed_on > died[a.case_id]]
    late += [
        s
        for s in ServiceStatusChange.objects.filter(link__case__in=died).exclude(status="by_death")
        if s.on > died[s.link.case_id]
    ]
    assert late == []
    events = CareEvent.objects.filter(case__in=died).exclude(kind="death")
    assert [e for e in events if max(e.on, e.ended_on or e.on) > died[e.case_id]] == []
    bereaved = Case.objects.filter(kind="relative", relative_of__isnull=False)
    assert bereaved.exists()
    assert FollowUp.objects.filter(bereavement=True, case__in=bereaved).exists()
    for case in Case.objects.filter(pk__in=died).select_related("person"):
        assert case.person.died_on == died[case.pk]


@override_settings(DEMO=True)
@pytest.mark.django_db
def test_nordhordland_writes_nynorsk_and_its_coordinator_reads_it(client, demo):
    from kreftkoordinator.organisation.models import Area

    forms = dict(Area.objects.current().values_list("code", "language_form"))
    assert forms["4631"] == forms["4635"] == "nynorsk" and forms["0301"] == "bokmal"
    client.post(
        reverse("accounts:login"),
        {"username": "koordinator.nordhordland", "password": DEMO_PASSWORD},
    )
    page = client.get(reverse("home"))
    assert page["Content-Language"] == "nn" and "Stillingane dine" in page.content.decode()


@pytest.mark.django_db
def test_the_demo_patients_have_teams_plans_and_wishes(demo):
    """Issue 29: a GP office is one provider per area, shared by the area's cases; some wishes
    are met and some are not; every member and every case passes the forms' rules."""
    from kreftkoordinator.casework.models import CareTeamMember, Case

    gps = CareTeamMember.objects.filter(role="gp").select_related("provider", "area")
    assert gps.count() > 100
    assert all(m.provider.name == f"{m.area.name} legesenter" for m in gps)
    assert CareTeamMember.objects.filter(responsible=True).exists()
    assert all(not m.problems() for m in CareTeamMember.objects.filter(responsible=True))
    assert Case.objects.filter(individual_plan=True).exists()
    died = Case.objects.filter(person__died_on__isnull=False).exclude(wished_place_of_death="")
    met = [case.wish_met for case in died]
    assert True in met and False in met
    assert all(not c.plan_and_wish_problems() for c in Case.objects.all())


def test_each_coordinator_finds_example_documents_on_her_cases(client, demo):
    """Made-up documents through the one way in: each opens for its own coordinator as a Word
    file, and another area's coordinator is refused it."""
    from io import BytesIO

    from docx import Document as Docx

    from kreftkoordinator.casework.models import Document
    from kreftkoordinator.conftest import login
    from kreftkoordinator.demo.documents import DOCUMENTS

    documents = Document.objects.select_related("case", "uploaded_by")
    assert documents.count() == len(DOCUMENTS) * Position.objects.count()
    drammen = documents.filter(area__code="3301").first()
    elsewhere = documents.exclude(area__code="3301").first()
    login(client, drammen.uploaded_by)
    response = client.get(reverse("casework:document_download", args=[drammen.pk]))
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert Docx(BytesIO(content)).paragraphs[0].text == drammen.title
    refused = client.get(reverse("casework:document_download", args=[elsewhere.pk]))
    assert refused.status_code == 404
