from django.shortcuts import redirect
from django.urls import reverse

from . import two_factor

# Pages a signed-in user may reach before giving the second factor.
OPEN_URL_NAMES = {
    "accounts:verify",
    "accounts:setup_totp",
    "accounts:logout",
    "accounts:stop_recovery",
    "set_language",
}


class RequireTwoFactorMiddleware:
    """Sends a user whose role needs two factors to the code page until the session has them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not two_factor.is_required(request) or two_factor.is_satisfied(request):
            return None
        match = request.resolver_match
        if match and match.view_name in OPEN_URL_NAMES:
            return None
        if request.path.startswith("/static/"):
            return None
        has_device = request.user.totpdevice_set.filter(confirmed=True).exists()
        target = "accounts:verify" if has_device else "accounts:setup_totp"
        return redirect(f"{reverse(target)}?next={request.get_full_path()}")
