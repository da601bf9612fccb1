"""Recovering an account that has or had access to persons takes two people and a day.

One administrator asks (`request_recovery`), someone else approves (`approve_recovery`): another
administrator, or the leader of an area one of the user's positions covers. The recovery takes
effect `RECOVERY_DELAY_HOURS` later (`carry_out_due`, run by the `carry-out-recoveries`
command), and the user's old address and her leaders get a link that stops it meanwhile
(`stop_recovery`). Once carried out, whatever is done in a session opened after it names it in
the log until the user confirms it herself (`confirm_recoveries`). Accounts without such access
are recovered at once, as before. docs/security.md, "To personer".
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from kreftkoordinator.roles import Role, account_changed

from .models import Recovery, User

SESSION_KEY = "recovery"
# How the log words a recovery carried out at once (an account without access to persons).
AT_ONCE: dict[str, str] = {
    Recovery.Kind.EMAIL: "e-post endret",
    Recovery.Kind.PASSWORD: "lenke for nytt passord sendt",
    Recovery.Kind.TWO_FACTOR: "tofaktor nullstilt",
    Recovery.Kind.SIGN_ON: "innlogging registrert",
}
_signer = signing.Signer(salt="kreftkoordinator.recovery.stop")


def _announce(actor, user: User, change: str) -> None:
    account_changed.send(sender=User, actor=actor, user=user, change=change)


def check_recovery(actor: User, user: User, kind: str) -> None:
    if user.pk == actor.pk:
        raise PermissionDenied(_("Du kan ikke gjenopprette din egen konto her."))
    if kind == Recovery.Kind.PASSWORD and user.is_coordinator:
        identity = user.sign_on_identities.in_force().first()
        if identity is not None:
            raise PermissionDenied(
                _(
                    "Koordinatoren logger inn gjennom %(provider)s. Nytt passord trenger hun "
                    "ikke; får hun ikke logget inn der, ta kontakt med %(provider)s."
                )
                % {"provider": _provider_name(identity.provider)}
            )


def _provider_name(key: str) -> str:
    from .providers import get

    provider = get(key)
    return provider.name if provider else key


@transaction.atomic
def request_recovery(
    actor: User,
    user: User,
    kind: str,
    new_email: str = "",
    *,
    announce: bool = True,
    identity=None,
) -> Recovery | None:
    """Ask for a recovery. For an account without access to persons it is carried out at once
    (and None returned); otherwise it waits for a second person. `announce=False` leaves the
    log entry to the caller, whose one entry names it (`administration.update_user`)."""
    check_recovery(actor, user, kind)
    recovery = Recovery(
        user=user,
        kind=kind,
        new_email=new_email,
        old_email=user.email,
        identity=identity,
        requested_by=actor,
        requested_at=timezone.now(),
    )
    if not user.recovery_needs_approval():
        _carry_out(recovery)
        _announce(actor, user, AT_ONCE[recovery.kind])
        return None
    recovery.save()
    if announce:
        _announce(actor, user, recovery.asked)
    return recovery


def leaders_of(user: User):
    """The leaders of the areas the user's positions cover (any assignment, past or asked)."""
    return User.objects.filter(
        role=Role.LEADER,
        is_active=True,
        areas__covering_positions__assignments__user=user,
    ).distinct()


def check_approver(actor: User, recovery: Recovery) -> None:
    if actor.pk in (recovery.requested_by_id, recovery.user_id):
        raise PermissionDenied(_("Den som ba om gjenopprettingen, kan ikke godkjenne den selv."))
    if not actor.is_approver:
        raise PermissionDenied(_("Du kan ikke godkjenne tilganger."))
    if actor.is_leader and not leaders_of(recovery.user).filter(pk=actor.pk).exists():
        raise PermissionDenied(_("Brukeren har ingen stilling i områdene dine."))


def approvable_by(actor: User):
    recoveries = Recovery.objects.waiting().filter(approved_at__isnull=True)
    recoveries = recoveries.exclude(requested_by=actor).exclude(user=actor)
    if not actor.is_approver:
        return recoveries.none()
    if actor.is_leader:
        recoveries = recoveries.filter(user__in=_users_led_by(actor))
    return recoveries.select_related("user", "requested_by")


def _users_led_by(leader: User):
    return User.objects.filter(assignments__position__covered_areas__leaders=leader)


def stop_link(recovery: Recovery) -> str:
    token = _signer.sign(str(recovery.pk))
    path = reverse("accounts:stop_recovery", args=[token])
    return settings.SITE_URL.rstrip("/") + path


def recovery_from_link(token: str) -> Recovery | None:
    try:
        pk = int(_signer.unsign(token))
    except (signing.BadSignature, ValueError):
        return None
    return Recovery.objects.select_related("user").filter(pk=pk).first()


