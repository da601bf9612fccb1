"""The indicators, defined once: key, label, definition, unit, the 2017 evaluation's value where it
has one, and how each is computed from casework. Every page, export and command reads them from
here (`compute`). Each computation is one aggregate query in the database, so a report costs the
same number of queries however much casework lies behind it.

Reporting reads casework and never writes it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.casework.models import (
    Assessment,
    CareEvent,
    Case,
    Contact,
    DeathPlace,
    EventKind,
    Person,
    Relation,
)
from kreftkoordinator.casework.models.assessments import Checkpoint
from kreftkoordinator.casework.models.worktime import (
    ACTIVITY_CATEGORY,
    SystemActivity,
    TimeCategory,
    TimeEntry,
)

from .period import Period

PEOPLE, CONTACTS, MINUTES, DAYS = _("personer"), _("kontakter"), _("minutter"), _("døgn")
SHARE, ASSESSMENTS = _("andel"), _("kartlegginger")


@dataclass(frozen=True)
class Reference:
    """The evaluation's figure: the mean over the coordinators who answered, and where it is."""

    value: float
    source: str  # e.g. "tabell 4-4"

    def __str__(self) -> str:
        shown = f"{self.value:.0%}".replace("%", " %") if self.value <= 1 else f"{self.value:g}"
        return f"{shown} i evalueringen 2017 ({self.source})"


@dataclass(frozen=True)
class Figure:
    """One indicator's value; a share also carries its numerator and denominator, and is empty
    (None) when the denominator is 0."""

    value: int | float | None
    numerator: int | None = None
    denominator: int | None = None


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    definition: str
    unit: str
    compute: Callable[[Period], Figure]
    reference: Reference | None = None


REGISTRY: dict[str, Indicator] = {}


def indicator(key, label, definition, unit, reference=None):
    def register(compute: Callable[[Period], Figure]) -> Callable[[Period], Figure]:
        REGISTRY[key] = Indicator(key, label, definition, unit, compute, reference)
        return compute

    return register


def compute(period: Period, keys: list[str] | None = None) -> dict[str, Figure]:
    fresh = replace(period)  # a memo of its own: shared sub-results never outlive one report
    return {key: REGISTRY[key].compute(fresh) for key in keys or REGISTRY}


def share(numerator: int, denominator: int) -> Figure:
    value = numerator / denominator if denominator else None
    return Figure(value, numerator, denominator)


# The records the indicators count -----------------------------------------------------------


def _cases(period: Period, kind: str) -> QuerySet:
    return Case.objects.filter(area_id__in=period.area_ids, kind=kind)


def _open_patient_cases(period: Period) -> QuerySet:
    return _cases(period, Case.Kind.PATIENT).filter(period.open_during())


def _new_patient_cases(period: Period) -> QuerySet:
    return _cases(period, Case.Kind.PATIENT).filter(period.dated("opened_on"))


def _followed_patients(period: Period) -> QuerySet:
    return Person.objects.filter(Exists(_open_patient_cases(period).filter(person=OuterRef("pk"))))


def _events(period: Period, kind: str) -> QuerySet:
    return CareEvent.objects.filter(
        area_id__in=period.area_ids, kind=kind, case__kind=Case.Kind.PATIENT
    ).filter(period.dated("on"))


def _contacts(period: Period) -> QuerySet:
    return Contact.objects.filter(area_id__in=period.area_ids).filter(period.timed("at"))


# People ------------------------------------------------------------------------------------


@indicator(
    "patients_followed",
    _("Pasienter fulgt opp"),
    _("Personer som følges i en pasientoppfølging som var åpen i løpet av året."),
    PEOPLE,
)
def patients_followed(period: Period) -> Figure:
    return Figure(_followed_patients(period).count())


@indicator(
    "patients_new",
    _("Nye pasienter"),
    _("Personer som følges i en pasientoppfølging som ble startet i året."),
    PEOPLE,
)
def patients_new(period: Period) -> Figure:
    cases = _new_patient_cases(period)
    return Figure(Person.objects.filter(Exists(cases.filter(person=OuterRef("pk")))).count())


