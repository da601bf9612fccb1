from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.audit.scoping import AreaScopedQuerySet
from kreftkoordinator.organisation.models import Area

from .cases import Case

# The services a coordinator connects people to. Municipal services follow the categories of the
# municipal patient and user register (KPR); NAV benefits those relevant to cancer; other offers
# until the directory (issue 4) lets a link point to a registered offer.
SERVICES = [
    (
        _("Kommunale tjenester"),
        [
            ("home_nursing", _("Hjemmesykepleie")),
            ("practical_help", _("Praktisk bistand / hjemmehjelp")),
            ("safety_alarm", _("Trygghetsalarm")),
            ("assistive_devices", _("Hjelpemidler")),
            ("short_term_stay", _("Korttidsopphold")),
            ("respite", _("Avlastning")),
            ("day_care", _("Dagsenter / dagtilbud")),
            ("physiotherapy", _("Fysioterapi")),
            ("occupational_therapy", _("Ergoterapi")),
            ("healthy_life", _("Frisklivssentral")),
            ("meals", _("Matombringing")),
            ("personal_assistance", _("Brukerstyrt personlig assistanse (BPA)")),
            ("mental_health", _("Psykisk helsetjeneste")),
            ("care_allowance", _("Omsorgsstønad")),
            ("palliative_team", _("Palliativt team / lindrende enhet")),
            ("transport", _("Tilrettelagt transport (TT-kort)")),
            ("long_term_place", _("Langtidsplass i sykehjem")),
            ("acute_bed", _("Kommunal akutt døgnenhet (KAD)")),
            ("municipal_psychologist", _("Kommunepsykolog")),
            ("health_station", _("Helsestasjon og skolehelsetjeneste")),
            ("school_adaptation", _("Tilrettelegging i skole eller barnehage")),
            ("individual_plan", _("Individuell plan")),
            ("coordinator_7_2", _("Koordinator etter helse- og omsorgstjenesteloven § 7-2")),
        ],
    ),
    (
        _("Spesialisthelsetjenesten"),
        [
            ("hospice", _("Hospice")),
            ("rehabilitation_stay", _("Rehabiliteringsopphold")),
            ("child_mental_health", _("Psykisk helsevern for barn og unge (BUP)")),
            ("child_responsible", _("Barneansvarlig personell på sykehuset")),
            ("clinical_nutritionist", _("Klinisk ernæringsfysiolog")),
        ],
    ),
    (
        _("NAV"),
        [
            ("sick_pay", _("Sykepenger")),
            ("work_assessment", _("Arbeidsavklaringspenger (AAP)")),
            ("basic_benefit", _("Grunnstønad")),
            ("attendance_benefit", _("Hjelpestønad")),
            ("end_of_life_care", _("Pleiepenger i livets sluttfase")),
            ("sick_child_care", _("Pleiepenger for sykt barn")),
            ("disability_benefit", _("Uføretrygd")),
            ("nav_devices", _("Hjelpemiddelsentralen")),
            ("work_follow_up", _("Tilrettelegging på arbeidsplassen og arbeidsrettet oppfølging")),
            ("dental_helfo", _("Tannbehandling med stønad fra HELFO")),
        ],
    ),
    (
        _("Andre tilbud"),
        [
            ("peer_support", _("Likeperson")),
            ("patient_association", _("Pasientforening")),
            ("vardesenter", _("Vardesenteret")),
            ("learning_centre", _("Lærings- og mestringssenter")),
            ("voluntary_centre", _("Frivilligsentral")),
            ("advice_line", _("Kreftforeningens rådgivningstjeneste")),
            ("grief_group", _("Sorggruppe")),
            ("other", _("Annet tilbud")),
        ],
    ),
]


# get_service_display() flattens the grouped list on every call; a case page names many services.
SERVICE_LABELS = {key: label for _group, choices in SERVICES for key, label in choices}


class ServiceStatus(models.TextChoices):
    PROPOSED = "proposed", _("Foreslått")
    APPLIED = "applied", _("Søkt")
    GRANTED = "granted", _("Innvilget")
    STARTED = "started", _("Startet")
    ENDED = "ended", _("Avsluttet")
    DECLINED = "declined", _("Takket nei")
    REFUSED = "refused", _("Avslått")
    # Set only by the checklist after a death: neither the patient's choice nor a refusal.
    BY_DEATH = "by_death", _("Avsluttet ved dødsfall")


