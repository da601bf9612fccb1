"""`kreftkoordinator import-casework`: Kari brings her spreadsheet. A good file is imported whole;
every bad row is reported with its sheet and line, and then nothing is imported."""

import json
from copy import deepcopy
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from kreftkoordinator.audit.models import AuditEntry
from kreftkoordinator.casework.importing import CaseworkImportError, import_file
from kreftkoordinator.casework.models import (
    Assessment,
    CareEvent,
    Case,
    Contact,
    Person,
    Relation,
    ServiceLink,
    TimeEntry,
)

DOCS = Path(__file__).resolve().parents[3] / "docs"
EXAMPLE = json.loads((DOCS / "import-example.json").read_text())
MODELS = (Person, Case, Relation, Contact, Assessment, ServiceLink, CareEvent, TimeEntry)


def counts():
    return [m.objects.count() for m in MODELS]


def write(tmp_path, document, name="import.json"):
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False))
    return path


def errors_for(tmp_path, kari, document):
    with pytest.raises(CaseworkImportError) as caught:
        import_file(write(tmp_path, document), kari)
    return caught.value.errors


def test_the_example_follows_the_schema():
    import jsonschema

    schema = json.loads((DOCS / "import-schema.json").read_text())
    jsonschema.validate(EXAMPLE, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"people": [{"ref": "p1"}]}, schema)


@pytest.mark.django_db
class TestGoodFile:
    def test_the_example_imports_everything(self, tmp_path, kari):
        summary = import_file(write(tmp_path, EXAMPLE), kari)
        assert counts() == [3, 1, 2, 2, 1, 1, 1, 1]
        assert summary.counts["contacts"] == 2
        case = Case.objects.get()
        assert (case.person.name, case.cancer_site, case.first_contact_at_discharge) == (
            "Anne Hansen",
            "C50",
            True,
        )
        assert Relation.objects.get(relation="child").is_child
        anonymous = Contact.objects.get(case=None)
        assert anonymous.with_professional and anonymous.information and anonymous.mode == "phone"
        assert Assessment.objects.get().levels() == {"finances": 2, "mental": 1, "nutrition": 0}
        assert TimeEntry.objects.get().position.name == "Kreftkoordinator i Drammen"
        # One entry per area written into, naming every person whose records it wrote.
        entry = AuditEntry.objects.get(user=kari, object_type="casework.import")
        assert entry.area.code == "3301" and entry.reason.startswith("import: ")
        for person in Person.objects.all():
            assert AuditEntry.objects.about_person(person.pk).filter(pk=entry.pk).exists()

    def test_an_xlsx_workbook(self, tmp_path, kari):
        from openpyxl import Workbook

        workbook = Workbook()
        workbook.remove(workbook.active)
        for name in ("people", "cases", "contacts"):
            rows = EXAMPLE[name]
            columns = sorted({key for row in rows for key in row})
            sheet = workbook.create_sheet(name)
            sheet.append(columns)
            for row in rows:
                sheet.append([row.get(c) for c in columns])
            sheet.append([None] * len(columns))  # an empty row is skipped
        path = tmp_path / "import.xlsx"
        workbook.save(path)
        import_file(path, kari)
        assert counts()[:4] == [3, 1, 0, 2]

    def test_the_command_and_dry_run(self, tmp_path, kari, capsys):
        path = write(tmp_path, EXAMPLE)
        call_command("import_casework", str(path), "--user", "kari", "--dry-run")
        assert "Filen er i orden" in capsys.readouterr().out
        assert counts() == [0] * len(MODELS)
        call_command("import_casework", str(path), "--user", "kari")
        assert Person.objects.count() == 3


