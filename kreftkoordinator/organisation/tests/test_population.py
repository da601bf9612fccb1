"""Importing population figures from SSB table 07459: both of SSB's shapes, all or nothing."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kreftkoordinator.organisation.models import Population

LONG = """\
"07459: Befolkning, etter region, kjønn, statistikkvariabel og år"

"region";"kjønn";"statistikkvariabel";"år";"07459: Befolkning"
"0 Hele landet";"Menn";"Personer";"2025";2806911
"33 Buskerud";"Menn";"Personer";"2025";131000
"3301 Drammen";"Menn";"Personer";"2025";51530
"3301 Drammen";"Kvinner";"Personer";"2025";52100
"K-3901 Horten";"Menn";"Personer";"2025";14100
"K-3901 Horten";"Kvinner";"Personer";"2025";-
"3101 Halden";"Menn";"Personer";"2025";..
"""

WIDE = '"region";"Personer 2024";"Personer 2025"\n"3301 Drammen";103000;103630\n'


def run(tmp_path, text, encoding="utf-8"):
    path = tmp_path / "07459.csv"
    path.write_bytes(text.encode(encoding))
    out, err = StringIO(), StringIO()
    call_command("import_population", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def persons(code, year):
    return Population.objects.get(area__code=code, area__valid_to=None, year=year).persons


@pytest.mark.django_db
class TestImportPopulation:
    def test_rows_per_year_sum_the_sexes_and_skip_what_is_not_a_municipality(self, tmp_path):
        out, _err = run(tmp_path, LONG, encoding="cp1252")
        assert persons("3301", 2025) == 103630
        assert persons("3901", 2025) == 14100  # "-" is nought
        assert not Population.objects.filter(area__code="3101").exists()  # ".." is no figure
        assert "Hoppet over 2 regioner" in out and "0 Hele landet" in out
        assert "Folketall lagret: 2 (2025)" in out

    def test_a_column_per_year_and_a_new_file_replaces_the_old_figure(self, tmp_path):
        run(tmp_path, WIDE)
        assert (persons("3301", 2024), persons("3301", 2025)) == (103000, 103630)
        run(tmp_path, WIDE.replace("103630", "103700"))
        assert persons("3301", 2025) == 103700
        assert Population.objects.count() == 2

    def test_bad_rows_refuse_the_whole_file_and_name_every_line(self, tmp_path):
        text = WIDE + '"Drammen";1;2\n' + '"3901 Horten";27 500;abc\n' + '"3905 Tønsberg";1\n'
        with pytest.raises(CommandError, match="Ingenting er importert"):
            run(tmp_path, text)
        assert not Population.objects.exists()

    def test_the_errors_name_their_lines(self, tmp_path):
        from kreftkoordinator.organisation.population import (
            PopulationImportError,
            import_population,
        )

        text = WIDE + '"Drammen";1;2\n"3901 Horten";27 500;abc\n"3905 Tønsberg";1\n'
        with pytest.raises(PopulationImportError) as caught:
            import_population(text.encode())
        assert caught.value.errors == [
            "Linje 3: «Drammen» er ikke et kommunenummer med navn.",
            "Linje 4: «abc» for 2025 er ikke et helt tall.",
            "Linje 5: 2 kolonner, overskriften har 3.",
        ]
        assert not Population.objects.exists()

    def test_a_count_past_any_municipality_is_refused(self, tmp_path):
        # Found on PostgreSQL by the generated files: the sum overflowed its integer column.
        with pytest.raises(CommandError):
            run(tmp_path, WIDE + '"3303 Kongsberg";27000;2147431548\n')
        assert not Population.objects.exists()

    def test_bytes_neither_utf_8_nor_windows_1252_are_refused(self, tmp_path):
        path = tmp_path / "07459.csv"
        path.write_bytes(b'"region";"Personer 2025"\n"3301 Dr\x81mmen";103630\n')
        with pytest.raises(CommandError):
            call_command("import_population", str(path), stdout=StringIO(), stderr=StringIO())
        assert not Population.objects.exists()

    def test_a_quotation_mark_never_closed_is_named_by_its_line(self, tmp_path):
        with pytest.raises(CommandError):
            run(tmp_path, WIDE + '"3303;' + "x" * 140_000 + "\n")
        out, err = StringIO(), StringIO()
        with pytest.raises(CommandError):
            call_command("import_population", str(tmp_path / "07459.csv"), stdout=out, stderr=err)
        assert "Linje 3 kan ikke leses som CSV" in err.getvalue()

    def test_a_file_that_is_not_the_table_is_refused(self, tmp_path):
        with pytest.raises(CommandError):
            run(tmp_path, "kommune,folketall\nDrammen,103000\n")
        with pytest.raises(CommandError):
            run(tmp_path, "")
