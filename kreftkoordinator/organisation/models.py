"""Areas (kommune/bydel), coordinator positions, who holds them when, the funder's district offices.

Areas decide who may see what: a coordinator sees an area's personal records only while holding an
assignment to a position that covers it (DESIGN section 3, rule 2). `Area.objects.visible_to(user)`
is the one place that rule is written down.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from kreftkoordinator.accounts.models import User


def today() -> date:
    return timezone.localdate()


def valid_on_q(day: date, start: str = "valid_from", end: str = "valid_to") -> Q:
    return Q(**{f"{start}__lte": day}) & (Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": day}))


class AreaKind(models.TextChoices):
    COUNTY = "county", _("Fylke")
    MUNICIPALITY = "municipality", _("Kommune")
    DISTRICT = "district", _("Bydel")

    @classmethod
    def for_code(cls, code: str) -> AreaKind | None:
        """SSB's codes tell the kind by length: county 2, municipality 4, city district 6."""
        return {2: cls.COUNTY, 4: cls.MUNICIPALITY, 6: cls.DISTRICT}.get(len(code))


class LanguageForm(models.TextChoices):
    """An area's official language form (målform) under the language act: a nynorsk
    municipality is written to in nynorsk; a neutral one, like a bokmål one, gets bokmål."""

    NYNORSK = "nynorsk", _("Nynorsk")
    BOKMAL = "bokmal", _("Bokmål")
    NEUTRAL = "neutral", _("Nøytral")

    @property
    def language(self) -> str:
        """The UI language (a code of settings.LANGUAGES) for this language form."""
        return "nn" if self == LanguageForm.NYNORSK else "nb"


class AreaQuerySet(models.QuerySet["Area"]):
    def valid_on(self, day: date) -> AreaQuerySet:
        return self.filter(valid_on_q(day))

    def current(self) -> AreaQuerySet:
        return self.valid_on(today())

    def serviceable(self) -> AreaQuerySet:
        """Areas that own personal records and can be covered by a position."""
        return self.filter(kind__in=[AreaKind.MUNICIPALITY, AreaKind.DISTRICT])

    def coverage_units(self) -> AreaQuerySet:
        """What coverage is counted over on every page ("N av M kommuner og bydeler"): the
        municipalities, a city with districts counted by its districts."""
        divided = Area.objects.filter(kind=AreaKind.DISTRICT).values("parent")
        return self.serviceable().exclude(kind=AreaKind.MUNICIPALITY, pk__in=divided)

    def covered_by(self, positions) -> AreaQuerySet:
        return self.filter(covering_positions__in=positions).distinct()

    def find(self, text: str) -> Area | None:
        """The current municipality or district a person means by a number, a name, a postcode
        or a place, when only one fits (organisation/finding.py has the suggestions)."""
        from .finding import find

        return find(text).area

    def visible_to(self, user: User, on: date | None = None) -> AreaQuerySet:
        """The areas whose personal records `user` may see on the given day (default: today).

        Only coordinators see personal records, and only through an assignment that is in force
        that day to a position that is in force that day. Built as a subquery, so callers that
        filter by it add no extra query.
        """
        if not (user.is_authenticated and user.is_active and user.is_coordinator):
            return self.none()
        day = on or today()
        # A page filters by this several times: the subquery is built once per user object and
        # day. Only its Python form is kept; the SQL runs afresh each time it is used.
        built = getattr(user, "_covered_areas", None)
        if built is None or built[0] != day:
            positions = Position.objects.held_by(user, day)
            covered = Position.covered_areas.through.objects.filter(position__in=positions)
            built = (day, covered.values("area"))
            user._covered_areas = built  # type: ignore[attr-defined]
        return self.filter(pk__in=built[1])

    def figures_for(self, user: User) -> AreaQuerySet:
        """The areas whose figures (indicators, counts, economics) `user` may see: the one scope
        for every page with figures (DESIGN section 3, rule 3). Figures that leave an area are
        suppressed (`audit.disclosure`) whoever sees them.

        - coordinator: the areas she covers today (her own caseload's areas)
        - leader: the areas granted to her
        - programme staff at the funder: every municipality and district (national figures);
          `district_of(user)` narrows it to her district office's counties where she wants
        - administrator: none (she keeps the system, not the scheme)
        """
        if not (user.is_authenticated and user.is_active):
            return self.none()
        if user.is_coordinator:
            return self.visible_to(user)
        if user.is_leader:
            return self.serviceable().filter(leaders=user)
        if user.is_programme:
            return self.serviceable()
        return self.none()

    def district_of(self, user: User) -> AreaQuerySet:
        """The municipalities and districts of the counties the user's district office serves."""
        office = getattr(user, "district_office_id", None)
        if office is None:
            return self.none()
        counties = self.filter(district_offices=office)
        return self.serviceable().filter(Q(parent__in=counties) | Q(parent__parent__in=counties))


