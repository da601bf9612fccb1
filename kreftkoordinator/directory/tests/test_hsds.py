"""The directory through Open Referral HSDS 3.0 (JSON): a round trip loses nothing we store, and
a bad file is refused whole, service by service."""

import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from kreftkoordinator.conftest import area
from kreftkoordinator.directory.hsds import (
    TAXONOMY,
    HSDSImportError,
    export_services,
    import_services,
)
from kreftkoordinator.directory.models import Offer, Provider

FIELDS = [
    "title",
    "description",
    "category",
    "for_patients",
    "for_relatives",
    "for_children",
    "phases",
    "national",
    "access",
    "cost",
    "languages",
    "phone",
    "email",
    "website",
    "opening_hours",
    "address",
    "published",
    "last_verified",
]


def snapshot():
    rows = {}
    for offer in Offer.objects.select_related("provider", "owner_area").prefetch_related("areas"):
        rows[offer.title] = (
            {f: getattr(offer, f) for f in FIELDS},
            sorted(a.code for a in offer.areas.all()),
            offer.owner_area.code if offer.owner_area else None,
            (
                offer.provider.name,
                offer.provider.kind,
                offer.provider.website,
                offer.provider.email,
                offer.provider.phone,
            ),
        )
    return rows


@pytest.fixture
def full_offer(db):
    provider = Provider.objects.create(
        name="Drammen frivilligsentral",
        kind="voluntary_centre",
        website="https://example.no",
        email="post@example.no",
        phone="123 45 678",
    )
    offer = Offer.objects.create(
        provider=provider,
        title="Sorggruppe i Drammen",
        description="Samtalegruppe.",
        category="bereavement",
        for_patients=False,
        for_relatives=True,
        for_children=True,
        phases=",bereavement,",
        access="referral",
        cost="Gratis",
        languages="norsk, arabisk",
        phone="123 00 000",
        email="sorg@example.no",
        website="https://example.no/sorg",
        opening_hours="Tirsdager 18–20",
        address="Kirkegata 1",
        published=False,
        last_verified=date(2026, 3, 1),
        owner_area=area("3301"),
    )
    offer.areas.set([area("3301"), area("3312")])
    return offer


@pytest.mark.django_db
class TestRoundTrip:
    def test_export_and_import_loses_nothing(self, full_offer):
        before = snapshot()
        services = json.loads(json.dumps(export_services(Offer.objects.all())))
        Offer.objects.all().delete()
        Provider.objects.all().delete()
        result = import_services(services)
        assert result.created == len(before)
        assert snapshot() == before

    def test_the_export_has_what_hsds_requires(self, full_offer):
        service = next(
            s for s in export_services(Offer.objects.all()) if s["name"] == "Sorggruppe i Drammen"
        )
        assert {"id", "name", "status"} <= service.keys() and service["status"] == "inactive"
        assert {"id", "name", "description"} <= service["organization"].keys()
        assert service["assured_date"] == "2026-03-01"
        assert {a["uri"] for a in service["service_areas"]} == {
            "urn:ssb:klass:131:3301",
            "urn:ssb:klass:131:3312",
        }

    def test_importing_again_updates_instead_of_duplicating(self, full_offer):
        services = export_services(Offer.objects.all())
        services[0]["description"] = "Ny beskrivelse"
        result = import_services(services)
        assert (result.created, result.updated) == (0, len(services))
        assert Offer.objects.count() == len(services)
        assert Offer.objects.filter(description="Ny beskrivelse").count() == 1

    def test_the_command(self, tmp_path, full_offer, capsys):
        path = tmp_path / "hsds.json"
        call_command("hsds", "export", str(path))
        assert "Eksportert" in capsys.readouterr().out
        assert any(s["name"] == "Sorggruppe i Drammen" for s in json.loads(path.read_text()))
        call_command("hsds", "import", str(path))
        assert "oppdatert" in capsys.readouterr().out


@pytest.mark.django_db
class TestBadFiles:
    def test_every_bad_service_is_reported_and_nothing_imported(self, full_offer):
        services = export_services(Offer.objects.filter(pk=full_offer.pk))
        good = dict(services[0], id="new-id-1", name="Nytt tilbud")
        no_name = dict(services[0], id="new-id-2", name="")
        bad_area = dict(
            services[0], id="new-id-3", service_areas=[{"uri": "urn:ssb:klass:131:9999"}]
        )
        bad_category = json.loads(json.dumps(dict(services[0], id="new-id-4")))
        for attribute in bad_category["attributes"]:
            if attribute["taxonomy_term"]["taxonomy"].endswith(":category"):
                attribute["taxonomy_term"]["code"] = "dancing"
        count = Offer.objects.count()
        with pytest.raises(HSDSImportError) as caught:
            import_services([good, no_name, bad_area, bad_category])
        assert [e.split(":")[0] for e in caught.value.errors] == [
            "Tjeneste 2",
            "Tjeneste 3",
            "Tjeneste 4",
        ]
        assert "9999" in caught.value.errors[1] and "dancing" in caught.value.errors[2]
        assert Offer.objects.count() == count

    def test_not_a_list(self, tmp_path, db):
        path = tmp_path / "hsds.json"
        path.write_text('{"services": []}')
        with pytest.raises(CommandError, match="Ingenting er importert"):
            call_command("hsds", "import", str(path))


