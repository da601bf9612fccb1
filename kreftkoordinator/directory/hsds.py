"""The directory in Open Referral's Human Services Data Specification 3.0 (JSON): each offer is an
HSDS service with its organization nested, the way HSDS's compiled service schema has it.

What HSDS has a field for goes there (name, description, url, email, status, application
process, fees, assured date, phones, schedules, languages, service areas, locations). What it has
no field for (our category, target groups, phases, how to get it, the provider's kind, who keeps
the offer) goes in `attributes`, as taxonomy terms of our own taxonomies, so a round trip through
HSDS loses nothing we store. Service areas name municipalities by SSB number in `uri`.
"""

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kreftkoordinator.codes import Phase
from kreftkoordinator.organisation.models import Area

from .models import Access, Category, Offer, Provider, ProviderKind

NAMESPACE = uuid.UUID("6f1f7a1e-3c55-4d2b-9a59-2a4c6d1b7e10")  # ours: ids stay the same
AREA_URI = "urn:ssb:klass:131:"  # a municipality (4 digits) or city district (6 digits)
NATIONAL = "Norge"
TAXONOMY = "kreftkoordinator"
FLAGS = ("for_patients", "for_relatives", "for_children")


def _id(kind: str, obj: Any) -> str:
    return obj.hsds_id or str(uuid.uuid5(NAMESPACE, f"{kind}:{obj.pk}"))


def _term(kind: str, code: str, name: str = "") -> dict:
    return {
        "id": str(uuid.uuid5(NAMESPACE, f"term:{kind}:{code}")),
        "code": code,
        "name": name or code,
        "description": str(name or code),  # required by HSDS 3.0's schema
        "taxonomy": f"{TAXONOMY}:{kind}",
    }


# Fields HSDS gives a format (an e-mail address, a URL, a date): left out when we have none, as
# an empty string or null is not one (HSDS 3.0's compiled schema refuses them).
FORMATTED = ("email", "url", "website", "assured_date")


def _present(record: dict) -> dict:
    return {k: v for k, v in record.items() if k not in FORMATTED or v not in ("", None)}


def export_services(offers) -> list[dict]:
    offers = offers.select_related("provider", "owner_area").prefetch_related("areas")
    return [_service(offer) for offer in offers]


def _service(offer: Offer) -> dict:
    sid = _id("offer", offer)
    terms = [
        _term("category", offer.category, offer.get_category_display()),
        _term("access", offer.access, offer.get_access_display()),
        _term("provider_kind", offer.provider.kind, offer.provider.get_kind_display()),
    ]
    terms += [_term("target", flag) for flag in FLAGS if getattr(offer, flag)]
    terms += [_term("phase", phase) for phase in offer.phase_list]
    if offer.owner_area:
        terms.append(_term("owner_area", offer.owner_area.code, offer.owner_area.name))
    areas = [
        {
            "id": str(uuid.uuid5(NAMESPACE, f"area:{sid}:{a.code}")),
            "service_id": sid,
            "name": a.name,
            "uri": f"{AREA_URI}{a.code}",
        }
        for a in offer.areas.all()
    ]
    if offer.national:
        areas.append(
            {
                "id": str(uuid.uuid5(NAMESPACE, f"area:{sid}:NO")),
                "service_id": sid,
                "name": NATIONAL,
                "extent_type": "country",
            }
        )
    organization = offer.provider
    service = {
        "id": sid,
        "organization_id": _id("provider", organization),
        "name": offer.title,
        "description": offer.description,
        "url": offer.website,
        "email": offer.email,
        "status": "active" if offer.published else "inactive",
        "application_process": str(offer.get_access_display()),
        "fees_description": offer.cost,
        "assured_date": offer.last_verified.isoformat() if offer.last_verified else None,
        "phones": [
            {
                "id": str(uuid.uuid5(NAMESPACE, f"phone:{sid}")),
                "service_id": sid,
                "number": offer.phone,
            }
        ]
        if offer.phone
        else [],
        "schedules": [
            {
                "id": str(uuid.uuid5(NAMESPACE, f"schedule:{sid}")),
                "service_id": sid,
                "description": offer.opening_hours,
            }
        ]
        if offer.opening_hours
        else [],
        "languages": [
            {
                "id": str(uuid.uuid5(NAMESPACE, f"language:{sid}:{name}")),
                "service_id": sid,
                "name": name,
            }
            for name in (n.strip() for n in offer.languages.split(","))
            if name
        ],
        "service_areas": areas,
        "service_at_locations": [
            {
                "id": str(uuid.uuid5(NAMESPACE, f"sal:{sid}")),
                "service_id": sid,
                "location": {
                    "id": str(uuid.uuid5(NAMESPACE, f"location:{sid}")),
                    "location_type": "physical",
                    "name": offer.title,
                    "addresses": [
                        {
                            "id": str(uuid.uuid5(NAMESPACE, f"address:{sid}")),
                            "address_1": offer.address,
                            "city": "",
                            "state_province": "",
                            "postal_code": "",
                            "country": "NO",
                            "address_type": "physical",
                        }
                    ],
                },
            }
        ]
        if offer.address
        else [],
        "attributes": [
            {
                "id": str(uuid.uuid5(NAMESPACE, f"attribute:{sid}:{t['id']}")),
                "link_id": sid,
                "link_type": "service",
                "link_entity": "service",
                "taxonomy_term": t,
            }
            for t in terms
        ],
        "organization": _present(
            {
                "id": _id("provider", organization),
                "name": organization.name,
                "description": organization.name,
                "website": organization.website,
                "email": organization.email,
                "phones": [
                    {
                        "id": str(uuid.uuid5(NAMESPACE, f"phone:{sid}:org")),
                        "number": organization.phone,
                    }
                ]
                if organization.phone
                else [],
            }
        ),
    }
    return _present(service)


