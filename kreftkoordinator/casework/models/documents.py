"""A document on a case: a letter, a discharge summary, a photo of a form. The file is in the
`documents` storage under a random name (casework/documents.py checks and stores it); the row
holds what the coordinator sees, and belongs to the case's area like the rest of the case."""

import secrets

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.audit.scoping import AreaScopedQuerySet
from kreftkoordinator.organisation.models import Area

from .cases import Case


class DocumentKind(models.TextChoices):
    PDF = "pdf", _("PDF")
    JPEG = "jpeg", _("JPEG-bilde")
    PNG = "png", _("PNG-bilde")
    DOCX = "docx", _("Word-dokument")


# What a download says it is, and the ending its name gets: from the content, never the upload.
MEDIA_TYPE = {
    DocumentKind.PDF: ("application/pdf", "pdf"),
    DocumentKind.JPEG: ("image/jpeg", "jpg"),
    DocumentKind.PNG: ("image/png", "png"),
    DocumentKind.DOCX: (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "docx",
    ),
}


def storage():
    """Looked up at each use, so a change of STORAGES (tests, a move to S3) takes effect."""
    return storages["documents"]


def random_name() -> str:
    """Nothing of the person or the upload's name reaches the storage: a name no one can guess,
    spread over folders so none grows large."""
    name = secrets.token_hex(16)
    return f"{name[:2]}/{name}"


class Document(models.Model):
    area = models.ForeignKey(Area, models.PROTECT, related_name="+", verbose_name=_("område"))
    case = models.ForeignKey(
        Case, models.CASCADE, related_name="documents", verbose_name=_("oppfølging")
    )
    title = models.CharField(_("tittel"), max_length=200)
    kind = models.CharField(_("filtype"), max_length=8, choices=DocumentKind.choices)
    size = models.PositiveIntegerField(_("størrelse i byte"))
    sha256 = models.CharField(max_length=64)
    stored_as = models.CharField(max_length=100, unique=True, editable=False)
    uploaded_at = models.DateTimeField(_("lastet opp"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", null=True
    )

    objects = AreaScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("dokument")
        verbose_name_plural = _("dokumenter")

    def __str__(self) -> str:
        return self.title

    @property
    def media_type(self) -> str:
        return MEDIA_TYPE[DocumentKind(self.kind)][0]

    @property
    def download_name(self) -> str:
        """The title as a file name, with the ending its content has."""
        stem = "".join(c if c.isalnum() or c in " -_." else "_" for c in self.title).strip(" .")
        return f"{stem or 'dokument'}.{MEDIA_TYPE[DocumentKind(self.kind)][1]}"
