"""The person's record as FHIR, downloaded from her page (`fhir.export_person`)."""

import json

from django.http import HttpResponse

from kreftkoordinator.casework.pages import coordinator_only

from .fhir import export_person


@coordinator_only
def person_fhir(request, pk):
    result = export_person(request.user, pk)
    response = HttpResponse(
        json.dumps(result, ensure_ascii=False, indent=2),
        content_type="application/fhir+json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="person-{pk}-fhir.json"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response
