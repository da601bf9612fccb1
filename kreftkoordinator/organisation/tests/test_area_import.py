"""`kreftkoordinator import-areas FILE`: a KLASS snapshot updates the registry, all or nothing."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command

from kreftkoordinator.organisation.area_import import (
    NAME_LENGTH,
    AreaImportError,
    decode,
    parse,
)
from kreftkoordinator.organisation.models import Area

HEADER = (
    '"code";"parentCode";"level";"name";"shortName";"presentationName";'
    '"validFrom";"validTo";"notes"\n'
)


def row(code, name, valid_from="2026-01-01", valid_to=""):
    return f'"{code}";"";"1";"{name}";"";"";"{valid_from}";"{valid_to}";""\n'


def write(tmp_path, text, encoding="utf-8"):
    path = tmp_path / "klass.csv"
    path.write_bytes(text.encode(encoding, errors="replace"))
    return path


def national_snapshot(**changes):
    """Every current municipality as a 2026 snapshot, with some changed (None: gone)."""
    rows = dict(Area.objects.current().filter(kind="municipality").values_list("code", "name"))
    rows.update(changes)
    return HEADER + "".join(row(code, name) for code, name in rows.items() if name)


@pytest.mark.django_db
class TestGoodFile:
    def test_merge_ends_the_old_and_starts_the_new(self, tmp_path):
        # Horten (3901) and Holmestrand (3903) merge into a new "Nordre Vestfold" (3913).
        text = national_snapshot(**{"3901": None, "3903": None, "3913": "Nordre Vestfold"})
        call_command("import_areas", write(tmp_path, text))

        assert Area.objects.get(code="3901").valid_to == date(2025, 12, 31)
        assert Area.objects.get(code="3903").valid_to == date(2025, 12, 31)
        new = Area.objects.get(code="3913")
        assert (new.name, new.valid_from, new.parent.code) == (
            "Nordre Vestfold",
            date(2026, 1, 1),
            "39",
        )
        assert Area.objects.get(code="3301").valid_to is None
        assert Area.objects.current().filter(kind="municipality").count() == 356

    def test_partial_file_is_refused(self, tmp_path):
        text = HEADER + row("3901", "Horten")
        with pytest.raises(CommandError):
            call_command("import_areas", write(tmp_path, text))
        assert Area.objects.current().filter(kind="municipality").count() == 357

    def test_rename_keeps_the_area(self, tmp_path):
        before = Area.objects.get(code="3905")
        text = national_snapshot(**{"3905": "Tønsberg kommune"})
        call_command("import_areas", write(tmp_path, text))
        before.refresh_from_db()
        assert before.name == "Tønsberg kommune" and before.valid_to is None

    def test_windows_1252_file_from_klass(self, tmp_path):
        text = national_snapshot(**{"3911": "Færder kommune"})
        call_command("import_areas", write(tmp_path, text, "cp1252"))
        assert Area.objects.current().get(code="3911").name == "Færder kommune"

    def test_reimporting_the_shipped_file_changes_nothing(self, capsys):
        from kreftkoordinator.organisation.area_import import SHIPPED_FILE

        call_command("import_areas", str(SHIPPED_FILE))
        assert "0 nye, 0 endret navn, 0 avsluttet" in capsys.readouterr().out


@pytest.mark.django_db
class TestBadRows:
    def test_every_bad_row_is_reported_with_its_line(self):
        text = (
            HEADER
            + row("3301", "Drammen")
            + row("33X1", "Feil")
            + row("", "Uten kode")
            + row("3303", "")
            + row("3305", "Ringerike", "2026-13-01")
            + row("3301", "Igjen")
            + row("3310", "Hole", "2026-01-01", "2025-01-01")
        )
        with pytest.raises(AreaImportError) as caught:
            parse(text)
        errors = caught.value.errors
        assert errors == [
            "Linje 3: «33X1» er ikke et områdenummer (2, 4 eller 6 siffer).",
            "Linje 4: mangler kode.",
            "Linje 5: mangler navn.",
            "Linje 6: ugyldig dato «2026-13-01» i validFrom.",
            "Linje 7: koden 3301 står også på linje 2.",
            "Linje 8: gyldig til er før gyldig fra.",
        ]

    def test_missing_columns_and_empty_files(self):
        with pytest.raises(AreaImportError, match="mangler kolonnen «code»"):
            parse("kode;navn\n3301;Drammen\n")
        with pytest.raises(AreaImportError, match="Filen er tom"):
            parse("")

    def test_a_file_the_csv_reader_cannot_place_is_refused_by_line(self):
        # Found by the generated files (tests/test_fuzz_imports.py): a quotation mark that is
        # never closed makes the rest of the file one field, longer than the reader takes.
        # A carriage return inside a name is only a character.
        assert parse(HEADER + row("3301", "Dram\rmen"))[0].name == "Dram\rmen"
        with pytest.raises(AreaImportError, match="Linje 3 kan ikke leses som CSV"):
            parse(HEADER + row("3301", "Drammen") + '"3303;' + "x" * 140_000 + "\n")

    def test_a_name_the_database_would_refuse_is_reported(self):
        # Found on PostgreSQL by the generated files: SQLite stores any length and NUL bytes.
        assert Area._meta.get_field("name").max_length == NAME_LENGTH
        with pytest.raises(AreaImportError) as caught:
            parse(HEADER + row("3301", "x" * 101) + row("3303", "Kongs\x00berg"))
        assert [e.split(":")[0] for e in caught.value.errors] == ["Linje 2", "Linje 3"]

    def test_bytes_neither_utf_8_nor_windows_1252_are_refused(self, tmp_path):
        path = tmp_path / "klass.csv"
        path.write_bytes(HEADER.encode() + b'"3301";"";"1";"Dr\x81mmen\xff";"";"";"";"";""\n')
        with pytest.raises(CommandError):
            call_command("import_areas", path)
        with pytest.raises(AreaImportError, match="verken UTF-8 eller Windows-1252"):
            parse(decode(path.read_bytes()))

    def test_no_date_in_file_needs_the_option(self):
        with pytest.raises(AreaImportError, match="--valid-from"):
            parse("code;name\n3301;Drammen\n")
        assert parse("code;name\n3301;Drammen\n", date(2026, 1, 1))[0].valid_from == date(
            2026, 1, 1
        )

    def test_unknown_county_is_refused(self, tmp_path):
        with pytest.raises(CommandError):
            call_command("import_areas", write(tmp_path, HEADER + row("9901", "Atlantis")))
        assert not Area.objects.filter(code="9901").exists()


@pytest.mark.django_db
class TestAllOrNothing:
    def test_one_bad_row_imports_nothing(self, tmp_path, capsys):
        before = list(Area.objects.order_by("pk").values_list("code", "name", "valid_to"))
        text = national_snapshot(**{"3901": "Horten ny", "3913": "Ny kommune"}) + row("39", "")
        with pytest.raises(CommandError, match="Ingenting er importert"):
            call_command("import_areas", write(tmp_path, text))
        assert "Linje 360: mangler navn." in capsys.readouterr().err
        assert list(Area.objects.order_by("pk").values_list("code", "name", "valid_to")) == before

    def test_error_found_while_applying_rolls_back(self, tmp_path):
        # The municipality row is fine and is written first; the district's parent is unknown.
        before = Area.objects.count()
        text = national_snapshot(**{"3913": "Ny kommune"}) + row("999901", "Bydel uten kommune")
        with pytest.raises(CommandError):
            call_command("import_areas", write(tmp_path, text))
        assert Area.objects.count() == before
        assert not Area.objects.filter(code="3913").exists()

    def test_missing_file(self):
        with pytest.raises(CommandError, match="Finner ikke filen"):
            call_command("import_areas", "/no/such/file.csv")


@pytest.mark.django_db
class TestLanguageForm:
    """The optional «målform» column: nynorsk, bokmål or nøytral; empty leaves it as it is."""

    def snapshot(self, forms: dict[str, str]) -> str:
        rows = Area.objects.current().filter(kind="municipality").values_list("code", "name")
        header = HEADER.rstrip("\n") + ';"målform"\n'
        return header + "".join(
            row(code, name).rstrip("\n") + f';"{forms.get(code, "")}"\n' for code, name in rows
        )

    def test_the_column_sets_it_and_an_empty_cell_keeps_it(self, tmp_path):
        Area.objects.filter(code="3301").update(language_form="bokmal")
        text = self.snapshot({"4631": "Nynorsk", "3903": "nøytral"})
        call_command("import_areas", write(tmp_path, text))
        forms = dict(Area.objects.current().values_list("code", "language_form"))
        assert (forms["4631"], forms["3903"], forms["3301"]) == ("nynorsk", "neutral", "bokmal")

    def test_a_word_that_is_no_language_form_is_reported_by_line(self, tmp_path):
        text = self.snapshot({"4631": "nynorks"})
        with pytest.raises(AreaImportError) as refused:
            parse(text)
        line = next(e for e in refused.value.errors if "nynorks" in e)
        assert line.startswith("Linje ") and "verken nynorsk, bokmål eller nøytral" in line
        assert Area.objects.get(code="4631").language_form == "neutral"
