from django import forms as django_forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from kreftkoordinator import forms
from kreftkoordinator.organisation.forms import AreaCodesField

from .models import Role, User


class LoginForm(forms.DSFormMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Feil brukernavn eller passord. Etter flere feil forsøk blir kontoen låst en stund."
        ),
        "inactive": _("Denne kontoen er deaktivert."),
    }


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
    area_codes = AreaCodesField(
        label=_("Områder (for ledere)"),
        help_text=_("Kommune- eller bydelsnummer, skilt med komma. Gjelder bare ledere."),
    )
    password = django_forms.CharField(
        label=_("Nytt passord"),
        required=False,
        strip=False,
        widget=django_forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Minst 12 tegn. La feltet stå tomt for å beholde passordet."),
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
            "is_active",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        if self.instance.pk:
            self.initial["area_codes"] = ", ".join(a.code for a in self.instance.areas.all())
        else:
            self.fields["password"].required = True
            self.fields["password"].help_text = _("Minst 12 tegn.")

    def clean(self):
        cleaned = super().clean() or {}
        role, areas = cleaned.get("role"), cleaned.get("area_codes") or []
        if role == Role.LEADER and not areas:
            self.add_error("area_codes", _("En leder må ha minst ett område."))
        if role != Role.LEADER and areas:
            self.add_error(
                "area_codes",
                _("Bare ledere har områder her; koordinatorer får områder gjennom stillingen sin."),
            )
        password = cleaned.get("password")
        if password:
            probe = User(
                **{f: cleaned.get(f) for f in ("username", "first_name", "last_name", "email")}
            )
            try:
                validate_password(password, probe)
            except django_forms.ValidationError as e:
                self.add_error("password", e)
        return cleaned

    def save(self, commit=True):
        user = super().save(commit=False)
        if self.cleaned_data.get("password"):
            user.set_password(self.cleaned_data["password"])
        if commit:
            user.save()
            user.areas.set(self.cleaned_data.get("area_codes") or [])
        return user
