"""Ola the administrator manages positions and assignments; bad input is refused in Norwegian."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kreftkoordinator.accounts.models import Role
from kreftkoordinator.conftest import assign, login, make_position, make_user
from kreftkoordinator.organisation.administration import approve_assignment
from kreftkoordinator.organisation.models import Assignment, Position, today


def position_data(**changes):
    data = {
        "name": "Kreftkoordinator i Larvik",
        "kind": "municipal",
        "funding": "co_financed",
        "fte": "100",
        "start_date": "2026-01-01",
        "end_date": "",
        "district_office": "",
        "host_code": "3909",
        "covered_codes": "3909",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
class TestPositionForm:
    def test_ola_creates_an_inter_municipal_position(self, client, ola):
        login(client, ola)
        response = client.post(
            reverse("organisation:position_create"),
            position_data(
                name="Kreftkoordinator i Valdres",
                host_code="3451",
                covered_codes="3450, 3451 3449;3452,3453,3454",
            ),
        )
        position = Position.objects.get(name="Kreftkoordinator i Valdres")
        assert response.status_code == 302
        assert position.host_area.code == "3451"
        assert sorted(a.code for a in position.covered_areas.all()) == [
            "3449",
            "3450",
            "3451",
            "3452",
            "3453",
            "3454",
        ]
        assert position.is_inter_municipal

    def test_thirty_percent_is_refused_and_input_kept(self, client, ola):
        login(client, ola)
        response = client.post(
            reverse("organisation:position_create"), position_data(fte="30", name="Min stilling")
        )
        assert response.status_code == 200
        assert not Position.objects.exists()
        form = response.context["form"]
        assert "fte" in form.errors
        assert 'value="Min stilling"' in response.content.decode()
        assert form.errors["fte"] == [
            "En stilling Kreftforeningen medfinansierer er 50 eller 100 % (tabell 3-1), ikke 30 %."
        ]

    def test_a_position_the_municipality_funds_alone_may_be_thirty_percent(self, client, ola):
        """Issue 26, point 6: table 3-1's 50 / 100 % is for positions the funder co-finances."""
        login(client, ola)
        client.post(
            reverse("organisation:position_create"),
            position_data(fte="30", funding="municipal", name="Egen stilling"),
        )
        assert Position.objects.get(name="Egen stilling").fte == 30
        refused = client.post(
            reverse("organisation:position_create"),
            position_data(fte="5", funding="municipal", name="For liten"),
        )
        assert refused.context["form"].errors["fte"] == [
            "Stillingsprosenten må være mellom 10 og 100."
        ]

    def test_unknown_area_code_is_refused(self, client, ola):
        login(client, ola)
        response = client.post(
            reverse("organisation:position_create"), position_data(covered_codes="3909, 9999")
        )
        assert response.context["form"].errors["covered_codes"] == [
            "Finner ingen kommune eller bydel med nummer 9999."
        ]
        content = response.content.decode()
        assert 'value="3909, 9999"' in content
        assert 'aria-invalid="true"' in content and "ds-error-summary" in content
        assert not Position.objects.exists()

    def test_county_is_not_an_area_a_position_covers(self, client, ola):
        login(client, ola)
        response = client.post(
            reverse("organisation:position_create"), position_data(covered_codes="39")
        )
        assert "covered_codes" in response.context["form"].errors

    def test_host_must_be_covered(self, client, ola):
        login(client, ola)
        response = client.post(
            reverse("organisation:position_create"),
            position_data(host_code="3909", covered_codes="3907"),
        )
        assert response.context["form"].errors["covered_codes"] == [
            "Vertskommunen må være blant områdene stillingen dekker."
        ]

    def test_end_before_start(self, client, ola):
        login(client, ola)
        response = client.post(
            reverse("organisation:position_create"), position_data(end_date="2025-01-01")
        )
        assert response.context["form"].errors["end_date"] == [
            "Sluttdatoen kan ikke være før startdatoen."
        ]

    def test_edit_keeps_coverage_shown(self, client, ola, sigrid):
        login(client, ola)
        position = Position.objects.get(name="Kreftkoordinator i Valdres")
        response = client.get(reverse("organisation:position_edit", args=[position.pk]))
        assert response.context["form"].initial["covered_codes"].count(",") == 5


