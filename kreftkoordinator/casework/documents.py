"""Documents on a case, shared by the page and anything else that stores one: the file is
checked (its size, and its type by its content, never its name), scanned when a ClamAV daemon
is configured, and stored under a random name; each upload, download and removal writes one
audit entry about the case's person, so it shows in her innsyn. A document goes when its person
is anonymised (casework/retention.py)."""

import hashlib
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from kreftkoordinator import audit, virus_scan
from kreftkoordinator.accounts.models import User
from kreftkoordinator.audit.models import Action

from .models import Case
from .models.documents import Document, DocumentKind, random_name, storage

# The first bytes of each allowed type. A DOCX is a zip; which zip is decided by its parts.
MAGIC = [
    (b"%PDF-", DocumentKind.PDF),
    (b"\xff\xd8\xff", DocumentKind.JPEG),
    (b"\x89PNG\r\n\x1a\n", DocumentKind.PNG),
    (b"PK\x03\x04", DocumentKind.DOCX),
]
DOCX_PARTS = {"[Content_Types].xml", "word/document.xml"}
# A Word file with macros (.docm) has this part whatever it is called: refused.
MACROS = "word/vbaProject.bin"


def _is_docx(upload: UploadedFile) -> bool:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return names >= DOCX_PARTS and MACROS not in names


def _kind_of(upload: UploadedFile) -> DocumentKind | None:
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    for magic, kind in MAGIC:
        if head.startswith(magic):
            if kind == DocumentKind.DOCX and not _is_docx(upload):
                return None
            upload.seek(0)
            return kind
    return None


def check_document(upload: UploadedFile) -> DocumentKind:
    """The document's type, or a ValidationError that says what is wrong in words the
    coordinator can act on. Scanning comes last, so the daemon sees only allowed files."""
    limit = settings.DOCUMENT_MAX_BYTES
    if upload.size is None or upload.size == 0:
        raise ValidationError(_("Filen er tom."), code="empty")
    if upload.size > limit:
        raise ValidationError(
            _("Filen er på %(size)s. Et dokument kan være på høyst %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    kind = _kind_of(upload)
    if kind is None:
        raise ValidationError(
            _(
                "Filen er ikke en PDF, et JPEG- eller PNG-bilde eller et Word-dokument (DOCX). "
                "Det er innholdet som avgjør, ikke navnet på filen. Lagre den som PDF og prøv "
                "igjen."
            ),
            code="type",
        )
    if virus_scan.configured():
        try:
            found = virus_scan.found(upload.chunks())
        except virus_scan.Unavailable:
            raise ValidationError(
                _(
                    "Filen kunne ikke skannes for virus akkurat nå, så den er ikke lagret. "
                    "Prøv igjen om litt, og si fra til IT hvis det ikke går."
                ),
                code="scan",
            ) from None
        finally:
            upload.seek(0)
        if found:
            raise ValidationError(
                _("Virusskanningen fant %(what)s i filen. Den er ikke lagret.") % {"what": found},
                code="virus",
            )
    return kind


def _digest(upload: UploadedFile) -> str:
    sha = hashlib.sha256()
    for chunk in upload.chunks():
        sha.update(chunk)
    upload.seek(0)
    return sha.hexdigest()


def attach_document(user: User, case: Case, upload: UploadedFile, title: str = "") -> Document:
    kind = check_document(upload)
    digest = _digest(upload)
    stored_as = storage().save(random_name(), upload)
    try:
        with transaction.atomic():
            document = Document.objects.create(
                area_id=case.area_id,
                case=case,
                title=(title.strip() or _title_from(upload.name or ""))[:200],
                kind=kind,
                size=upload.size or 0,
                sha256=digest,
                stored_as=stored_as,
                uploaded_by=user,
            )
            audit.record(
                user, Action.CREATE, document, person=case.person_id, reason="dokument lastet opp"
            )
    except BaseException:
        storage().delete(stored_as)  # no file without its row
        raise
    return document


def _title_from(filename: str) -> str:
    stem = filename.rsplit("/", 1)[-1].rsplit("\\", 1)[-1].rsplit(".", 1)[0].strip()
    return stem or _("Dokument")


def open_document(document: Document):
    return storage().open(document.stored_as, "rb")


@transaction.atomic
def remove_document(user: User, document: Document) -> None:
    """Removing one put on the wrong case. The file goes once the row is gone for good."""
    stored_as = document.stored_as
    audit.record(
        user, Action.DELETE, document, person=document.case.person_id, reason="dokument slettet"
    )
    document.delete()
    transaction.on_commit(lambda: storage().delete(stored_as))


def delete_files(stored: list[str]) -> None:
    """After the rows are gone (retention): each file, once the deletion is committed."""
    transaction.on_commit(lambda: [storage().delete(name) for name in stored])
