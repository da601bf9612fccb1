from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator
from django.db.models import Prefetch
from django.http import HttpResponseForbidden
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from kreftkoordinator.languages import SELF_NAMES
from kreftkoordinator.organisation.models import Assignment, today

from . import administration, providers, recovery, two_factor
from .forms import LoginForm, SetPasswordForm, TokenForm
from .models import User


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["providers"] = providers.for_staff()
        if settings.DEMO:  # only ever on a developer's own machine (settings refuse otherwise)
            context["demo_logins"] = _demo_logins()
        return context


def _demo_logins() -> list[tuple[str, str, str]]:
    """(user name, name, role and positions held today) of every active user."""
    held = Prefetch(
        "assignments",
        queryset=Assignment.objects.valid_on(today()).select_related("position"),
        to_attr="current",
    )
    users = User.objects.filter(is_active=True).prefetch_related(held).order_by("role", "username")
    return [
        (
            u.username,
            str(u),
            ", ".join([str(u.get_role_display()), *(a.position.name for a in u.current)]),
        )
        for u in users
    ]


logout = require_POST(auth_views.LogoutView.as_view())


def _next_url(request, default="home"):
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return default


@login_required
def verify(request):
    """The second step of log-in: a code from the user's authenticator app."""
    if two_factor.is_satisfied(request):
        return redirect(_next_url(request))
    devices = list(TOTPDevice.objects.filter(user=request.user, confirmed=True))
    if not devices:
        return redirect("accounts:setup_totp")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = next((d for d in devices if d.verify_token(form.cleaned_data["token"])), None)
        if device:
            two_factor.verified(request, device)
            return redirect(_next_url(request))
        form.add_error("token", _("Koden stemmer ikke. Skriv inn koden appen viser nå."))
    return render(request, "accounts/verify.html", {"form": form, "next": _next_url(request, "")})


@login_required
def setup_totp(request):
    """Register an authenticator app. Without a verified session, only for a user who has none:
    otherwise a stolen password would be enough to add a second factor of one's own."""
    has_confirmed = TOTPDevice.objects.filter(user=request.user, confirmed=True).exists()
    if has_confirmed and not two_factor.is_satisfied(request):
        return HttpResponseForbidden(_("Logg inn med koden fra appen din først."))
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=request.user, name=_("Autentiseringsapp"), confirmed=False
        )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            TOTPDevice.objects.filter(user=request.user, confirmed=True).delete()
            device.confirmed = True
            device.save()
            two_factor.verified(request, device)
            administration.two_factor_enrolled(request.user)
            messages.success(request, _("Tofaktorinnlogging er slått på."))
            return redirect(_next_url(request))
        form.add_error("token", _("Koden stemmer ikke. Skriv inn koden appen viser nå."))
    qr_svg = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    context = {
        "form": form,
        "qr_svg": qr_svg.to_string(encoding="unicode"),
        "secret": b32encode(device.bin_key).decode(),
        "replacing": has_confirmed,
        "next": _next_url(request, ""),
    }
    return render(request, "accounts/setup_totp.html", context)


@login_required
def account(request):
    context = {
        "has_totp": TOTPDevice.objects.filter(user=request.user, confirmed=True).exists(),
        "two_factor_required": request.user.needs_two_factor,
        "assignments": request.user.assignments.select_related("position").order_by("-valid_from"),
        "unconfirmed": request.user.recoveries.unconfirmed().select_related(
            "requested_by", "approved_by"
        ),
        "default_language_name": SELF_NAMES[request.user.default_language()],
    }
    return render(request, "accounts/account.html", context)


@login_required
@require_POST
def confirm_recovery(request):
    """The user says the recoveries of her account were hers: from now on what she does is
    hers alone in the log. The session gets a new key, as at every step that gives it more."""
    if recovery.confirm_recoveries(request.user):
        messages.success(request, _("Takk. Det du gjør fra nå av, står bare på deg i loggen."))
    request.session.pop(recovery.SESSION_KEY, None)
    request.session.cycle_key()
    return redirect("accounts:account")


def stop_recovery(request, token):
    """The link in the notice: anyone who has it stops the recovery (the old address and the
    leaders got it). No log-in, since the one who needs it may be locked out."""
    found = recovery.recovery_from_link(token)
    if found is None:
        return render(request, "accounts/stop_recovery.html", {"invalid": True}, status=400)
    if request.method == "POST":
        recovery.stop_recovery(found)
        messages.success(request, _("Gjenopprettingen er stoppet. Administratorene ser det."))
    return render(request, "accounts/stop_recovery.html", {"recovery": found})


def set_password(request, uidb64, token):
    """The one-time link from an activation or reset e-mail: the user chooses her password.
    The link is void once used (the token covers the password hash) or when it expires."""
    try:
        user = User.objects.get(pk=int(urlsafe_base64_decode(uidb64)), is_active=True)
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        user = None
    if user is None or not default_token_generator.check_token(user, token):
        return render(request, "accounts/set_password.html", {"invalid": True}, status=400)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        administration.password_set(user)
        messages.success(request, _("Passordet er lagret. Logg inn med det nye passordet."))
        return redirect("accounts:login")
    return render(request, "accounts/set_password.html", {"form": form, "shown": user})
