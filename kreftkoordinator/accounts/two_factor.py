"""When two factors are required, and whether this session has shown them."""

from django.conf import settings
from django.http import HttpRequest

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
