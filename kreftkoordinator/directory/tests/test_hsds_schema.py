"""The HSDS export is valid against HSDS 3.0's own compiled service schema, and the import takes
HSDS's own shapes: a single service and the paged list an HSDS API returns (issue 28, point 8).

The schema and the examples are Open Referral's, kept as test data in `data/hsds-3.0/` (see its
README for source, version and licence)."""

import json
from pathlib import Path
from random import Random

import jsonschema
import pytest

from kreftkoordinator.demo.directory import create_directory
from kreftkoordinator.directory.hsds import (
    HSDSImportError,
    export_services,
    import_services,
    services_in,
)
from kreftkoordinator.directory.models import Offer

DATA = Path(__file__).parent / "data" / "hsds-3.0"


def schema_validator():
    schema = json.loads((DATA / "service.json").read_text())
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


@pytest.mark.django_db
def test_every_exported_demo_service_is_valid_hsds():
    create_directory(Random(2017))
    services = export_services(Offer.objects.order_by("pk"))
    assert len(services) >= 20
    validator = schema_validator()
    problems = {
        s["name"]: sorted({f"{'/'.join(map(str, e.absolute_path))}: {e.message[:80]}"
                           for e in validator.iter_errors(s)})
        for s in services
    }  # fmt: skip
    assert {name: p for name, p in problems.items() if p} == {}


@pytest.mark.django_db
@pytest.mark.parametrize("example", ["service_full.json", "service_list.json"])
def test_the_specifications_own_examples_import(example):
    document = json.loads((DATA / example).read_text())
    services = services_in(document)
    result = import_services(document)
    assert result.created == len(services) >= 1
    names = set(Offer.objects.values_list("title", flat=True))
    assert {s["name"] for s in services} <= names
    assert import_services(document).updated == len(services)  # matched on id the second time


def test_a_document_of_another_shape_is_refused_in_norwegian():
    with pytest.raises(HSDSImportError, match="en side fra et HSDS-API"):
        services_in({"tjenester": []})