class Area(models.Model):
    code = models.CharField(_("kode"), max_length=6, db_index=True)
    name = models.CharField(_("navn"), max_length=100)
    kind = models.CharField(_("type"), max_length=12, choices=AreaKind.choices)
    parent = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("ligger i"),
    )
    valid_from = models.DateField(_("gyldig fra"))
    valid_to = models.DateField(_("gyldig til"), null=True, blank=True)
    language_form = models.CharField(
        _("målform"), max_length=8, choices=LanguageForm.choices, default=LanguageForm.NEUTRAL
    )

    objects = AreaQuerySet.as_manager()

    class Meta:
        ordering = ["code", "valid_from"]
        verbose_name = _("område")
        verbose_name_plural = _("områder")
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="area_code_once_per_start")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def county(self) -> Area | None:
        area: Area | None = self
        while area is not None and area.kind != AreaKind.COUNTY:
            area = area.parent
        return area

    def is_valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or self.valid_to >= day)

    @property
    def language(self) -> str:
        """The language a page or a document about this area is in when nobody has chosen."""
        return LanguageForm(self.language_form).language


class DistrictOffice(models.Model):
    """One of the funder's district offices; the coordinators' contact at the funder."""

    name = models.CharField(_("navn"), max_length=100, unique=True)
    city = models.CharField(_("sted"), max_length=100, blank=True)
    counties = models.ManyToManyField(
        Area,
        blank=True,
        related_name="district_offices",
        verbose_name=_("fylker"),
        limit_choices_to={"kind": AreaKind.COUNTY},
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("distriktskontor")
        verbose_name_plural = _("distriktskontorer")

    def __str__(self) -> str:
        return self.name


def check_fte(fte: int | None, funding: str) -> str | None:
    """Why the FTE is not allowed, or None: 50 or 100 % where the funder co-finances (table
    3-1: a position may not be split), 10 to 100 % where the municipality pays alone."""
    if fte is None:
        return None
    if funding == Position.Funding.CO_FINANCED and fte not in Position.FTE.values:
        return _(
            "En stilling Kreftforeningen medfinansierer er 50 eller 100 %% (tabell 3-1), ikke "
            "%(fte)s %%."
        ) % {"fte": fte}
    if not 10 <= fte <= 100:
        return str(_("Stillingsprosenten må være mellom 10 og 100."))
    return None


class PositionQuerySet(models.QuerySet["Position"]):
    def active_on(self, day: date) -> PositionQuerySet:
        return self.filter(valid_on_q(day, "start_date", "end_date"))

    def held_by(self, user: User, on: date) -> PositionQuerySet:
        """The positions the user holds or stands in for on the day: an approved assignment in
        force then, to a position in force then. A subquery: callers that filter by it add no
        query."""
        held = Assignment.objects.valid_on(on).filter(user=user).values("position")
        return self.active_on(on).filter(pk__in=held)


class Position(models.Model):
    class Kind(models.TextChoices):
        MUNICIPAL = "municipal", _("Kommunal kreftkoordinator")
        HOSPITAL = "hospital", _("Kreftkoordinator på sykehus")

    class FTE(models.IntegerChoices):
        """Table 3-1: a position the funder co-finances is 50 % or 100 %."""

        HALF = 50, _("50 %")
        FULL = 100, _("100 %")

    class Funding(models.TextChoices):
        CO_FINANCED = "co_financed", _("Medfinansiert av Kreftforeningen")
        MUNICIPAL = "municipal", _("Finansiert av kommunen alene")

    name = models.CharField(_("navn"), max_length=150)
    host_area = models.ForeignKey(
        Area, models.PROTECT, related_name="hosted_positions", verbose_name=_("vertskommune")
    )
    covered_areas = models.ManyToManyField(
        Area, related_name="covering_positions", verbose_name=_("dekker områdene")
    )
    funding = models.CharField(
        _("finansiering"), max_length=12, choices=Funding.choices, default=Funding.CO_FINANCED
    )
    fte = models.PositiveSmallIntegerField(
        _("stillingsprosent"),
        help_text=_(
            "50 eller 100 når Kreftforeningen medfinansierer stillingen (tabell 3-1); 10 til 100 "
            "når kommunen finansierer den alene."
        ),
    )
    # The municipality's own salary figures for the economics (issue 26, point 4): the gross
    # annual salary of a full-time position, the social-cost rate in per cent, and the year the
    # kroner are of. Set by the host area's leader or an administrator (economics/salary.py).
    salary_annual = models.PositiveIntegerField(
        _("brutto årslønn i hel stilling"), null=True, blank=True
    )
    social_cost_rate = models.DecimalField(
        _("sosiale kostnader (prosent av lønnen)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
    )
    salary_price_year = models.PositiveSmallIntegerField(_("lønnens prisår"), null=True, blank=True)
    start_date = models.DateField(_("startdato"))
    end_date = models.DateField(_("sluttdato"), null=True, blank=True)
    district_office = models.ForeignKey(
        DistrictOffice,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="positions",
        verbose_name=_("distriktskontor"),
    )
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices, default=Kind.MUNICIPAL)
    # Shown on the public pages: the position's work phone and e-mail, not a person's own.
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    office_hours = models.CharField(_("treffetid"), max_length=200, blank=True)

    objects = PositionQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("stilling")
        verbose_name_plural = _("stillinger")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors: dict[str, object] = {}
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("Sluttdatoen kan ikke være før startdatoen.")
        problem = check_fte(self.fte, self.funding)
        if problem:
            errors["fte"] = problem
        if errors:
            raise ValidationError(errors)

    @property
    def is_inter_municipal(self) -> bool:
        return self.covered_areas.count() > 1


class AssignmentQuerySet(models.QuerySet["Assignment"]):
    def approved(self) -> AssignmentQuerySet:
        """Assignments a second person has approved: only these give access (two-person rule)."""
        return self.filter(approved_at__isnull=False)

    def pending(self) -> AssignmentQuerySet:
        return self.filter(approved_at__isnull=True)

    def valid_on(self, day: date) -> AssignmentQuerySet:
        return self.approved().filter(valid_on_q(day))

    def overlapping(self, start: date, end: date | None) -> AssignmentQuerySet:
        """Assignments whose period shares at least one day with [start, end]."""
        qs = self.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=start))
        return qs.filter(valid_from__lte=end) if end else qs


