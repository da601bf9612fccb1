"""The feedback survey: a one-time link, and answers stored with no link to the person.

The invitation holds only a hash of its token, the area and an expiry date, never the case; it
is deleted when answered. The answer holds the area, the month and the answers."""

import hashlib
import secrets
from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _

from kreftkoordinator.organisation.models import Area, today

VALID_FOR = timedelta(days=60)


# A code to type from a printed card: no 0/O, 1/I/L, 8/B, 5/S to mix up. Eight characters
# from 27 are about 38 bits: far more than anyone can try through the rate-limited page.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXYZ234679"
CODE_LENGTH = 8


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    """As typed from the card: any case, with spaces or a dash."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def shown_code(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


class SurveyInvitationQuerySet(models.QuerySet["SurveyInvitation"]):
    def create_with_token(self, area: Area) -> tuple["SurveyInvitation", str]:
        token = new_code()
        invitation = self.create(
            token_hash=token_hash(token), area=area, expires_on=today() + VALID_FOR
        )
        return invitation, token

    def usable(self, token: str) -> "SurveyInvitation | None":
        """By the code (as typed) or by an older link's long token (as given)."""
        hashes = {token_hash(token), token_hash(normalise_code(token))}
        return self.filter(token_hash__in=hashes, expires_on__gte=today()).first()


class SurveyInvitation(models.Model):
    token_hash = models.CharField(max_length=64, unique=True)
    area = models.ForeignKey(Area, models.PROTECT, related_name="+")
    expires_on = models.DateField()

    objects = SurveyInvitationQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.area} {self.expires_on}"


class SurveyAnswer(models.Model):
    class Respondent(models.TextChoices):
        PATIENT = "patient", _("Pasient")
        RELATIVE = "relative", _("Pårørende")

    class GotHelp(models.TextChoices):
        """The question asked until 2026, kept with the answers given to it."""

        YES = "yes", _("Ja")
        PARTLY = "partly", _("Delvis")
        NO = "no", _("Nei")

    class HelpMatched(models.TextChoices):
        """The TNS Gallup survey's scale (evaluation 6.2): 90 % "som forventet eller mer"."""

        MORE = "more", _("Mer enn jeg forventet")
        AS_EXPECTED = "as_expected", _("Som jeg forventet")
        LESS = "less", _("Mindre enn jeg forventet")
        NONE = "none", _("Jeg fikk ikke den hjelpen jeg var ute etter")

    # What an answer to the old question counts as on the new scale (docs/reporting.md).
    FROM_GOT_HELP = {"yes": "as_expected", "partly": "less", "no": "none"}

    # The other services the coordinator helped to get help from (the survey names the hospital,
    # home care and NAV most often).
    OTHER_SERVICES = [
        ("others_hospital", _("Sykehuset")),
        ("others_home_care", _("Hjemmesykepleien eller hjemmetjenesten")),
        ("others_nav", _("NAV")),
        ("others_gp", _("Fastlegen")),
        ("others_other", _("Andre")),
    ]

    area = models.ForeignKey(Area, models.PROTECT, related_name="+", verbose_name=_("område"))
    month = models.DateField(_("måned"))  # the first day of the month: no exact date
    respondent = models.CharField(_("svarer som"), max_length=10, choices=Respondent.choices)
    got_help = models.CharField(
        _("fikk hjelpen du var ute etter (spørsmålet før 2026)"),
        max_length=10,
        choices=GotHelp.choices,
        blank=True,
    )
    help_matched = models.CharField(
        _("hjelpen sammenlignet med det du var ute etter"),
        max_length=12,
        choices=HelpMatched.choices,
    )
    helped_with_others = models.BooleanField(
        _("fikk hjelp til å få hjelp fra andre"), null=True, blank=True
    )
    others_hospital = models.BooleanField(_("sykehuset"), default=False)
    others_home_care = models.BooleanField(_("hjemmesykepleien"), default=False)
    others_nav = models.BooleanField(_("NAV"), default=False)
    others_gp = models.BooleanField(_("fastlegen"), default=False)
    others_other = models.BooleanField(_("andre"), default=False)
    most_important = models.TextField(_("det viktigste koordinatoren gjorde"), blank=True)

    class Meta:
        verbose_name = _("svar på brukerundersøkelsen")
        verbose_name_plural = _("svar på brukerundersøkelsen")

    def __str__(self) -> str:
        return f"{self.area} {self.month:%Y-%m}"