@pytest.mark.django_db
class TestAssignments:
    def url(self, position):
        return reverse("organisation:assignment_create", args=[position.pk])

    def test_a_position_has_one_holder_at_a_time(self, client, ola, kari, drammen_position):
        other = make_user("siri")
        login(client, ola)
        response = client.post(
            self.url(drammen_position),
            {"user": other.pk, "kind": "holder", "valid_from": "2026-03-01", "valid_to": ""},
        )
        assert response.status_code == 200
        errors = response.context["form"].non_field_errors()
        assert "Stillingen har allerede en innehaver i denne perioden (Kari Berg" in errors[0]
        assert not Assignment.objects.filter(user=other).exists()

    def test_a_new_holder_after_the_old_one_left(self, client, ola, drammen_position):
        first = make_user("first")
        assign(first, drammen_position, start=date(2015, 1, 1), end=date(2025, 12, 31))
        second = make_user("second")
        login(client, ola)
        response = client.post(
            self.url(drammen_position),
            {"user": second.pk, "kind": "holder", "valid_from": "2026-01-01", "valid_to": ""},
        )
        assert response.status_code == 302
        assert Assignment.objects.filter(user=second).exists()

    def test_a_substitute_alongside_the_holder(self, client, ola, kari, drammen_position):
        lene = make_user("lene")
        login(client, ola)
        response = client.post(
            self.url(drammen_position),
            {
                "user": lene.pk,
                "kind": "substitute",
                "valid_from": "2026-03-01",
                "valid_to": "2026-06-30",
            },
        )
        assert response.status_code == 302

    def test_may_not_end_before_it_starts(self, client, ola, drammen_position):
        lene = make_user("lene")
        login(client, ola)
        response = client.post(
            self.url(drammen_position),
            {
                "user": lene.pk,
                "kind": "substitute",
                "valid_from": "2026-03-01",
                "valid_to": "2026-02-01",
            },
        )
        assert response.context["form"].errors["valid_to"] == [
            "Tilsettingen kan ikke slutte før den starter."
        ]
        assert 'value="2026-03-01"' in response.content.decode()

    def test_only_coordinators_can_be_assigned(self, ola, per, drammen_position):
        assignment = Assignment(user=per, position=drammen_position, valid_from=date(2026, 1, 1))
        with pytest.raises(Exception, match="Bare brukere med rollen kreftkoordinator"):
            assignment.full_clean()

    def test_editing_an_assignment_to_end_it(self, client, ola, kari, drammen_position):
        assignment = kari.assignments.get()
        login(client, ola)
        url = reverse("organisation:assignment_edit", args=[drammen_position.pk, assignment.pk])
        response = client.post(
            url,
            {
                "user": kari.pk,
                "kind": "holder",
                "valid_from": "2015-01-01",
                "valid_to": "2026-01-31",
            },
        )
        assert response.status_code == 302
        assignment.refresh_from_db()
        assert assignment.valid_to == date(2026, 1, 31)

    def test_an_assignment_of_another_position_is_not_found(self, client, ola, kari, hanne):
        login(client, ola)
        horten = make_position("Annen", ["3907"])
        url = reverse("organisation:assignment_edit", args=[horten.pk, kari.assignments.get().pk])
        assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_every_link_in_the_error_summary_has_a_target(client, ola):
    import re

    login(client, ola)
    response = client.post(
        reverse("organisation:position_create"),
        position_data(fte="", covered_codes="9999", start_date="x"),
    )
    content = response.content.decode()
    targets = re.findall(r'<a href="#([^"]+)"', content)
    assert len(targets) == 3
    for target in targets:
        assert f'id="{target}"' in content, target


