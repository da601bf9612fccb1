"""Administrators manage accounts without ever holding another user's keys (separation of duties):

- no administrator sets, sees or learns a password: a new user gets a one-time activation link
  by e-mail, and a reset is a link sent to the user;
- a two-factor reset removes the app, and the user enrols a new one herself at her next log-in;
- nobody changes her own role or her own assignments;
- every change to a user, her role, areas, assignments and two-factor is announced with the
  `account_changed` signal, which the audit app writes to the log; the user sees it under
  "Min aktivitet", the other administrators on the user's page.

Each workflow takes the acting user, so a command or a task can use it as a page does.
"""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from kreftkoordinator.roles import account_changed

from .models import User

# The fields whose changes are logged, with the words the log uses for them (in Norwegian
# whatever language the administrator reads, so the log reads the same for everyone).
WATCHED = {
    "username": "brukernavn",
    "first_name": "fornavn",
    "last_name": "etternavn",
    "email": "e-post",
    "phone": "telefon",
    "role": "rolle",
    "is_active": "aktiv",
    "district_office_id": "distriktskontor",
}


def password_link(user: User) -> str:
    """A link that sets the user's password once: the token is void as soon as the password
    changes (or the user logs in), and after PASSWORD_RESET_TIMEOUT."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("accounts:set_password", args=[uid, token])
    return settings.SITE_URL.rstrip("/") + path


def _send_link(user: User, subject: str, intro: str) -> None:
    days = settings.PASSWORD_RESET_TIMEOUT // 86400
    send_mail(
        subject,
        _(
            "%(intro)s\n\nLenken virker én gang og i %(days)s dager: %(link)s\n\n"
            "Har du ikke ventet denne e-posten, kan du se bort fra den og si fra til "
            "administratoren din."
        )
        % {"intro": intro, "days": days, "link": password_link(user)},
        None,
        [user.email],
        fail_silently=True,  # the administrator can send a new link from the user's page
    )


def _announce(actor: User, user: User, change: str) -> None:
    account_changed.send(sender=User, actor=actor, user=user, change=change)


@transaction.atomic
def create_user(actor: User, user: User, areas) -> User:
    user.set_unusable_password()
    user.save()
    user.areas.set(areas)
    with translation.override("nb"):
        _announce(actor, user, f"bruker opprettet med rollen {user.get_role_display()}")
    _send_link(
        user,
        _("Velkommen til Kreftkoordinator"),
        _("Det er opprettet en bruker til deg i Kreftkoordinator med brukernavnet %(u)s.")
        % {"u": user.username},
    )
    return user


@transaction.atomic
def update_user(actor: User, user: User, before: dict, areas) -> User:
    """Save an edited user. `before` holds the watched fields as they were loaded."""
    if user.pk == actor.pk and user.role != before["role"]:
        raise PermissionDenied("Nobody changes her own role.")
    old_email = before["email"]
    user.save()
    old_areas = set(user.areas.values_list("code", flat=True))
    user.areas.set(areas)
    new_areas = set(user.areas.values_list("code", flat=True))
    changes = [
        f"{label}: {getattr(user, f)}"
        for f, label in WATCHED.items()
        if getattr(user, f) != before[f]
    ]
    if old_areas != new_areas:
        changes.append(f"områder: {', '.join(sorted(new_areas)) or '–'}")
    if changes:
        _announce(actor, user, "; ".join(changes))
    if old_email and old_email != user.email:
        # The old address hears of it: a takeover by changing the address is not silent.
        send_mail(
            _("E-postadressen din i Kreftkoordinator er endret"),
            _(
                "E-postadressen for brukeren %(u)s er endret av en administrator. Si fra til "
                "administratoren din hvis dette ikke stemmer."
            )
            % {"u": user.username},
            None,
            [old_email],
            fail_silently=True,
        )
    return user


def send_password_reset(actor: User, user: User) -> None:
    if user.pk == actor.pk:
        raise PermissionDenied("Use the account page for your own password.")
    _announce(actor, user, "lenke for nytt passord sendt")
    _send_link(
        user,
        _("Nytt passord i Kreftkoordinator"),
        _("En administrator har sendt deg en lenke for å velge nytt passord for %(u)s.")
        % {"u": user.username},
    )


@transaction.atomic
def reset_two_factor(actor: User, user: User) -> None:
    """Remove the user's authenticator apps; she enrols a new one herself at her next log-in
    (with her own password, which the administrator does not know)."""
    if user.pk == actor.pk:
        raise PermissionDenied("Nobody resets her own two-factor.")
    TOTPDevice.objects.filter(user=user).delete()
    _announce(actor, user, "tofaktor nullstilt")


def password_set(user: User) -> None:
    _announce(user, user, "passord valgt")


def two_factor_enrolled(user: User) -> None:
    _announce(user, user, "autentiseringsapp registrert")
