"""A person's record as one FHIR R4 Bundle (type `collection`), after HL7 Norway's no-basis
profiles: Patient, an EpisodeOfCare per case (status history and phases), a Condition for the
cancer site, RelatedPerson for the relatives, an Encounter per contact, a CareTeam per case,
a ServiceRequest per service connected, an Observation per distress thermometer and a
QuestionnaireResponse per needs assessment (docs/exchange.md).

`export_person` is the one way in (the download and the command): it reads through casework's
scoping entry points, so it exports nothing the user may not see, and writes one audit entry.
Free-text notes stay here: they are the coordinator's working notes, not the shared record.
Display texts are in the reader's language; codes carry the meaning.
"""

import uuid
from datetime import date, datetime, timedelta

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from kreftkoordinator import audit
from kreftkoordinator.accounts.models import User
from kreftkoordinator.audit.models import Action
from kreftkoordinator.casework.access import person_for
from kreftkoordinator.casework.models import (
    Assessment,
    CareTeamMember,
    Case,
    Contact,
    Person,
    Relation,
    ServiceLink,
)

FNR = "urn:oid:2.16.578.1.12.4.1.4.1"
DNR = "urn:oid:2.16.578.1.12.4.1.4.2"
NO_BASIS = "http://hl7.no/fhir/StructureDefinition/no-basis-"
ICD10 = "urn:oid:2.16.578.1.12.4.1.1.7110"  # ICD-10, the Norwegian edition (Volven 7110)
ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
UCUM = "http://unitsofmeasure.org"
# Our own code lists, where the sector has none: the terms of docs/terminology.md.
OURS = "https://kreftkoordinator.no/fhir"
NAMESPACE = uuid.UUID("6f1c8c8e-2d0b-4b8e-9a51-0c3c2f6f9b7a")

RELATIONSHIP = {
    "partner": "SIGOTHR",
    "child": "CHILD",
    "parent": "PRN",
    "sibling": "SIB",
    "other_family": "FAMMEMB",
    "friend": "FRND",
}
ENCOUNTER_CLASS = {
    "office": "AMB",
    "group": "AMB",
    "home_visit": "HH",
    "phone": "VR",
    "video": "VR",
    "message": "VR",
}
SERVICE_STATUS = {
    "proposed": "draft",
    "applied": "active",
    "granted": "active",
    "started": "active",
    "ended": "completed",
    "by_death": "completed",
    "declined": "revoked",
    "refused": "revoked",
}


