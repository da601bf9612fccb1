"""Indicators that break a count down (contacts by mode and kind, first contacts by source,
phases at year end, survey answers), services connected (figure 6-4), and children registered
as relatives."""

from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.casework.models import (
    Case,
    ContactMode,
    FirstContactSource,
    Person,
    Phase,
    Relation,
)
from kreftkoordinator.casework.models.cases import CasePhase
from kreftkoordinator.casework.models.contacts import KINDS
from kreftkoordinator.casework.models.services import SERVICES as SERVICE_CHOICES
from kreftkoordinator.casework.models.services import (
    ServiceLink,
    ServiceStatus,
    ServiceStatusChange,
)
from kreftkoordinator.public.models import SurveyAnswer

from .period import Period
from .records import contacts_in, new_patient_cases
from .registry import CONTACTS, PEOPLE, SHARE, Figure, Reference, indicator, share

SERVICES = _("tjenester")
CASES = _("oppfølginger")


def _parts(rows) -> dict[str, int]:
    return {str(code): n for code, n in rows if code}


@indicator(
    "contacts_by_mode",
    _("Kontakter etter form"),
    _("Kontaktene i året fordelt på telefon, kontor, hjemmebesøk, video, melding og gruppe."),
    CONTACTS,
    parts=ContactMode.choices,
)
def contacts_by_mode(period: Period) -> Figure:
    rows = contacts_in(period).order_by().values_list("mode").annotate(n=Count("pk"))
    parts = _parts(rows)
    return Figure(sum(parts.values()), parts={m: parts.get(m, 0) for m in ContactMode.values})


@indicator(
    "contacts_by_kind",
    _("Kontakter etter innhold"),
    _(
        "Kontaktene i året etter hva de gjaldt (støttesamtale, informasjon og råd, "
        "koordinering, hjelp med søknader, opplæring, etterlattesamtale); en kontakt kan "
        "gjelde flere ting."
    ),
    CONTACTS,
    parts_add_up=False,
    parts=KINDS,
)
def contacts_by_kind(period: Period) -> Figure:
    counts = contacts_in(period).aggregate(
        all=Count("pk"), **{kind: Count("pk", filter=Q(**{kind: True})) for kind, _l in KINDS}
    )
    return Figure(counts.pop("all"), parts=counts)


@indicator(
    "first_contact_sources",
    _("Hvordan første kontakt kom"),
    _("Pasientoppfølgingene startet i året, etter hvem som tok første kontakt (figur 4-6)."),
    CASES,
    parts=FirstContactSource.choices,
)
def first_contact_sources(period: Period) -> Figure:
    rows = (
        new_patient_cases(period)
        .order_by()
        .values_list("first_contact_source")
        .annotate(n=Count("pk"))
    )
    parts = _parts(rows)
    total = new_patient_cases(period).count()
    return Figure(total, parts={s: parts.get(s, 0) for s in FirstContactSource.values})


def _connected(period: Period):
    """Service links in the report's areas whose first status is dated in the year: a status
    in the year and none before it."""
    changes = ServiceStatusChange.objects.filter(link=OuterRef("pk"))
    return ServiceLink.objects.filter(
        Exists(changes.filter(on__gte=period.first, on__lte=period.last)),
        ~Exists(changes.filter(on__lt=period.first)),
        area_id__in=period.area_ids,
    ).exclude(
        # Ended by the death before it ever started: the patient never got it (issue 26, 8).
        Q(status=ServiceStatus.BY_DEATH) & ~Exists(changes.filter(status=ServiceStatus.STARTED))
    )


@indicator(
    "services_connected",
    _("Tjenester koblet på"),
    _(
        "Tjenester og tilbud koordinatoren koblet på, med første status datert i året, per type. "
        "En tjeneste som ble avsluttet ved dødsfall før den startet, telles ikke."
    ),
    SERVICES,
    parts=SERVICE_CHOICES,
)
def services_connected(period: Period) -> Figure:
    rows = _connected(period)
    parts = _parts(rows.order_by().values_list("service").annotate(n=Count("pk")))
    return Figure(sum(parts.values()), parts=parts)


@indicator(
    "share_services_not_without_coordinator",
    _("Tjenester som ikke ville blitt brukt uten koordinatoren"),
    _(
        "Blant tjenestene koblet på i året der spørsmålet er besvart: andelen som ikke ville "
        "blitt brukt uten koordinatoren (figur 6-4)."
    ),
    SHARE,
)
def share_services_not_without_coordinator(period: Period) -> Figure:
    answered = ServiceLink.objects.filter(
        pk__in=_connected(period).values("pk"), without_coordinator__isnull=False
    )
    counts = answered.aggregate(
        no=Count("pk", filter=Q(without_coordinator=False)), all=Count("pk")
    )
    return share(counts["no"], counts["all"])


