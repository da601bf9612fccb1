"""Users and their roles (`kreftkoordinator.roles`). What a role may see is decided in
organisation: `Area.objects.visible_to(user)` for personal records (through assignments) and
`Area.objects.figures_for(user)` for figures (a leader's `areas` here, among others)."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.organisation.models import (
    Area,
    AreaKind,
    Assignment,
    DistrictOffice,
    LanguageForm,
    Position,
    today,
)
from kreftkoordinator.roles import Role

# Roles that can see personal data, directly or through the activity log, must use two factors.
TWO_FACTOR_ROLES = {Role.COORDINATOR, Role.ADMIN}
# Roles that may be the second person who approves access to persons (docs/security.md).
APPROVER_ROLES = {Role.ADMIN, Role.LEADER}
# The languages staff choose between, each named in itself (settings.LANGUAGES).
LANGUAGE_CHOICES = [("nb", "Bokmål"), ("nn", "Nynorsk"), ("en", "English")]


class User(AbstractUser):
    role = models.CharField(_("rolle"), max_length=12, choices=Role.choices)
    phone = models.CharField(_("telefon"), max_length=20, blank=True)
    areas = models.ManyToManyField(
        Area,
        blank=True,
        related_name="leaders",
        verbose_name=_("områder (for ledere)"),
        limit_choices_to={"kind__in": [AreaKind.MUNICIPALITY, AreaKind.DISTRICT]},
    )
    district_office = models.ForeignKey(
        DistrictOffice,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("distriktskontor"),
    )
    # An approver's role (administrator, or leader with her areas) is itself given by two
    # people: until another approver has approved it, she approves nothing. So nobody makes
    # herself a second account to approve her own requests.
    role_requested_by = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="+"
    )
    role_approved_by = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="+"
    )
    role_approved_at = models.DateTimeField(_("rollen godkjent"), null=True, blank=True)
    # Anvisning: a programme officer who may authorise the funder's payments, after another has
    # attested them (grants.Statement.authorise). Given by two people, as an approver's role.
    budget_authority = models.BooleanField(
        _("anvisningsmyndighet"),
        default=False,
        help_text=_(
            "Kan anvise utbetalinger av tilskudd etter at en annen har attestert dem. Bare for "
            "programansvarlige; en annen administrator må godkjenne det."
        ),
    )
    language = models.CharField(
        _("språk"),
        max_length=2,
        choices=LANGUAGE_CHOICES,
        blank=True,
        help_text=_("Tomt: målformen til vertskommunen for stillingen din."),
    )

    class Meta:
        ordering = ["first_name", "last_name", "username"]
        verbose_name = _("bruker")
        verbose_name_plural = _("brukere")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_coordinator(self) -> bool:
        return self.role == Role.COORDINATOR

    @property
    def is_leader(self) -> bool:
        return self.role == Role.LEADER

    @property
    def is_programme(self) -> bool:
        return self.role == Role.PROGRAMME

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def needs_two_factor(self) -> bool:
        return self.role in TWO_FACTOR_ROLES

    @property
    def is_approver(self) -> bool:
        """Whether she may be the second person who approves access to persons."""
        return self.is_active and self.role in APPROVER_ROLES and self.role_approved_at is not None

    @property
    def role_needs_approval(self) -> bool:
        """An approver's role, and budget authority, count only once a second person approved."""
        return self.role in APPROVER_ROLES or (
            self.role == Role.PROGRAMME and self.budget_authority
        )

    @property
    def role_waits_for_approval(self) -> bool:
        return self.role_needs_approval and self.role_approved_at is None

    @property
    def may_authorise_payments(self) -> bool:
        return (
            self.is_active
            and self.role == Role.PROGRAMME
            and self.budget_authority
            and self.role_approved_at is not None
        )

    def default_language(self) -> str:
        """The language when she has not chosen one: her position's host area's language form
        (a coordinator), her areas' (a leader, when they all write nynorsk), else bokmål."""
        if self.role == Role.COORDINATOR:
            position = (
                Position.objects.held_by(self, today())
                .select_related("host_area")
                .order_by("start_date", "pk")
                .first()
            )
            if position is not None:
                return position.host_area.language
        elif self.role == Role.LEADER:
            forms = set(self.areas.values_list("language_form", flat=True))
            if forms == {LanguageForm.NYNORSK}:
                return LanguageForm.NYNORSK.language
        return "nb"

    def reading_language(self) -> str:
        """What she reads: her choice, else her default (e-mails and notices to her)."""
        return self.language or self.default_language()

    def recovery_needs_approval(self) -> bool:
        """A recovery (new e-mail, password link, two-factor reset) of an account that has or
        had access to persons, or that may approve it, needs a second person."""
        return self.role in APPROVER_ROLES or self.assignments.exists()


def coordinators_covering(area: Area) -> list[User]:
    """Active users who cover the area today through a position in force (holders and
    substitutes in their period): who gets a contact request, a moved case, a notification."""
    day = today()
    positions = Position.objects.active_on(day).filter(covered_areas=area)
    return list(
        User.objects.filter(
            is_active=True,
            assignments__in=Assignment.objects.valid_on(day).filter(position__in=positions),
        ).distinct()
    )


