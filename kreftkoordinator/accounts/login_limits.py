"""Failed log-ins for one user name, from every address together.

django-axes locks the pair of user name and client address (AXES_LOCKOUT_PARAMETERS), so a
stranger who knows a coordinator's user name (they are predictable) cannot lock her out from
her own address. Guessing from many addresses is slowed down here instead: past
LOGIN_USER_LIMIT failures in an hour, each further try for that user name waits
LOGIN_USER_DELAY_SECONDS after the last failure. It only ever delays; it never locks.
"""

import hashlib
import time

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.dispatch import receiver

WINDOW = 3600


def _key(username: str) -> str:
    return "login-user:" + hashlib.sha256(username.strip().lower().encode()).hexdigest()[:32]


@receiver(user_login_failed)
def count_failure(sender, credentials, request=None, **kwargs):
    username = (credentials or {}).get("username") or ""
    if not username:
        return
    failures, _last = cache.get(_key(username)) or (0, 0.0)
    cache.set(_key(username), (failures + 1, time.time()), WINDOW)


def wait_seconds(username: str) -> int:
    """How long this user name must wait before the next try (0: go ahead)."""
    failures, last = cache.get(_key(username)) or (0, 0.0)
    if failures < settings.LOGIN_USER_LIMIT:
        return 0
    return max(0, int(last + settings.LOGIN_USER_DELAY_SECONDS - time.time() + 0.999))
