"""Administrators manage users: create, edit, deactivate, send a password link, reset
two-factor. The rules (no passwords, nothing on oneself, everything logged) are in
`administration.py`."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from kreftkoordinator.forms import search_text
from kreftkoordinator.roles import role_required

from . import administration, providers, sign_on
from .forms import IdentityForm, UserForm
from .models import Role, SignOnIdentity, User

admin_only = role_required(Role.ADMIN)
# A recovery of an account with access to persons waits for a second person (recovery.py).
WAITS = gettext_noop(
    "Brukeren har tilgang til personer, så en annen administrator eller lederen må godkjenne "
    "dette under Godkjenning. Det skjer et døgn etter godkjenningen."
)


@admin_only
def user_list(request):
    query = search_text(request.GET)
    role = request.GET.get("rolle", "")
    users = User.objects.annotate(
        has_totp=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True))
    )
    if query:
        users = users.filter(
            Q(username__icontains=query)
            | Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
            | Q(email__icontains=query)
        )
    if role in Role.values:
        users = users.filter(role=role)
    return render(
        request,
        "accounts/user_list.html",
        {"users": users, "query": query, "role": role, "roles": Role.choices},
    )


@admin_only
def user_edit(request, pk=None):
    user = get_object_or_404(User, pk=pk) if pk else None
    before = {f: getattr(user, f) for f in administration.WATCHED} if user else None
    form = UserForm(request.POST or None, instance=user, actor=request.user)
    if request.method == "POST" and form.is_valid():
        areas = form.cleaned_data.get("area_codes") or []
        if before is None:
            user = administration.create_user(request.user, form.instance, areas)
            messages.success(
                request,
                _("Brukeren er opprettet. %(email)s har fått en lenke for å velge passord.")
                % {"email": user.email},
            )
        else:
            user = form.instance
            if administration.update_user(request.user, user, before, areas):
                messages.success(request, _(WAITS))
            else:
                messages.success(request, _("Brukeren er lagret."))
        return redirect("accounts:user_detail", pk=user.pk)
    return render(request, "accounts/user_form.html", {"form": form, "edited": user})


@admin_only
def user_detail(request, pk, identity_form=None):
    user = get_object_or_404(User.objects.prefetch_related("areas"), pk=pk)
    known = providers.for_staff()
    if known and identity_form is None:
        identity_form = IdentityForm(providers=known)
    context = {
        "identity_form": identity_form,
        "identities": user.sign_on_identities.select_related("recorded_by"),
        "shown": user,
        "has_totp": TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
        "assignments": user.assignments.select_related("position").order_by("-valid_from"),
        "is_self": user.pk == request.user.pk,
        "recoveries": user.recoveries.select_related("requested_by", "approved_by"),
    }
    return render(request, "accounts/user_detail.html", context)


def _someone_else(request, pk) -> User:
    """The user an action is about, who must not be the administrator herself."""
    user = get_object_or_404(User, pk=pk)
    if user.pk == request.user.pk:
        raise PermissionDenied
    return user


@admin_only
@require_POST
def reset_two_factor(request, pk):
    user = _someone_else(request, pk)
    if administration.reset_two_factor(request.user, user):
        messages.success(request, _(WAITS))
    else:
        messages.success(
            request,
            _(
                "Tofaktor er nullstilt. %(name)s må registrere appen sin på nytt ved neste "
                "innlogging."
            )
            % {"name": user},
        )
    return redirect("accounts:user_detail", pk=user.pk)


@admin_only
@require_POST
def send_password_link(request, pk):
    user = _someone_else(request, pk)
    if administration.send_password_reset(request.user, user):
        messages.success(request, _(WAITS))
    else:
        messages.success(
            request,
            _("%(email)s har fått en lenke for å velge nytt passord.") % {"email": user.email},
        )
    return redirect("accounts:user_detail", pk=user.pk)


@admin_only
@require_POST
def record_identity(request, pk):
    """Record who the user is at a provider; the form keeps what was typed if it is wrong."""
    user = _someone_else(request, pk)
    form = IdentityForm(request.POST, providers=providers.for_staff())
    if form.is_valid():
        data = form.cleaned_data
        try:
            waits = sign_on.record_identity(
                request.user, user, data["provider"], data["claim"], data["value"]
            )
        except ValidationError as e:
            form.add_error("value", e)
        else:
            messages.success(request, _(WAITS) if waits else _("Innloggingen er registrert."))
            return redirect("accounts:user_detail", pk=user.pk)
    return user_detail(request, pk, identity_form=form)


@admin_only
@require_POST
def remove_identity(request, pk, identity):
    user = _someone_else(request, pk)
    found = get_object_or_404(SignOnIdentity, pk=identity, user=user)
    sign_on.remove_identity(request.user, found)
    messages.success(request, _("Innloggingen er fjernet."))
    return redirect("accounts:user_detail", pk=user.pk)
