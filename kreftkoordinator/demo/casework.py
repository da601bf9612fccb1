"""Synthetic casework for the demo, following the shares the 2017 evaluation reports.

Figures from the evaluation (seed 001):
- 78 patients per coordinator in 2016 (section 7.3), scaled by the position's FTE;
- 44 % first met at hospital discharge (table 4-4), 27 % with home care at first contact
  (table 4-5), 32 % of patients died within the year (table 4-6);
- sources of first contact (figure 4-6): specialist health service 31 %, the patient 23 %,
  the municipal service office 19 %, relatives 14 %, the GP 8 %, home care 6 %.
- working time split as in table 4-2 (direct 44 %, coordination 24 %, system 17 %, competence
  16 %); the recorded time is about a third of a working week, since travel and documentation
  are not recorded as contacts.
Our own assumptions, not the evaluation's: a third as many relatives as patients (the issue's
figure), six contacts per patient per year on average, the mix of contact modes and kinds, the
cancer sites (roughly the Cancer Registry's incidence ranking). Identity numbers are synthetic
(month + 80), so the demo never holds a real person's number.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from random import Random

from django.utils import timezone

from kreftkoordinator.casework.deaths import (
    BEREAVEMENT_CONVERSATION_AFTER,
    bereavement_follow_up,
    check_before_death,
    check_death,
)
from kreftkoordinator.casework.models import (
    ActivityKind,
    Assessment,
    AssessmentNeed,
    CareEvent,
    Case,
    CaseClosing,
    CasePhase,
    Checkpoint,
    Contact,
    ContactRequest,
    EventKind,
    FollowUp,
    Person,
    Phase,
    Relation,
    ServiceLink,
    ServiceStatus,
    ServiceStatusChange,
    SystemActivity,
    TimeCategory,
    TimeEntry,
    Topic,
)
from kreftkoordinator.casework.models.routines import check_status
from kreftkoordinator.identity_numbers import make_identity_number
from kreftkoordinator.organisation.models import Position, today

from .network import network, routines

PATIENTS_PER_FTE_YEAR = 78
SHARE_AT_DISCHARGE = 0.44
SHARE_HOME_CARE_AT_FIRST = 0.27
SHARE_DIED = 0.32
RELATIVES_PER_PATIENT = 1 / 3
# About 14 contacts per patient a year, a third of them coordination with professionals, give
# table 4-2's split of working time: direct contact 44 %, coordination 24 %.
CONTACTS_PER_PATIENT_YEAR = 14
SHARE_COORDINATION_CONTACTS = 0.42
# Table 4-2: system/administrative 17 %, competence building 16 %, patients and relatives 68 %.
SHARE_SYSTEM, SHARE_COMPETENCE, SHARE_PATIENT_WORK = 0.17, 0.16, 0.68
# The system activities the demo records, and the category each counts in.
DEMO_ACTIVITIES = {
    ActivityKind.TRAINING: TimeCategory.COMPETENCE,
    ActivityKind.NETWORK: TimeCategory.SYSTEM,
    ActivityKind.PLAN: TimeCategory.SYSTEM,
    ActivityKind.INFORMATION: TimeCategory.SYSTEM,
}
SOURCES = [
    ("hospital", 31),
    ("patient", 23),
    ("service_office", 19),
    ("relative", 14),
    ("gp", 8),
    ("home_care", 6),
]
SITES = [
    ("C61", 15),
    ("C50", 12),
    ("C18", 9),
    ("C33-C34", 10),
    ("C43", 8),
    ("C19-C21", 5),
    ("C65-C68", 5),
    ("C82-C86", 4),
    ("C25", 4),
    ("C64", 3),
    ("C16", 2),
    ("C56", 2),
    ("C91-C95", 3),
    ("other", 8),
]
MODES = [
    ("phone", 50),
    ("home_visit", 22),
    ("office", 16),
    ("video", 5),
    ("message", 5),
    ("group", 2),
]
KIND_SHARES = {
    "supportive": 0.55,
    "information": 0.45,
    "coordination": 0.35,
    "applications": 0.15,
    "training": 0.05,
}
FOLLOW_UPS = [
    "Ringe etter kontroll",
    "Søke om hjelpemidler",
    "Avklare hjemmesykepleie",
    "Sjekke søknad om pleiepenger",
    "Samtale med pårørende",
    "Hjemmebesøk",
    "Koordineringsmøte med fastlege",
    "Henvise til Vardesenteret",
]

FIRST = (
    "Anne Inger Kari Marit Ingrid Liv Eva Berit Astrid Bjørg Jan Per Bjørn Ole Lars Kjell "
    "Knut Arne Svein Hans Geir Tor Nina Silje Ahmed Fatima Piotr Agnieszka Sigrid Odd Randi "
    "Terje Gunnar Solveig Aud Rolf Tone Elin Mona Trond "
).split()
LAST = (
    "Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen Johnsen "
    "Pettersen Eriksen Berg Haugen Hagen Johannessen Andreassen Jacobsen Dahl Jørgensen "
    "Halvorsen Henriksen Lund Sørensen Jakobsen Moen Gundersen Strand Solberg Bakken "
).split()


@dataclass
class Batch:
    persons: list = field(default_factory=list)
    cases: list = field(default_factory=list)
    relative_cases: list = field(default_factory=list)  # saved after the cases they point to
    phases: list = field(default_factory=list)
    relations: list = field(default_factory=list)
    contacts: list = field(default_factory=list)
    follow_ups: list = field(default_factory=list)
    assessments: list = field(default_factory=list)
    needs: list = field(default_factory=list)
    services: list = field(default_factory=list)
    service_changes: list = field(default_factory=list)
    events: list = field(default_factory=list)
    time_entries: list = field(default_factory=list)
    activities: list = field(default_factory=list)
    requests: list = field(default_factory=list)
    providers: dict = field(default_factory=dict)  # by name: one GP office per area
    team: list = field(default_factory=list)
    estimates: list = field(default_factory=list)
    routines: list = field(default_factory=list)
    routine_changes: list = field(default_factory=list)


def demo_phone(rng: Random, spaced: bool = False) -> str:
    """An eight-digit number starting with 1: no Norwegian subscriber number does, so the demo
    never shows (or links to) a real person's phone."""
    number = f"1{rng.randint(0, 9999999):07d}"
    return f"{number[:3]} {number[3:5]} {number[5:]}" if spaced else number


