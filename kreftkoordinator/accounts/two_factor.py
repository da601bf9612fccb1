"""When two factors are required, and whether this session has shown them."""

from django.conf import settings
from django.http import HttpRequest
from django_otp import login as otp_login

OIDC_SESSION_KEY = "two_factor_by_sso"


def is_required(request: HttpRequest) -> bool:
    """Two-factor is required for roles that see personal data, except in demo mode."""
    user = request.user
    return bool(user.is_authenticated and user.needs_two_factor and not settings.DEMO)


def is_satisfied(request: HttpRequest) -> bool:
    if request.session.get(OIDC_SESSION_KEY):
        return True
    # OTPMiddleware gives request.user is_verified(); the stubs do not know it.
    return bool(request.user.is_authenticated and request.user.is_verified())  # type: ignore[union-attr,attr-defined]


def verified(request: HttpRequest, device) -> None:
    """The second factor is shown: the session may now do more, so it gets a new key (a key
    learnt before this step, say from a shared computer, must not carry over)."""
    otp_login(request, device)
    request.session.cycle_key()
