"""Limits on the public pages, counted in Django's cache. With several app servers the cache
must be shared (CACHE_URL=redis://...); the default in-process cache counts per server.

The contact form counts only requests it accepted (a mistake corrected and sent again is not
two), per sender (address and phone or e-mail: PUBLIC_FORM_LIMIT an hour) and per address
(PUBLIC_ADDRESS_LIMIT an hour, high, since a hospital or a NAV office sends everyone from one
address). The survey counts codes that were wrong, per address."""

import hashlib

from django.conf import settings
from django.core.cache import cache

WINDOW = 3600


def client_address(request) -> str:
    # Behind the load balancer REMOTE_ADDR must be the client's (gunicorn --forwarded-allow-ips).
    return request.META.get("REMOTE_ADDR", "")


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