def pick(rng: Random, weighted: list[tuple[str, int]]) -> str:
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


def moment(rng: Random, day: date) -> datetime:
    return timezone.make_aware(
        datetime.combine(day, time(rng.randint(8, 15), rng.choice([0, 15, 30, 45])))
    )


def generate(position: Position, years: int, rng: Random, user=None) -> Batch:
    """Casework for one position over the last `years` years (objects, not yet saved)."""
    end = today()
    start = end - timedelta(days=365 * years)
    areas = list(position.covered_areas.all())
    n_patients = round(PATIENTS_PER_FTE_YEAR * position.fte / 100 * years)
    batch = Batch()
    for _ in range(n_patients):
        area = rng.choice(areas)
        opened = start + timedelta(days=rng.randrange((end - start).days))
        patient = _person(rng, area, age=rng.randint(40, 90))
        case = Case(
            area=area,
            person=patient,
            opened_on=opened,
            created_by=user,
            cancer_site=pick(rng, SITES),
            first_contact_source=pick(rng, SOURCES),
            first_contact_at_discharge=rng.random() < SHARE_AT_DISCHARGE,
            home_care_at_first_contact=rng.random() < SHARE_HOME_CARE_AT_FIRST,
            consent_given_on=opened,
            consent_scope="Samarbeid med tjenestene",
        )
        history, death = _course(rng, case, end)
        batch.persons.append(patient)
        batch.cases.append(case)
        batch.phases += [CasePhase(case=case, phase=p, from_date=d) for d, p in history]
        relatives = []
        if rng.random() < RELATIVES_PER_PATIENT * 1.5:
            relation = "partner" if rng.random() < 0.6 else "child"
            age = (
                rng.randint(8, 17)
                if relation == "child" and rng.random() < 0.3
                else rng.randint(20, 85)
            )
            relative = _person(rng, area, age=age, last=patient.name.split()[-1])
            batch.persons.append(relative)
            batch.relations.append(Relation(case=case, person=relative, relation=relation))
            relatives.append(relative)
        # Nothing on the patient's case after her death; the bereaved have cases of their own.
        last_day = death or case.closed_on or end
        for _ in range(
            max(
                1,
                round(
                    CONTACTS_PER_PATIENT_YEAR
                    * (last_day - opened).days
                    / 365
                    * rng.uniform(0.5, 1.5)
                ),
            )
        ):
            day = opened + timedelta(days=rng.randrange(max(1, (last_day - opened).days)))
            batch.contacts.append(
                _contact(
                    rng,
                    case,
                    day,
                    position,
                    user,
                    with_relative=bool(relatives) and rng.random() < 0.4,
                )
            )
        _assessments(rng, batch, case, last_day, user)
        _services(rng, batch, case, last_day, user)
        first_event = len(batch.events)
        _events(rng, batch, case, last_day, death, user)
        network(rng, batch, case, history, batch.events[first_event:], last_day, user)
        if death:
            patient.died_on = death
            _after_death(rng, batch, case, death, relatives, end, position, user)
        elif case.closed_on is None:
            due = end + timedelta(days=rng.randint(-4, 40))  # a few overdue, most ahead
            batch.follow_ups.append(
                FollowUp(
                    area=area, case=case, due_on=due, what=rng.choice(FOLLOW_UPS), created_by=user
                )
            )
    for _ in range(round(n_patients * 0.3)):  # anonymous and one-off contacts, no case
        day = start + timedelta(days=rng.randrange((end - start).days))
        batch.contacts.append(
            Contact(
                area=rng.choice(areas),
                at=moment(rng, day),
                mode="phone",
                position=position,
                duration_minutes=rng.choice([10, 15, 20, 30]),
                initiated_by=rng.choice(["gp", "relative", "home_care", "other"]),
                with_professional=True,
                information=True,
                created_by=user,
            )
        )
    for _ in range(2):  # requests from the public form waiting in the inbox
        batch.requests.append(
            ContactRequest(
                area=rng.choice(areas),
                name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                phone=demo_phone(rng),
                role=rng.choice(["patient", "relative"]),
                message=rng.choice(
                    ["Ønsker en samtale.", "Kan du ringe meg?", "Lurer på hva dere kan hjelpe med."]
                ),
            )
        )
    _work(rng, batch, position, start, end, user)
    routines(batch, position, start, end, user)
    check(batch)
    return batch


