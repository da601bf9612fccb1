"""A per-client limit on the public forms, counted in Django's cache. With several app servers
the cache must be shared (CACHE_URL=redis://...); the default in-process cache counts per server."""

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    # Behind the load balancer REMOTE_ADDR must be the client's (gunicorn --forwarded-allow-ips).
    return request.META.get("REMOTE_ADDR", "")


def allow(request, name: str) -> bool:
    """Count one use of `name` by this client; False once the hour's limit is passed."""
    limit, window = settings.PUBLIC_FORM_LIMIT, 3600
    key = f"ratelimit:{name}:{client_address(request)}"
    if cache.add(key, 1, window):
        return True
    try:
        return cache.incr(key) <= limit
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        return True