class Assignment(models.Model):
    """A user holds (or substitutes in) a position for a period: the source of all access."""

    class Kind(models.TextChoices):
        HOLDER = "holder", _("Innehaver")
        SUBSTITUTE = "substitute", _("Vikar")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="assignments",
        verbose_name=_("bruker"),
    )
    position = models.ForeignKey(
        Position, models.CASCADE, related_name="assignments", verbose_name=_("stilling")
    )
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices, default=Kind.HOLDER)
    valid_from = models.DateField(_("fra"))
    valid_to = models.DateField(_("til"), null=True, blank=True)
    # Two people give access to persons: one asks, another approves (`administration.py`).
    # Until then the assignment gives nothing. A change that widens an approved one is a row of
    # its own that `replaces` it, so the assignment in force keeps working while it waits.
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bedt om av"),
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("godkjent av"),
    )
    approved_at = models.DateTimeField(_("godkjent"), null=True, blank=True)
    replaces = models.ForeignKey(
        "self",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("endrer"),
    )

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["position", "valid_from"]
        verbose_name = _("tilsetting")
        verbose_name_plural = _("tilsettinger")

    def __str__(self) -> str:
        return f"{self.user} – {self.position} ({self.get_kind_display()})"

    # A substitute covers an absence: her access ends on a set day, at most a year ahead, so a
    # forgotten substitute cannot keep reading the caseload (an extension is a logged change).
    SUBSTITUTE_MONTHS = 12

    @classmethod
    def latest_substitute_end(cls, day: date) -> date:
        year, month = divmod(day.month - 1 + cls.SUBSTITUTE_MONTHS, 12)
        target_year, target_month = day.year + year, month + 1
        last = monthrange(target_year, target_month)[1]
        return date(target_year, target_month, min(day.day, last))

    def clean(self) -> None:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("Tilsettingen kan ikke slutte før den starter.")})
        if self.kind == self.Kind.SUBSTITUTE:
            latest = self.latest_substitute_end(today())
            if self.valid_to is None:
                raise ValidationError(
                    {"valid_to": _("En vikar har en sluttdato. Bare innehaveren kan stå uten.")}
                )
            if self.valid_to > latest:
                raise ValidationError(
                    {
                        "valid_to": _(
                            "Et vikariat kan gå høyst 12 måneder fram i tid, til %(date)s. "
                            "Forleng det heller når det nærmer seg slutten."
                        )
                        % {"date": latest.strftime("%d.%m.%Y")}
                    }
                )
        if self.user_id and not self.user.is_coordinator:
            raise ValidationError(
                {"user": _("Bare brukere med rollen kreftkoordinator kan tilsettes i en stilling.")}
            )
        if self.kind == self.Kind.HOLDER and self.position_id and self.valid_from:
            # A position may not be split between people (table 3-1): one holder at a time.
            holders = Assignment.objects.filter(
                position_id=self.position_id, kind=self.Kind.HOLDER
            ).overlapping(self.valid_from, self.valid_to)
            if self.pk:  # itself, and a proposal that changes it, are no clash
                holders = holders.exclude(pk=self.pk).exclude(replaces_id=self.pk)
            if self.replaces_id:
                holders = holders.exclude(pk=self.replaces_id)
            clash = holders.select_related("user").first()
            if clash:
                raise ValidationError(
                    _(
                        "Stillingen har allerede en innehaver i denne perioden (%(name)s fra "
                        "%(start)s). En stilling kan ikke deles mellom flere; registrer en vikar "
                        "i stedet."
                    )
                    % {
                        "name": clash.user.get_full_name() or clash.user.username,
                        "start": clash.valid_from.strftime("%d.%m.%Y"),
                    }
                )

    def is_valid_on(self, day: date) -> bool:
        return (
            self.approved_at is not None
            and self.valid_from <= day
            and (self.valid_to is None or self.valid_to >= day)
        )

    def widens(self, before: Assignment) -> bool:
        """Whether this version gives access on a day the approved one `before` did not."""
        if (self.user_id, self.position_id) != (before.user_id, before.position_id):
            return True
        if self.valid_from < before.valid_from:
            return True
        return before.valid_to is not None and (
            self.valid_to is None or self.valid_to > before.valid_to
        )