def _after_death(
    rng: Random, batch: Batch, case: Case, death: date, relatives: list, end: date, position, user
) -> None:
    """As the checklist after a death does it: open services end by the death, and the
    bereavement conversation goes to the closest relative, on her own case."""
    for link in batch.services:
        if link.case is case and link.is_open:
            link.status, link.status_on = ServiceStatus.BY_DEATH, death
            batch.service_changes.append(
                ServiceStatusChange(link=link, status=ServiceStatus.BY_DEATH, on=death)
            )
    conversation = bereavement_follow_up(case, death)
    conversation.created_by = user
    if not relatives:
        if case.closed_on is None:
            batch.follow_ups.append(conversation)
        return
    opened = min(death + timedelta(days=rng.randint(1, 10)), end)
    own = Case(
        area=case.area,
        person=relatives[0],
        kind=Case.Kind.RELATIVE,
        relative_of=case,
        opened_on=opened,
        phase=Phase.BEREAVEMENT,
        closed_on=case.closed_on,
        closing_reason=CaseClosing.BEREAVEMENT_DONE if case.closed_on else "",
        created_by=user,
    )
    batch.relative_cases.append(own)
    batch.phases.append(CasePhase(case=own, phase=Phase.BEREAVEMENT, from_date=opened))
    conversation.case, conversation.due_on = own, death + BEREAVEMENT_CONVERSATION_AFTER
    last = own.closed_on or end
    if conversation.due_on <= last:
        conversation.done_on = conversation.due_on
        batch.contacts.append(
            Contact(
                area=case.area,
                case=own,
                person=own.person,
                at=moment(rng, conversation.due_on),
                mode=rng.choice(["home_visit", "office", "phone"]),
                duration_minutes=rng.choice([45, 60, 90]),
                initiated_by="coordinator",
                with_relative=True,
                bereavement=True,
                supportive=True,
                position=position,
                created_by=user,
            )
        )
    batch.follow_ups.append(conversation)