@pytest.mark.django_db
class TestBadRows:
    def test_every_kind_of_bad_row_is_reported_with_sheet_and_line(self, tmp_path, kari):
        document = deepcopy(EXAMPLE)
        document["people"] += [
            {"ref": "p1", "area": "3301", "name": "Same ref again"},
            {"ref": "p5", "area": "3901", "name": "Not her area"},
            {"ref": "p6", "area": "3301", "identity_number": "150765005651"},
            {"ref": "p7", "area": "3301"},
        ]
        document["cases"].append({"ref": "c2", "person": "p9", "opened_on": "2025-01-01"})
        document["contacts"] += [
            {
                "case": "c1",
                "at": "31.13.2025",
                "kinds": "supportive",
                "participants": "with_patient",
            },
            {"case": "c1", "at": "2025-09-03", "kinds": "dancing", "participants": "with_patient"},
            {"case": "c1", "at": "2025-09-03", "participants": "with_patient"},
            {
                "case": "c1",
                "at": "2025-09-03",
                "kinds": "supportive",
                "participants": "with_patient",
                "duration_minutes": 900,
            },
        ]
        document["events"].append(
            {"case": "c1", "kind": "hospital", "on": "2025-10-06", "ended_on": "2025-10-01"}
        )
        document["assessments"].append(
            {"case": "c1", "assessed_on": "2025-09-10", "distress": 11, "mental": 3}
        )
        document["time"].append({"on": "2025-09-04", "category": "system", "minutes": 0})
        errors = errors_for(tmp_path, kari, document)
        expected = [
            "Ark «people», linje 4: ref «p1» er brukt før.",
            "Ark «people», linje 5: «area»: 3901 er ikke et område du dekker.",
            "Ark «people», linje 6: Fødselsnummeret har 11 siffer; du skrev 12.",
            "Ark «people», linje 7: skriv navn eller telefonnummer.",
            "Ark «cases», linje 2: «person»: finner ikke «p9» i arket.",
            "Ark «contacts», linje 3: «at»: «31.13.2025» er ikke en dato",
            "Ark «contacts», linje 4: «kinds»: «dancing» er ikke et gyldig valg.",
            "Ark «contacts», linje 5: Velg minst én type kontakt.",
            "Ark «contacts», linje 6: «duration_minutes»: Varigheten må være mellom 1 og 600",
            "Ark «assessments», linje 2: «mental»: behov skrives 0, 1 eller 2.",
            "Ark «events», linje 2: «ended_on»: Utskrivningen kan ikke være før innleggelsen.",
            "Ark «time», linje 2: «minutes» må være mellom 1 og 1440.",
        ]
        for message in expected:
            assert any(e.startswith(message) for e in errors), (message, errors)
        assert len(errors) == len(expected)

    def test_one_bad_row_imports_nothing(self, tmp_path, kari):
        document = deepcopy(EXAMPLE)
        document["time"].append({"on": "2025-09-04", "category": "holiday", "minutes": 60})
        with pytest.raises(CommandError, match="Ingenting er importert: 1 feil"):
            call_command("import_casework", str(write(tmp_path, document)), "--user", "kari")
        assert counts() == [0] * len(MODELS)
        assert not AuditEntry.objects.exists()

    @pytest.mark.parametrize(
        "content,message",
        [
            ("{not json", "ikke gyldig JSON"),
            ('["a list"]', "må være et objekt med lister"),
            ('{"patients": []}', "Ukjent ark: patients"),
            ('{"people": {"ref": "p1"}}', "«people» må være en liste"),
        ],
    )
    def test_broken_files(self, tmp_path, kari, content, message):
        path = tmp_path / "import.json"
        path.write_text(content)
        with pytest.raises(CaseworkImportError, match=message):
            import_file(path, kari)

    def test_other_file_types_and_missing_files(self, tmp_path, kari):
        csv = tmp_path / "import.csv"
        csv.write_text("ref;area\n")
        with pytest.raises(CaseworkImportError, match="må være .json eller .xlsx"):
            import_file(csv, kari)
        with pytest.raises(CaseworkImportError, match="Finner ikke filen"):
            import_file(tmp_path / "missing.json", kari)

    def test_a_user_who_covers_nothing_imports_nothing(self, tmp_path, per):
        with pytest.raises(CaseworkImportError, match="dekker ingen områder"):
            import_file(write(tmp_path, EXAMPLE), per)

    def test_an_unknown_user(self, tmp_path, kari):
        with pytest.raises(CommandError, match="Finner ingen aktiv bruker"):
            call_command("import_casework", str(write(tmp_path, EXAMPLE)), "--user", "nobody")


