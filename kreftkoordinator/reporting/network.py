"""Indicators of the network around the person (issue 29, point 8): care teams, individual
plans, whether patients died where they wished, and the coordinator's own estimates of what her
work avoided (point 4), which economics reads in place of the report's shares. Y is the
report's year; "open during Y" is as for `patients_followed`."""

from django.db.models import Count, Exists, F, OuterRef, Q, Sum
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.casework.models import (
    CareRole,
    CareTeamMember,
    Case,
    Estimate,
    EventKind,
    Routine,
    WishedPlace,
)
from kreftkoordinator.casework.models.estimates import LIMITS
from kreftkoordinator.casework.models.routines import in_force_during

from .breakdowns import CASES
from .period import Period
from .records import events, open_patient_cases
from .registry import DAYS, PEOPLE, SHARE, Figure, indicator, share

MEMBERSHIPS = _("medlemskap")


def _team_during(period: Period):
    return CareTeamMember.objects.filter(
        Q(from_on__lte=period.last) & (Q(to_on__isnull=True) | Q(to_on__gte=period.first))
    )


@indicator(
    "cases_with_care_team",
    _("Oppfølginger med team rundt pasienten"),
    _(
        "Pasientoppfølginger som var åpne i løpet av året, med minst én i teamet rundt "
        "pasienten i en periode som overlapper året."
    ),
    CASES,
)
def cases_with_care_team(period: Period) -> Figure:
    team = _team_during(period).filter(case=OuterRef("pk"))
    return Figure(open_patient_cases(period).filter(Exists(team)).count())


@indicator(
    "care_team_by_role",
    _("Teamene etter rolle"),
    _(
        "Medlemskap i teamene rundt personene, med en periode som overlapper året, på "
        "oppfølginger av alle slag som var åpne i året, fordelt på rolle. Et medlemskap telles "
        "én gang uansett hvor lenge det varer; samme fastlege på to oppfølginger er to."
    ),
    MEMBERSHIPS,
    parts=CareRole.choices,
)
def care_team_by_role(period: Period) -> Figure:
    cases = Case.objects.filter(area_id__in=period.area_ids).filter(period.open_during())
    rows = (
        _team_during(period)
        .filter(case__in=cases)
        .order_by()
        .values_list("role")
        .annotate(n=Count("pk"))
    )
    parts = dict(rows)
    return Figure(sum(parts.values()), parts={r: parts.get(r, 0) for r in CareRole.values})


@indicator(
    "cases_with_individual_plan",
    _("Oppfølginger med individuell plan"),
    _("Pasientoppfølginger som var åpne i løpet av året, der pasienten har individuell plan."),
    CASES,
)
def cases_with_individual_plan(period: Period) -> Figure:
    return Figure(open_patient_cases(period).filter(individual_plan=True).count())


def _wishes(period: Period) -> dict[str, int]:
    """The year's deaths whose case records a wish, and those at the wished place, at once."""
    known = Q(
        case__wished_place_of_death__in=[p for p in WishedPlace.values if p != "not_discussed"]
    )
    met = Q(death_place=F("case__wished_place_of_death"))
    return period.once(
        "wishes",
        lambda: events(period, EventKind.DEATH).aggregate(
            known=Count("case__person", distinct=True, filter=known),
            met=Count("case__person", distinct=True, filter=known & met),
        ),
    )


@indicator(
    "deaths_wish_known",
    _("Dødsfall med kjent ønske om hvor"),
    _(
        "Pasienter som døde i året, der oppfølgingen har registrert hvor pasienten ønsket å "
        "dø (ikke «Ikke snakket om»)."
    ),
    PEOPLE,
)
def deaths_wish_known(period: Period) -> Figure:
    return Figure(_wishes(period)["known"])


@indicator(
    "deaths_at_wished_place",
    _("Døde der de ønsket"),
    _("Av pasientene som døde i året med et kjent ønske, de som døde på stedet de ønsket."),
    PEOPLE,
)
def deaths_at_wished_place(period: Period) -> Figure:
    return Figure(_wishes(period)["met"])


