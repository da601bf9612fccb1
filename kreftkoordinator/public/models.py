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
        YES = "yes", _("Ja")
        PARTLY = "partly", _("Delvis")
        NO = "no", _("Nei")

    area = models.ForeignKey(Area, models.PROTECT, related_name="+", verbose_name=_("område"))
    month = models.DateField(_("måned"))  # the first day of the month: no exact date
    respondent = models.CharField(_("svarer som"), max_length=10, choices=Respondent.choices)
    got_help = models.CharField(
        _("fikk hjelpen du var ute etter"), max_length=10, choices=GotHelp.choices
    )
    most_important = models.TextField(_("det viktigste koordinatoren gjorde"), blank=True)

    class Meta:
        verbose_name = _("svar på brukerundersøkelsen")
        verbose_name_plural = _("svar på brukerundersøkelsen")

    def __str__(self) -> str:
        return f"{self.area} {self.month:%Y-%m}"
