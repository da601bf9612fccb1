"""Who sees which area's personal records: `Area.objects.visible_to(user)` and the scoping entry
point built on it (DESIGN section 3, rules 2-4)."""

from datetime import timedelta

import pytest

from kreftkoordinator.casework.models import Person
from kreftkoordinator.conftest import VALDRES, area, assign, make_position, make_user
from kreftkoordinator.organisation.models import Area, today


def codes(user, on=None):
    return sorted(Area.objects.visible_to(user, on).values_list("code", flat=True))


@pytest.mark.django_db
class TestCoordinators:
    def test_kari_sees_drammen_only(self, kari, hanne):
        assert codes(kari) == ["3301"]
        assert codes(hanne) == ["3901"]

    def test_hanne_sees_no_drammen_person(self, hanne, drammen_person, horten_person):
        assert list(Person.objects.visible_to(hanne)) == [horten_person]

    def test_inter_municipal_position_covers_each_area(self, sigrid):
        assert codes(sigrid) == sorted(VALDRES)

    def test_records_stay_separated_by_area_within_an_inter_municipal_position(self, sigrid):
        etnedal = Person.objects.create(area=area("3450"), name="I Etnedal")
        vang = Person.objects.create(area=area("3454"), name="I Vang")
        assert set(Person.objects.visible_to(sigrid)) == {etnedal, vang}
        assert etnedal.area != vang.area

    def test_a_coordinator_with_two_positions_sees_both(self, kari):
        assign(kari, make_position("Også Lier", ["3312"], fte=50))
        assert codes(kari) == ["3301", "3312"]


@pytest.mark.django_db
class TestPeriods:
    def test_substitute_sees_the_area_within_her_period(self, lene, drammen_person):
        assert list(Person.objects.visible_to(lene)) == [drammen_person]

    def test_substitute_access_ends_with_the_period(self, lene, drammen_person):
        assert codes(lene, today() + timedelta(days=10)) == ["3301"]
        assert codes(lene, today() + timedelta(days=11)) == []
        assert codes(lene, today() - timedelta(days=11)) == []

    def test_a_substitute_whose_period_has_ended_sees_nothing_today(
        self, drammen_position, drammen_person
    ):
        old = make_user("old")
        assign(
            old,
            drammen_position,
            "substitute",
            start=today() - timedelta(days=60),
            end=today() - timedelta(days=1),
        )
        assert list(Person.objects.visible_to(old)) == []

    def test_an_ended_position_gives_no_access(self, kari, drammen_position):
        drammen_position.end_date = today() - timedelta(days=1)
        drammen_position.save()
        assert codes(kari) == []

    def test_a_deactivated_user_sees_nothing(self, kari):
        kari.is_active = False
        assert codes(kari) == []


@pytest.mark.django_db
class TestOtherRolesNeverSeeAPerson:
    def test_leader_programme_and_admin(self, per, eva, ola, drammen_person):
        for user in (per, eva, ola):
            assert codes(user) == []
            assert not Person.objects.visible_to(user).exists()

    def test_anonymous(self, drammen_person):
        from django.contrib.auth.models import AnonymousUser

        assert not Person.objects.visible_to(AnonymousUser()).exists()


@pytest.mark.django_db
def test_visible_to_is_a_subquery_not_extra_queries(
    kari, drammen_person, django_assert_num_queries
):
    with django_assert_num_queries(1):
        list(Person.objects.visible_to(kari))