@pytest.mark.django_db
class TestTabularPackage:
    def test_the_csv_package_round_trip_loses_nothing(self, tmp_path, full_offer):
        import zipfile

        before = snapshot()
        path = tmp_path / "hsds.zip"
        call_command("hsds", "export", str(path))
        names = set(zipfile.ZipFile(path).namelist())
        assert {"datapackage.json", "services.csv", "organizations.csv", "attributes.csv"} <= names
        Offer.objects.all().delete()
        Provider.objects.all().delete()
        call_command("hsds", "import", str(path))
        assert snapshot() == before

    def test_a_package_without_services_is_refused(self, tmp_path, db):
        import zipfile

        path = tmp_path / "hsds.zip"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("organizations.csv", "id,name\n")
        with pytest.raises(CommandError):
            call_command("hsds", "import", str(path))
        not_zip = tmp_path / "other.zip"
        not_zip.write_text("hello")
        with pytest.raises(CommandError):
            call_command("hsds", "import", str(not_zip))


@pytest.mark.django_db
def test_a_bad_row_in_the_csv_package_is_named_by_file_and_line(tmp_path, full_offer, capsys):
    import io
    import zipfile

    from kreftkoordinator.directory.hsds_tabular import export_zip

    data = export_zip(export_services(Offer.objects.order_by("pk")))
    archive = zipfile.ZipFile(io.BytesIO(data))
    files = {name: archive.read(name) for name in archive.namelist()}
    lines = files["services.csv"].decode().splitlines()
    header, first = lines[0], lines[1].split(",")
    first[header.split(",").index("name")] = ""  # the first service loses its name
    files["services.csv"] = "\n".join([header, ",".join(first), *lines[2:]]).encode()
    path = tmp_path / "bad.zip"
    with zipfile.ZipFile(path, "w") as out:
        for name, content in files.items():
            out.writestr(name, content)
    with pytest.raises(CommandError):
        call_command("hsds", "import", str(path))
    assert "services.csv, linje 2: mangler id eller navn" in capsys.readouterr().err


PHASE_TERM = {"taxonomy": f"{TAXONOMY}:phase", "code": "treatment"}
PHASE = {"link_type": "service", "taxonomy_term": PHASE_TERM}


@pytest.mark.django_db
class TestHostileFiles:
    """Files made to break the import: each is refused whole, with the service named, in
    Norwegian, and never ends in a traceback."""

    def one(self, full_offer, **changes):
        service = export_services(Offer.objects.filter(pk=full_offer.pk))[0]
        return dict(service, **{"id": "ny-tjeneste", **changes})

    @pytest.mark.parametrize(
        "changes, message",
        [
            ({"url": "javascript:alert(document.cookie)"}, "begynner med http:// eller https://"),
            ({"url": "data:text/html,<script>x</script>"}, "«website»"),
            ({"name": 42}, "id og navn må være tekst"),
            ({"description": ["ikke", "tekst"]}, "«description» må være tekst"),
            ({"email": "ikke-en-adresse"}, "«email»"),
            ({"name": "x" * 200_000}, "«title»"),
            ({"description": "null\x00byte"}, "NUL"),
            ({"assured_date": "0000-13-45"}, "assured_date"),
            ({"assured_date": 20260101}, "assured_date"),
            ({"service_areas": "3301"}, "feil format"),
            ({"attributes": [{"taxonomy_term": "x"}]}, "feil format"),
            ({"organization": "Kreftforeningen"}, "mangler organisasjon"),
            # Found by the generated files (tests/test_fuzz_imports.py), on PostgreSQL:
            ({"id": "x" * 65}, "id må være tekst på 1–64 tegn"),
            ({"attributes": [PHASE | {"taxonomy_term": PHASE_TERM | {"code": 7}}]}, "ukjent fase"),
        ],
    )
    def test_a_hostile_service_is_named_and_nothing_imported(self, full_offer, changes, message):
        count = Offer.objects.count()
        with pytest.raises(HSDSImportError) as caught:
            import_services([self.one(full_offer, **changes)])
        assert caught.value.errors[0].startswith("Tjeneste 1: ")
        assert message in caught.value.errors[0]
        assert Offer.objects.count() == count

    def test_an_organisation_without_an_id_is_refused(self, full_offer):
        """Its provider would otherwise be matched to any provider made by hand."""
        service = self.one(full_offer)
        service["organization"] = {k: v for k, v in service["organization"].items() if k != "id"}
        with pytest.raises(HSDSImportError, match="id må være tekst"):
            import_services([service])

    def test_a_javascript_link_on_the_organisation_is_refused(self, full_offer):
        service = self.one(full_offer)
        service["organization"] = dict(service["organization"], website="javascript:alert(1)")
        with pytest.raises(HSDSImportError, match="nettadresse"):
            import_services([service])

    @pytest.mark.parametrize(
        "content, message",
        [
            (b"\xff\xfe\x00garbage", "ikke UTF-8"),
            (b"[" * 100_000 + b"]" * 100_000, "for dypt"),
            (b'[{"id": 1,', "ikke gyldig JSON (linje 1"),
        ],
    )
    def test_a_broken_json_file(self, tmp_path, db, content, message):
        path = tmp_path / "hsds.json"
        path.write_bytes(content)
        with pytest.raises(CommandError, match=message.replace("(", r"\(")):
            call_command("hsds", "import", str(path))

    def test_a_broken_csv_in_a_valid_zip(self, tmp_path, full_offer):
        import zipfile

        path = tmp_path / "hsds.zip"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("organizations.csv", "id,name\n1,Org\n")
            archive.writestr("services.csv", b"id,name\n\xff\xfe,x\n")
        with pytest.raises(CommandError):
            call_command("hsds", "import", str(path))
        big = tmp_path / "big.zip"
        with zipfile.ZipFile(big, "w") as archive:
            archive.writestr("organizations.csv", "id,name\n1,Org\n")
            archive.writestr("services.csv", "id,name\n1," + "x" * 200_000 + "\n")
        with pytest.raises(CommandError):
            call_command("hsds", "import", str(big))
