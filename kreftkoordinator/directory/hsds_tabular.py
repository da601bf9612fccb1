"""HSDS 3.0's tabular form: the services of hsds.py flattened into CSV files with a
datapackage.json, in one zip file. Importing puts the services back together and hands them to
hsds.import_services, so both forms are checked the same way."""

import csv
import io
import json
import zipfile
from collections import defaultdict
from typing import Any

from django.utils.translation import gettext as _

from kreftkoordinator.exports import CsvDictWriter, restored

from .hsds import HSDSImportError

# Table -> its columns, in HSDS's names.
TABLES = {
    "organizations": ["id", "name", "description", "email", "website"],
    "services": [
        "id",
        "organization_id",
        "name",
        "description",
        "url",
        "email",
        "status",
        "application_process",
        "fees_description",
        "assured_date",
    ],
    "phones": ["id", "service_id", "organization_id", "number"],
    "schedules": ["id", "service_id", "description"],
    "languages": ["id", "service_id", "name"],
    "service_areas": ["id", "service_id", "name", "extent_type", "uri"],
    "locations": ["id", "name", "location_type"],
    "addresses": [
        "id",
        "location_id",
        "address_1",
        "city",
        "state_province",
        "postal_code",
        "country",
        "address_type",
    ],
    "service_at_locations": ["id", "service_id", "location_id"],
    "taxonomy_terms": ["id", "code", "name", "taxonomy"],
    "attributes": ["id", "link_id", "link_type", "link_entity", "taxonomy_term_id"],
}


def flatten(services: list[dict]) -> dict[str, list[dict]]:
    rows: dict[str, dict[str, dict]] = {name: {} for name in TABLES}

    def put(table: str, row: dict) -> None:
        rows[table][row["id"]] = {c: row.get(c) or "" for c in TABLES[table]}

    for service in services:
        organization = service["organization"]
        put("organizations", organization)
        for phone in organization.get("phones", []):
            put("phones", {**phone, "organization_id": organization["id"]})
        put("services", service)
        for name in ("phones", "schedules", "languages", "service_areas"):
            for row in service.get(name, []):
                put(name, {**row, "service_id": service["id"]})
        for link in service.get("service_at_locations", []):
            location = link["location"]
            put("locations", location)
            for address in location.get("addresses", []):
                put("addresses", {**address, "location_id": location["id"]})
            put("service_at_locations", {**link, "location_id": location["id"]})
        for attribute in service.get("attributes", []):
            term = attribute["taxonomy_term"]
            put("taxonomy_terms", term)
            put("attributes", {**attribute, "taxonomy_term_id": term["id"]})
    return {name: list(table.values()) for name, table in rows.items()}


def export_zip(services: list[dict]) -> bytes:
    buffer = io.BytesIO()
    tables = flatten(services)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        resources = []
        for name, columns in TABLES.items():
            text = io.StringIO()
            # RFC 4180 line ends, so that a field with a lone carriage return is quoted too.
            writer = CsvDictWriter(text, fieldnames=columns, lineterminator="\r\n")
            writer.writeheader()
            writer.writerows(tables[name])
            archive.writestr(f"{name}.csv", text.getvalue())
            resources.append(
                {
                    "name": name,
                    "path": f"{name}.csv",
                    "format": "csv",
                    "mediatype": "text/csv",
                    "profile": "tabular-data-resource",
                    "schema": {"fields": [{"name": c, "type": "string"} for c in columns]},
                }
            )
        archive.writestr(
            "datapackage.json",
            json.dumps(
                {
                    "name": "kreftkoordinator-hsds",
                    "profile": "tabular-data-package",
                    "resources": resources,
                },
                indent=1,
            ),
        )
    return buffer.getvalue()


def read_zip(data: bytes) -> list[dict]:
    """The services a tabular package describes, nested as hsds.import_services takes them."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as e:
        raise HSDSImportError([_("Filen er ikke en zip-fil med HSDS-tabeller.")]) from e
    tables: dict[str, list[dict]] = {}
    for name in TABLES:
        try:
            text = archive.read(f"{name}.csv").decode("utf-8-sig")
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as e:
            raise HSDSImportError(
                [_("%(file)s i pakken er skadet og kan ikke leses.") % {"file": f"{name}.csv"}]
            ) from e
        except UnicodeDecodeError as e:
            raise HSDSImportError(
                [
                    _("%(file)s er ikke UTF-8-tekst (ugyldig byte ved posisjon %(pos)s).")
                    % {"file": f"{name}.csv", "pos": e.start}
                ]
            ) from e
        except KeyError:
            if name in ("organizations", "services"):
                raise HSDSImportError(
                    [_("Pakken mangler %(file)s.") % {"file": f"{name}.csv"}]
                ) from None
            text = ""
        reader = csv.DictReader(io.StringIO(text))
        try:
            tables[name] = [_restored(row) for row in reader] if text else []
        except csv.Error as e:
            raise HSDSImportError(
                [
                    _("%(file)s, linje %(line)s: et felt er for langt eller feil sitert.")
                    % {"file": f"{name}.csv", "line": reader.line_num}
                ]
            ) from e
    try:
        return _nest(tables)
    except KeyError as e:
        raise HSDSImportError([_("En tabell i pakken mangler kolonnen %(c)s.") % {"c": e}]) from e


def _restored(row: dict) -> dict:
    """What was written: our export neutralises text that could run as a formula."""
    return {k: restored(v) if isinstance(v, str) else v for k, v in row.items()}


def _by(rows: list[dict], key: str) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        grouped[row.get(key) or ""].append(row)
    return grouped


def _nest(tables: dict[str, list[dict]]) -> list[dict]:
    organizations = {o["id"]: dict(o) for o in tables["organizations"]}
    for organization_id, phones in _by(tables["phones"], "organization_id").items():
        if organization_id in organizations:
            organizations[organization_id]["phones"] = phones
    terms = {t["id"]: t for t in tables["taxonomy_terms"]}
    locations = {location["id"]: dict(location) for location in tables["locations"]}
    for location_id, addresses in _by(tables["addresses"], "location_id").items():
        if location_id in locations:
            locations[location_id]["addresses"] = addresses
    grouped = {
        name: _by(tables[name], "service_id")
        for name in ("phones", "schedules", "languages", "service_areas", "service_at_locations")
    }
    attributes = _by(tables["attributes"], "link_id")
    services: list[dict[str, Any]] = []
    for row in tables["services"]:
        service: dict[str, Any] = dict(row)
        service["assured_date"] = row.get("assured_date") or None
        service["organization"] = organizations.get(row.get("organization_id", ""), {})
        for name in ("phones", "schedules", "languages", "service_areas"):
            service[name] = grouped[name].get(row["id"], [])
        service["service_at_locations"] = [
            {**link, "location": locations.get(link.get("location_id", ""), {})}
            for link in grouped["service_at_locations"].get(row["id"], [])
        ]
        service["attributes"] = [
            {**a, "taxonomy_term": terms.get(a.get("taxonomy_term_id", ""), {})}
            for a in attributes.get(row["id"], [])
        ]
        services.append(service)
    return services