class Place(models.Model):
    """A postcode and its place name from Bring's postcode register (`import-postcodes`), in
    the municipality it belongs to: so that "Fagernes" and "2900" find Nord-Aurdal."""

    postcode = models.CharField(_("postnummer"), max_length=4, db_index=True)
    name = models.CharField(_("poststed"), max_length=100)
    area = models.ForeignKey(Area, models.CASCADE, related_name="places", verbose_name=_("kommune"))

    class Meta:
        ordering = ["postcode"]
        verbose_name = _("poststed")
        verbose_name_plural = _("poststeder")

    def __str__(self) -> str:
        return f"{self.postcode} {self.name}"


class Population(models.Model):
    """An area's population on 1 January of a year, from SSB table 07459
    (`kreftkoordinator import-population FILE`): what the funder's coverage figure rests on."""

    area = models.ForeignKey(
        Area, models.CASCADE, related_name="populations", verbose_name=_("område")
    )
    year = models.PositiveSmallIntegerField(_("år"))
    persons = models.PositiveIntegerField(_("innbyggere"))

    class Meta:
        ordering = ["area", "year"]
        verbose_name = _("folketall")
        verbose_name_plural = _("folketall")
        constraints = [
            models.UniqueConstraint(fields=["area", "year"], name="one_population_per_area_year")
        ]

    def __str__(self) -> str:
        return f"{self.area} {self.year}: {self.persons}"