@indicator(
    "relatives_followed",
    _("Pårørende fulgt opp"),
    _(
        "Personer som var registrert som pårørende på en oppfølging som var åpen i løpet av "
        "året, eller som ble fulgt i en egen pårørendeoppfølging som var åpen i året. Den som "
        "både er pasient og pårørende, telles begge steder."
    ),
    PEOPLE,
)
def relatives_followed(period: Period) -> Figure:
    open_cases = Case.objects.filter(area_id__in=period.area_ids).filter(period.open_during())
    as_relative = Relation.objects.filter(case__in=open_cases, person=OuterRef("pk"))
    own_case = open_cases.filter(kind=Case.Kind.RELATIVE, person=OuterRef("pk"))
    return Figure(Person.objects.filter(Exists(as_relative) | Exists(own_case)).count())


# Contacts ----------------------------------------------------------------------------------


@indicator(
    "contacts",
    _("Kontakter"),
    _("Kontakter med tidspunkt i året, med eller uten oppfølging (også anonyme samtaler)."),
    CONTACTS,
)
def contacts(period: Period) -> Figure:
    return Figure(_contacts(period).count())


@indicator(
    "contacts_without_case",
    _("Kontakter uten oppfølging"),
    _("Kontakter i året som ikke hører til en oppfølging: anonyme og enkeltstående samtaler."),
    CONTACTS,
)
def contacts_without_case(period: Period) -> Figure:
    return Figure(_contacts(period).filter(case__isnull=True).count())


@indicator(
    "contact_minutes",
    _("Tid i kontakter"),
    _("Summen av varigheten til kontaktene i året."),
    MINUTES,
)
def contact_minutes(period: Period) -> Figure:
    return Figure(_contacts(period).aggregate(n=Sum("duration_minutes"))["n"] or 0)


# First contact (tables 4-4, 4-5) -----------------------------------------------------------


def _share_of_new_cases(period: Period, flag: str) -> Figure:
    counts = _new_patient_cases(period).aggregate(
        yes=Count("pk", filter=Q(**{flag: True})), all=Count("pk")
    )
    return share(counts["yes"], counts["all"])


@indicator(
    "share_first_contact_at_discharge",
    _("Første kontakt ved utskrivning"),
    _(
        "Blant pasientoppfølgingene som ble startet i året: andelen der første kontakt kom i "
        "forbindelse med utskrivning fra sykehus."
    ),
    SHARE,
    Reference(0.44, "tabell 4-4"),
)
def share_first_contact_at_discharge(period: Period) -> Figure:
    return _share_of_new_cases(period, "first_contact_at_discharge")


@indicator(
    "share_home_care_at_first_contact",
    _("Hjemmetjenester ved første kontakt"),
    _(
        "Blant pasientoppfølgingene som ble startet i året: andelen der pasienten hadde "
        "hjemmetjenester da koordinatoren fikk kontakt første gang."
    ),
    SHARE,
    Reference(0.27, "tabell 4-5"),
)
def share_home_care_at_first_contact(period: Period) -> Figure:
    return _share_of_new_cases(period, "home_care_at_first_contact")


# Care events (tables 4-6, 4-7; figure 6-5) -------------------------------------------------


def _share_with_event(period: Period, kind: str, also: Q | None = None) -> Figure:
    """Among the patients followed, the share with an event of `kind` dated in the year."""
    had = Q(Exists(_events(period, kind).filter(case__person=OuterRef("pk"))))
    if also is not None:
        had |= Q(Exists(_new_patient_cases(period).filter(also, person=OuterRef("pk"))))
    counts = _followed_patients(period).aggregate(yes=Count("pk", filter=Q(had)), all=Count("pk"))
    return share(counts["yes"], counts["all"])


@indicator(
    "share_short_term_stay",
    _("Korttidsopphold"),
    _("Blant pasientene som ble fulgt opp: andelen med korttidsopphold i året."),
    SHARE,
    Reference(0.35, "tabell 4-7"),
)
def share_short_term_stay(period: Period) -> Figure:
    return _share_with_event(period, EventKind.SHORT_TERM)