@transaction.atomic
def approve_recovery(actor: User, recovery: Recovery, now: datetime | None = None) -> Recovery:
    if recovery.approved_at is not None or recovery.stopped_at or recovery.carried_out_at:
        raise PermissionDenied(_("Gjenopprettingen venter ikke på godkjenning."))
    check_approver(actor, recovery)
    recovery.approved_by = actor
    recovery.approved_at = now or timezone.now()
    recovery.takes_effect_at = recovery.approved_at + timedelta(hours=settings.RECOVERY_DELAY_HOURS)
    recovery.save()
    _announce(
        actor,
        recovery.user,
        f"{recovery.described} godkjent (bedt om av {recovery.requested_by}), virker fra "
        f"{timezone.localtime(recovery.takes_effect_at):%d.%m.%Y %H:%M}",
    )
    _notify(recovery)
    return recovery


def _notify(recovery: Recovery) -> None:
    """The old address and the position's leaders hear of it, with a link that stops it."""
    addresses = [recovery.old_email, *leaders_of(recovery.user).values_list("email", flat=True)]
    # In the language of the account's owner: the notice is about her account.
    with translation.override(recovery.user.reading_language()):
        send_mail(
            _("Kontoen til %(u)s i Kreftkoordinator blir gjenopprettet") % {"u": recovery.user},
            _(
                "%(what)s for brukeren %(u)s er bedt om av %(asked)s og godkjent av %(approved)s. "
                "Det skjer %(when)s.\n\nEr dette ikke riktig, stopp det her: %(link)s"
            )
            % {
                "what": recovery.get_kind_display(),
                "u": recovery.user.username,
                "asked": recovery.requested_by,
                "approved": recovery.approved_by,
                "when": f"{timezone.localtime(recovery.takes_effect_at):%d.%m.%Y %H:%M}",
                "link": stop_link(recovery),
            },
            None,
            sorted({a for a in addresses if a}),
            fail_silently=True,
        )


@transaction.atomic
def stop_recovery(recovery: Recovery, actor: User | None = None) -> None:
    """Anyone with the link, or an approver, or the asker, stops a recovery not yet done."""
    if recovery.stopped_at or recovery.carried_out_at:
        return
    if actor is not None and actor.pk != recovery.requested_by_id:
        check_approver(actor, recovery)
    recovery.stopped_at = timezone.now()
    recovery.stopped_by = actor
    described = recovery.described
    if recovery.identity is not None:  # never to be used: it may be asked for again
        recovery.identity.delete()
    recovery.save()
    who = "med lenken i varselet" if actor is None else f"av {actor}"
    _announce(actor, recovery.user, f"{described} stoppet {who}")


def carry_out_due(now: datetime | None = None) -> int:
    """Carry out the approved recoveries whose waiting time is over."""
    due = Recovery.objects.waiting().filter(takes_effect_at__lte=now or timezone.now())
    done = 0
    for recovery in due.select_related("user", "requested_by", "approved_by"):
        with transaction.atomic():
            _carry_out(recovery)
            recovery.carried_out_at = timezone.now()
            recovery.save()
            _announce(
                None,
                recovery.user,
                f"{recovery.described} gjennomført (bedt om av {recovery.requested_by}, "
                f"godkjent av {recovery.approved_by})",
            )
        done += 1
    return done


def _carry_out(recovery: Recovery) -> None:
    from .administration import notify_old_address, send_link_for_new_password

    user = recovery.user
    if recovery.kind == Recovery.Kind.EMAIL:
        old = user.email
        user.email = recovery.new_email
        user.save(update_fields=["email"])
        notify_old_address(user, old)
    elif recovery.kind == Recovery.Kind.PASSWORD:
        send_link_for_new_password(user)
    elif recovery.kind == Recovery.Kind.SIGN_ON:
        if recovery.identity is not None:
            recovery.identity.active_from = timezone.now()
            recovery.identity.save(update_fields=["active_from"])
    else:
        TOTPDevice.objects.filter(user=user).delete()


@transaction.atomic
def confirm_recoveries(user: User) -> int:
    """The user says the recoveries were hers: from her next session, reads are hers alone."""
    waiting = list(user.recoveries.unconfirmed())
    for recovery in waiting:
        recovery.confirmed_at = timezone.now()
        recovery.save(update_fields=["confirmed_at"])
    if waiting:
        names = ", ".join(r.described for r in waiting)
        _announce(user, user, f"{names} bekreftet av brukeren")
    return len(waiting)


def latest_unconfirmed(user: User) -> Recovery | None:
    return user.recoveries.unconfirmed().order_by("-carried_out_at").first()


@receiver(user_logged_in)
def mark_session_after_recovery(sender, request, user, **kwargs):
    """A session opened after a recovery the user has not confirmed names it in every entry
    (the audit middleware reads the mark); she may not be the one who logged in."""
    if request is None:
        return
    latest = latest_unconfirmed(user)
    if latest is None:
        request.session.pop(SESSION_KEY, None)
    else:
        request.session[SESSION_KEY] = latest.pk