S = ServiceStatus
# Which status may follow which. Offers without an application may start straight away.
NEXT = {
    S.PROPOSED: [S.APPLIED, S.STARTED, S.DECLINED],
    S.APPLIED: [S.GRANTED, S.REFUSED, S.DECLINED],
    S.GRANTED: [S.STARTED, S.DECLINED],
    S.STARTED: [S.ENDED],
    S.ENDED: [],
    S.DECLINED: [],
    S.REFUSED: [],
    S.BY_DEATH: [],
}


class Loop(models.TextChoices):
    """Where a service handled by a team member stands, as a closed-loop referral: sent to
    her, answered by her, done."""

    SENT = "sent", _("sendt")
    ANSWERED = "answered", _("besvart")
    DONE = "done", _("ferdig")


LOOP = {
    S.APPLIED: Loop.SENT,
    S.GRANTED: Loop.ANSWERED,
    S.REFUSED: Loop.ANSWERED,
    S.STARTED: Loop.DONE,
    S.ENDED: Loop.DONE,
    S.DECLINED: Loop.DONE,
    S.BY_DEATH: Loop.DONE,
}
# Whose move an open link waits for: proposed, the coordinator's (to send it); applied, the
# member's (to answer); granted, the member's (to start it).
MEMBERS_MOVE = {S.APPLIED, S.GRANTED}


class ServiceLinkQuerySet(AreaScopedQuerySet["ServiceLink"]):
    pass


class ServiceLink(models.Model):
    area = models.ForeignKey(Area, models.PROTECT, related_name="+", verbose_name=_("område"))
    case = models.ForeignKey(
        Case, models.CASCADE, related_name="services", verbose_name=_("oppfølging")
    )
    service = models.CharField(_("tjeneste eller tilbud"), max_length=30, choices=SERVICES)
    offer = models.ForeignKey(
        "directory.Offer",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="service_links",
        verbose_name=_("tilbud"),
    )
    description = models.CharField(
        _("beskrivelse"),
        max_length=200,
        blank=True,
        help_text=_("For «Annet tilbud», eller for å presisere."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ServiceStatus.choices, default=ServiceStatus.PROPOSED
    )
    status_on = models.DateField(_("dato for status"))
    handled_by = models.ForeignKey(
        "casework.CareTeamMember",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="services",
        verbose_name=_("hvem i teamet behandler den"),
    )
    without_coordinator = models.BooleanField(
        _("ville blitt brukt uten koordinatoren"),
        null=True,
        blank=True,
        help_text=_("Evalueringen spør: ville personen fått tjenesten uten koordinatoren?"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", null=True
    )

    objects = ServiceLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-status_on", "-pk"]
        verbose_name = _("tjeneste")
        verbose_name_plural = _("tjenester")

    def __str__(self) -> str:
        if self.offer is not None and not self.description:
            return self.offer.title
        return self.description or str(SERVICE_LABELS.get(self.service, self.service))

    @property
    def next_statuses(self) -> list[ServiceStatus]:
        return NEXT[ServiceStatus(self.status)]

    @property
    def is_open(self) -> bool:
        return bool(self.next_statuses)

    @property
    def loop(self) -> str:
        """Sent, answered or done, for a link a team member handles; empty otherwise."""
        return LOOP.get(ServiceStatus(self.status), "") if self.handled_by_id else ""

    @property
    def members_move(self) -> bool:
        """The next move is the handling member's, not the coordinator's."""
        return bool(self.handled_by_id) and self.status in MEMBERS_MOVE


class ServiceStatusChange(models.Model):
    link = models.ForeignKey(ServiceLink, models.CASCADE, related_name="changes")
    status = models.CharField(_("status"), max_length=10, choices=ServiceStatus.choices)
    on = models.DateField(_("dato"))

    class Meta:
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_status_display()} {self.on:%d.%m.%Y}"

    @property
    def loop(self) -> str:
        """Sent, answered or done at this step, when a team member handles the link."""
        return LOOP.get(ServiceStatus(self.status), "") if self.link.handled_by_id else ""
