"""Generated files at every import (hypothesis): the casework import, the directory's HSDS import,
and the area and population imports from SSB. Each starts from a good file and has generated
values put into its fields (the values the forms get in test_fuzz.py: dates at the ends of the
calendar, huge numbers, NUL bytes, very long strings, markup, and JSON's other types), rows
duplicated, fields dropped or added, or is replaced by bytes that are not UTF-8. The command
imports, or stops with a clear message; it never crashes, a stopped import saves nothing, and a
saved script is never rendered as markup.

FUZZ_EXAMPLES sets the examples per import, as for the forms."""

import io
import json
from copy import deepcopy

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from kreftkoordinator.casework.tests.test_import import EXAMPLE
from kreftkoordinator.conftest import login
from kreftkoordinator.directory.models import Offer, Provider
from kreftkoordinator.directory.tests.test_hsds import full_offer  # noqa: F401
from kreftkoordinator.organisation.models import Area, Population
from kreftkoordinator.tests.test_fuzz import FUZZ, SCRIPT, VALUE, rows

ANY_JSON = (
    VALUE
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()
    | st.none()
    | st.booleans()
    | st.lists(st.integers(), max_size=3)
    | st.dictionaries(st.text(max_size=5), st.integers(), max_size=2)
)
NOT_UTF_8 = st.binary(max_size=300).map(lambda b: b"\xff\xfe\xfa" + b)


def paths(value, path=()):
    """Every place in a nested document: the keys and indexes that lead to it."""
    yield path
    if isinstance(value, dict | list):
        for key, inner in value.items() if isinstance(value, dict) else enumerate(value):
            yield from paths(inner, (*path, key))


@st.composite
def changed(draw, document: dict) -> dict:
    """A good document (sheets of rows, nested or flat) with one to six generated changes, at
    any depth: a value replaced, a field dropped or added, an item of a list duplicated."""
    document = deepcopy(document)
    for _ in range(draw(st.integers(1, 6))):
        sheet = document[draw(st.sampled_from(sorted(document)))]
        places = list(paths(sheet))[1:]
        if not places:
            continue
        *way, key = draw(st.sampled_from(places))
        parent = sheet
        for step in way:
            parent = parent[step]
        change = draw(st.sampled_from(["value", "value", "drop", "duplicate", "add"]))
        if change == "duplicate" and isinstance(parent, list):
            parent.append(deepcopy(parent[key]))
        elif change == "add" and isinstance(parent, dict):
            parent[draw(st.text(max_size=12))] = draw(VALUE)
        elif change == "drop":
            del parent[key]
        else:
            parent[key] = draw(ANY_JSON)
    return document


def body(document) -> bytes:
    if isinstance(document, bytes):
        return document
    return json.dumps(document, ensure_ascii=False).encode()


def run(*args) -> bool:
    """True when the command imported; False when it stopped with its message."""
    try:
        call_command(*args, stdout=io.StringIO(), stderr=io.StringIO())
    except CommandError as e:
        assert str(e), "a stopped import says why"
        return False
    return True


@pytest.mark.django_db
def test_generated_casework_files(tmp_path, client, kari):
    login(client, kari)
    path = tmp_path / "import.json"

    @FUZZ
    @given(changed(EXAMPLE) | NOT_UTF_8)
    def check(document):
        path.write_bytes(body(document))
        before = rows()
        if not run("import_casework", str(path), "--user", "kari"):
            assert rows() == before, "stopped but saved"
            return
        for page in ("casework:person_list", "casework:caseload"):
            assert SCRIPT not in client.get(reverse(page)).content.decode(), page

    check()


def offers():
    return sorted(Offer.objects.values_list("pk", "title", "description", "last_verified")), (
        Provider.objects.count()
    )


@pytest.mark.django_db
def test_generated_directory_files(tmp_path, client, kari, full_offer):  # noqa: F811
    login(client, kari)
    path = tmp_path / "services.json"
    path_out = tmp_path / "export.json"
    call_command("hsds", "export", str(path_out), stdout=io.StringIO())
    services = {"services": json.loads(path_out.read_text(encoding="utf-8"))}

    @FUZZ
    @given(changed(services) | NOT_UTF_8)
    def check(document):
        path.write_bytes(body(document if isinstance(document, bytes) else document["services"]))
        before = offers()
        if not run("hsds", "import", str(path)):
            assert offers() == before, "stopped but saved"
            return
        for pk, *_values in set(offers()[0]) - set(before[0]):  # what this import wrote
            page = client.get(reverse("directory:offer_detail", args=[pk]))
            assert SCRIPT not in page.content.decode()

    check()


AREAS_HEADER = (
    '"code";"parentCode";"level";"name";"shortName";"presentationName";"validFrom";"validTo";'
    '"notes"'
)


def areas():
    return sorted(Area.objects.values_list("code", "name", "valid_from", "valid_to"))


@st.composite
def csv_rows(draw, header: str, good: list[list[str]]) -> bytes:
    """A good CSV (semicolons, quoted) with generated cells, rows duplicated or cut short."""
    table = deepcopy(good)
    for _ in range(draw(st.integers(1, 6))):
        row = table[draw(st.integers(0, len(table) - 1))]
        change = draw(st.sampled_from(["cell", "cell", "duplicate", "short"]))
        if not row:
            continue
        if change == "duplicate":
            table.append(list(row))
        elif change == "short":
            del row[draw(st.integers(0, len(row) - 1)) :]
        else:
            row[draw(st.integers(0, len(row) - 1))] = draw(VALUE)
    lines = [header] + [";".join('"' + c.replace('"', '""') + '"' for c in r) for r in table]
    return "\n".join(lines).encode("utf-8", errors="surrogatepass")


@pytest.mark.django_db
def test_generated_area_files(tmp_path):
    good = [
        [code, "", "1", name, "", "", "2026-01-01", "", ""]
        for code, name in Area.objects.current()
        .filter(kind="municipality")
        .values_list("code", "name")
    ]
    path = tmp_path / "klass.csv"

    @FUZZ
    @given(csv_rows(AREAS_HEADER, good) | NOT_UTF_8)
    def check(data):
        path.write_bytes(data)
        before = areas()
        if not run("import_areas", str(path)):
            assert areas() == before, "stopped but saved"

    check()


POPULATION_HEADER = '"region";"kjønn";"statistikkvariabel";"år";"07459: Befolkning"'


def population():
    return sorted(Population.objects.values_list("area_id", "year", "persons"))


@pytest.mark.django_db
def test_generated_population_files(tmp_path):
    good = [
        ["3301 Drammen", "Menn", "Personer", "2025", "51530"],
        ["3301 Drammen", "Kvinner", "Personer", "2025", "52100"],
        ["K-3901 Horten", "Menn", "Personer", "2025", "14100"],
        ["3101 Halden", "Menn", "Personer", "2025", ".."],
    ]
    path = tmp_path / "07459.csv"

    @FUZZ
    @given(csv_rows(POPULATION_HEADER, good) | NOT_UTF_8)
    def check(data):
        path.write_bytes(data)
        before = population()
        if not run("import_population", str(path)):
            assert population() == before, "stopped but saved"

    check()
