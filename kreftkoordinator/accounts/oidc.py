"""Single sign-on through an OpenID Connect provider (HelseID, ID-porten, Entra ID).

Users are not created from the provider: an administrator creates them, and the provider's
verified e-mail claim finds the user. The providers we support authenticate with two factors
themselves, so a session from them counts as two-factor (OIDC_SATISFIES_TWO_FACTOR).
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import SuspiciousOperation
from django.dispatch import receiver
from django.http import Http404
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .two_factor import OIDC_SESSION_KEY


class OIDCBackend(OIDCAuthenticationBackend):
    def verify_token(self, token, **kwargs):
        # mozilla-django-oidc checks signature and nonce but not the audience: refuse a token the
        # provider issued to another client.
        payload = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("The ID token was issued to another client.")
        return payload

    def filter_users_by_claims(self, claims):
        email = (claims.get("email") or "").strip()
        if not email or claims.get("email_verified") is False:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email, is_active=True)


@receiver(user_logged_in)
def remember_sso_second_factor(sender, request, user, **kwargs):
    if request is None:
        return
    by_sso = getattr(user, "backend", "").endswith(".OIDCBackend")
    request.session[OIDC_SESSION_KEY] = by_sso and settings.OIDC_SATISFIES_TWO_FACTOR


def only_when_enabled(view):
    """The provider's views need its settings; without them the URLs do not exist."""

    def wrapper(request, *args, **kwargs):
        if not settings.OIDC_ENABLED:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper
