"""Documents on Anne's case (issue 30, point 7): Kari attaches the hospital's discharge summary
and a photo of a form, and downloads them again; a renamed program, a file over 20 MB and a
Word file with macros are refused, each saying why and keeping the title she typed; Hanne in
Horten gets nothing of Drammen's files by id. Every upload and download is in Anne's innsyn,
and her documents go when she is anonymised. Scanning uses a real ClamAV daemon and S3 storage
a real S3 server on the loopback (documents_services.py)."""

import hashlib
import io
import struct
import zlib

import docx
import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from kreftkoordinator.accounts.tests.provider import ACCOUNTS
from kreftkoordinator.audit.models import Action, AuditEntry
from kreftkoordinator.casework.models import Document
from kreftkoordinator.casework.models.documents import random_name, storage
from kreftkoordinator.casework.retention import _anonymise
from kreftkoordinator.conftest import login
from kreftkoordinator.public.innsyn import own_log

PDF = b"%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200 + b"PE\x00\x00"


def png() -> bytes:
    """A real 1x1 PNG, as a phone's photo of a form would be, only smaller."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack("!I", len(data)) + body + struct.pack("!I", zlib.crc32(body))

    header = struct.pack("!IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def word(macros: bool = False) -> bytes:
    out = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Innkalling til samtale")
    document.save(out)
    if not macros:
        return out.getvalue()
    import zipfile

    with zipfile.ZipFile(out, "a") as archive:
        archive.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro")
    return out.getvalue()


def upload(client, case, name: str, data: bytes, title: str = ""):
    return client.post(
        reverse("casework:document_add", args=[case.pk]),
        {"file": SimpleUploadedFile(name, data), "title": title},
    )


def a_document(case) -> Document:
    """A document on the case, stored as the workflow would, without an entry in the log."""
    stored_as = storage().save(random_name(), ContentFile(PDF))
    return Document.objects.create(
        area=case.area,
        case=case,
        title="Epikrise",
        kind="pdf",
        size=len(PDF),
        sha256=hashlib.sha256(PDF).hexdigest(),
        stored_as=stored_as,
    )


def stored_files() -> list[str]:
    folders, _ = storage().listdir("")
    return [f"{d}/{f}" for d in folders for f in storage().listdir(d)[1]]


@pytest.fixture
def summary(client, kari, drammen_case):
    """The discharge summary Kari attached to Anne's case."""
    login(client, kari)
    upload(client, drammen_case, "Epikrise Anne Hansen.pdf", PDF, "Epikrise fra sykehuset")
    return Document.objects.get()


@pytest.mark.django_db
class TestKariAttachesAndOpens:
    def test_the_discharge_summary_is_stored_under_a_random_name(self, client, kari, drammen_case):
        login(client, kari)
        response = upload(client, drammen_case, "Epikrise Anne Hansen.pdf", PDF, "Epikrise")
        assert response.status_code == 302
        document = Document.objects.get()
        assert (document.title, document.kind, document.size) == ("Epikrise", "pdf", len(PDF))
        assert (document.area_id, document.uploaded_by) == (drammen_case.area_id, kari)
        assert "Anne" not in document.stored_as and "Epikrise" not in document.stored_as
        assert len(document.stored_as) == 35  # "ab/" and 32 hex digits
        with storage().open(document.stored_as) as f:
            assert f.read() == PDF
        page = client.get(reverse("casework:case_detail", args=[drammen_case.pk]))
        assert "Epikrise" in page.content.decode()

    def test_without_a_title_the_file_name_is_used(self, client, kari, drammen_case):
        login(client, kari)
        upload(client, drammen_case, "C:\\Users\\kari\\Skjema NAV.png", png())
        assert Document.objects.get().title == "Skjema NAV"

    def test_a_photo_is_what_its_content_says_whatever_it_is_called(
        self, client, kari, drammen_case
    ):
        login(client, kari)
        upload(client, drammen_case, "skjema.jpg", png(), "Skjema")
        document = Document.objects.get()
        assert document.kind == "png"
        response = client.get(reverse("casework:document_download", args=[document.pk]))
        assert response["Content-Type"] == "image/png"
        assert 'filename="Skjema.png"' in response["Content-Disposition"]

    def test_a_word_document_is_accepted(self, client, kari, drammen_case):
        login(client, kari)
        upload(client, drammen_case, "innkalling.docx", word())
        assert Document.objects.get().kind == "docx"

    def test_she_downloads_it_as_an_attachment_that_is_never_sniffed(self, client, summary):
        response = client.get(reverse("casework:document_download", args=[summary.pk]))
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("attachment;")
        assert 'filename="Epikrise fra sykehuset.pdf"' in response["Content-Disposition"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in response["Content-Security-Policy"]
        assert "no-store" in response["Cache-Control"]

    def test_upload_and_download_are_each_one_entry_about_anne(self, client, summary):
        client.get(reverse("casework:document_download", args=[summary.pk]))
        entries = AuditEntry.objects.filter(object_type="casework.document").order_by("pk")
        assert [(e.action, e.reason, e.person_id) for e in entries] == [
            (Action.CREATE, "dokument lastet opp", summary.case.person_id),
            (Action.VIEW, "dokument lastet ned", summary.case.person_id),
        ]

    def test_anne_sees_both_in_her_innsyn(self, client, kari, summary):
        client.get(reverse("casework:document_download", args=[summary.pk]))
        anne = summary.case.person
        anne.identity_number = ACCOUNTS["kari"]["pid"]
        anne.save()
        rows = own_log(anne.identity_key)["rows"]
        seen = [(r["who"], r["what"], r["reason"]) for r in rows if "dokument" in r["reason"]]
        assert seen == [
            (str(kari), "Lest", "dokument lastet ned"),
            (str(kari), "Opprettet", "dokument lastet opp"),
        ]

    def test_she_removes_one_put_on_the_wrong_case(
        self, client, summary, django_capture_on_commit_callbacks
    ):
        url = reverse("casework:document_delete", args=[summary.pk])
        assert "Slette «Epikrise fra sykehuset»?" in client.get(url).content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url)
        assert response.status_code == 302
        assert not Document.objects.exists()
        assert not storage().exists(summary.stored_as)
        entry = AuditEntry.objects.filter(object_type="casework.document").latest("pk")
        assert (entry.action, entry.person_id) == (Action.DELETE, summary.case.person_id)


