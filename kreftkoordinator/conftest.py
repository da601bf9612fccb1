"""Shared fixtures: the people the tests are written around.

- Kari, the coordinator in Drammen; Lene, her substitute for a limited period
- Hanne, the coordinator in Horten, who must see nothing of Drammen
- Sigrid, the Valdres inter-municipal coordinator (six municipalities)
- Per, the leader in Drammen; Eva, programme officer at the funder; Jon, the funder's
  controller, who authorises what Eva attests; Ola, the administrator
"""

import shutil
from datetime import date, timedelta

import pytest
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from kreftkoordinator.accounts.models import APPROVER_ROLES, Role, User
from kreftkoordinator.casework.models import Person
from kreftkoordinator.organisation.models import Area, Assignment, Position, today

VALDRES = ["3450", "3451", "3449", "3452", "3453", "3454"]


def pytest_sessionfinish(session):
    """The documents this run uploaded go with it (settings_test gave it a folder of its own)."""
    from kreftkoordinator.casework.models.documents import storage

    location = str(getattr(storage(), "location", ""))
    if "kk-documents-" in location:
        shutil.rmtree(location, ignore_errors=True)


@pytest.fixture(autouse=True)
def _empty_cache():
    """The cache outlives each test's database; start every test without it."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _bokmal_first():
    """Every test starts in bokmål: a request leaves its language active in the thread
    (LanguageMiddleware), and a test without a request would otherwise inherit it."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _audit_chain_verifies(request):
    """Whatever a test did through the product, the audit log's chain verifies afterwards, as
    `kreftkoordinator audit verify` would; a test that breaks the chain on purpose is marked."""
    node = request.node
    uses_db = "_django_db_helper" in request.fixturenames or node.get_closest_marker("django_db")
    if not uses_db or node.get_closest_marker("breaks_audit_chain"):
        yield
        return
    request.getfixturevalue("_django_db_helper")  # so the check runs before the rollback
    yield
    from kreftkoordinator.audit import chain

    verdict = chain.verify()
    assert verdict.broken_at is None, f"audit chain broken at {verdict.broken_at}: {verdict.why}"


def area(code: str) -> Area:
    return Area.objects.current().get(code=code)


def make_user(username: str, role: str = Role.COORDINATOR, **extra) -> User:
    """A user; an administrator or leader with her role approved, as after two people."""
    first, _, last = extra.pop("name", username.title()).partition(" ")
    if role in APPROVER_ROLES or extra.get("budget_authority"):
        extra.setdefault("role_approved_at", timezone.now())
    return User.objects.create_user(
        username=username,
        password="et-langt-passord-2026",
        role=role,
        first_name=first,
        last_name=last,
        email=f"{username}@example.no",
        **extra,
    )


def make_position(name: str, codes: list[str], fte: int = 100, **extra) -> Position:
    position = Position.objects.create(
        name=name,
        host_area=area(codes[0]),
        fte=fte,
        start_date=extra.pop("start_date", date(2015, 1, 1)),
        **extra,
    )
    position.covered_areas.set([area(c) for c in codes])
    return position


def assign(user, position, kind=Assignment.Kind.HOLDER, start=date(2015, 1, 1), end=None):
    """An assignment in force, as after two people (organisation/administration.py)."""
    return Assignment.objects.create(
        user=user,
        position=position,
        kind=kind,
        valid_from=start,
        valid_to=end,
        approved_at=timezone.now(),
    )


def login(client, user, *, verified: bool = True):
    """Log in as after password and, where the role needs it (or approves access), the
    authenticator code."""
    client.force_login(user)
    if verified and (user.needs_two_factor or user.role in APPROVER_ROLES):
        device, _ = TOTPDevice.objects.get_or_create(
            user=user, name="app", defaults={"confirmed": True}
        )
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def drammen_position(db):
    return make_position("Kreftkoordinator i Drammen", ["3301"])


@pytest.fixture
def kari(drammen_position):
    user = make_user("kari", name="Kari Berg")
    assign(user, drammen_position)
    return user


@pytest.fixture
def lene(drammen_position):
    """Kari's substitute, from 10 days ago to 10 days ahead."""
    user = make_user("lene", name="Lene Vik")
    assign(
        user,
        drammen_position,
        Assignment.Kind.SUBSTITUTE,
        start=today() - timedelta(days=10),
        end=today() + timedelta(days=10),
    )
    return user


@pytest.fixture
def hanne(db):
    user = make_user("hanne", name="Hanne Lie")
    assign(user, make_position("Kreftkoordinator i Horten", ["3901"]))
    return user


@pytest.fixture
def sigrid(db):
    user = make_user("sigrid", name="Sigrid Rudi")
    assign(user, make_position("Kreftkoordinator i Valdres", VALDRES))
    return user


@pytest.fixture
def per(db):
    user = make_user("per", Role.LEADER, name="Per Olsen")
    user.areas.set([area("3301")])
    return user


@pytest.fixture
def eva(db):
    return make_user("eva", Role.PROGRAMME, name="Eva Strand")


@pytest.fixture
def jon(db):
    """The funder's controller: a programme officer with budget authority, who authorises
    what Eva attests."""
    return make_user("jon", Role.PROGRAMME, name="Jon Moe", budget_authority=True)


@pytest.fixture
def ola(db):
    return make_user("ola", Role.ADMIN, name="Ola Aas")


@pytest.fixture
def drammen_person(db):
    return Person.objects.create(
        area=area("3301"), name="Anne Hansen", birth_year=1950, phone="+4791234567"
    )


@pytest.fixture
def horten_person(db):
    return Person.objects.create(area=area("3901"), name="Bjørn Olsen", birth_year=1961)


@pytest.fixture
def drammen_case(kari, drammen_person):
    """Anne Hansen's case in Drammen, opened a month ago, with one follow-up due today."""
    from kreftkoordinator.casework.models import Case, CasePhase, FollowUp

    case = Case.objects.create(
        area=drammen_person.area,
        person=drammen_person,
        opened_on=today() - timedelta(days=30),
        created_by=kari,
    )
    CasePhase.objects.create(case=case, phase=case.phase, from_date=case.opened_on)
    FollowUp.objects.create(area=case.area, case=case, due_on=today(), what="Ring Anne")
    return case


@pytest.fixture
def horten_case(hanne, horten_person):
    from kreftkoordinator.casework.models import Case

    return Case.objects.create(area=horten_person.area, person=horten_person, created_by=hanne)


def recover(approver, user):
    """A second person approves the recoveries asked for `user`, and the day's wait passes."""
    from django.conf import settings

    from kreftkoordinator.accounts import recovery

    for waiting in user.recoveries.waiting().filter(approved_at__isnull=True):
        recovery.approve_recovery(approver, waiting)
    later = timezone.now() + timedelta(hours=settings.RECOVERY_DELAY_HOURS, minutes=1)
    return recovery.carry_out_due(later)