@pytest.mark.django_db
class TestSubstituteEndDates:
    """Issue 26, point 17: a substitute's access ends on a set day, at most a year ahead."""

    def post(self, client, position, user, valid_to, pk=None):
        url = (
            reverse("organisation:assignment_edit", args=[position.pk, pk])
            if pk
            else reverse("organisation:assignment_create", args=[position.pk])
        )
        return client.post(
            url,
            {
                "user": user.pk,
                "kind": "substitute",
                "valid_from": str(today()),
                "valid_to": valid_to,
            },
        )

    def test_a_substitute_without_an_end_date_is_refused(self, client, ola, drammen_position):
        lene = make_user("lene")
        login(client, ola)
        response = self.post(client, drammen_position, lene, "")
        assert response.context["form"].errors["valid_to"] == [
            "En vikar har en sluttdato. Bare innehaveren kan stå uten."
        ]
        assert not Assignment.objects.filter(user=lene).exists()

    def test_not_more_than_twelve_months_ahead(self, client, ola, drammen_position):
        lene = make_user("lene")
        login(client, ola)
        latest = Assignment.latest_substitute_end(today())
        refused = self.post(client, drammen_position, lene, str(latest + timedelta(days=1)))
        assert (
            f"Et vikariat kan gå høyst 12 måneder fram i tid, til {latest:%d.%m.%Y}."
            in refused.context["form"].errors["valid_to"][0]
        )
        assert self.post(client, drammen_position, lene, str(latest)).status_code == 302

    def test_a_year_ahead_from_the_end_of_february(self):
        assert Assignment.latest_substitute_end(date(2028, 2, 29)) == date(2029, 2, 28)
        assert Assignment.latest_substitute_end(date(2026, 12, 6)) == date(2027, 12, 6)

    def test_the_holder_may_be_open_ended(self, drammen_position):
        holder = make_user("holder")
        assignment = Assignment(user=holder, position=drammen_position, valid_from=today())
        drammen_position.assignments.all().delete()
        assignment.full_clean()  # no end date needed

    def test_an_extension_is_logged_and_shown_to_the_other_administrators(
        self, client, ola, drammen_position
    ):
        lene = make_user("lene")
        assignment = assign(
            lene,
            drammen_position,
            Assignment.Kind.SUBSTITUTE,
            start=today(),
            end=today() + timedelta(days=30),
        )
        login(client, ola)
        later = today() + timedelta(days=90)
        self.post(client, drammen_position, lene, str(later), pk=assignment.pk)
        assignment.refresh_from_db()
        assert assignment.valid_to == today() + timedelta(days=30)  # in force while it waits
        [proposal] = assignment.proposals.all()
        assert proposal.valid_to == later and proposal.approved_at is None
        siv = make_user("siv", Role.ADMIN, name="Siv Holm")
        approve_assignment(siv, proposal)
        assignment.refresh_from_db()
        assert assignment.valid_to == later and not assignment.proposals.exists()
        login(client, siv)
        page = client.get(reverse("audit:account_changes")).content.decode()
        was = (today() + timedelta(days=30)).strftime("%d.%m.%Y")
        assert f"forlengelse foreslått (var til {was})" in page
        assert "tilsetting godkjent (bedt om av Ola Aas)" in page


@pytest.mark.django_db
def test_the_positions_a_user_holds_on_a_day(kari, lene, drammen_position):
    """`Position.objects.held_by`: an approved assignment in force that day, to a position in
    force that day; the one definition every page and import uses."""
    day = today()
    assert list(Position.objects.held_by(kari, day)) == [drammen_position]
    assert list(Position.objects.held_by(lene, day)) == [drammen_position]  # in her period
    assert not Position.objects.held_by(lene, day + timedelta(days=30)).exists()
    Assignment.objects.filter(user=kari).update(approved_at=None)  # a proposal gives nothing
    assert not Position.objects.held_by(kari, day).exists()
    Assignment.objects.filter(user=kari).update(approved_at=timezone.now())
    Position.objects.filter(pk=drammen_position.pk).update(end_date=day - timedelta(days=1))
    assert not Position.objects.held_by(kari, day).exists()  # the position itself has ended
