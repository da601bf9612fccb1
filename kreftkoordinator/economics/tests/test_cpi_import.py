"""`kreftkoordinator import-cpi FILE`: SSB table 03014 as JSON-stat 2.0 (issue 26, point 5).

`data/ssb-03014.json` is written by hand after SSB's layout for the table (dimensions
Konsumgrp, ContentsCode and Tid, `role.time` naming Tid), holding the index values we ship,
which were read from SSB; the tests change it where they need another shape."""

import copy
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from kreftkoordinator.economics.cpi import CpiImportError, current_index, import_cpi, read_jsonstat
from kreftkoordinator.economics.model.prices import CPI
from kreftkoordinator.economics.models import PriceIndexYear

FILE = Path(__file__).parent / "data" / "ssb-03014.json"


def dataset() -> dict:
    return json.loads(FILE.read_text(encoding="utf-8"))


def write(tmp_path, data) -> str:
    path = tmp_path / "kpi.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


@pytest.mark.django_db
def test_the_file_in_ssb_s_format_is_read_and_stored():
    out = StringIO()
    call_command("import_cpi", str(FILE), stdout=out)
    stored = dict(PriceIndexYear.objects.values_list("year", "value"))
    assert stored == CPI.values
    assert "10 år lagret (2015–2024, 10 erstattet)" in out.getvalue()
    assert current_index().values == CPI.values


def test_the_years_are_found_through_role_time_not_the_dimension_s_name():
    data = dataset()
    data["id"] = ["Konsumgrp", "ContentsCode", "År"]
    data["dimension"]["År"] = data["dimension"].pop("Tid")
    data["role"]["time"] = ["År"]
    assert read_jsonstat(data).values == CPI.values
    del data["role"]
    with pytest.raises(CpiImportError, match="role.time"):
        read_jsonstat(data)


def test_the_index_is_picked_among_several_statistics_and_groups():
    """A download with the annual change beside the index, and two consumer groups: the
    index's total is read, in row-major order over the dimensions."""
    data = dataset()
    years = len(data["value"])
    data["size"] = [2, 2, years]
    data["dimension"]["Konsumgrp"]["category"] = {
        "index": {"01": 0, "TOTAL": 1},
        "label": {"01": "Matvarer og alkoholfrie drikkevarer", "TOTAL": "Totalindeks"},
    }
    data["dimension"]["ContentsCode"]["category"] = {
        "index": {"Aarsendring": 0, "KpiAar": 1},
        "label": {"Aarsendring": "Årsendring (prosent)", "KpiAar": "Konsumprisindeks (2015=100)"},
    }
    index = data["value"]
    # Konsumgrp 01 first (noise), then TOTAL: within each, the change, then the index.
    data["value"] = [500.0] * years * 2 + [3.0] * years + index
    assert read_jsonstat(data).values == CPI.values


def test_a_sparse_value_object_and_a_year_not_yet_published():
    data = dataset()
    data["dimension"]["Tid"]["category"]["index"]["2025"] = len(data["value"])
    data["dimension"]["Tid"]["category"]["label"]["2025"] = "2025"
    data["size"][2] += 1
    data["value"] = {str(i): v for i, v in enumerate(data["value"])}  # 2025 left out
    data["status"] = {str(len(data["value"])): ".."}
    found = read_jsonstat(data)
    assert found.values == CPI.values and found.missing == [2025]


def test_every_bad_value_is_reported_and_nothing_is_stored(db, tmp_path):
    data = dataset()
    data["value"][0] = 98.2  # 2015 is the base year: 100
    data["value"][3] = "mye"
    data["value"][5] = -1
    data["dimension"]["Tid"]["category"]["index"]["2024M01"] = data["dimension"]["Tid"]["category"][
        "index"
    ].pop("2024")
    err = StringIO()
    with pytest.raises(CommandError, match="Ingenting er importert"):
        call_command("import_cpi", write(tmp_path, data), stderr=err)
    problems = err.getvalue()
    assert "2015 er basisåret og skal være 100" in problems
    assert "2018: «mye» er ikke et tall" in problems
    assert "2020: -1 er ikke en mulig indeks" in problems
    assert "«2024M01»" in problems and "velg år, ikke måneder" in problems
    assert not PriceIndexYear.objects.exists()


def test_a_file_that_is_not_json_stat_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="linje 1"):
        path = tmp_path / "x.json"
        path.write_text("{ikke json", encoding="utf-8")
        call_command("import_cpi", str(path))
    with pytest.raises(CpiImportError, match="JSON-stat 2.0"):
        import_cpi([1, 2, 3])
    broken = copy.deepcopy(dataset())
    broken["value"] = broken["value"][:-1]
    with pytest.raises(CpiImportError, match="dimensjonene gir 10"):
        import_cpi(broken)


@pytest.mark.django_db
def test_an_imported_year_replaces_the_held_one_and_survives_a_new_shipped_file():
    """The import lives in the database, not in the shipped file: the shipped file can be
    replaced by an upgrade, and a year imported again replaces the first import."""
    data = dataset()
    data["value"][-1] = 133.7  # a revision of 2024, as SSB sometimes publishes
    import_cpi(data)
    assert current_index().values[2024] == 133.7
    data["value"][-1] = 133.6
    result = import_cpi(data)
    assert 2024 in result.replaced
    assert PriceIndexYear.objects.get(year=2024).value == 133.6
    assert PriceIndexYear.objects.count() == 10


@pytest.mark.django_db
def test_the_scenario_page_names_the_latest_year_and_what_is_missing(client, per, drammen_position):
    from django.urls import reverse

    from kreftkoordinator.conftest import login
    from kreftkoordinator.economics.models import Scenario

    scenario = Scenario.objects.create(
        name="Drammen", position=drammen_position, year=2025, created_by=per, price_year=2024
    )
    login(client, per)
    content = client.get(reverse("economics:scenario", args=[scenario.pk])).content.decode()
    assert "har tall til og med 2024" in content
    # Today is later than 2025: its annual average is due, and the page says it is missing.
    assert "Indeksen mangler 2025" in content and "import-cpi" in content