class RecoveryQuerySet(models.QuerySet["Recovery"]):
    def waiting(self) -> "RecoveryQuerySet":
        """Asked for and neither stopped nor carried out (approved or not)."""
        return self.filter(stopped_at__isnull=True, carried_out_at__isnull=True)

    def unconfirmed(self) -> "RecoveryQuerySet":
        """Carried out and not yet confirmed by the user herself: reads in her name are
        attributed to it (`AuditEntry.recovery`)."""
        return self.filter(carried_out_at__isnull=False, confirmed_at__isnull=True)


class Recovery(models.Model):
    """A recovery of an account: a new e-mail address, a password link, a two-factor reset.

    For an account with access to persons it is asked for by one person and approved by
    another, takes effect `RECOVERY_DELAY_HOURS` after approval (the old address and the
    position's leaders get a link that stops it), and until the user confirms it, whatever is
    done in a session opened after it names it in the log (`accounts/recovery.py`)."""

    class Kind(models.TextChoices):
        EMAIL = "email", _("Ny e-postadresse")
        PASSWORD = "password", _("Lenke for nytt passord")
        TWO_FACTOR = "two_factor", _("Nullstille tofaktor")
        SIGN_ON = "sign_on", _("Ny innlogging gjennom en ID-leverandør")

    user = models.ForeignKey(
        User, models.PROTECT, related_name="recoveries", verbose_name=_("bruker")
    )
    kind = models.CharField(_("hva"), max_length=12, choices=Kind.choices)
    new_email = models.EmailField(_("ny e-post"), blank=True)
    old_email = models.EmailField(_("e-post da det ble bedt om"), blank=True)
    identity = models.ForeignKey(
        "SignOnIdentity",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("innlogging"),
    )
    requested_by = models.ForeignKey(
        User, models.PROTECT, related_name="+", verbose_name=_("bedt om av")
    )
    requested_at = models.DateTimeField(_("bedt om"))
    approved_by = models.ForeignKey(
        User, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("godkjent av")
    )
    approved_at = models.DateTimeField(_("godkjent"), null=True, blank=True)
    takes_effect_at = models.DateTimeField(_("virker fra"), null=True, blank=True)
    stopped_at = models.DateTimeField(_("stoppet"), null=True, blank=True)
    stopped_by = models.ForeignKey(
        User, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("stoppet av")
    )
    carried_out_at = models.DateTimeField(_("gjennomført"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("bekreftet av brukeren"), null=True, blank=True)

    objects = RecoveryQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("gjenoppretting")
        verbose_name_plural = _("gjenopprettinger")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.user}"

    @property
    def described(self) -> str:
        """In the log's words (Norwegian whatever the reader's language)."""
        what = {
            self.Kind.EMAIL: f"ny e-post {self.new_email}",
            self.Kind.PASSWORD: "lenke for nytt passord",
            self.Kind.TWO_FACTOR: "nullstille tofaktor",
            self.Kind.SIGN_ON: f"innlogging {self.identity}" if self.identity else "innlogging",
        }[self.Kind(self.kind)]
        return f"gjenoppretting {self.pk} ({what})"

    @property
    def asked(self) -> str:
        return f"{self.described} bedt om, venter på godkjenning"

    @property
    def state(self) -> str:
        if self.stopped_at:
            return str(_("Stoppet"))
        if self.carried_out_at:
            return (
                str(_("Gjennomført"))
                if self.confirmed_at
                else str(_("Gjennomført, ikke bekreftet"))
            )
        if self.approved_at:
            return str(_("Godkjent, venter"))
        return str(_("Venter på godkjenning"))


class SignOnIdentityQuerySet(models.QuerySet["SignOnIdentity"]):
    def in_force(self) -> "SignOnIdentityQuerySet":
        """Those a log-in may use: recorded at once, or through a recovery carried out."""
        return self.filter(active_from__isnull=False, user__is_active=True)


class SignOnIdentity(models.Model):
    """Who an account is at an OpenID provider: the provider's key (settings.OIDC_PROVIDERS),
    the claim that identifies her there, and the claim's value as a keyed hash
    (`identity_numbers.keyed_hash`). A national identity number is kept only as that hash; an
    HPR number or Entra object id is also shown, so the administrator can tell them apart.
    Log-ins match the hash exactly (accounts/sign_on.py); e-mail is never used."""

    user = models.ForeignKey(
        User, models.CASCADE, related_name="sign_on_identities", verbose_name=_("bruker")
    )
    provider = models.CharField(_("ID-leverandør"), max_length=30)
    claim = models.CharField(_("identifiserende opplysning"), max_length=80)
    key = models.CharField(_("nøkkelhash"), max_length=64)
    shown = models.CharField(_("vist som"), max_length=80, blank=True)
    recorded_by = models.ForeignKey(
        User, models.PROTECT, related_name="+", verbose_name=_("registrert av")
    )
    recorded_at = models.DateTimeField(_("registrert"))
    # Empty while a recovery waits for the second person (an account with access to persons).
    active_from = models.DateTimeField(_("i bruk fra"), null=True, blank=True)

    objects = SignOnIdentityQuerySet.as_manager()

    class Meta:
        ordering = ["provider", "recorded_at"]
        verbose_name = _("innlogging gjennom ID-leverandør")
        verbose_name_plural = _("innlogginger gjennom ID-leverandør")
        constraints = [
            models.UniqueConstraint(fields=["provider", "key"], name="sign_on_identity_once")
        ]

    def __str__(self) -> str:
        from .providers import NATIONAL_ID_CLAIMS

        national = "fødselsnummer" if self.claim in NATIONAL_ID_CLAIMS else self.claim
        return f"{self.provider}: {self.shown or national}"
