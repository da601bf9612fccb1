"""The arrangements the 2017 evaluation studied (section 1.3), as demo positions and users.

Deterministic: the same data every run. Names of people are invented. The district offices are
placeholders for the funder's eight offices (evaluation section 3.2); their names are ours.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from random import Random

from django.db import transaction
from django.utils import timezone

from kreftkoordinator.accounts.models import APPROVER_ROLES, Role, User
from kreftkoordinator.organisation.models import (
    Area,
    Assignment,
    DistrictOffice,
    LanguageForm,
    Position,
    today,
)

from . import casework
from .casework import demo_phone
from .directory import create_directory
from .documents import attach_demo_documents

DEMO_PASSWORD = "demo"


@dataclass(frozen=True)
class DemoPosition:
    key: str
    name: str
    host: str
    covers: tuple[str, ...]
    fte: int
    start: date
    coordinator: tuple[str, str]  # first and last name


POSITIONS = [
    DemoPosition(
        "nes",
        "Kreftkoordinator i Nes",
        "3228",
        ("3228",),
        100,
        date(2013, 9, 1),
        ("Ingrid", "Haugen"),
    ),
    DemoPosition(
        "drammen",
        "Kreftkoordinator i Drammen",
        "3301",
        ("3301",),
        100,
        date(2012, 10, 1),
        ("Kari", "Berg"),
    ),
    DemoPosition(
        "horten",
        "Kreftkoordinator i Horten",
        "3901",
        ("3901",),
        100,
        date(2013, 3, 1),
        ("Hanne", "Lie"),
    ),
    DemoPosition(
        "valdres",
        "Kreftkoordinator i Valdres",
        "3451",
        ("3450", "3451", "3449", "3452", "3453", "3454"),
        100,
        date(2013, 1, 1),
        ("Sigrid", "Rudi"),
    ),
    DemoPosition(
        "frogner",
        "Kreftkoordinator i bydel Frogner",
        "030105",
        ("030105",),
        50,
        date(2014, 2, 1),
        ("Marte", "Dahl"),
    ),
    DemoPosition(
        "nordhordland",
        "Kreftkoordinator i Nordhordland",
        "4631",
        ("4631", "4632", "4633", "4634", "4635", "4629", "4630"),
        100,
        date(2015, 5, 1),
        ("Solveig", "Mjelde"),
    ),
]

# The demo areas' official language forms (målform): Alver and the other municipalities of
# Nordhordland write nynorsk, Oslo and its districts bokmål; the rest are left neutral.
NYNORSK = ("4629", "4630", "4631", "4632", "4633", "4634", "4635")
BOKMAL_PREFIXES = ("0301",)

DISTRICT_OFFICES = [
    ("Distriktskontor Oslo", "Oslo", ("03", "31", "32")),
    ("Distriktskontor Drammen", "Drammen", ("33", "39", "40")),
    ("Distriktskontor Hamar", "Hamar", ("34",)),
    ("Distriktskontor Kristiansand", "Kristiansand", ("42",)),
    ("Distriktskontor Stavanger", "Stavanger", ("11",)),
    ("Distriktskontor Bergen", "Bergen", ("46",)),
    ("Distriktskontor Trondheim", "Trondheim", ("50", "15")),
    ("Distriktskontor Tromsø", "Tromsø", ("18", "55", "56")),
]

# (username, role, first name, last name, what to say about it)
OTHER_USERS = [
    (
        "vikar.drammen",
        Role.COORDINATOR,
        "Lene",
        "Vik",
        "vikar i Drammen til og med {substitute_until}",
    ),
    ("leder.drammen", Role.LEADER, "Per", "Olsen", "kommunalsjef i Drammen"),
    ("kreftforeningen", Role.PROGRAMME, "Eva", "Strand", "programansvarlig i Kreftforeningen"),
    (
        "okonomi.kreftforeningen",
        Role.PROGRAMME,
        "Jon",
        "Moe",
        "controller i Kreftforeningen, anviser det Eva attesterer",
    ),
    ("admin", Role.ADMIN, "Ola", "Aas", "administrator"),
    ("admin.to", Role.ADMIN, "Siri", "Dahl", "administrator, godkjenner det Ola ber om"),
]


def demo_logins() -> list[tuple[str, str, str]]:
    """(username, name, what the user is) for the log-in page and the terminal."""
    until = substitute_period(today())[1].strftime("%d.%m.%Y")
    coordinators = [
        (f"koordinator.{p.key}", f"{p.coordinator[0]} {p.coordinator[1]}", p.name)
        for p in POSITIONS
    ]
    others = [
        (u, f"{first} {last}", what.format(substitute_until=until))
        for u, _role, first, last, what in OTHER_USERS
    ]
    return coordinators + others


def substitute_period(day: date) -> tuple[date, date]:
    return day - timedelta(days=30), day + timedelta(days=60)


@transaction.atomic
def create_arrangements(seed: int = 2017, years: int = 2) -> None:
    rng = Random(seed)  # noqa: S311 -- synthetic demo data, not security
    day = today()
    Area.objects.current().filter(code__in=NYNORSK).update(language_form=LanguageForm.NYNORSK)
    for prefix in BOKMAL_PREFIXES:
        Area.objects.current().filter(code__startswith=prefix).update(
            language_form=LanguageForm.BOKMAL
        )
    areas = {a.code: a for a in Area.objects.current()}
    offices = {}
    for name, city, counties in DISTRICT_OFFICES:
        office = DistrictOffice.objects.create(name=name, city=city)
        office.counties.set([areas[c] for c in counties])
        for code in counties:
            offices[code] = office
    for spec in POSITIONS:
        host = areas[spec.host]
        position = Position.objects.create(
            name=spec.name,
            host_area=host,
            fte=spec.fte,
            start_date=spec.start,
            district_office=offices[host.code[:2]],
            phone=demo_phone(rng, spaced=True),
            email=f"kreftkoordinator.{spec.key}@demo.kreftkoordinator.no",
            office_hours="Mandag til fredag 08.00–15.30. Hjemmebesøk etter avtale.",
        )
        position.covered_areas.set([areas[c] for c in spec.covers])
        first, last = spec.coordinator
        user = _user(f"koordinator.{spec.key}", Role.COORDINATOR, first, last)
        Assignment.objects.create(
            user=user, position=position, valid_from=spec.start, approved_at=timezone.now()
        )
        casework.save(casework.generate(position, years, rng, user=user))
        attach_demo_documents(position, user)
    create_directory(rng)
    drammen = Position.objects.get(host_area=areas["3301"])
    start, end = substitute_period(day)
    for username, role, first, last, _what in OTHER_USERS:
        user = _user(username, role, first, last)
        if role == Role.COORDINATOR:
            substitute = Assignment(
                user=user,
                position=drammen,
                kind=Assignment.Kind.SUBSTITUTE,
                valid_from=start,
                valid_to=end,
                approved_at=timezone.now(),
            )
            substitute.full_clean()  # the rule the form applies: an end date within a year
            substitute.save()
        elif role == Role.LEADER:
            user.areas.set([areas["3301"]])
        elif role == Role.PROGRAMME:
            user.district_office = offices["33"]
            if username == "okonomi.kreftforeningen":
                # Budget authority, as after two people (approved like an approver's role).
                user.budget_authority, user.role_approved_at = True, timezone.now()
            user.save()


def _user(username: str, role: str, first: str, last: str) -> User:
    """A demo user; an approver's role approved, as after two people (docs/security.md)."""
    approved = timezone.now() if role in APPROVER_ROLES else None
    return User.objects.create_user(
        role_approved_at=approved,
        username=username,
        password=DEMO_PASSWORD,
        role=role,
        first_name=first,
        last_name=last,
        email=f"{username}@demo.kreftkoordinator.no",
    )