def _id(kind: str, pk: object) -> str:
    """A stable id: the same record gets the same id in every export."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}/{pk}"))


def _ref(kind: str, pk: object) -> dict:
    return {"reference": f"urn:uuid:{_id(kind, pk)}"}


def _code(system: str, code: str, display: object = "") -> dict:
    coding = {"system": system, "code": code}
    if display:
        coding["display"] = str(display)
    return coding


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _moment(value: datetime) -> str:
    return timezone.localtime(value).isoformat()


def _clean(resource: dict) -> dict:
    """FHIR allows no empty values: leave out what is empty."""
    return {k: v for k, v in resource.items() if v not in (None, "", [], {})}


def patient(person: Person) -> dict:
    identifier = []
    if person.identity_number:
        system = DNR if int(person.identity_number[0]) >= 4 else FNR
        identifier.append({"system": system, "value": person.identity_number})
    telecom = [{"system": "phone", "value": person.phone}] if person.phone else []
    if person.email:
        telecom.append({"system": "email", "value": person.email})
    born = _day(person.birth_date) or (str(person.birth_year) if person.birth_year else None)
    return _clean(
        {
            "resourceType": "Patient",
            "id": _id("Patient", person.pk),
            "meta": {"profile": [f"{NO_BASIS}Patient"]},
            "identifier": identifier,
            "name": [{"text": person.name}] if person.name else [],
            "telecom": telecom,
            "birthDate": born,
            "deceasedDateTime": _day(person.died_on),
            "address": [{"text": person.address}] if person.address else [],
            "communication": [{"language": {"text": person.language}}] if person.language else [],
        }
    )


def _phase_extension(case: Case) -> list[dict]:
    phases = list(case.phases.all())
    out = []
    for i, phase in enumerate(phases):
        until = phases[i + 1].from_date if i + 1 < len(phases) else case.closed_on
        period = _clean({"start": _day(phase.from_date), "end": _day(until)})
        out.append(
            {
                "url": f"{OURS}/StructureDefinition/phase",
                "extension": [
                    {
                        "url": "phase",
                        "valueCoding": _code(
                            f"{OURS}/CodeSystem/phase", phase.phase, phase.get_phase_display()
                        ),
                    },
                    {"url": "period", "valuePeriod": period},
                ],
            }
        )
    return out


def episode(case: Case, subject: dict) -> dict:
    period = _clean({"start": _day(case.opened_on), "end": _day(case.closed_on)})
    history = [{"status": "active", "period": period}]
    return _clean(
        {
            "resourceType": "EpisodeOfCare",
            "id": _id("EpisodeOfCare", case.pk),
            "extension": _phase_extension(case),
            "status": "finished" if case.closed_on else "active",
            "statusHistory": history,
            "type": [{"text": _("Oppfølging av kreftkoordinator")}],
            "diagnosis": [{"condition": _ref("Condition", case.pk)}] if case.cancer_site else [],
            "patient": subject,
            "managingOrganization": {"display": str(case.area)},
            "period": _clean({"start": _day(case.opened_on), "end": _day(case.closed_on)}),
            "team": [_ref("CareTeam", case.pk)] if case.team.all() else [],
        }
    )


def condition(case: Case, subject: dict) -> dict:
    site = case.cancer_site
    # A single code ("C50") is an ICD-10 category; a group ("C33-C34") is NORDCAN's, ours.
    system = ICD10 if "-" not in site else f"{OURS}/CodeSystem/nordcan-group"
    return {
        "resourceType": "Condition",
        "id": _id("Condition", case.pk),
        "category": [
            {
                "coding": [
                    _code(
                        "http://terminology.hl7.org/CodeSystem/condition-category",
                        "problem-list-item",
                    )
                ]
            }
        ],
        "code": {
            "coding": [_code(system, site, case.get_cancer_site_display())],
            "text": str(case.get_cancer_site_display()),
        },
        "subject": subject,
    }


def related_person(relation: Relation, subject: dict) -> dict:
    relative = relation.person
    telecom = [{"system": "phone", "value": relative.phone}] if relative.phone else []
    code = RELATIONSHIP[relation.relation]
    return _clean(
        {
            "resourceType": "RelatedPerson",
            "id": _id("RelatedPerson", relation.pk),
            "patient": subject,
            "relationship": [
                {
                    "coding": [_code(ROLE_CODE, code)],
                    "text": str(relation.get_relation_display()),
                }
            ],
            "name": [{"text": relative.name}] if relative.name else [],
            "telecom": telecom,
            "birthDate": _day(relative.birth_date),
        }
    )


def encounter(contact: Contact, subject: dict) -> dict:
    end = contact.at + timedelta(minutes=contact.duration_minutes)
    kinds = contact.kinds
    return _clean(
        {
            "resourceType": "Encounter",
            "id": _id("Encounter", contact.pk),
            "status": "finished",
            "class": _code(ACT_CODE, ENCOUNTER_CLASS[contact.mode], contact.get_mode_display()),
            "type": [{"text": kind} for kind in kinds],
            "subject": subject,
            "episodeOfCare": [_ref("EpisodeOfCare", contact.case_id)] if contact.case_id else [],
            "period": {"start": _moment(contact.at), "end": _moment(end)},
            "length": {
                "value": contact.duration_minutes,
                "unit": "min",
                "system": UCUM,
                "code": "min",
            },
        }
    )


def care_team(case: Case, subject: dict) -> dict:
    participants = []
    for member in case.team.all():
        participants.append(
            _clean(
                {
                    "role": [{"text": str(member.get_role_display())}],
                    "member": {"display": member.name} if member.name else None,
                    "onBehalfOf": {"display": member.organisation_name}
                    if member.organisation_name
                    else None,
                    "period": _clean({"start": _day(member.from_on), "end": _day(member.to_on)}),
                }
            )
        )
    return _clean(
        {
            "resourceType": "CareTeam",
            "id": _id("CareTeam", case.pk),
            "status": "active" if not case.closed_on else "inactive",
            "name": _("Teamet rundt personen"),
            "subject": subject,
            "participant": participants,
        }
    )


def service_request(link: ServiceLink, subject: dict) -> dict:
    return _clean(
        {
            "resourceType": "ServiceRequest",
            "id": _id("ServiceRequest", link.pk),
            "status": SERVICE_STATUS[link.status],
            "intent": "proposal" if link.status == "proposed" else "order",
            "code": {
                "coding": [
                    _code(f"{OURS}/CodeSystem/service", link.service, link.get_service_display())
                ],
                "text": str(link.offer or link.get_service_display()),
            },
            "subject": subject,
            "authoredOn": _day(link.changes.all()[0].on if link.changes.all() else link.status_on),
            "occurrenceDateTime": _day(link.status_on),
        }
    )


def distress(assessment: Assessment, subject: dict) -> dict:
    return {
        "resourceType": "Observation",
        "id": _id("Observation", assessment.pk),
        "status": "final",
        "code": {
            "coding": [
                _code(f"{OURS}/CodeSystem/assessment", "distress", _("Distresstermometeret"))
            ],
            "text": _("Distresstermometeret (0–10)"),
        },
        "subject": subject,
        "effectiveDateTime": _day(assessment.assessed_on),
        "valueInteger": assessment.distress,
    }


def questionnaire_response(assessment: Assessment, subject: dict) -> dict:
    items = [
        {
            "linkId": need.topic,
            "text": str(need.get_topic_display()),
            "answer": [
                {
                    "valueCoding": _code(
                        f"{OURS}/CodeSystem/need-level", str(need.level), need.get_level_display()
                    )
                }
            ],
        }
        for need in assessment.needs.all()
    ]
    return _clean(
        {
            "resourceType": "QuestionnaireResponse",
            "id": _id("QuestionnaireResponse", assessment.pk),
            "questionnaire": f"{OURS}/Questionnaire/pakkeforlop-hjem-{assessment.checkpoint}",
            "status": "completed",
            "subject": subject,
            "authored": _day(assessment.assessed_on),
            "item": items,
        }
    )


def _cases(user: User, person: Person):
    return (
        Case.objects.visible_to(user)
        .filter(person=person)
        .select_related("area")
        .prefetch_related(
            "phases",
            Prefetch("relations", Relation.objects.select_related("person")),
            Prefetch("team", CareTeamMember.objects.select_related("provider")),
            Prefetch(
                "services", ServiceLink.objects.select_related("offer").prefetch_related("changes")
            ),
            Prefetch("assessments", Assessment.objects.prefetch_related("needs")),
        )
        .order_by("opened_on", "pk")
    )


def bundle(user: User, person: Person) -> tuple[dict, list[int]]:
    """The Bundle, and the relatives it names (their access logs show the export too)."""
    subject = _ref("Patient", person.pk)
    resources = [patient(person)]
    relatives: list[int] = []
    cases = list(_cases(user, person))
    for case in cases:
        resources.append(episode(case, subject))
        if case.cancer_site:
            resources.append(condition(case, subject))
        for relation in case.relations.all():
            resources.append(related_person(relation, subject))
            relatives.append(relation.person_id)
        if case.team.all():
            resources.append(care_team(case, subject))
        resources += [service_request(link, subject) for link in case.services.all()]
        for assessment in case.assessments.all():
            if assessment.distress is not None:
                resources.append(distress(assessment, subject))
            if assessment.needs.all():
                resources.append(questionnaire_response(assessment, subject))
    contacts = Contact.objects.visible_to(user).filter(person=person) | Contact.objects.visible_to(
        user
    ).filter(case__in=[c.pk for c in cases])
    resources += [encounter(c, subject) for c in contacts.distinct().order_by("at", "pk")]
    result = {
        "resourceType": "Bundle",
        "id": str(uuid.uuid4()),
        "type": "collection",
        "timestamp": _moment(timezone.now()),
        "entry": [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in resources],
    }
    return result, relatives


def export_person(user: User, person_id: int) -> dict:
    """The person's record as a Bundle, read as the whole record is: one audit entry."""
    person = person_for(user, person_id, action=None)
    result, relatives = bundle(user, person)
    audit.record(
        user,
        Action.EXPORT,
        person,
        persons=relatives,
        reason="FHIR-eksport av hele journalen",
    )
    return result
