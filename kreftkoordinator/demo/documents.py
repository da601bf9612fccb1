"""A few made-up documents on the demo's cases, so that a new user sees what an attached
individual plan or letter looks like. They go through `attach_document`, the one way in, with
its checks and its audit entry."""

from __future__ import annotations

from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document as Docx

from kreftkoordinator.accounts.models import User
from kreftkoordinator.casework.documents import attach_document
from kreftkoordinator.casework.models import Case
from kreftkoordinator.organisation.models import Position

# (title, the lines of the document): made up, in the words a coordinator would write.
DOCUMENTS = [
    (
        "Individuell plan, utkast",
        [
            "Mål: å bo hjemme så lenge som mulig, med trygghet for pasienten og familien.",
            "Koordinator: kreftkoordinatoren i kommunen. Fastlegen har det medisinske ansvaret.",
            "Tiltak: hjemmesykepleie morgen og kveld, fysioterapeut hver uke, samtale med "
            "pårørende hver fjerde uke.",
            "Evaluering: i ansvarsgruppemøtet om seks uker.",
        ],
    ),
    (
        "Referat fra ansvarsgruppemøte",
        [
            "Til stede: pasienten, datteren, fastlegen, hjemmesykepleien og kreftkoordinatoren.",
            "Avtalt: søknad om korttidsopphold ved behov, og ny time hos fastlegen om to uker.",
            "Neste møte: om fire uker.",
        ],
    ),
]


def docx(title: str, lines: list[str]) -> bytes:
    document = Docx()
    document.add_heading(title, 1)
    for line in lines:
        document.add_paragraph(line)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def attach_demo_documents(position: Position, coordinator: User) -> int:
    """The documents on the first open patient cases of the position; the number attached.
    Where a virus scanner is set up and does not answer, the demo goes on without them."""
    cases = (
        Case.objects.filter(area__in=position.covered_areas.all(), kind=Case.Kind.PATIENT)
        .open()
        .order_by("pk")[: len(DOCUMENTS)]
    )
    attached = 0
    for case, (title, lines) in zip(cases, DOCUMENTS, strict=False):
        upload = SimpleUploadedFile(
            f"{title}.docx",
            docx(title, lines),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        try:
            attach_document(coordinator, case, upload, title)
        except ValidationError:
            continue
        attached += 1
    return attached
