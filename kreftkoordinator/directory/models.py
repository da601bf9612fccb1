"""The overview of municipal, voluntary and other offers: who offers what, to whom, where, and how
to get it. Not personal data: anyone logged in may read it, the public sees published offers."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.codes import Phase
from kreftkoordinator.organisation.models import Area, Position, today
from kreftkoordinator.validators import is_web_url, web_url

VERIFY_EVERY = timedelta(days=365)


class ProviderKind(models.TextChoices):
    MUNICIPAL = "municipal", _("Kommunal tjeneste")
    NAV = "nav", _("NAV")
    HOSPITAL = "hospital", _("Sykehus")
    PATIENT_ASSOCIATION = "patient_association", _("Pasientforening")
    VOLUNTARY_CENTRE = "voluntary_centre", _("Frivilligsentral")
    CHURCH = "church", _("Kirke og trossamfunn")
    CANCER_SOCIETY = "cancer_society", _("Kreftforeningen")
    PRIVATE = "private", _("Privat")


class Category(models.TextChoices):
    HEALTH_CARE = "health_care", _("Kommunale helse- og omsorgstjenester")
    REHABILITATION = "rehabilitation", _("Rehabilitering og fysisk aktivitet")
    DEVICES = "devices", _("Hjelpemidler og velferdsteknologi")
    FINANCES = "finances", _("NAV og økonomi")
    WORK_SCHOOL = "work_school", _("Arbeid og skole")
    FAMILY = "family", _("Barn og familie")
    PSYCHOLOGICAL = "psychological", _("Psykisk støtte")
    PEER_SUPPORT = "peer_support", _("Pasientforeninger og likepersoner")
    VOLUNTARY = "voluntary", _("Frivillighet og aktiviteter")
    PALLIATIVE = "palliative", _("Lindrende behandling og livets slutt")
    BEREAVEMENT = "bereavement", _("Sorg og etterlatte")


class Access(models.TextChoices):
    SELF_REFERRAL = "self_referral", _("Ta kontakt selv")
    APPLICATION = "application", _("Søknad og vedtak")
    REFERRAL = "referral", _("Henvisning")


class Provider(models.Model):
    name = models.CharField(_("navn"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=ProviderKind.choices)
    website = models.URLField(_("nettside"), blank=True, validators=[web_url])
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    hsds_id = models.CharField(max_length=64, blank=True, db_index=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tilbyder")
        verbose_name_plural = _("tilbydere")

    def __str__(self) -> str:
        return self.name

    @property
    def web_link(self) -> str:
        """The website, if it is an http(s) link: nothing else is ever rendered as a link."""
        return self.website if is_web_url(self.website) else ""


class OfferQuerySet(models.QuerySet["Offer"]):
    def published(self) -> OfferQuerySet:
        return self.filter(published=True)

    def for_area(self, area: Area) -> OfferQuerySet:
        """Offers available to someone living in `area`: national ones, and those for its
        county, its municipality (for a district: Oslo) or the area itself."""
        ids = [area.pk]
        node = area.parent
        while node is not None:
            ids.append(node.pk)
            node = node.parent
        return self.filter(Q(national=True) | Q(areas__in=ids)).distinct()

    def matching(self, words: str) -> OfferQuerySet:
        for word in words.split():
            self = self.filter(
                Q(title__icontains=word)
                | Q(description__icontains=word)
                | Q(provider__name__icontains=word)
            )
        return self

    def for_phase(self, phase: str) -> OfferQuerySet:
        return self.filter(phases__contains=f",{phase},")

    def maintained_by(self, user) -> OfferQuerySet:
        """What a user may edit: coordinators their areas' offers, programme staff the
        national ones, administrators everything."""
        if not (user.is_authenticated and user.is_active):
            return self.none()
        if user.is_admin:
            return self
        if user.is_programme:
            return self.filter(national=True)
        if user.is_coordinator:
            return self.filter(owner_area__in=Area.objects.visible_to(user))
        return self.none()

    def needing_verification(self) -> OfferQuerySet:
        return self.filter(
            Q(last_verified__isnull=True) | Q(last_verified__lt=today() - VERIFY_EVERY)
        )


class Offer(models.Model):
    provider = models.ForeignKey(
        Provider, models.PROTECT, related_name="offers", verbose_name=_("tilbyder")
    )
    title = models.CharField(_("navn på tilbudet"), max_length=200)
    description = models.TextField(_("hva tilbudet er"))
    category = models.CharField(_("kategori"), max_length=20, choices=Category.choices)
    for_patients = models.BooleanField(_("for pasienter"), default=True)
    for_relatives = models.BooleanField(_("for pårørende"), default=False)
    for_children = models.BooleanField(_("for barn og unge"), default=False)
    # The phases as ",treatment,palliative," so a phase is found with one LIKE on any database.
    phases = models.CharField(_("faser"), max_length=200, blank=True)
    national = models.BooleanField(_("hele landet"), default=False)
    areas = models.ManyToManyField(
        Area, blank=True, related_name="offers", verbose_name=_("områder")
    )
    owner_area = models.ForeignKey(
        Area,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_offers",
        verbose_name=_("vedlikeholdes av"),
        help_text=_("Området som holder tilbudet oppdatert; tomt for nasjonale tilbud."),
    )
    access = models.CharField(
        _("slik får man det"), max_length=20, choices=Access.choices, default=Access.SELF_REFERRAL
    )
    cost = models.CharField(_("pris"), max_length=200, blank=True)
    languages = models.CharField(_("språk"), max_length=200, blank=True, default="norsk")
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    website = models.URLField(_("nettside"), blank=True, validators=[web_url])
    opening_hours = models.CharField(_("åpningstider"), max_length=200, blank=True)
    address = models.CharField(_("adresse"), max_length=200, blank=True)
    published = models.BooleanField(_("vises offentlig"), default=True)
    last_verified = models.DateField(_("sist kontrollert"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The id in HSDS exports and imports (directory/hsds.py); empty: derived from the pk.
    hsds_id = models.CharField(max_length=64, blank=True, db_index=True, editable=False)

    objects = OfferQuerySet.as_manager()

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("tilbud")
        verbose_name_plural = _("tilbud")

    def __str__(self) -> str:
        return self.title

    @property
    def web_link(self) -> str:
        """The website, if it is an http(s) link: nothing else is ever rendered as a link."""
        return self.website if is_web_url(self.website) else ""

    @property
    def phase_list(self) -> list[str]:
        return [p for p in self.phases.split(",") if p]

    def set_phases(self, phases: list[str]) -> None:
        self.phases = f",{','.join(phases)}," if phases else ""

    @property
    def phase_labels(self) -> list[str]:
        labels = dict(Phase.choices)
        return [str(labels[p]) for p in self.phase_list if p in labels]

    @property
    def needs_verification(self) -> bool:
        return self.last_verified is None or self.last_verified < today() - VERIFY_EVERY

    @property
    def target_groups(self) -> list[str]:
        groups = [
            (self.for_patients, _("pasienter")),
            (self.for_relatives, _("pårørende")),
            (self.for_children, _("barn og unge")),
        ]
        return [str(label) for on, label in groups if on]


class EventKind(models.TextChoices):
    THEME_CAFE = "theme_cafe", _("Temakafé")
    MEETING_PLACE = "meeting_place", _("Møteplass")
    RELATIVES_COURSE = "relatives_course", _("Kurs for pårørende")
    COURSE = "course", _("Kurs")
    LECTURE = "lecture", _("Foredrag")


class EventQuerySet(models.QuerySet["Event"]):
    def upcoming(self) -> EventQuerySet:
        return self.filter(ends_at__date__gte=today())

    def for_area(self, area: Area) -> EventQuerySet:
        """Events for someone living in `area`: there, and in the other areas its coordinator
        covers (Valdres's meeting place in Nord-Aurdal is Vang's too)."""
        shared = Position.objects.active_on(today()).filter(covered_areas=area)
        return self.filter(
            Q(area=area) | Q(area__in=Area.objects.filter(covering_positions__in=shared))
        ).distinct()


class Event(models.Model):
    """A meeting place, theme café or course on a date, in an area."""

    title = models.CharField(_("tittel"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=EventKind.choices)
    description = models.TextField(_("beskrivelse"), blank=True)
    area = models.ForeignKey(Area, models.PROTECT, related_name="events", verbose_name=_("område"))
    place = models.CharField(_("sted"), max_length=200)
    starts_at = models.DateTimeField(_("starter"))
    ends_at = models.DateTimeField(_("slutter"))
    offer = models.ForeignKey(
        Offer,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("tilbud"),
    )
    published = models.BooleanField(_("vises offentlig"), default=True)
    cancelled = models.BooleanField(
        _("avlyst"),
        default=False,
        help_text=_("Står som avlyst på nettsiden og i kalenderne til dem som abonnerer."),
    )
    # For calendar apps (RFC 5545): SEQUENCE goes up when the time, the place, the title or the
    # status changes, so a subscriber's calendar takes the new version; DTSTAMP is updated_at.
    sequence = models.PositiveIntegerField(_("versjon i kalenderen"), default=0)
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    objects = EventQuerySet.as_manager()

    REVISED_BY = ("title", "place", "starts_at", "ends_at", "cancelled")

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("arrangement")
        verbose_name_plural = _("arrangementer")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        loaded = getattr(self, "_loaded", None)
        if loaded and any(getattr(self, f) != v for f, v in loaded.items()):
            self.sequence += 1
        super().save(*args, **kwargs)
        self._loaded = {f: getattr(self, f) for f in self.REVISED_BY}

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):  # type: ignore[override]
        event = super().from_db(db, field_names, values, **kwargs)
        event._loaded = {f: getattr(event, f) for f in cls.REVISED_BY if f in field_names}
        return event
