"""Log-in through an OpenID provider: the button's start, the provider's answer, and our public
keys. The protocol is in oidc.py, who is who in sign_on.py."""

import logging
import time
from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.http import Http404, HttpRequest, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control

from . import oidc, providers, two_factor
from .providers import Provider, ProviderError
from .sign_on import BACKEND, announce_sign_in, find_user

log = logging.getLogger(__name__)

PENDING = "sign_on_pending"
SESSION = "sign_on"  # the provider and level of this session's log-in
KEPT = 4  # log-ins started in other tabs that may still come back
PENDING_SECONDS = 600


def provider_or_404(key: str) -> Provider:
    provider = providers.get(key)
    if provider is None:
        raise Http404
    return provider


# What a log-in is for: the view the provider answers to, and where to go when it fails.
PURPOSES = {
    "staff": ("accounts:signed_on", "accounts:login"),
    "innsyn": ("public:innsyn_signed_on", "public:innsyn"),
}


def callback_uri(request: HttpRequest, provider: Provider, purpose: str) -> str:
    view = PURPOSES[purpose][0]
    path = reverse(view, args=[provider.key]) if purpose == "staff" else reverse(view)
    return request.build_absolute_uri(path)


def begin(request: HttpRequest, provider: Provider, purpose: str, next_url: str = ""):
    """Send the browser to the provider (or back, if it cannot be reached)."""
    try:
        url, pending = oidc.begin(
            provider, callback_uri(request, provider, purpose), get_language()
        )
    except ProviderError as e:
        log.warning("Log-in through %s could not start: %s", provider.key, e)
        messages.error(
            request,
            _("Vi fikk ikke kontakt med %(provider)s. Prøv igjen om litt.")
            % {"provider": provider.name},
        )
        return redirect(PURPOSES[purpose][1])
    waiting = dict(list(request.session.get(PENDING, {}).items())[-KEPT:])
    waiting[pending["state"]] = {
        **pending,
        "provider": provider.key,
        "purpose": purpose,
        "next": next_url,
        "at": time.time(),
    }
    request.session[PENDING] = waiting
    return redirect(url)


def start(request, key):
    provider = provider_or_404(key)
    if not provider.staff:
        raise Http404
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = ""
    return begin(request, provider, "staff", next_url)


def _take_pending(request, provider: Provider, purpose: str) -> dict | None:
    """The log-in this answer belongs to, once: a replayed `state` finds nothing."""
    waiting = request.session.get(PENDING, {})
    pending = waiting.pop(request.GET.get("state", ""), None)
    request.session[PENDING] = waiting
    if pending is None or (pending.get("provider"), pending.get("purpose")) != (
        provider.key,
        purpose,
    ):
        return None
    if time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None
    return pending


def answer(request, provider: Provider, purpose: str) -> tuple[Any, Any]:
    """The provider's answer, checked every way (oidc.finish): the ID token's claims and
    what was pending, or None and the page that says why it was refused."""
    pending = _take_pending(request, provider, purpose)
    if pending is None:
        message = _("Innloggingen er utløpt eller allerede brukt. Start innloggingen på nytt.")
        return None, refused(request, provider, "ukjent eller brukt state", message, purpose)
    try:
        uri = callback_uri(request, provider, purpose)
        return oidc.finish(provider, pending, request.GET.dict(), uri), pending
    except oidc.Refused as e:
        reason, message = (
            e.reason,
            _(
                "Svaret fra %(provider)s kunne ikke godtas, og du er ikke logget inn. Start "
                "innloggingen på nytt; skjer det igjen, ta kontakt med administratoren."
            ),
        )
    except ProviderError as e:
        reason, message = str(e), _("Vi fikk ikke kontakt med %(provider)s. Prøv igjen om litt.")
    return None, refused(request, provider, reason, message % {"provider": provider.name}, purpose)


def signed_on(request, key):
    provider = provider_or_404(key)
    claims, pending = answer(request, provider, "staff")
    if claims is None:
        return pending
    return _staff_signed_on(request, provider, claims, pending["next"])


def _staff_signed_on(request, provider: Provider, claims: dict, next_url: str):
    user = find_user(provider, claims)
    if user is None:
        return refused(
            request,
            provider,
            "ingen konto har denne identiteten",
            _(
                "Ingen bruker i Kreftkoordinator er knyttet til denne innloggingen gjennom "
                "%(provider)s. Be administratoren din om å registrere den på kontoen din."
            )
            % {"provider": provider.name},
        )
    level, two = provider.level_of(claims)
    login(request, user, backend=BACKEND)
    request.session[two_factor.OIDC_SESSION_KEY] = two
    request.session[SESSION] = {"provider": provider.key, "level": level}
    announce_sign_in(user, provider, level, two)
    if two_factor.is_required(request) and not two:
        messages.warning(
            request,
            _(
                "Du logget inn gjennom %(provider)s på nivå %(level)s. Det regnes ikke som to "
                "faktorer her, så du må også oppgi koden fra innloggingsappen din."
            )
            % {"provider": provider.name, "level": level or _("ikke oppgitt")},
        )
    return redirect(next_url or "home")


def refused(request, provider: Provider, reason: str, message: str, purpose: str = "staff"):
    log.warning("Log-in through %s refused: %s", provider.key, reason)
    messages.error(request, message)
    return redirect(PURPOSES[purpose][1])


@cache_control(public=True, max_age=3600)
def jwks(request):
    """Our clients' public keys: a provider that fetches them checks our signed assertions."""
    return JsonResponse(providers.public_keys())
