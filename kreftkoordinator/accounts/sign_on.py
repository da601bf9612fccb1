"""Who is who at an OpenID provider, and what a log-in through one proves.

An administrator records on an account the identifier a provider knows her by (HelseID's pid or
HPR number, ID-porten's pid, Entra's oid): `record_identity`. For an account with access to
persons that is a recovery, approved by a second person (accounts/recovery.py), since it lets
whoever holds that identity in. A log-in is matched on the keyed hash of the provider's
identity claim, exactly (`find_user`); it counts as two factors only at the levels the provider's
settings name (`Provider.level_of`), and its entry in the log says which level it was.
"""

import re
import uuid

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kreftkoordinator.identity_numbers import NATIONAL_ID, keyed_hash, validate_identity_number
from kreftkoordinator.roles import account_changed, signed_in

from .models import Recovery, SignOnIdentity, User
from .providers import HELSEID_HPR, NATIONAL_ID_CLAIMS, Provider
from .recovery import request_recovery

BACKEND = "kreftkoordinator.accounts.sign_on.SignOnBackend"


class SignOnBackend(ModelBackend):
    """The backend a session opened through an OpenID provider is marked with. It never
    checks a user name and password itself: the provider has done that."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        return None


def identity_kind(claim: str) -> str:
    """What is hashed beside the value: one kind for every claim carrying a national identity
    number, so HelseID's and ID-porten's pid find the same person."""
    return NATIONAL_ID if claim in NATIONAL_ID_CLAIMS else claim


def claim_label(claim: str) -> str:
    if claim in NATIONAL_ID_CLAIMS:
        return _("Fødselsnummer eller D-nummer")
    if claim == HELSEID_HPR:
        return _("HPR-nummer")
    if claim == "oid":
        return _("Objekt-ID i Entra ID")
    return claim


def clean_identifier(claim: str, value: str) -> str:
    """The identifier as the provider sends it, or a ValidationError that says what is wrong."""
    value = value.strip()
    if claim in NATIONAL_ID_CLAIMS:
        return validate_identity_number(value)
    if claim == HELSEID_HPR:
        digits = value.replace(" ", "")
        if not re.fullmatch(r"\d{6,9}", digits):
            raise ValidationError(_("HPR-nummeret har 6 til 9 siffer."))
        return digits.lstrip("0") or "0"
    if claim == "oid":
        try:
            return str(uuid.UUID(value))
        except ValueError:
            raise ValidationError(
                _("Objekt-ID-en i Entra ID ser slik ut: 00000000-0000-0000-0000-000000000000.")
            ) from None
    if not value:
        raise ValidationError(_("Skriv inn identifikatoren."))
    return value


def _key(claim: str, value: str) -> str:
    return keyed_hash(identity_kind(claim), value)


def find_user(provider: Provider, claims: dict) -> User | None:
    """The active account whose recorded identity is this log-in's, exactly; else None."""
    value = claims.get(provider.identity_claim)
    if not isinstance(value, str | int) or not str(value).strip():
        return None
    identity = (
        SignOnIdentity.objects.in_force()
        .filter(
            provider=provider.key,
            claim=provider.identity_claim,
            key=_key(provider.identity_claim, str(value)),
        )
        .select_related("user")
        .first()
    )
    return identity.user if identity else None


def check_identity(actor: User, user: User, provider: Provider, claim: str) -> None:
    if user.pk == actor.pk:
        raise PermissionDenied(_("Du kan ikke registrere innlogging på din egen konto."))
    if claim not in provider.identity_claims:
        raise ValidationError(
            _("%(provider)s identifiserer ikke brukere med dette.") % {"provider": provider.name}
        )


@transaction.atomic
def record_identity(
    actor: User, user: User, provider: Provider, claim: str, value: str
) -> Recovery | None:
    """Record who the user is at the provider. For an account with access to persons it waits
    for a second person (the returned recovery); otherwise it is in force at once."""
    check_identity(actor, user, provider, claim)
    value = clean_identifier(claim, value)
    now = timezone.now()
    identity = SignOnIdentity(
        user=user,
        provider=provider.key,
        claim=claim,
        key=_key(claim, value),
        shown="" if claim in NATIONAL_ID_CLAIMS else value,
        recorded_by=actor,
        recorded_at=now,
    )
    try:
        with transaction.atomic():
            if not user.recovery_needs_approval():
                identity.active_from = now
            identity.save()
    except IntegrityError:
        raise ValidationError(
            _("Denne innloggingen er alt registrert på en konto (eller venter på godkjenning).")
        ) from None
    if identity.active_from:
        account_changed.send(
            sender=User, actor=actor, user=user, change=f"innlogging {identity} registrert"
        )
        return None
    return request_recovery(actor, user, Recovery.Kind.SIGN_ON, identity=identity)


@transaction.atomic
def remove_identity(actor: User, identity: SignOnIdentity) -> None:
    """Taking a way in away never waits for anyone."""
    user = identity.user
    described = str(identity)
    identity.delete()
    account_changed.send(
        sender=User, actor=actor, user=user, change=f"innlogging {described} fjernet"
    )


def announce_sign_in(user: User, provider: Provider, level: str, two_factor: bool) -> None:
    how = f"innlogget gjennom {provider.name}, sikkerhetsnivå {level or 'ikke oppgitt'}, " + (
        "godtatt som to faktorer" if two_factor else "ikke nok for to faktorer"
    )
    signed_in.send(sender=User, user=user, how=how)
