"""What a person means by the place she types (organisation/finding.py): numbers, names with or
without hyphens, postcodes and places from Bring's register, misspellings and parts of names,
and the suggestions when more than one area fits. `import-postcodes` reads Bring's own format,
all or nothing."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from kreftkoordinator.conftest import area
from kreftkoordinator.organisation.finding import find
from kreftkoordinator.organisation.models import Area, Place
from kreftkoordinator.organisation.place_import import PlaceImportError, import_places

SAMPLE = Path(__file__).parent / "data" / "postnummerregister-sample.txt"


@pytest.fixture
def postcodes(db):
    call_command("import_postcodes", str(SAMPLE))


def names(found) -> list[str]:
    return [a.name for a in found.suggestions]


@pytest.mark.django_db
class TestNamesAndNumbers:
    def test_a_number_and_a_name(self):
        assert find("3454").area.name == find("Vang").area.name == "Vang"

    def test_spaces_for_hyphens_and_any_case(self):
        assert find("Nord Aurdal").area.code == find("nord-aurdal").area.code == "3451"

    def test_a_misspelling_finds_the_one_it_is_like_and_says_so(self):
        found = find("Lillehamer")
        assert found.area.name == "Lillehammer" and found.corrected
        assert find("baerum").area.name == "Bærum"  # typed without æ
        assert find("Trondhjem").area.code == "5001"  # Trondheim - Tråante

    def test_ski_is_not_silently_skien(self):
        found = find("Ski")
        assert found.area is None and {"Skien", "Skiptvet"} <= set(names(found))

    def test_names_that_two_municipalities_share_are_asked_about(self):
        assert sorted(names(find("Våler"))) == ["Våler (Innlandet)", "Våler (Østfold)"]
        assert find("Herøy").ambiguous

    def test_part_of_a_name_offers_those_it_is_part_of(self):
        assert {"Nord-Aurdal", "Sør-Aurdal"} <= set(names(find("Aurdal")))

    def test_nothing_like_it(self):
        found = find("Qwxyz")
        assert found.area is None and found.suggestions == []


@pytest.mark.django_db
class TestPlacesAndPostcodes:
    def test_a_place_that_is_no_municipality(self, postcodes):
        found = find("Fagernes")
        assert found.area.name == "Nord-Aurdal" and found.place == "Fagernes"
        assert find("Knarvik").area.name == "Alver"
        assert find("Sandvika").area.name == "Bærum"

    def test_ski_the_place_is_nordre_follo(self, postcodes):
        assert find("Ski").area.name == "Nordre Follo"

    def test_a_postcode(self, postcodes):
        found = find("2900")
        assert found.area.name == "Nord-Aurdal" and found.place == "2900 Fagernes"

    def test_a_municipality_number_wins_over_a_postcode(self, postcodes):
        Place.objects.create(postcode="3451", name="ET STED", area=area("3324"))
        assert find("3451").area.name == "Nord-Aurdal"


@pytest.mark.django_db
class TestImportPostcodes:
    def test_the_sample_in_bring_s_format(self, postcodes):
        assert Place.objects.count() == 6
        assert Place.objects.get(postcode="1337").name == "SANDVIKA"

    def test_every_bad_line_is_reported_and_nothing_imported(self, postcodes):
        bad = "2900\tFAGERNES\t3451\tNORD-AURDAL\tG\n29\tX\t3451\tN\tG\n3000\tDRAMMEN\n"
        with pytest.raises(PlaceImportError) as refused:
            import_places(bad.encode("cp1252"))
        errors = refused.value.errors
        assert errors[0].startswith("Linje 2:") and "«29» er ikke et postnummer" in errors[0]
        assert errors[1].startswith("Linje 3:") and "2 kolonner, ikke 5" in errors[1]
        assert Place.objects.count() == 6  # the register as it was

    def test_an_unknown_municipality_is_refused(self, db):
        with pytest.raises(PlaceImportError) as refused:
            import_places(b"9999\tNOWHERE\t9999\tNOWHERE\tG\n")
        assert "kommunenummer 9999 finnes ikke" in refused.value.errors[0]

    def test_a_new_register_replaces_the_old(self, postcodes):
        import_places("3550\tGOL\t3324\tGOL\tG\n".encode("cp1252"))
        assert list(Place.objects.values_list("postcode", flat=True)) == ["3550"]

    def test_a_new_register_of_the_same_size_is_found_at_once(self, postcodes):
        assert find("Fagernes").area.name == "Nord-Aurdal"
        sample = SAMPLE.read_bytes().decode("cp1252").replace("FAGERNES", "LEIRA")
        import_places(sample.encode("cp1252"))
        assert find("Leira").area.name == "Nord-Aurdal" and find("Fagernes").place == ""

    def test_a_renamed_area_is_found_by_its_new_name_at_once(self, db):
        assert find("Vang").area.code == "3454"
        Area.objects.filter(code="3454").update(name="Vang i Valdres")
        assert find("Vang i Valdres").area.code == "3454"

    def test_the_command_says_what_is_wrong(self, db, tmp_path, capsys):
        path = tmp_path / "register.txt"
        path.write_bytes(b"abcd\tX\t3451\tN\tG\n")
        with pytest.raises(CommandError):
            call_command("import_postcodes", str(path))
        assert "Linje 1" in capsys.readouterr().err
        with pytest.raises(CommandError, match="Finner ikke filen"):
            call_command("import_postcodes", str(tmp_path / "none.txt"))