@indicator(
    "children_as_relatives",
    _("Barn som pårørende"),
    _(
        "Personer under 18 år ved årets slutt som var registrert som pårørende på en "
        "oppfølging som var åpen i året (helsepersonelloven § 10 a)."
    ),
    PEOPLE,
)
def children_as_relatives(period: Period) -> Figure:
    open_cases = Case.objects.filter(area_id__in=period.area_ids).filter(period.open_during())
    born_after = date(period.year - 18, 12, 31)
    child = Q(birth_date__gt=born_after) | Q(
        birth_date__isnull=True, birth_year__gt=born_after.year
    )
    relative = Exists(Relation.objects.filter(case__in=open_cases, person=OuterRef("pk")))
    return Figure(Person.objects.filter(child).filter(relative).count())


@indicator(
    "phases_at_year_end",
    _("Faser ved årets slutt"),
    _(
        "Pasientoppfølgingene som var åpne ved årets slutt, etter fasen de var i da (den siste "
        "fasen med startdato senest 31. desember)."
    ),
    CASES,
    parts=Phase.choices,
)
def phases_at_year_end(period: Period) -> Figure:
    at_end = (
        CasePhase.objects.filter(case=OuterRef("pk"), from_date__lte=period.last)
        .order_by("-from_date", "-pk")
        .values("phase")[:1]
    )
    open_at_end = Case.objects.filter(
        area_id__in=period.area_ids,
        kind=Case.Kind.PATIENT,
        opened_on__lte=period.last,
    ).filter(Q(closed_on__isnull=True) | Q(closed_on__gt=period.last))
    rows = (
        open_at_end.annotate(phase_then=Subquery(at_end))
        .order_by()
        .values_list("phase_then")
        .annotate(n=Count("pk"))
    )
    parts = _parts(rows)
    return Figure(sum(parts.values()), parts={p: parts.get(p, 0) for p in Phase.values})


@indicator(
    "survey_answers",
    _("Svar på brukerundersøkelsen"),
    _(
        "Svar i året på «Var hjelpen fra kreftkoordinatoren det du var ute etter?», etter svar "
        "(mer enn forventet, som forventet, mindre enn forventet, fikk ikke hjelpen; svar på "
        "det gamle spørsmålet regnet om). Svarene er anonyme og knyttet bare til område og måned."
    ),
    _("svar"),
    parts=SurveyAnswer.HelpMatched.choices,
)
def survey_answers(period: Period) -> Figure:
    answers = SurveyAnswer.objects.filter(area_id__in=period.area_ids).filter(period.dated("month"))
    parts = _parts(answers.order_by().values_list("help_matched").annotate(n=Count("pk")))
    return Figure(
        sum(parts.values()), parts={v: parts.get(v, 0) for v in SurveyAnswer.HelpMatched.values}
    )


def _survey(period: Period):
    return SurveyAnswer.objects.filter(area_id__in=period.area_ids).filter(period.dated("month"))


@indicator(
    "share_survey_help_as_expected",
    _("Fikk hjelpen de var ute etter"),
    _(
        "Blant svarene på brukerundersøkelsen i året: andelen som fikk hjelpen de var ute "
        "etter, som forventet eller mer (TNS Gallups spørsmål, avsnitt 6.2)."
    ),
    SHARE,
    Reference(0.90, "avsnitt 6.2, TNS Gallup, N=251"),
)
def share_survey_help_as_expected(period: Period) -> Figure:
    counts = _survey(period).aggregate(
        yes=Count("pk", filter=Q(help_matched__in=["more", "as_expected"])), all=Count("pk")
    )
    return share(counts["yes"], counts["all"])


@indicator(
    "share_survey_helped_with_others",
    _("Fikk hjelp til å få hjelp fra andre"),
    _(
        "Blant svarene i året der spørsmålet er besvart: andelen som fikk hjelp fra "
        "koordinatoren til å få hjelp fra andre, som sykehuset, hjemmesykepleien og NAV "
        "(avsnitt 6.2)."
    ),
    SHARE,
    Reference(0.64, "avsnitt 6.2, TNS Gallup, N=251"),
)
def share_survey_helped_with_others(period: Period) -> Figure:
    counts = _survey(period).aggregate(
        yes=Count("pk", filter=Q(helped_with_others=True)),
        all=Count("pk", filter=Q(helped_with_others__isnull=False)),
    )
    return share(counts["yes"], counts["all"])
