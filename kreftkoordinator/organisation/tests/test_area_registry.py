import pytest

from kreftkoordinator.organisation.models import Area, AreaKind


@pytest.mark.django_db
class TestShippedRegistry:
    def test_the_2024_structure_has_357_municipalities_and_15_counties(self):
        current = Area.objects.current()
        assert current.filter(kind=AreaKind.MUNICIPALITY).count() == 357
        assert current.filter(kind=AreaKind.COUNTY).count() == 15

    def test_municipality_codes_are_unique(self):
        codes = list(
            Area.objects.current().filter(kind=AreaKind.MUNICIPALITY).values_list("code", flat=True)
        )
        assert len(codes) == len(set(codes)) == 357

    @pytest.mark.parametrize(
        "code,name,county",
        [
            ("0301", "Oslo", "Oslo"),
            ("4601", "Bergen", "Vestland"),
            ("5001", "Trondheim - Tråante", "Trøndelag"),
            ("1103", "Stavanger", "Rogaland"),
            ("3301", "Drammen", "Buskerud"),
            ("3901", "Horten", "Vestfold"),
            ("3228", "Nes", "Akershus"),
            ("1580", "Haram", "Møre og Romsdal"),
        ],
    )
    def test_known_municipalities(self, code, name, county):
        area = Area.objects.current().get(code=code)
        assert (area.kind, area.name, area.county.name) == (AreaKind.MUNICIPALITY, name, county)

    def test_oslo_city_districts_belong_to_oslo(self):
        frogner = Area.objects.current().get(code="030105")
        assert (frogner.kind, frogner.name, frogner.parent.code) == (
            AreaKind.DISTRICT,
            "Frogner",
            "0301",
        )
        assert (
            Area.objects.current().filter(kind=AreaKind.DISTRICT, parent=frogner.parent).count()
            == 15
        )

    def test_every_area_is_valid_from_2024(self):
        assert set(Area.objects.values_list("valid_from", flat=True)) == {
            Area.objects.get(code="3301").valid_from
        }
        assert str(Area.objects.get(code="3301").valid_from) == "2024-01-01"