class HSDSImportError(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class HSDSResult:
    created: int = 0
    updated: int = 0
    errors: list[str] = field(default_factory=list)


def services_in(document: Any) -> list[dict]:
    """The services of an HSDS document in any of its shapes: a list of services, one service
    (as `examples/service_full.json`), or a page of an HSDS API's list (`service_list.json`,
    the services under `contents`)."""
    if isinstance(document, list):
        return document
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        return document["contents"]
    if isinstance(document, dict) and "id" in document and "name" in document:
        return [document]
    raise HSDSImportError(
        [
            _(
                "Filen må være en HSDS-tjeneste, en liste med tjenester eller en side fra et "
                "HSDS-API (med «contents»)."
            )
        ]
    )


def import_services(services: Any, user=None, where=None) -> HSDSResult:
    """Check every service first; import all or nothing. Services are matched on their id.
    `where(n)` names the n-th service in error messages (the tabular form gives file and line)."""
    where = where or (lambda n: _("Tjeneste %(n)d") % {"n": n})
    services = services_in(services)
    areas = {a.code: a for a in Area.objects.current().serviceable()}
    plans, errors = [], []
    for number, service in enumerate(services, start=1):
        try:
            plans.append(_plan(service, areas))
        except (KeyError, ValueError, TypeError, AttributeError) as e:
            errors.append(f"{where(number)}: {_readable(e)}")
    if errors:
        raise HSDSImportError(errors)
    result = HSDSResult()
    with transaction.atomic():
        for plan in plans:
            _apply(plan, result, user)
    return result


ID_LENGTH: int = Offer._meta.get_field("hsds_id").max_length or 64


class PlanError(ValueError):
    """What is wrong with one service, in Norwegian."""


def _readable(error: Exception) -> str:
    """Our own PlanErrors say what is wrong; anything else means the file has the wrong shape."""
    if isinstance(error, PlanError):
        return str(error)
    if isinstance(error, KeyError):
        return _("mangler feltet %(field)s") % {"field": error}
    return _("feil format (en verdi har feil type eller form)")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise PlanError(_("«assured_date» må være en dato (ÅÅÅÅ-MM-DD)")) from None


def _terms(service: dict, kind: str) -> list[dict]:
    return [
        a["taxonomy_term"]
        for a in service.get("attributes") or []
        if (a.get("taxonomy_term") or {}).get("taxonomy") == f"{TAXONOMY}:{kind}"
    ]


def _phases(service: dict) -> list[str]:
    codes = [t["code"] for t in _terms(service, "phase")]
    for code in codes:
        if code not in Phase.values:
            raise PlanError(_("ukjent fase «%(code)s»") % {"code": code})
    return list(dict.fromkeys(codes))


def _one(service: dict, kind: str, choices, default: str) -> str:
    codes = [t["code"] for t in _terms(service, kind)]
    code = codes[0] if codes else default
    if code not in choices:
        raise PlanError(_("ukjent %(kind)s «%(code)s»") % {"kind": kind, "code": code})
    return code


TEXT_FIELDS = {
    Offer: [
        "title",
        "description",
        "website",
        "email",
        "cost",
        "phone",
        "opening_hours",
        "languages",
        "address",
    ],
    Provider: ["name", "website", "email", "phone"],
}


def _check(model, values: dict) -> None:
    """Each text value is text, holds no NUL byte, and passes the model field's own checks
    (length, e-mail, http/https links only), so the database never sees a value it refuses."""
    for name in TEXT_FIELDS[model]:
        value = values.get(name, "")
        field = model._meta.get_field(name)
        if not isinstance(value, str):
            raise PlanError(_("«%(field)s» må være tekst") % {"field": name})
        if "\x00" in value:
            raise PlanError(_("«%(field)s» inneholder et ugyldig tegn (NUL)") % {"field": name})
        try:
            field.clean(value, None)
        except ValidationError as e:
            raise PlanError(f"«{name}»: {' '.join(e.messages)}") from None


def _plan(service: dict, areas: dict) -> dict:
    if not isinstance(service, dict) or not service.get("id") or not service.get("name"):
        raise PlanError(_("mangler id eller navn"))
    if not isinstance(service["id"], str) or not isinstance(service["name"], str):
        raise PlanError(_("id og navn må være tekst"))
    organization = service.get("organization") or {}
    if not isinstance(organization, dict) or not organization.get("name"):
        raise PlanError(_("mangler organisasjon med navn"))
    for hsds_id in (service["id"], organization.get("id")):
        # An organisation without an id would be matched to any provider made by hand.
        if not isinstance(hsds_id, str) or not hsds_id or len(hsds_id) > ID_LENGTH:
            raise PlanError(_("id må være tekst på 1–%(n)d tegn") % {"n": ID_LENGTH})
    provider = {
        "name": organization["name"],
        "website": organization.get("website") or "",
        "email": organization.get("email") or "",
        "phone": next((p.get("number", "") for p in organization.get("phones") or []), ""),
    }
    _check(Provider, provider)
    codes, national = [], False
    for area in service.get("service_areas") or []:
        uri = area.get("uri") or ""
        if uri.startswith(AREA_URI):
            code = uri[len(AREA_URI) :]
            if code not in areas:
                raise PlanError(_("ukjent kommune eller bydel %(code)s") % {"code": code})
            codes.append(code)
        elif area.get("name") == NATIONAL or area.get("extent_type") == "country":
            national = True
    owner = [t["code"] for t in _terms(service, "owner_area")]
    if owner and owner[0] not in areas:
        raise PlanError(_("ukjent område %(code)s") % {"code": owner[0]})
    assured = service.get("assured_date")
    if assured is not None and not isinstance(assured, str):
        raise PlanError(_("«assured_date» må være en dato (ÅÅÅÅ-MM-DD)"))
    locations = service.get("service_at_locations") or []
    addresses = [(sal.get("location") or {}).get("addresses") or [] for sal in locations]
    plan = {
        "id": service["id"],
        "organization": organization,
        "provider_kind": _one(service, "provider_kind", ProviderKind.values, "private"),
        "title": service["name"],
        "description": service.get("description") or "",
        "website": service.get("url") or "",
        "email": service.get("email") or "",
        "published": service.get("status", "active") == "active",
        "access": _one(service, "access", Access.values, Access.SELF_REFERRAL),
        "category": _one(service, "category", Category.values, Category.VOLUNTARY),
        "cost": service.get("fees_description") or "",
        "last_verified": _date(assured) if assured else None,
        "phone": next((p.get("number", "") for p in service.get("phones") or []), ""),
        "opening_hours": next(
            (s.get("description", "") for s in service.get("schedules") or []), ""
        ),
        "languages": ", ".join(
            lang["name"] for lang in service.get("languages") or [] if lang.get("name")
        ),
        "address": next((a[0].get("address_1", "") for a in addresses if a), ""),
        "flags": {flag: flag in {t["code"] for t in _terms(service, "target")} for flag in FLAGS},
        "phases": _phases(service),
        "national": national,
        "areas": [areas[c] for c in codes],
        "owner_area": areas[owner[0]] if owner else None,
        "provider": provider,
    }
    _check(Offer, plan)
    return plan


def _apply(plan: dict, result: HSDSResult, user) -> None:
    organization = plan["organization"]
    provider = _find(Provider, "provider", organization["id"]) or Provider(
        hsds_id=organization["id"]
    )
    checked = plan["provider"]
    provider.name, provider.kind = checked["name"], plan["provider_kind"]
    provider.website, provider.email, provider.phone = (
        checked["website"],
        checked["email"],
        checked["phone"],
    )
    provider.save()
    offer = _find(Offer, "offer", plan["id"])
    if offer is None:
        offer = Offer(hsds_id=plan["id"])
        result.created += 1
    else:
        result.updated += 1
    offer.provider = provider
    for name in (
        "title",
        "description",
        "website",
        "email",
        "published",
        "access",
        "category",
        "cost",
        "last_verified",
        "phone",
        "opening_hours",
        "languages",
        "address",
        "national",
        "owner_area",
    ):
        setattr(offer, name, plan[name])
    for flag, on in plan["flags"].items():
        setattr(offer, flag, on)
    offer.set_phases(plan["phases"])
    offer.updated_by = user
    offer.save()
    offer.areas.set(plan["areas"])


def _find(model, kind: str, hsds_id: str):
    """A record with this HSDS id: one imported with it, or one of ours exported under it."""
    found = model.objects.filter(hsds_id=hsds_id).first()
    if found is None:
        for obj in model.objects.filter(hsds_id=""):
            if str(uuid.uuid5(NAMESPACE, f"{kind}:{obj.pk}")) == hsds_id:
                return obj
    return found
