"""Limits on the public pages, counted in Django's cache. With several app servers the cache
must be shared (CACHE_URL=redis://...); the default in-process cache counts per server.

The contact form counts only requests it accepted (a mistake corrected and sent again is not
two), per sender (address and phone or e-mail: PUBLIC_FORM_LIMIT an hour) and per address
(PUBLIC_ADDRESS_LIMIT an hour, high, since a hospital or a NAV office sends everyone from one
address), and per coordinator's inbox (PUBLIC_INBOX_LIMIT unanswered requests from one address;
then the coordinators are told). The survey counts codes that were wrong, per address. The
address is the client's, behind the load balancer too (kreftkoordinator/addresses.py)."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy

from kreftkoordinator.addresses import client_address
from kreftkoordinator.casework.models import ContactRequest
from kreftkoordinator.mail import mail_users

WINDOW = 3600


def _key(request, name: str, sender: str) -> str:
    who = hashlib.sha256(f"{client_address(request)}|{sender}".encode()).hexdigest()[:32]
    return f"ratelimit:{name}:{who}"


def within(request, name: str, limit: int, sender: str = "") -> bool:
    """Whether this client (and sender) is still under the hour's limit; counts nothing."""
    return (cache.get(_key(request, name, sender)) or 0) < limit


def count(request, name: str, sender: str = "") -> None:
    key = _key(request, name, sender)
    if not cache.add(key, 1, WINDOW):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, WINDOW)


def contact_allowed(request, sender: str) -> bool:
    return within(request, "contact", settings.PUBLIC_ADDRESS_LIMIT) and within(
        request, "contact-sender", settings.PUBLIC_FORM_LIMIT, sender
    )


def contact_accepted(request, sender: str) -> None:
    count(request, "contact")
    count(request, "contact-sender", sender)


# A coordinator's inbox: the requests one address sent into it that nobody has answered yet.
# Only their ids are kept, in the cache, for a week: the address itself is never stored.
INBOX_WINDOW = 7 * 24 * 3600


def _inbox_key(request, area) -> str:
    return _key(request, f"inbox-{area.pk}", "")


def inbox_full(request, area) -> bool:
    ids = cache.get(_inbox_key(request, area)) or []
    waiting = ContactRequest.objects.filter(pk__in=ids, handled_at__isnull=True).count()
    return waiting >= settings.PUBLIC_INBOX_LIMIT


def inbox_received(request, area, contact_request) -> None:
    key = _inbox_key(request, area)
    cache.set(key, [*(cache.get(key) or []), contact_request.pk][-100:], INBOX_WINDOW)


def tell_once_inbox_full(request, area, coordinators) -> None:
    """The coordinators hear once a day that one address keeps writing to their inbox."""
    if not cache.add(_inbox_key(request, area) + ":told", 1, 24 * 3600):
        return
    mail_users(
        coordinators,
        gettext_lazy("Mange ubesvarte forespørsler fra samme sted"),
        gettext_lazy(
            "Kontaktskjemaet for %(area)s har fått %(n)d ubesvarte forespørsler fra samme "
            "nettadresse, og tar ikke imot flere derfra før noen av dem er besvart. Er det "
            "ikke en kjent avsender (et sykehus, et NAV-kontor), kan noen prøve å fylle "
            "innboksen din."
        ),
        {"area": area.name, "n": settings.PUBLIC_INBOX_LIMIT},
    )
