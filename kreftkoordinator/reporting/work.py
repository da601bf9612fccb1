"""Indicators of the coordinator's own work: time by category (tables 4-2, 4-3), follow-ups,
contact requests and system activities."""

from django.db.models import Count, F, Q, Sum
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.casework.models import ContactRequest, FollowUp
from kreftkoordinator.casework.models.worktime import (
    ACTIVITY_CATEGORY,
    SystemActivity,
    TimeCategory,
    TimeEntry,
)

from .period import Period
from .records import contacts_in
from .registry import MINUTES, SHARE, Figure, Reference, indicator, share

# Time (tables 4-2 and 4-3) -----------------------------------------------------------------


def _minutes(period: Period) -> dict[str, int]:
    """Minutes per category in the year, by the week view's rule (casework/week.py): contacts in
    the report's areas (with the patient or a relative: direct; otherwise coordination), plus the
    report's positions' system activities and time entries. Three queries."""

    def make() -> dict[str, int]:
        minutes = dict.fromkeys(TimeCategory.values, 0)
        with_person = Q(with_patient=True) | Q(with_relative=True)
        split = contacts_in(period).aggregate(
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


def _category_indicators(
    category: str, key: str, label, share_label, definition, reference: float
) -> None:
    indicator(f"minutes_{key}", label, definition, MINUTES)(
        lambda period: Figure(_minutes(period)[category])
    )
    indicator(
        f"share_minutes_{key}",
        share_label,
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
    _("Andel av tiden: direkte kontakt"),
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
    _("Andel av tiden: koordinering"),
    _("Minutter i kontakter uten pasienten og pårørende, og tid ført som koordinering."),
    0.24,
)
_category_indicators(
    TimeCategory.SYSTEM,
    "system",
    _("Systemrettet og administrativt arbeid"),
    _("Andel av tiden: systemarbeid"),
    _("Minutter i nettverksmøter, planarbeid og informasjonsarbeid, og tid ført som systemarbeid."),
    0.17,
)
_category_indicators(
    TimeCategory.COMPETENCE,
    "competence",
    _("Kompetansebygging og fagutvikling"),
    _("Andel av tiden: kompetansebygging"),
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


@indicator(
    "follow_ups_on_time",
    _("Oppgaver utført i tide"),
    _(
        "Blant oppgavene med frist i året: andelen som ble utført senest på fristen. Oppgaver "
        "som ble avlyst (etter et dødsfall), telles ikke."
    ),
    SHARE,
)
def follow_ups_on_time(period: Period) -> Figure:
    due = FollowUp.objects.filter(area_id__in=period.area_ids, cancelled=False).filter(
        period.dated("due_on")
    )
    counts = due.aggregate(on_time=Count("pk", filter=Q(done_on__lte=F("due_on"))), all=Count("pk"))
    return share(counts["on_time"], counts["all"])


@indicator(
    "contact_requests",
    _("Kontaktforespørsler"),
    _("Forespørsler fra «Kontakt meg» på nettsiden mottatt i året."),
    _("forespørsler"),
)
def contact_requests(period: Period) -> Figure:
    received = ContactRequest.objects.filter(area_id__in=period.area_ids)
    return Figure(received.filter(period.timed("received_at")).count())


def _activities(period: Period) -> dict[str, int]:
    def make():
        activities = SystemActivity.objects.filter(position_id__in=period.position_ids)
        return activities.filter(period.dated("on")).aggregate(
            n=Count("pk"), people=Sum("participants")
        )

    return period.once("activities", make)


@indicator(
    "system_activities",
    _("Systemrettede aktiviteter"),
    _(
        "Opplæring, nettverksmøter, planarbeid, informasjonsarbeid, møteplasser og kurs for "
        "pårørende i året (stillingens egne)."
    ),
    _("aktiviteter"),
)
def system_activities(period: Period) -> Figure:
    return Figure(_activities(period)["n"])


@indicator(
    "system_activity_participants",
    _("Deltakere i systemrettede aktiviteter"),
    _("Summen av deltakerne i de systemrettede aktivitetene i året."),
    _("deltakere"),
)
def system_activity_participants(period: Period) -> Figure:
    return Figure(_activities(period)["people"] or 0)


@indicator(
    "contact_request_answer_hours",
    _("Tid til svar på kontaktforespørsler"),
    _(
        "Medianen av timene fra en forespørsel i året kom inn til kontakten som svarte på "
        "den, ble registrert, eller den ble merket som behandlet uten kontakt (forespørsler "
        "som ikke er behandlet, er ikke med)."
    ),
    _("timer"),
)
def contact_request_answer_hours(period: Period) -> Figure:
    received = ContactRequest.objects.filter(
        area_id__in=period.area_ids, handled_at__isnull=False
    ).filter(period.timed("received_at"))
    waits = sorted(
        (handled - came).total_seconds() / 3600
        for came, handled in received.values_list("received_at", "handled_at")
        if handled is not None  # the filter already says so; this tells the type checker
    )
    if not waits:
        return Figure(None)
    middle = len(waits) // 2
    median = waits[middle] if len(waits) % 2 else (waits[middle - 1] + waits[middle]) / 2
    return Figure(round(median, 1))