def check(batch: Batch) -> None:
    """The demo's records pass the rules the forms and the importer apply (casework.deaths):
    a death once, on a patient's case, not before it began; nothing dated after it."""
    deaths = {id(e.case): e.on for e in batch.events if e.kind == EventKind.DEATH}
    for event in batch.events:
        if event.kind == EventKind.DEATH:
            check_death(event.case, event.on, already_registered=False)
        else:
            check_before_death(deaths.get(id(event.case)), event.on, "on")
            check_before_death(deaths.get(id(event.case)), event.ended_on, "ended_on")
    for contact in batch.contacts:
        if contact.case is not None:
            day = timezone.localtime(contact.at).date()
            check_before_death(deaths.get(id(contact.case)), day, "at")
    for assessment in batch.assessments:
        check_before_death(deaths.get(id(assessment.case)), assessment.assessed_on, "assessed_on")
    for member in batch.team:
        assert not member.problems(), member.problems()
    for case in batch.cases:
        assert not case.plan_and_wish_problems(), case.plan_and_wish_problems()
    for estimate in batch.estimates:
        assert not estimate.problems(), estimate.problems()
    last: dict[int, date] = {}
    for step in batch.routine_changes:
        assert not check_status(step.on, last.get(id(step.routine))), step
        last[id(step.routine)] = step.on
    for change in batch.service_changes:
        if change.status != ServiceStatus.BY_DEATH:
            check_before_death(deaths.get(id(change.link.case)), change.on, "status_on")


def _work(rng: Random, batch: Batch, position: Position, start: date, end: date, user) -> None:
    """System work and competence building (table 4-2: 17 % and 16 % against 68 % for patients
    and relatives), each week in proportion to that week's contact time, partly as activities."""
    contact_minutes: dict[date, int] = defaultdict(int)
    for contact in batch.contacts:
        day = timezone.localtime(contact.at).date()
        contact_minutes[day - timedelta(days=day.weekday())] += contact.duration_minutes
    monday = start - timedelta(days=start.weekday())
    while monday <= end:
        days = [monday + timedelta(days=i) for i in range(5) if monday + timedelta(days=i) <= end]
        base = contact_minutes.get(monday, 0) / SHARE_PATIENT_WORK
        targets = {
            TimeCategory.SYSTEM: base * SHARE_SYSTEM,
            TimeCategory.COMPETENCE: base * SHARE_COMPETENCE,
        }
        if days and rng.random() < 0.5:
            kind = rng.choice(list(DEMO_ACTIVITIES))
            activity = SystemActivity(
                position=position,
                user=user,
                on=rng.choice(days),
                kind=kind,
                title=str(kind.label),
                participants=rng.randint(4, 25),
                minutes=rng.choice([60, 90, 120]),
            )
            if targets[DEMO_ACTIVITIES[kind]] >= activity.minutes:
                targets[DEMO_ACTIVITIES[kind]] -= activity.minutes
                batch.activities.append(activity)
        for category, minutes in targets.items():
            if days and minutes >= 1:
                batch.time_entries.append(
                    TimeEntry(
                        position=position,
                        user=user,
                        on=rng.choice(days),
                        category=category,
                        minutes=round(minutes),
                    )
                )
        monday += timedelta(weeks=1)


def _assessments(rng: Random, batch: Batch, case: Case, last_day: date, user) -> None:
    """SP1 soon after the start for most; SP2 three to four months later for some."""
    plan = [(Checkpoint.SP1, rng.randint(3, 14), 0.6), (Checkpoint.SP2, rng.randint(95, 125), 0.4)]
    for checkpoint, after, share in plan:
        day = case.opened_on + timedelta(days=after)
        if day > last_day or rng.random() > share:
            continue
        assessment = Assessment(
            area=case.area,
            case=case,
            assessed_on=day,
            checkpoint=checkpoint,
            distress=rng.randint(1, 9),
            created_by=user,
        )
        batch.assessments.append(assessment)
        for topic in rng.sample(Topic.values, rng.randint(2, 6)):
            batch.needs.append(
                AssessmentNeed(assessment=assessment, topic=topic, level=rng.choice([0, 1, 1, 2]))
            )


