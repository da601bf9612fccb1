"""Administrators manage accounts without ever holding another user's keys (separation of duties):

- no administrator sets, sees or learns a password: a new user gets a one-time activation link
  by e-mail, and a reset is a link sent to the user;
- a two-factor reset removes the app, and the user enrols a new one herself at her next log-in;
- nobody changes her own role or her own assignments;
- every change to a user, her role, areas, assignments and two-factor is announced with the
  `account_changed` signal, which the audit app writes to the log; the user sees it under
  "Min aktivitet", the other administrators on the user's page;
- two people, never one: a recovery (new e-mail, password link, two-factor reset) of an account
  with access to persons goes through `recovery.py`, and an approver's role (administrator,
  leader and her areas) counts only once another administrator has approved it (`approve_role`).

Each workflow takes the acting user, so a command or a task can use it as a page does.
"""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kreftkoordinator.roles import account_changed

from .models import APPROVER_ROLES, Recovery, Role, User
from .recovery import request_recovery

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
    "budget_authority": "anvisningsmyndighet",
}


def password_link(user: User) -> str:
    """A link that sets the user's password once: the token is void as soon as the password
    changes (or the user logs in), and after PASSWORD_RESET_TIMEOUT."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("accounts:set_password", args=[uid, token])
    return settings.SITE_URL.rstrip("/") + path


def _send_link(user: User, subject, intro) -> None:
    """The link to choose a password, in the language the user reads (`subject` and `intro`
    are lazy translations with the user name as %(u)s)."""
    days = settings.PASSWORD_RESET_TIMEOUT // 86400
    with translation.override(user.reading_language()):
        send_mail(
            str(subject),
            _(
                "%(intro)s\n\nLenken virker én gang og i %(days)s dager: %(link)s\n\n"
                "Har du ikke ventet denne e-posten, kan du se bort fra den og si fra til "
                "administratoren din."
            )
            % {"intro": intro % {"u": user.username}, "days": days, "link": password_link(user)},
            None,
            [user.email],
            fail_silently=True,  # the administrator can send a new link from the user's page
        )


def _announce(actor: User | None, user: User, change: str) -> None:
    account_changed.send(sender=User, actor=actor, user=user, change=change)


@transaction.atomic
def create_user(actor: User, user: User, areas) -> User:
    user.set_unusable_password()
    if user.role_needs_approval:
        user.role_requested_by = actor
    user.save()
    user.areas.set(areas)
    with translation.override("nb"):
        waits = ", venter på godkjenning" if user.role_needs_approval else ""
        _announce(actor, user, f"bruker opprettet med rollen {user.get_role_display()}{waits}")
    _send_link(
        user,
        gettext_lazy("Velkommen til Kreftkoordinator"),
        gettext_lazy(
            "Det er opprettet en bruker til deg i Kreftkoordinator med brukernavnet %(u)s."
        ),
    )
    return user


@transaction.atomic
def update_user(actor: User, user: User, before: dict, areas) -> Recovery | None:
    """Save an edited user. `before` holds the watched fields as they were loaded. A new
    address for an account with access to persons waits for a second person: the recovery
    that was asked for is returned, and the address stays as it was until then."""
    if user.pk == actor.pk and user.role != before["role"]:
        raise PermissionDenied("Nobody changes her own role.")
    old_email = before["email"]
    recovery = None
    if old_email and old_email != user.email and user.recovery_needs_approval():
        new_email, user.email = user.email, old_email
        recovery = request_recovery(actor, user, Recovery.Kind.EMAIL, new_email, announce=False)
    old_areas = set(user.areas.values_list("code", flat=True))
    new_areas = {a.code for a in areas}
    more = user.role != before["role"] or not new_areas <= old_areas
    if (user.role in APPROVER_ROLES and more) or (
        user.role_needs_approval and user.budget_authority and not before["budget_authority"]
    ):
        # A new approver, a leader for more areas, or budget authority given: approved again
        # before it counts.
        user.role_requested_by, user.role_approved_by, user.role_approved_at = actor, None, None
    user.save()
    user.areas.set(areas)
    changes = [
        f"{label}: {getattr(user, f)}"
        for f, label in WATCHED.items()
        if getattr(user, f) != before[f]
    ]
    if old_areas != new_areas:
        changes.append(f"områder: {', '.join(sorted(new_areas)) or '–'}")
    if user.role_waits_for_approval and user.role_requested_by_id == actor.pk:
        changes.append("rollen venter på godkjenning")
    if recovery is not None:
        changes.append(recovery.asked)
    if changes:
        _announce(actor, user, "; ".join(changes))
    if old_email and old_email != user.email:
        notify_old_address(user, old_email)
    return recovery


def notify_old_address(user: User, old_email: str) -> None:
    """The old address hears of a new one: a takeover by changing the address is not silent."""
    with translation.override(user.reading_language()):
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


def send_link_for_new_password(user: User) -> None:
    _send_link(
        user,
        gettext_lazy("Nytt passord i Kreftkoordinator"),
        gettext_lazy("En administrator har sendt deg en lenke for å velge nytt passord for %(u)s."),
    )


def send_password_reset(actor: User, user: User) -> Recovery | None:
    """Send a password link, or ask for it where a second person must approve it."""
    return request_recovery(actor, user, Recovery.Kind.PASSWORD)


def reset_two_factor(actor: User, user: User) -> Recovery | None:
    """Remove the user's authenticator apps (she enrols a new one herself at her next log-in,
    with her own password), or ask for it where a second person must approve it."""
    return request_recovery(actor, user, Recovery.Kind.TWO_FACTOR)


def check_role_approver(actor: User, user: User) -> None:
    if actor.pk in (user.pk, user.role_requested_by_id):
        raise PermissionDenied(_("Den som ga rollen, kan ikke godkjenne den selv."))
    if not (actor.is_approver and actor.is_admin):
        raise PermissionDenied(_("Bare en annen administrator kan godkjenne rollen."))


def roles_approvable_by(actor: User):
    if not (actor.is_approver and actor.is_admin):
        return User.objects.none()
    waiting = User.objects.filter(
        Q(role__in=APPROVER_ROLES) | Q(role=Role.PROGRAMME, budget_authority=True),
        role_approved_at__isnull=True,
        is_active=True,
    )
    return (
        waiting.exclude(pk=actor.pk)
        .exclude(role_requested_by=actor)
        .prefetch_related("areas")
        .select_related("role_requested_by")
    )


@transaction.atomic
def approve_role(actor: User | None, user: User) -> None:
    """Another administrator approves an approver's role (and a leader's areas). `actor` None
    is the operator on the server (`kreftkoordinator approve-role`), for the first one."""
    if actor is not None:
        check_role_approver(actor, user)
    if not user.role_waits_for_approval:
        raise PermissionDenied(_("Rollen venter ikke på godkjenning."))
    user.role_approved_by, user.role_approved_at = actor, timezone.now()
    user.save(update_fields=["role_approved_by", "role_approved_at"])
    areas = ", ".join(sorted(user.areas.values_list("code", flat=True)))
    with translation.override("nb"):
        role = user.get_role_display()
    authority = " med anvisningsmyndighet" if user.budget_authority else ""
    _announce(actor, user, f"rollen {role}{authority} godkjent{f' for {areas}' if areas else ''}")


def password_set(user: User) -> None:
    _announce(user, user, "passord valgt")


def two_factor_enrolled(user: User) -> None:
    _announce(user, user, "autentiseringsapp registrert")