@indicator(
    "share_hospice",
    _("Hospice"),
    _("Blant pasientene som ble fulgt opp: andelen med hospiceopphold i året."),
    SHARE,
    Reference(0.04, "tabell 4-7"),
)
def share_hospice(period: Period) -> Figure:
    return _share_with_event(period, EventKind.HOSPICE)


@indicator(
    "share_hospital",
    _("Sykehusinnleggelse"),
    _("Blant pasientene som ble fulgt opp: andelen med sykehusopphold i året."),
    SHARE,
    Reference(0.52, "tabell 4-7"),
)
def share_hospital(period: Period) -> Figure:
    return _share_with_event(period, EventKind.HOSPITAL)


@indicator(
    "share_home_care",
    _("Hjemmetjenester"),
    _(
        "Blant pasientene som ble fulgt opp: andelen med hjemmetjenester startet eller endret "
        "i året, eller med hjemmetjenester ved første kontakt i en oppfølging startet i året."
    ),
    SHARE,
    Reference(0.49, "tabell 4-7"),
)
def share_home_care(period: Period) -> Figure:
    return _share_with_event(period, EventKind.HOME_CARE, also=Q(home_care_at_first_contact=True))


def _deaths(period: Period, **where) -> int:
    return (
        _events(period, EventKind.DEATH)
        .filter(**where)
        .aggregate(n=Count("case__person", distinct=True))["n"]
    )


@indicator(
    "deaths",
    _("Dødsfall"),
    _("Pasienter med dødsfall datert i året."),
    PEOPLE,
)
def deaths(period: Period) -> Figure:
    return Figure(_deaths(period))


@indicator(
    "share_died",
    _("Andel som døde"),
    _("Dødsfall i året delt på pasientene som ble fulgt opp i året."),
    SHARE,
    Reference(0.32, "tabell 4-6"),
)
def share_died(period: Period) -> Figure:
    return share(_deaths(period), _followed_patients(period).count())


@indicator(
    "home_deaths",
    _("Hjemmedødsfall"),
    _("Pasienter som døde hjemme i året."),
    PEOPLE,
)
def home_deaths(period: Period) -> Figure:
    return Figure(_deaths(period, death_place=DeathPlace.HOME))


@indicator(
    "home_deaths_facilitated",
    _("Hjemmedød tilrettelagt av koordinatoren"),
    _("Pasienter som døde hjemme i året, der koordinatoren var med på å legge til rette."),
    PEOPLE,
)
def home_deaths_facilitated(period: Period) -> Figure:
    return Figure(_deaths(period, death_place=DeathPlace.HOME, home_death_facilitated=True))


@indicator(
    "home_deaths_needed_coordinator",
    _("Hjemmedød som ikke ville vært mulig uten koordinatoren"),
    _("Pasienter som døde hjemme i året, der det ikke ville vært mulig uten koordinatoren."),
    PEOPLE,
)
def home_deaths_needed_coordinator(period: Period) -> Figure:
    return Figure(_deaths(period, death_place=DeathPlace.HOME, home_death_needed_coordinator=True))


@indicator(
    "delayed_discharge_days",
    _("Overliggerdøgn"),
    _("Summen av overliggerdøgn i sykehusopphold datert i året."),
    DAYS,
)
def delayed_discharge_days(period: Period) -> Figure:
    stays = _events(period, EventKind.HOSPITAL)
    return Figure(stays.aggregate(n=Sum("delayed_discharge_days"))["n"] or 0)


# Assessments -------------------------------------------------------------------------------


def _assessments(period: Period, checkpoint: str) -> Figure:
    found = Assessment.objects.filter(area_id__in=period.area_ids, checkpoint=checkpoint)
    return Figure(found.filter(period.dated("assessed_on")).count())


@indicator(
    "assessments_sp1",
    _("Kartlegginger ved SP1"),
    _("Kartlegginger datert i året ved sjekkpunkt 1 i Pakkeforløp hjem (ved diagnose)."),
    ASSESSMENTS,
)
def assessments_sp1(period: Period) -> Figure:
    return _assessments(period, Checkpoint.SP1)


@indicator(
    "assessments_sp2",
    _("Kartlegginger ved SP2"),
    _("Kartlegginger datert i året ved sjekkpunkt 2 i Pakkeforløp hjem (3–4 måneder etter)."),
    ASSESSMENTS,
)
def assessments_sp2(period: Period) -> Figure:
    return _assessments(period, Checkpoint.SP2)


