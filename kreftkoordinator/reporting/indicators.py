"""The indicators, defined once: key, label, definition, unit, the 2017 evaluation's value where it
has one, and how each is computed from casework. Every page, export and command reads them from
here (`compute`). Each computation is one aggregate query in the database, so a report costs the
same number of queries however much casework lies behind it.

Reporting reads casework and never writes it.
"""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.casework.models import (
    Assessment,
    Case,
    DeathPlace,
    EventKind,
    Person,
    Relation,
)
from kreftkoordinator.casework.models.assessments import Checkpoint
from kreftkoordinator.casework.models.care_events import READY_Q

from .period import Period
from .records import contacts_in, events, followed_patients, new_patient_cases, open_patient_cases
from .registry import (
    ASSESSMENTS,
    CONTACTS,
    DAYS,
    MINUTES,
    PEOPLE,
    REGISTRY,
    SHARE,
    STAYS,
    Figure,
    Reference,
    compute,
    indicator,
    share,
)

# People ------------------------------------------------------------------------------------


@indicator(
    "patients_followed",
    _("Pasienter fulgt opp"),
    _("Personer som følges i en pasientoppfølging som var åpen i løpet av året."),
    PEOPLE,
)
def patients_followed(period: Period) -> Figure:
    return Figure(_followed(period))


def _followed(period: Period) -> int:
    # Distinct persons counted on the year's cases, not by testing every person.
    return _patient_totals(period)["followed"]


def _patient_totals(period: Period) -> dict[str, int]:
    """Distinct patients followed in the year and those of them new in it, in one pass over
    the year's cases (a case opened in the year is open during it)."""
    return period.once(
        "patients",
        lambda: open_patient_cases(period).aggregate(
            followed=Count("person", distinct=True),
            new=Count("person", distinct=True, filter=Q(opened_on__gte=period.first)),
        ),
    )


@indicator(
    "patients_new",
    _("Nye pasienter"),
    _("Personer som følges i en pasientoppfølging som ble startet i året."),
    PEOPLE,
)
def patients_new(period: Period) -> Figure:
    return Figure(_patient_totals(period)["new"])


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
    as_relative = Relation.objects.filter(case__in=open_cases).order_by().values_list("person")
    own_case = open_cases.filter(kind=Case.Kind.RELATIVE).order_by().values_list("person")
    # Distinct persons of the year's cases, not a test of every person in the country.
    return Figure(as_relative.union(own_case).count())


# Contacts ----------------------------------------------------------------------------------


@indicator(
    "contacts",
    _("Kontakter"),
    _("Kontakter med tidspunkt i året, med eller uten oppfølging (også anonyme samtaler)."),
    CONTACTS,
)
def contacts(period: Period) -> Figure:
    return Figure(_contact_totals(period)["all"])


def _contact_totals(period: Period) -> dict[str, int]:
    """The year's contacts, those without a case and their minutes, in one pass."""
    return period.once(
        "contact_totals",
        lambda: contacts_in(period).aggregate(
            all=Count("pk"),
            without_case=Count("pk", filter=Q(case__isnull=True)),
            minutes=Sum("duration_minutes"),
        ),
    )


@indicator(
    "contacts_without_case",
    _("Kontakter uten oppfølging"),
    _("Kontakter i året som ikke hører til en oppfølging: anonyme og enkeltstående samtaler."),
    CONTACTS,
)
def contacts_without_case(period: Period) -> Figure:
    return Figure(_contact_totals(period)["without_case"])


@indicator(
    "contact_minutes",
    _("Tid i kontakter"),
    _("Summen av varigheten til kontaktene i året."),
    MINUTES,
)
def contact_minutes(period: Period) -> Figure:
    return Figure(_contact_totals(period)["minutes"] or 0)


# First contact (tables 4-4, 4-5) -----------------------------------------------------------


def _share_of_new_cases(period: Period, flag: str) -> Figure:
    counts = new_patient_cases(period).aggregate(
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
    had = Q(Exists(events(period, kind).filter(case__person=OuterRef("pk"))))
    if also is not None:
        had |= Q(Exists(new_patient_cases(period).filter(also, person=OuterRef("pk"))))
    counts = followed_patients(period).aggregate(yes=Count("pk", filter=Q(had)), all=Count("pk"))
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
        events(period, EventKind.DEATH)
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
    return share(_deaths(period), _followed(period))


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
    return Figure(_stays(period)["delayed_days"] or 0)


def _stays(period: Period) -> dict[str, int]:
    """The year's hospital stays: delayed days, those reported ready for discharge, those
    whose "came home earlier" was answered, and the patients answered yes; in one pass."""
    return period.once(
        "stays",
        lambda: events(period, EventKind.HOSPITAL).aggregate(
            delayed_days=Sum("delayed_discharge_days"),
            ready=Count("pk", filter=READY_Q),
            answered=Count("pk", filter=Q(home_earlier_thanks_to_coordinator__isnull=False)),
            earlier=Count(
                "case__person", distinct=True, filter=Q(home_earlier_thanks_to_coordinator=True)
            ),
        ),
    )


@indicator(
    "hospital_stays_ready_for_discharge",
    _("Sykehusopphold meldt utskrivningsklar"),
    _(
        "Sykehusopphold datert i året der pasienten ble meldt utskrivningsklar: med dato for "
        "utskrivningsklar, eller, der datoen mangler, med overliggerdøgn. Evalueringens 4,4 "
        "overliggerdøgn er et snitt over slike opphold (7.5.2, figur 7-4)."
    ),
    STAYS,
)
def hospital_stays_ready_for_discharge(period: Period) -> Figure:
    return Figure(_stays(period)["ready"])


@indicator(
    "hospital_stays_home_earlier_answered",
    _("Sykehusopphold vurdert: kom hjem tidligere?"),
    _(
        "Sykehusopphold datert i året der koordinatoren har svart ja eller nei på om pasienten "
        "kom hjem tidligere takket være henne."
    ),
    STAYS,
)
def hospital_stays_home_earlier_answered(period: Period) -> Figure:
    return Figure(_stays(period)["answered"])


@indicator(
    "patients_home_earlier",
    _("Pasienter som kom hjem tidligere takket være koordinatoren"),
    _(
        "Pasienter med et sykehusopphold datert i året der koordinatoren har svart at "
        "pasienten kom hjem tidligere takket være henne (7.5.2)."
    ),
    PEOPLE,
)
def patients_home_earlier(period: Period) -> Figure:
    return Figure(_stays(period)["earlier"])


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


@indicator(
    "share_new_patients_with_sp1",
    _("Nye pasienter kartlagt ved SP1"),
    _(
        "Blant de nye pasientene i året: andelen med en kartlegging ved SP1 på en oppfølging "
        "startet i året."
    ),
    SHARE,
)
def share_new_patients_with_sp1(period: Period) -> Figure:
    new = new_patient_cases(period)
    sp1 = Assessment.objects.filter(checkpoint=Checkpoint.SP1, case__in=new)
    counts = Person.objects.filter(Exists(new.filter(person=OuterRef("pk")))).aggregate(
        yes=Count("pk", filter=Q(Exists(sp1.filter(case__person=OuterRef("pk"))))),
        all=Count("pk"),
    )
    return share(counts["yes"], counts["all"])


# Registered by importing: time, follow-ups and requests; services and breakdowns.
from . import breakdowns, network, work  # noqa: E402, F401

__all__ = ["REGISTRY", "Figure", "Reference", "compute", "indicator", "share"]