DEMO_SERVICES = [
    ("home_nursing", 20),
    ("practical_help", 10),
    ("assistive_devices", 14),
    ("safety_alarm", 6),
    ("physiotherapy", 8),
    ("short_term_stay", 6),
    ("work_assessment", 6),
    ("basic_benefit", 4),
    ("end_of_life_care", 5),
    ("peer_support", 5),
    ("vardesenter", 5),
    ("learning_centre", 4),
    ("healthy_life", 3),
]
PATHS = [
    ["proposed", "applied", "granted", "started"],
    ["proposed", "started"],
    ["proposed", "applied", "granted", "started", "ended"],
    ["proposed", "applied"],
    ["proposed", "applied", "refused"],
    ["proposed", "declined"],
]


def _services(rng: Random, batch: Batch, case: Case, last_day: date, user) -> None:
    for _ in range(rng.choice([0, 1, 1, 2, 3])):
        path = rng.choices(PATHS, [40, 20, 15, 10, 8, 7])[0]
        day = case.opened_on + timedelta(days=rng.randint(0, 30))
        link = ServiceLink(
            area=case.area,
            case=case,
            service=pick(rng, DEMO_SERVICES),
            created_by=user,
            without_coordinator=rng.choice([None, None, False, True]),
        )
        for status in path:
            if day > last_day:
                break
            link.status, link.status_on = status, day
            batch.service_changes.append(ServiceStatusChange(link=link, status=status, on=day))
            day += timedelta(days=rng.randint(3, 25))
        if link.status_on:
            batch.services.append(link)


def _person(rng: Random, area, age: int, last: str | None = None) -> Person:
    born = today() - timedelta(days=365 * age + rng.randrange(365))
    number = make_identity_number(born, rng.randint(100, 499)) if rng.random() < 0.5 else None
    return Person(
        area=area,
        name=f"{rng.choice(FIRST)} {last or rng.choice(LAST)}",
        birth_date=born,
        identity_number=number or "",
        phone=demo_phone(rng),
    )


def _course(rng: Random, case: Case, end: date) -> tuple[list[tuple[date, str]], date | None]:
    """The phases a case goes through, and the death date if the patient has died; closes the
    case if it has ended (after a death: when bereavement follow-up has run its course)."""
    opened = case.opened_on
    history: list[tuple[date, str]] = [(opened, Phase.NEW_DIAGNOSIS)]
    death = None
    if rng.random() < SHARE_DIED:
        died = opened + timedelta(days=rng.randint(30, 330))
        history += [
            (opened + (died - opened) / 3, Phase.PALLIATIVE),
            (died - timedelta(days=rng.randint(3, 20)), Phase.END_OF_LIFE),
            (died, Phase.BEREAVEMENT),
        ]
        if died <= end:
            death = died
            done = died + timedelta(days=rng.randint(40, 120))
            if done <= end:
                case.closed_on, case.closing_reason = done, CaseClosing.BEREAVEMENT_DONE
    else:
        history.append((opened + timedelta(days=rng.randint(7, 45)), Phase.TREATMENT))
        history.append(
            (
                opened + timedelta(days=rng.randint(90, 240)),
                rng.choice([Phase.REHABILITATION, Phase.LIVING_WITH]),
            )
        )
        closed = opened + timedelta(days=rng.randint(120, 540))
        if closed <= end:
            case.closed_on = closed
            case.closing_reason = rng.choice(
                [
                    CaseClosing.NO_NEED,
                    CaseClosing.NO_NEED,
                    CaseClosing.MOVED,
                    CaseClosing.OTHER_SERVICE,
                ]
            )
    history = [(d, p) for d, p in history if d <= (case.closed_on or end)]
    case.phase = history[-1][1]
    return history, death


# Places of death: a quarter at home, most of those facilitated by the coordinator, which gives
# about five facilitated home deaths per coordinator a year (the economic model, section 7).
DEATH_PLACES = [("home", 25), ("nursing_home", 40), ("hospital", 25), ("hospice", 5), ("other", 5)]


