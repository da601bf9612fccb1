"""One scope for figures: `Area.objects.figures_for(user)` says whose figures each role may see,
and every page with figures uses it."""

import pytest

from kreftkoordinator.conftest import VALDRES, area
from kreftkoordinator.organisation.models import Area, DistrictOffice


def codes(user):
    return set(Area.objects.figures_for(user).values_list("code", flat=True))


@pytest.mark.django_db
class TestFigureScope:
    def test_a_coordinator_sees_the_areas_she_covers(self, kari, sigrid):
        assert codes(kari) == {"3301"}
        assert codes(sigrid) == set(VALDRES)

    def test_a_leader_sees_the_areas_granted_to_her(self, per):
        assert codes(per) == {"3301"}

    def test_the_funder_sees_every_municipality_and_district(self, eva):
        every = Area.objects.serviceable().count()
        assert len(codes(eva)) == every and "3301" in codes(eva) and "030105" in codes(eva)
        assert "33" not in codes(eva)  # counties hold no records of their own

    def test_a_district_office_narrows_to_its_counties(self, eva):
        office = DistrictOffice.objects.create(name="Sør-Øst")
        office.counties.set([area("33")])
        eva.district_office = office
        eva.save()
        district = set(Area.objects.district_of(eva).values_list("code", flat=True))
        assert "3301" in district and "3901" not in district
        assert district <= codes(eva)

    def test_the_administrator_and_the_public_see_no_figures(self, ola):
        from django.contrib.auth.models import AnonymousUser

        assert codes(ola) == set() and codes(AnonymousUser()) == set()

    def test_a_deactivated_leader_sees_nothing(self, per):
        per.is_active = False
        assert codes(per) == set()
