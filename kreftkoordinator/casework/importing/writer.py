"""Turning checked rows into records: references between sheets are resolved in memory, every row
is checked (the models' own rules included), and only a file without errors is saved, in one
transaction, with an audit entry for each record."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import get_close_matches
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kreftkoordinator import audit
from kreftkoordinator.audit.models import Action
from kreftkoordinator.identity_numbers import validate_identity_number
from kreftkoordinator.organisation.models import Area, Position

from ..careteam import file_organisation
from ..deaths import bereavement_follow_up, check_before_death, check_death
from ..models import (
    Assessment,
    AssessmentNeed,
    CancerSite,
    CareEvent,
    Case,
    CaseClosing,
    Contact,
    ContactMode,
    DeathPlace,
    EventKind,
    FirstContactSource,
    FollowUp,
    Initiator,
    Person,
    Phase,
    Relation,
    RelationType,
    ServiceStatus,
    TimeCategory,
    TimeEntry,
    Topic,
    WishedPlace,
)
from ..models.care_events import RECORDED
from ..models.cases import CasePhase
from ..models.contacts import KINDS, PARTICIPANTS
from ..models.services import SERVICES, ServiceLink, ServiceStatusChange
from .network import care_team, estimate
from .routines import routine, save_routines
from .rows import SHEETS, CaseworkImportError, Invalid, Row

ORDER = SHEETS

# The columns of each sheet: the contract of docs/import-format.md and docs/import-schema.json
# (a test holds the three together). Any other column is an error, never dropped in silence.
COLUMNS: dict[str, set[str]] = {
    "people": {
        "ref",
        "area",
        "name",
        "phone",
        "birth_date",
        "birth_year",
        "identity_number",
        "language",
        "needs_interpreter",
    },
    "cases": {
        "ref",
        "person",
        "kind",
        "opened_on",
        "closed_on",
        "closing_reason",
        "phase",
        "cancer_site",
        "first_contact_source",
        "first_contact_at_discharge",
        "home_care_at_first_contact",
        "consent_given_on",
        "individual_plan",
        "individual_plan_on",
        "wished_place_of_death",
        "wish_recorded_on",
        "palliative_plan_on",
    },
    "relatives": {"case", "person", "relation"},
    "care_team": {
        "case",
        "role",
        "organisation",
        "name",
        "phone",
        "email",
        "from_on",
        "to_on",
        "consent_to_share",
        "responsible",
    },
    "estimates": {
        "case",
        "year",
        "short_term_days_avoided",
        "nursing_home_weeks_deferred",
        "home_care_hours_saved_per_week",
    },
    "contacts": {
        "case",
        "area",
        "at",
        "duration_minutes",
        "mode",
        "initiated_by",
        "kinds",
        "participants",
        "note",
    },
    "assessments": {"case", "assessed_on", "checkpoint", "distress", "what_matters", *Topic.values},
    "services": {"case", "service", "description", "status", "status_on", "without_coordinator"},
    "events": {"case", "kind", *RECORDED},
    "time": {"on", "minutes", "category", "note"},
    "routines": {"title", "kind", "status", "status_on", "owner"},
}


def unknown_columns(sheets: dict[str, list[Row]]) -> list[str]:
    """Each column a sheet has that the format does not, once, at the first line it is on,
    with the nearest known name."""
    found = []
    for name in ORDER:
        seen: set[str] = set()
        for row in sheets.get(name, []):
            for key in row.data:
                if key in COLUMNS[name] or key in seen:
                    continue
                seen.add(key)
                near = get_close_matches(key.lower(), sorted(COLUMNS[name]), n=1, cutoff=0.6)
                hint = _(" (mente du «%(near)s»?)") % {"near": near[0]} if near else ""
                found.append(
                    _("%(where)s: ukjent kolonne «%(key)s»%(hint)s.")
                    % {"where": row.where(), "key": key, "hint": hint}
                )
    return found


@dataclass
class ImportSummary:
    counts: Counter = field(default_factory=Counter)

    def __str__(self) -> str:
        return ", ".join(f"{name}: {n}" for name, n in self.counts.items()) or _("ingenting")


class Plan:
    def __init__(self, user):
        self.user = user
        self.areas = {a.code: a for a in Area.objects.visible_to(user)}
        self.people: dict[str, Person] = {}
        self.cases: dict[str, Case] = {}
        self.records: dict[str, list[Any]] = {name: [] for name in ORDER}
        self.extra: list[Any] = []  # phases, assessment needs, service status changes
        self.errors: list[str] = []
        self.routines: dict[str, Any] = {}  # by title: a routine's rows are its statuses
        self.deaths: dict[int, CareEvent] = {}  # by id() of the case: cases are not saved yet
        # (row, case, date, column) of every dated record, checked against the deaths at the end
        self.dated: list[tuple[Row, Case, Any, str]] = []

    def fail(self, row: Row, message: str) -> None:
        self.errors.append(f"{row.where()}: {message}.")

    def check(self, row: Row, obj: models.Model, exclude: list[str]) -> bool:
        try:
            obj.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
        except ValidationError as e:
            for name, messages in e.message_dict.items():
                for message in messages:
                    prefix = "" if name == "__all__" else f"«{name}»: "
                    self.fail(row, f"{prefix}{message.rstrip('.')}")
            return False
        return True

    def area(self, row: Row, key: str = "area") -> Area:
        code = row.text(key, required=True)
        if code not in self.areas:
            raise Invalid(
                _("«%(key)s»: %(code)s er ikke et område du dekker") % {"key": key, "code": code}
            )
        return self.areas[code]

    def ref(self, row: Row, key: str, registry: dict, required: bool = True):
        name = row.text(key, required=required)
        if not name:
            return None
        if name not in registry:
            raise Invalid(_("«%(key)s»: finner ikke «%(ref)s» i arket") % {"key": key, "ref": name})
        return registry[name]


def _person(plan: Plan, row: Row) -> None:
    ref = row.text("ref", required=True)
    if ref in plan.people:
        raise Invalid(_("ref «%(ref)s» er brukt før") % {"ref": ref})
    number = row.text("identity_number", max_length=30)
    person = Person(
        area=plan.area(row),
        name=row.text("name", max_length=150),
        phone=row.text("phone", max_length=20),
        birth_date=row.date("birth_date"),
        birth_year=row.integer("birth_year"),
        identity_number=validate_identity_number(number) if number else "",
        language=row.text("language", max_length=50),
        needs_interpreter=row.boolean("needs_interpreter"),
    )
    if not (person.name or person.phone):
        raise Invalid(_("skriv navn eller telefonnummer"))
    plan.people[ref] = person
    if plan.check(row, person, ["area"]):
        plan.records["people"].append(person)


def _case(plan: Plan, row: Row) -> None:
    ref = row.text("ref", required=True)
    if ref in plan.cases:
        raise Invalid(_("ref «%(ref)s» er brukt før") % {"ref": ref})
    person = plan.ref(row, "person", plan.people)
    case = Case(
        area=person.area,
        person=person,
        kind=row.choice("kind", Case.Kind.choices) or Case.Kind.PATIENT,
        opened_on=row.required_date("opened_on"),
        closed_on=row.date("closed_on"),
        closing_reason=row.choice("closing_reason", CaseClosing.choices),
        phase=row.choice("phase", Phase.choices) or Phase.NEW_DIAGNOSIS,
        cancer_site=row.choice("cancer_site", CancerSite.choices),
        first_contact_source=row.choice("first_contact_source", FirstContactSource.choices),
        first_contact_at_discharge=row.boolean("first_contact_at_discharge"),
        home_care_at_first_contact=row.boolean("home_care_at_first_contact"),
        consent_given_on=row.date("consent_given_on"),
        individual_plan=row.boolean("individual_plan"),
        individual_plan_on=row.date("individual_plan_on"),
        wished_place_of_death=row.choice("wished_place_of_death", WishedPlace.choices),
        wish_recorded_on=row.date("wish_recorded_on"),
        palliative_plan_on=row.date("palliative_plan_on"),
        created_by=plan.user,
    )
    plan.cases[ref] = case
    if plan.check(row, case, ["area", "person", "created_by"]):
        plan.records["cases"].append(case)
        plan.extra.append(
            CasePhase(case=case, phase=case.phase, from_date=case.opened_on, recorded_by=plan.user)
        )


def _relative(plan: Plan, row: Row) -> None:
    case = plan.ref(row, "case", plan.cases)
    person = plan.ref(row, "person", plan.people)
    if person.area is not case.area:
        raise Invalid(_("pårørende må høre til samme område som oppfølgingen"))
    if person is case.person:
        raise Invalid(_("personen kan ikke være sin egen pårørende"))
    if any(r.case is case and r.person is person for r in plan.records["relatives"]):
        raise Invalid(_("denne pårørende er allerede knyttet til oppfølgingen"))
    plan.records["relatives"].append(
        Relation(
            case=case,
            person=person,
            relation=row.choice("relation", RelationType.choices, required=True),
        )
    )


def _contact(plan: Plan, row: Row) -> None:
    case = plan.ref(row, "case", plan.cases, required=False)
    area = case.area if case else plan.area(row)
    kinds = set(row.choices("kinds", KINDS))
    participants = set(row.choices("participants", PARTICIPANTS))
    contact = Contact(
        area=area,
        case=case,
        person=case.person if case else None,
        at=row.moment("at"),
        duration_minutes=row.integer("duration_minutes") or 30,
        mode=row.choice("mode", ContactMode.choices) or ContactMode.PHONE,
        initiated_by=row.choice("initiated_by", Initiator.choices),
        note=row.text("note", max_length=5000, multiline=True),
        created_by=plan.user,
        **{f: f in kinds for f, _label in KINDS},
        **{f: f in participants for f, _label in PARTICIPANTS},
    )
    if plan.check(row, contact, ["area", "case", "person", "created_by", "position"]):
        plan.records["contacts"].append(contact)
        if case is not None:
            plan.dated.append((row, case, timezone.localtime(contact.at).date(), "at"))


def _assessment(plan: Plan, row: Row) -> None:
    from ..models import Checkpoint, NeedLevel

    case = plan.ref(row, "case", plan.cases)
    assessment = Assessment(
        area=case.area,
        case=case,
        assessed_on=row.required_date("assessed_on"),
        checkpoint=row.choice("checkpoint", Checkpoint.choices) or "ad_hoc",
        distress=row.integer("distress"),
        what_matters=row.text("what_matters", max_length=5000, multiline=True),
        created_by=plan.user,
    )
    needs = []
    for topic in Topic.values:
        level = row.integer(topic)
        if level is not None:
            if level not in NeedLevel.values:
                raise Invalid(_("«%(key)s»: behov skrives 0, 1 eller 2") % {"key": topic})
            needs.append(AssessmentNeed(assessment=assessment, topic=topic, level=level))
    if plan.check(row, assessment, ["area", "case", "created_by"]):
        plan.records["assessments"].append(assessment)
        plan.dated.append((row, case, assessment.assessed_on, "assessed_on"))
        plan.extra.extend(needs)


def _service(plan: Plan, row: Row) -> None:
    case = plan.ref(row, "case", plan.cases)
    link = ServiceLink(
        area=case.area,
        case=case,
        service=row.choice("service", SERVICES, required=True),
        description=row.text("description"),
        status=row.choice("status", ServiceStatus.choices) or "proposed",
        status_on=row.required_date("status_on"),
        created_by=plan.user,
    )
    link.without_coordinator = row.answer("without_coordinator")
    if plan.check(row, link, ["area", "case", "created_by"]):
        plan.records["services"].append(link)
        plan.dated.append((row, case, link.status_on, "status_on"))
        plan.extra.append(ServiceStatusChange(link=link, status=link.status, on=link.status_on))


def _event(plan: Plan, row: Row) -> None:
    case = plan.ref(row, "case", plan.cases)
    event = CareEvent(
        area=case.area,
        case=case,
        kind=row.choice("kind", EventKind.choices, required=True),
        on=row.required_date("on"),
        ended_on=row.date("ended_on"),
        ready_for_discharge_on=row.date("ready_for_discharge_on"),
        delayed_discharge_days=row.integer("delayed_discharge_days"),
        home_earlier_thanks_to_coordinator=row.answer("home_earlier_thanks_to_coordinator"),
        home_care_hours=row.decimal("home_care_hours"),
        death_place=row.choice("death_place", DeathPlace.choices),
        home_death_facilitated=row.boolean("home_death_facilitated"),
        home_death_needed_coordinator=row.boolean("home_death_needed_coordinator"),
        extra_municipal_hours=row.decimal("extra_municipal_hours"),
        created_by=plan.user,
    )
    if event.kind == EventKind.DEATH:
        check_death(case, event.on, id(case) in plan.deaths)
    if plan.check(row, event, ["area", "case", "created_by"]):
        plan.records["events"].append(event)
        if event.kind == EventKind.DEATH:
            plan.deaths[id(case)] = event
        else:
            plan.dated.append((row, case, event.on, "on"))
            plan.dated.append((row, case, event.ended_on, "ended_on"))


def _after_deaths(plan: Plan) -> None:
    """What register_death does on the page: nothing dated after the death on the patient's case,
    the case moved to bereavement follow-up, and a bereavement conversation proposed."""
    for row, case, on, column in plan.dated:
        death = plan.deaths.get(id(case))
        try:
            check_before_death(death.on if death else None, on, column)
        except ValidationError as e:
            plan.fail(row, f"«{column}»: {e.messages[0].rstrip('.')}")
    for death in plan.deaths.values():
        case = death.case
        case.person.died_on = death.on
        if case.phase != Phase.BEREAVEMENT:
            case.phase = Phase.BEREAVEMENT
            plan.extra.append(
                CasePhase(
                    case=case, phase=Phase.BEREAVEMENT, from_date=death.on, recorded_by=plan.user
                )
            )
        if case.closed_on is None:
            follow_up = bereavement_follow_up(case, death.on)
            follow_up.created_by = plan.user
            plan.extra.append(follow_up)


def _time(plan: Plan, row: Row) -> None:
    on = row.required_date("on")
    position = Position.objects.held_by(plan.user, on).order_by("pk").first()
    if position is None:
        raise Invalid(
            _("du var ikke tilsatt i en stilling %(date)s") % {"date": on.strftime("%d.%m.%Y")}
        )
    minutes = row.required_integer("minutes")
    if not 1 <= minutes <= 1440:
        raise Invalid(_("«minutes» må være mellom 1 og 1440"))
    plan.records["time"].append(
        TimeEntry(
            position=position,
            user=plan.user,
            on=on,
            minutes=minutes,
            category=row.choice("category", TimeCategory.choices, required=True),
            note=row.text("note"),
        )
    )


BUILDERS = {
    "people": _person,
    "cases": _case,
    "relatives": _relative,
    "care_team": care_team,
    "estimates": estimate,
    "contacts": _contact,
    "assessments": _assessment,
    "services": _service,
    "events": _event,
    "time": _time,
    "routines": routine,
}


def import_sheets(sheets: dict[str, list[Row]], user, dry_run: bool = False) -> ImportSummary:
    plan = Plan(user)
    if not plan.areas:
        raise CaseworkImportError(
            [_("Du dekker ingen områder i dag, så ingenting kan importeres.")]
        )
    plan.errors.extend(unknown_columns(sheets))
    for name in ORDER:
        for row in sheets.get(name, []):
            try:
                BUILDERS[name](plan, row)
            except (Invalid, ValidationError) as e:
                message = e.messages[0] if isinstance(e, ValidationError) else str(e)
                plan.fail(row, message.rstrip("."))
    _after_deaths(plan)
    if plan.errors:
        raise CaseworkImportError(plan.errors)
    summary = ImportSummary(Counter({n: len(r) for n, r in plan.records.items() if r}))
    if not dry_run:
        _save(plan)
    return summary


@transaction.atomic
def _save(plan: Plan) -> None:
    """Parents before children: bulk_create fills each foreign key from the parent saved above."""
    records = plan.records
    batches = [
        records["people"],
        records["cases"],
        _of(plan.extra, CasePhase),
        records["relatives"],
        _filed(records["care_team"]),
        records["estimates"],
        records["contacts"],
        records["assessments"],
        _of(plan.extra, AssessmentNeed),
        records["services"],
        _of(plan.extra, ServiceStatusChange),
        records["events"],
        _of(plan.extra, FollowUp),
        records["time"],
    ]
    save_routines(records["routines"])  # system work: no person, no area, not logged
    for batch in batches:
        for person in (p for p in batch if isinstance(p, Person)):
            person.set_identity_key()
        if batch:
            type(batch[0]).objects.bulk_create(batch, batch_size=1000)
    # One import, one entry per area it wrote into (each area is its own data controller),
    # naming every person whose records it wrote, so each finds the import in her access log.
    people_by_area: dict[int, set[int]] = defaultdict(set)
    counts: Counter = Counter()
    for name in ORDER:
        if name in ("time", "routines"):
            continue
        for obj in records[name]:
            person_id = _person_id(obj)
            area_id = obj.case.area_id if isinstance(obj, Relation) else obj.area_id
            people_by_area[area_id].update([person_id] if person_id else [])
            counts[area_id] += 1
    areas = Area.objects.in_bulk(list(counts))
    for area_id, n in sorted(counts.items()):
        audit.record(
            plan.user,
            Action.CREATE,
            object_type="casework.import",
            area=areas[area_id],
            persons=sorted(people_by_area[area_id]),
            reason=f"import: {n} records",
        )


def _filed(members: list[Any]) -> list[Any]:
    """Members with their organisations in the directory, as the page files them."""
    for member in members:
        file_organisation(member)
    return members


def _of(objects: list[Any], model: type) -> list[Any]:
    return [obj for obj in objects if isinstance(obj, model)]


def _person_id(obj: Any) -> int | None:
    if isinstance(obj, Person):
        return obj.pk
    person = getattr(obj, "person", None) or getattr(getattr(obj, "case", None), "person", None)
    return person.pk if person is not None else None