@pytest.mark.django_db
class TestRefused:
    def test_a_renamed_program_is_refused_and_her_title_kept(self, client, kari, drammen_case):
        login(client, kari)
        before = stored_files()
        response = upload(client, drammen_case, "epikrise.pdf", PROGRAM, "Epikrise")
        assert response.status_code == 200
        page = response.content.decode()
        assert "Det er innholdet som avgjør, ikke navnet på filen." in page
        assert 'value="Epikrise"' in page
        assert not Document.objects.exists()
        assert stored_files() == before

    def test_a_file_over_20_mb_is_refused(self, client, kari, drammen_case):
        login(client, kari)
        big = PDF + b"0" * (20 * 1024 * 1024 - len(PDF) + 1)
        response = upload(client, drammen_case, "skannet.pdf", big)
        assert "Et dokument kan være på høyst 20,0\xa0MB." in response.content.decode()
        assert not Document.objects.exists()

    def test_exactly_20_mb_is_allowed(self, client, kari, drammen_case):
        login(client, kari)
        upload(client, drammen_case, "skannet.pdf", PDF + b"0" * (20 * 1024 * 1024 - len(PDF)))
        assert Document.objects.get().size == 20 * 1024 * 1024

    @pytest.mark.parametrize(
        "name, data",
        [
            ("makro.docx", word(macros=True)),
            ("arkiv.docx", b"PK\x03\x04" + b"not really a zip"),
            ("tom.pdf", b""),
            ("side.html", b"<html><script>alert(1)</script></html>"),
        ],
    )
    def test_other_contents_are_refused(self, client, kari, drammen_case, name, data):
        login(client, kari)
        response = upload(client, drammen_case, name, data)
        assert response.status_code == 200
        assert 'aria-invalid="true"' in response.content.decode()
        assert not Document.objects.exists()

    def test_no_file_says_so(self, client, kari, drammen_case):
        login(client, kari)
        response = client.post(reverse("casework:document_add", args=[drammen_case.pk]), {})
        assert "Velg filen du vil legge ved." in response.content.decode()


@pytest.mark.django_db
class TestHanneInHorten:
    def test_gets_no_drammen_file_by_id(self, client, hanne, summary):
        client.logout()
        login(client, hanne)
        response = client.get(reverse("casework:document_download", args=[summary.pk]))
        assert response.status_code == 404
        refused = AuditEntry.objects.get(action=Action.REFUSED, object_type="casework.document")
        assert (refused.user, refused.person_id) == (hanne, summary.case.person_id)

    def test_cannot_remove_one_or_attach_to_a_drammen_case(self, client, hanne, summary):
        client.logout()
        login(client, hanne)
        delete = client.post(reverse("casework:document_delete", args=[summary.pk]))
        add = upload(client, summary.case, "brev.pdf", PDF)
        assert (delete.status_code, add.status_code) == (404, 404)
        assert Document.objects.count() == 1
        assert storage().exists(summary.stored_as)


@pytest.mark.django_db
def test_anonymisation_deletes_the_documents_and_their_files(
    summary, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _anonymise([summary.case.person_id], timezone.now())
    assert not Document.objects.exists()
    assert not storage().exists(summary.stored_as)