@pytest.mark.django_db
class TestHostileImports:
    """Files made to break the import end in Norwegian messages naming the row, never in a
    traceback, and import nothing."""

    def changed(self, sheet, index=0, **changes):
        document = deepcopy(EXAMPLE)
        document[sheet][index].update(changes)
        return document

    @pytest.mark.parametrize(
        "sheet, changes, message",
        [
            ("events", {"delayed_discharge_days": "Infinity"}, "er ikke et heltall"),
            ("events", {"delayed_discharge_days": str(2**63 - 1)}, "for stort"),
            ("contacts", {"duration_minutes": 1e400}, "er ikke et heltall"),
            ("people", {"birth_year": 2**63 - 1}, "for stort"),
            ("people", {"birth_year": 1066}, "Fødselsåret kan ikke være før 1900"),
            ("cases", {"opened_on": "0001-01-01"}, "utenfor 1900–2100"),
            ("cases", {"opened_on": "9999-12-31"}, "utenfor 1900–2100"),
            ("people", {"name": "x" * 200_000}, "for lang"),
            ("people", {"name": "Anne\x00Hansen"}, "NUL"),
        ],
    )
    def test_a_bad_value_names_its_row(self, tmp_path, kari, sheet, changes, message):
        errors = errors_for(tmp_path, kari, self.changed(sheet, **changes))
        assert errors[0].startswith(f"Ark «{sheet}», linje 1") and message in errors[0]
        assert counts() == [0] * len(MODELS)

    def test_negative_home_care_hours(self, tmp_path, kari):
        document = deepcopy(EXAMPLE)
        document["events"].append(
            {"case": "c1", "kind": "home_care", "on": "2025-10-10", "home_care_hours": "-3"}
        )
        [error] = errors_for(tmp_path, kari, document)
        assert "linje 2" in error and "negative" in error

    def test_the_same_relative_twice(self, tmp_path, kari):
        document = deepcopy(EXAMPLE)
        document["relatives"].append(dict(document["relatives"][0]))
        [error] = errors_for(tmp_path, kari, document)
        line = len(document["relatives"])
        assert error.startswith(f"Ark «relatives», linje {line}") and "allerede knyttet" in error

    def test_two_deaths_on_one_case(self, tmp_path, kari):
        document = deepcopy(EXAMPLE)
        death = {"case": "c1", "kind": "death", "on": "2025-11-01", "death_place": "home"}
        document["events"] += [death, dict(death, on="2025-11-02")]
        [error] = errors_for(tmp_path, kari, document)
        assert error.startswith("Ark «events», linje 3") and "allerede registrert" in error

    def test_a_death_before_the_case_began(self, tmp_path, kari):
        document = deepcopy(EXAMPLE)
        document["events"].append(
            {"case": "c1", "kind": "death", "on": "2025-08-01", "death_place": "home"}
        )
        [error] = errors_for(tmp_path, kari, document)
        assert "før oppfølgingen startet" in error

    @pytest.mark.parametrize(
        "content, message",
        [
            (b"[" * 100_000 + b"]" * 100_000, "for dypt nøstet"),
            (b'{"people": [{"name": "\xff\xfe"}]}', "ikke UTF-8"),
            (b'{"people": [', "linje 1, kolonne"),
        ],
    )
    def test_broken_bytes(self, tmp_path, kari, content, message):
        path = tmp_path / "import.json"
        path.write_bytes(content)
        with pytest.raises(CaseworkImportError, match=message):
            import_file(path, kari)

    def test_a_damaged_sheet_inside_a_valid_workbook(self, tmp_path, kari):
        import zipfile

        from openpyxl import Workbook

        good = tmp_path / "good.xlsx"
        workbook = Workbook()
        workbook.active.title = "people"
        workbook.active.append(["ref", "area", "name"])
        workbook.active.append(["p1", "3301", "Anne"])
        workbook.save(good)
        broken = tmp_path / "broken.xlsx"
        with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
            for item in source.infolist():
                data = source.read(item)
                if item.filename.startswith("xl/worksheets/sheet"):
                    data = data[: len(data) // 2]  # cut the sheet's XML in half
                target.writestr(item, data)
        with pytest.raises(CaseworkImportError, match="skadet"):
            import_file(broken, kari)


@pytest.mark.django_db
def test_a_misspelt_column_is_an_error_with_the_nearest_name(tmp_path, kari):
    """Issue 26, point 12: `phnoe`, `identiy_number` and `cancer_sitee` were dropped in
    silence, and the check said the file was in order."""
    import jsonschema

    document = deepcopy(EXAMPLE)
    document["people"][0]["phnoe"] = "912 34 567"
    document["people"][1]["identiy_number"] = "01010112345"
    document["cases"][0]["cancer_sitee"] = "C50"
    document["events"][0]["overliggerdøgn"] = 3
    errors = errors_for(tmp_path, kari, document)
    assert "Ark «people», linje 1: ukjent kolonne «phnoe» (mente du «phone»?)." in errors
    assert (
        "Ark «people», linje 2: ukjent kolonne «identiy_number» (mente du «identity_number»?)."
        in errors
    )
    assert (
        "Ark «cases», linje 1: ukjent kolonne «cancer_sitee» (mente du «cancer_site»?)." in errors
    )
    assert "Ark «events», linje 1: ukjent kolonne «overliggerdøgn»." in errors
    assert counts() == [0] * len(MODELS)
    schema = json.loads((DOCS / "import-schema.json").read_text())
    with pytest.raises(jsonschema.ValidationError, match="was unexpected"):
        jsonschema.validate(document, schema)


def test_the_importer_s_columns_are_the_schema_s():
    from kreftkoordinator.casework.importing.writer import COLUMNS

    schema = json.loads((DOCS / "import-schema.json").read_text())
    for sheet, spec in schema["properties"].items():
        assert set(spec["items"]["properties"]) == COLUMNS[sheet], sheet
        assert spec["items"]["additionalProperties"] is False
        for column in COLUMNS[sheet]:
            assert f"{column}" in (DOCS / "import-format.md").read_text(), column


@pytest.mark.django_db
def test_a_hospital_stay_with_its_ready_date_and_the_coordinator_s_part(tmp_path, kari):
    document = deepcopy(EXAMPLE)
    stay = {
        "case": document["events"][0]["case"],
        "kind": "hospital",
        "on": "2025-03-01",
        "ready_for_discharge_on": "2025-03-05",
        "ended_on": "2025-03-09",
        "home_earlier_thanks_to_coordinator": "ja",
    }
    document["events"] = [
        stay,
        {
            **stay,
            "on": "2025-04-01",
            "ready_for_discharge_on": "",
            "ended_on": "2025-04-03",
            "home_earlier_thanks_to_coordinator": "ikke vurdert",
        },
    ]
    import_file(write(tmp_path, document), kari)
    first, second = CareEvent.objects.order_by("on")
    assert first.delayed_discharge_days == 4  # 9 March less 5 March
    assert first.home_earlier_thanks_to_coordinator is True and first.reported_ready
    assert second.home_earlier_thanks_to_coordinator is None and not second.reported_ready
    document["events"][0]["home_earlier_thanks_to_coordinator"] = "kanskje"
    document["events"][0]["ready_for_discharge_on"] = "2025-02-27"
    errors = errors_for(tmp_path, kari, document)
    assert any("skriv ja, nei eller ikke vurdert" in e for e in errors)
    document["events"][0]["home_earlier_thanks_to_coordinator"] = "nei"
    errors = errors_for(tmp_path, kari, document)
    assert any("utskrivningsklar før innleggelsen" in e for e in errors)
