"""The person's record as FHIR, downloaded from her page (`fhir.export_person`)."""

import json

from kreftkoordinator.casework.pages import coordinator_only
from kreftkoordinator.exports import download

from .fhir import export_person


@coordinator_only
def person_fhir(request, pk):
    result = export_person(request.user, pk)
    response = download(
        json.dumps(result, ensure_ascii=False, indent=2).encode(),
        f"person-{pk}-fhir.json",
        "application/fhir+json; charset=utf-8",
    )
    response["Cache-Control"] = "no-store"  # health data
    return response