@indicator(
    "assessments_sp3",
    _("Kartlegginger ved SP3"),
    _("Kartlegginger datert i året ved sjekkpunkt 3 i Pakkeforløp hjem (12–18 måneder etter)."),
    ASSESSMENTS,
)
def assessments_sp3(period: Period) -> Figure:
    return _assessments(period, Checkpoint.SP3)


# Time (tables 4-2 and 4-3) -----------------------------------------------------------------


def _minutes(period: Period) -> dict[str, int]:
    """Minutes per category in the year, by the week view's rule (casework/week.py): contacts in
    the report's areas (with the patient or a relative: direct; otherwise coordination), plus the
    report's positions' system activities and time entries. Three queries."""

    def make() -> dict[str, int]:
        minutes = dict.fromkeys(TimeCategory.values, 0)
        with_person = Q(with_patient=True) | Q(with_relative=True)
        split = _contacts(period).aggregate(
            direct=Sum("duration_minutes", filter=with_person),
            coordination=Sum("duration_minutes", filter=~with_person),
            patient=Sum("duration_minutes", filter=Q(with_patient=True)),
            relative=Sum("duration_minutes", filter=Q(with_relative=True, with_patient=False)),
        )
        minutes[TimeCategory.DIRECT] += split["direct"] or 0
        minutes[TimeCategory.COORDINATION] += split["coordination"] or 0
        work = Q(position_id__in=period.position_ids) & period.dated("on")
        for kind, n in (
            SystemActivity.objects.filter(work).values_list("kind").annotate(n=Sum("minutes"))
        ):
            minutes[ACTIVITY_CATEGORY[kind]] += n
        for category, n in (
            TimeEntry.objects.filter(work).values_list("category").annotate(n=Sum("minutes"))
        ):
            minutes[category] += n
        minutes["patient"], minutes["relative"] = split["patient"] or 0, split["relative"] or 0
        return minutes

    return period.once("minutes", make)


def _category_indicators(category: str, key: str, label, definition, reference: float) -> None:
    indicator(f"minutes_{key}", label, definition, MINUTES)(
        lambda period: Figure(_minutes(period)[category])
    )
    indicator(
        f"share_minutes_{key}",
        label,
        _("Andelen av all registrert tid i året (tabell 4-2s fire kategorier)."),
        SHARE,
        Reference(reference, "tabell 4-2"),
    )(
        lambda period: share(
            _minutes(period)[category], sum(_minutes(period)[c] for c in TimeCategory.values)
        )
    )


_category_indicators(
    TimeCategory.DIRECT,
    "direct",
    _("Direkte pasient- og pårørendekontakt"),
    _(
        "Minutter i kontakter med pasienten eller pårørende, møteplasser og kurs for pårørende, "
        "og tid ført som direkte kontakt."
    ),
    0.44,
)
_category_indicators(
    TimeCategory.COORDINATION,
    "coordination",
    _("Koordinering"),
    _("Minutter i kontakter uten pasienten og pårørende, og tid ført som koordinering."),
    0.24,
)
_category_indicators(
    TimeCategory.SYSTEM,
    "system",
    _("Systemrettet og administrativt arbeid"),
    _("Minutter i nettverksmøter, planarbeid og informasjonsarbeid, og tid ført som systemarbeid."),
    0.17,
)
_category_indicators(
    TimeCategory.COMPETENCE,
    "competence",
    _("Kompetansebygging og fagutvikling"),
    _("Minutter i opplæring av andre, og tid ført som kompetansebygging."),
    0.16,
)


@indicator(
    "share_direct_patient",
    _("Direkte kontakt: pasienter"),
    _(
        "Av minuttene i kontakter med pasienter eller pårørende: andelen der pasienten var med "
        "(resten er kontakter med pårørende alene)."
    ),
    SHARE,
    Reference(0.68, "tabell 4-3"),
)
def share_direct_patient(period: Period) -> Figure:
    minutes = _minutes(period)
    return share(minutes["patient"], minutes["patient"] + minutes["relative"])