def _events(
    rng: Random, batch: Batch, case: Case, last_day: date, death: date | None, user
) -> None:
    """Table 4-7: 52 % admitted to hospital, 35 % a short-term stay, 4 % hospice, 49 % home care."""
    span = max(1, (last_day - case.opened_on).days)

    def day_within() -> date:
        return case.opened_on + timedelta(days=rng.randrange(span))

    if rng.random() < 0.52:
        admitted = day_within()
        stay = rng.randint(2, 14)
        discharged = min(admitted + timedelta(days=stay), last_day)
        delayed = rng.randint(1, min(5, stay)) if rng.random() < 0.15 else None
        batch.events.append(
            CareEvent(
                area=case.area,
                case=case,
                kind=EventKind.HOSPITAL,
                on=admitted,
                ended_on=discharged,
                delayed_discharge_days=delayed,
                created_by=user,
            )
        )
    if rng.random() < 0.35:
        start = day_within()
        batch.events.append(
            CareEvent(
                area=case.area,
                case=case,
                kind=EventKind.SHORT_TERM,
                on=start,
                ended_on=min(start + timedelta(days=rng.randint(3, 21)), last_day),
                created_by=user,
            )
        )
    if rng.random() < 0.04:
        batch.events.append(
            CareEvent(
                area=case.area, case=case, kind=EventKind.HOSPICE, on=day_within(), created_by=user
            )
        )
    if rng.random() < 0.49:
        batch.events.append(
            CareEvent(
                area=case.area,
                case=case,
                kind=EventKind.HOME_CARE,
                on=day_within(),
                home_care_hours=rng.choice([2, 3.5, 5, 7, 10, 14]),
                created_by=user,
            )
        )
    if death:
        place = pick(rng, DEATH_PLACES)
        facilitated = place == "home" and rng.random() < 0.8
        batch.events.append(
            CareEvent(
                area=case.area,
                case=case,
                kind=EventKind.DEATH,
                on=death,
                death_place=place,
                home_death_facilitated=facilitated,
                home_death_needed_coordinator=facilitated and rng.random() < 0.5,
                extra_municipal_hours=rng.choice([25, 30, 40]) if facilitated else None,
                created_by=user,
            )
        )


def _contact(
    rng: Random, case: Case, day: date, position: Position, user, with_relative: bool
) -> Contact:
    if rng.random() < SHARE_COORDINATION_CONTACTS:
        # A call or meeting with home care, the GP or the hospital about the patient.
        return Contact(
            area=case.area,
            case=case,
            person=case.person,
            at=moment(rng, day),
            mode=rng.choice(["phone", "phone", "message", "office"]),
            duration_minutes=rng.choice([15, 20, 30, 45, 60]),
            initiated_by=rng.choice(["coordinator", "home_care", "gp", "hospital"]),
            with_professional=True,
            coordination=True,
            position=position,
            created_by=user,
        )
    kinds = {k: rng.random() < share for k, share in KIND_SHARES.items()}
    if not any(kinds.values()):
        kinds["supportive"] = True
    return Contact(
        area=case.area,
        case=case,
        person=case.person,
        at=moment(rng, day),
        mode=pick(rng, MODES),
        duration_minutes=rng.choice([15, 20, 30, 45, 60, 90]),
        initiated_by=rng.choice(["patient", "relative", "coordinator", "hospital"]),
        with_patient=True,
        with_relative=with_relative,
        with_professional=rng.random() < 0.2,
        position=position,
        created_by=user,
        **kinds,
    )


def save(batch: Batch) -> None:
    """Insert a batch, parents before children: a few statements however large the batch.
    bulk_create fills each foreign key from the parent object saved before it."""
    for objects in (
        list(batch.providers.values()),
        batch.persons,
        batch.cases,
        batch.relative_cases,
        batch.phases,
        batch.relations,
        batch.contacts,
        batch.follow_ups,
        batch.assessments,
        batch.needs,
        batch.team,
        batch.estimates,
        batch.services,
        batch.service_changes,
        batch.events,
        batch.time_entries,
        batch.activities,
        batch.routines,
        batch.routine_changes,
    ):
        for person in (p for p in objects if isinstance(p, Person)):
            person.set_identity_key()
        if objects:
            type(objects[0]).objects.bulk_create(objects, batch_size=2000)