@indicator(
    "share_deaths_at_wished_place",
    _("Andel som døde der de ønsket"),
    _("Døde der de ønsket, delt på dødsfall med kjent ønske; tom når ingen ønsker er kjent."),
    SHARE,
)
def share_deaths_at_wished_place(period: Period) -> Figure:
    wishes = _wishes(period)
    return share(wishes["met"], wishes["known"])


# The coordinator's own estimates (issue 29, point 4) -------------------------------------------

WEEKS, HOURS_A_WEEK = _("uker"), _("timer per uke")
ESTIMATED = tuple(LIMITS)  # the three questions


def _estimates(period: Period) -> dict[str, float]:
    """Per question: the patient cases whose estimate for the year answers it, and the answers
    summed, in one query."""

    def make():
        rows = Estimate.objects.filter(
            area_id__in=period.area_ids, year=period.year, case__kind=Case.Kind.PATIENT
        ).aggregate(
            **{f"{q}_n": Count("pk", filter=Q(**{f"{q}__isnull": False})) for q in ESTIMATED},
            **{f"{q}_sum": Sum(q) for q in ESTIMATED},
        )
        return {key: float(value or 0) for key, value in rows.items()}

    return period.once("estimates", make)


def _answered(question: str):
    def compute(period: Period) -> Figure:
        return Figure(int(_estimates(period)[f"{question}_n"]))

    return compute


def _summed(question: str):
    def compute(period: Period) -> Figure:
        return Figure(_estimates(period)[f"{question}_sum"])

    return compute


indicator(
    "estimates_short_term_answered",
    _("Anslag om korttidsopphold"),
    _("Pasientoppfølginger der koordinatoren har anslått døgn på korttidsopphold unngått i året."),
    CASES,
)(_answered("short_term_days_avoided"))
indicator(
    "short_term_days_avoided",
    _("Døgn på korttidsopphold unngått (anslag)"),
    _("Summen av koordinatorens anslag for året: døgn på korttidsopphold pasientene slapp."),
    DAYS,
)(_summed("short_term_days_avoided"))
indicator(
    "estimates_nursing_home_answered",
    _("Anslag om sykehjem"),
    _("Pasientoppfølginger der koordinatoren har anslått uker langtidsopphold utsatt i året."),
    CASES,
)(_answered("nursing_home_weeks_deferred"))
indicator(
    "nursing_home_weeks_deferred",
    _("Uker sykehjem utsatt (anslag)"),
    _("Summen av koordinatorens anslag for året: uker et langtidsopphold i sykehjem ble utsatt."),
    WEEKS,
)(_summed("nursing_home_weeks_deferred"))
indicator(
    "estimates_home_care_answered",
    _("Anslag om hjemmetjenester"),
    _(
        "Pasientoppfølginger der koordinatoren har anslått timer hjemmetjeneste spart per uke i "
        "første fase."
    ),
    CASES,
)(_answered("home_care_hours_saved_per_week"))
indicator(
    "home_care_hours_saved_per_week",
    _("Timer hjemmetjeneste spart per uke (anslag)"),
    _(
        "Summen av koordinatorens anslag for året: timer i uken hjemmetjenesten sparte i "
        "første fase."
    ),
    HOURS_A_WEEK,
)(_summed("home_care_hours_saved_per_week"))


# Routines, plans and agreements (issue 29, point 5) ----------------------------------------


def routines_during(period: Period) -> list[Routine]:
    """The position's routines, plans and agreements in force (adopted or revised) on any day
    of the year; an area's report has none, since routines belong to a position."""

    def make():
        routines = Routine.objects.filter(position_id__in=period.position_ids).prefetch_related(
            "changes"
        )
        return [
            r
            for r in routines.order_by("title", "pk")
            if in_force_during(list(r.changes.all()), period.first, period.last)
        ]

    return period.once("routines", make)


@indicator(
    "routines_in_force",
    _("Rutiner, planer og avtaler som gjaldt"),
    _(
        "Stillingens rutiner, planer og avtaler for kreftomsorgen med status vedtatt eller "
        "revidert på minst én dag i året (bare i en stillings rapport)."
    ),
    _("dokumenter"),
)
def routines_in_force(period: Period) -> Figure:
    return Figure(len(routines_during(period)))
