from django import forms as django_forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from kreftkoordinator import forms
from kreftkoordinator.organisation.forms import AreaCodesField

from .login_limits import wait_seconds
from .models import Role, User
from .sign_on import claim_label, clean_identifier


class LoginForm(forms.DSFormMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Feil brukernavn eller passord. Etter flere feil forsøk blir kontoen låst en stund."
        ),
        "inactive": _("Denne kontoen er deaktivert."),
        "slow_down": _(
            "Det har vært mange feil forsøk på denne brukeren den siste timen. Vent %(n)s "
            "sekunder og prøv igjen."
        ),
    }

    def clean(self):
        username = self.cleaned_data.get("username")
        wait = wait_seconds(username) if username else 0
        if wait:
            raise django_forms.ValidationError(
                self.error_messages["slow_down"], code="slow_down", params={"n": wait}
            )
        return super().clean()


class TokenForm(forms.Form):
    token = django_forms.CharField(
        label=_("Engangskode"),
        help_text=_("Sekssifret kode fra autentiseringsappen."),
        max_length=6,
        min_length=6,
        widget=django_forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*"}
        ),
        error_messages={"min_length": _("Koden har seks siffer.")},
    )

    def clean_token(self):
        token = self.cleaned_data["token"].replace(" ", "")
        if not token.isdigit():
            raise django_forms.ValidationError(_("Koden består bare av siffer."))
        return token


class UserForm(forms.ModelForm):
    phone = forms.PhoneField(required=False)
    """An administrator's form for a user. It has no password: the user chooses her own through
    a link sent to her e-mail. An administrator editing herself cannot change her role."""

    area_codes = AreaCodesField(
        label=_("Områder (for ledere)"),
        help_text=_("Kommune- eller bydelsnummer, skilt med komma. Gjelder bare ledere."),
    )

    class Meta:
        model = User
        fields = [
            "username",
            "first_name",
            "last_name",
            "email",
            "phone",
            "role",
            "district_office",
            "budget_authority",
            "is_active",
        ]

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["email"].help_text = _("Brukeren får lenken for å velge passord hit.")
        if self.instance.pk:
            self.initial["area_codes"] = ", ".join(a.code for a in self.instance.areas.all())
        if self.instance.pk == actor.pk:
            for name in ("role", "budget_authority", "is_active"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _(
                    "Du kan ikke endre din egen rolle eller deaktivere deg selv. Be en annen "
                    "administrator."
                )

    def clean_email(self):
        """One account per address: password links and notices go to it, and an administrator
        cannot give a new account an address that already opens another."""
        email = self.cleaned_data["email"]
        if User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk).exists():
            raise django_forms.ValidationError(_("En annen bruker har allerede denne e-posten."))
        return email

    def clean(self):
        cleaned = super().clean() or {}
        role, areas = cleaned.get("role"), cleaned.get("area_codes") or []
        if cleaned.get("budget_authority") and role != Role.PROGRAMME:
            self.add_error(
                "budget_authority",
                _("Bare programansvarlige hos Kreftforeningen kan ha anvisningsmyndighet."),
            )
        if role == Role.LEADER and not areas:
            self.add_error("area_codes", _("En leder må ha minst ett område."))
        if role != Role.LEADER and areas:
            self.add_error(
                "area_codes",
                _("Bare ledere har områder her; koordinatorer får områder gjennom stillingen sin."),
            )
        return cleaned


class SetPasswordForm(forms.DSFormMixin, auth_forms.SetPasswordForm):
    """The user chooses her own password from the link she was sent."""


class IdentityForm(forms.Form):
    """Who the user is at an OpenID provider: the provider and the claim, and its value."""

    claim = django_forms.ChoiceField(label=_("Innlogging"))
    value = django_forms.CharField(
        label=_("Identifikator"),
        max_length=60,
        help_text=_(
            "Fødselsnummer lagres bare som en nøkkelhash, og vises aldri. Innloggingen må "
            "samsvare nøyaktig."
        ),
        widget=django_forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def __init__(self, *args, providers, **kwargs):
        super().__init__(*args, **kwargs)
        self.providers = {p.key: p for p in providers}
        claim = self.fields["claim"]
        assert isinstance(claim, django_forms.ChoiceField)
        claim.choices = [
            (f"{p.key} {claim}", f"{p.name}: {claim_label(claim)}")
            for p in providers
            for claim in p.identity_claims
        ]

    def clean(self):
        cleaned = super().clean() or {}
        if "claim" in cleaned:
            key, claim = cleaned["claim"].split(" ", 1)
            cleaned["provider"], cleaned["claim"] = self.providers[key], claim
            if cleaned.get("value"):
                try:
                    cleaned["value"] = clean_identifier(claim, cleaned["value"])
                except django_forms.ValidationError as e:
                    self.add_error("value", e)
        return cleaned
