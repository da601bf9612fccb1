from django import forms as django_forms
from django.utils.translation import gettext_lazy as _

from kreftkoordinator import forms, validators
from kreftkoordinator.organisation.models import Area, Position

from .models import Absence, Scheme


class AgreementForm(forms.Form):
    position = django_forms.ModelChoiceField(
        label=_("Stilling"), queryset=Position.objects.order_by("name")
    )
    start = django_forms.DateField(
        label=_("Dato koordinatoren startet"),
        help_text=_("Avtaleårene regnes fra denne datoen."),
        widget=forms.DateInput,
    )
    fte = django_forms.TypedChoiceField(
        label=_("Stillingsprosent"), coerce=int, choices=Position.FTE.choices
    )
    salary = django_forms.DecimalField(
        label=_("Brutto årslønn ved start (kr)"),
        help_text=_(
            "Det personen får for stillingen på 50 eller 100 %. Lønnsøkninger dekkes ikke."
        ),
        min_value=1,
        max_digits=10,
        decimal_places=2,
    )
    social_rate = django_forms.DecimalField(
        label=_("Sosiale kostnader (prosent av lønnen)"),
        help_text=_("Tilskuddet dekker høyst 35 %."),
        min_value=0,
        max_value=99,
        max_digits=6,
        decimal_places=2,
    )
    scheme = django_forms.ModelChoiceField(label=_("Ordning"), queryset=Scheme.objects.all())
    parties = django_forms.ModelMultipleChoiceField(
        label=_("Parter i samarbeidsavtalen (interkommunale stillinger)"),
        help_text=_("Tom: kommunene stillingen dekker, utenom vertskommunen."),
        queryset=Area.objects.current().order_by("name"),
        required=False,
    )


class AbsenceForm(forms.Form):
    kind = django_forms.ChoiceField(label=_("Type"), choices=Absence.Kind.choices)
    first = django_forms.DateField(label=_("Fra og med"), widget=forms.DateInput)
    last = django_forms.DateField(label=_("Til og med"), widget=forms.DateInput)

    def clean(self):
        data = super().clean() or {}
        if data.get("first") and data.get("last") and data["last"] < data["first"]:
            self.add_error("last", _("Fraværet kan ikke slutte før det begynner."))
        return data


class DecisionForm(forms.Form):
    approved = django_forms.TypedChoiceField(
        label=_("Vedtak"),
        coerce=lambda v: v == "yes",
        choices=[("yes", _("Godkjenn året")), ("no", _("Avslå året"))],
        widget=django_forms.RadioSelect,
    )
    comment = django_forms.CharField(
        label=_("Kommentar"),
        help_text=_("Påkrevd når et år avslås."),
        required=False,
        max_length=1000,
        widget=django_forms.Textarea(attrs={"rows": 2}),
    )


class PaidForm(forms.Form):
    paid_on = django_forms.DateField(label=_("Utbetalt dato"), widget=forms.DateInput)


class PaymentDetailsForm(forms.Form):
    """Where the grant is paid; both are checked where they are typed (MOD11)."""

    organisation_number = django_forms.CharField(
        label=_("Kommunens organisasjonsnummer"), max_length=20, help_text=_("9 siffer.")
    )
    bank_account = django_forms.CharField(
        label=_("Kontonummer tilskuddet betales til"),
        max_length=20,
        help_text=_("11 siffer, for eksempel 1503.11.12345."),
    )

    def clean_organisation_number(self):
        return validators.organisation_number(self.cleaned_data["organisation_number"])

    def clean_bank_account(self):
        return validators.bank_account(self.cleaned_data["bank_account"])


class SendBackForm(forms.Form):
    reason = django_forms.CharField(
        label=_("Hvorfor sendes den tilbake?"),
        help_text=_("Den som gjorde steget, ser begrunnelsen på oppgaven."),
        widget=django_forms.Textarea(attrs={"rows": 2}),
        max_length=500,
        error_messages={"required": _("Skriv hvorfor oppgaven sendes tilbake.")},
    )


class SchemeForm(forms.Form):
    name = django_forms.CharField(label=_("Navn"), max_length=100)
    shares = django_forms.CharField(
        label=_("Andel per avtaleår (prosent)"),
        help_text=_("Skilt med komma, for eksempel 75, 75, 75, 60, 40, 20."),
        max_length=200,
    )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if Scheme.objects.filter(name=name).exists():
            raise django_forms.ValidationError(
                _("Det finnes allerede en ordning med dette navnet.")
            )
        return name

    def clean_shares(self):
        parts = [p.strip() for p in self.cleaned_data["shares"].split(",") if p.strip()]
        try:
            shares = [float(p.replace(" ", "")) for p in parts]
        except ValueError as e:
            raise django_forms.ValidationError(
                _("Skriv prosentene som tall skilt med komma, for eksempel 75, 75, 60.")
            ) from e
        if not shares or len(shares) > 20:
            raise django_forms.ValidationError(_("En ordning har fra 1 til 20 avtaleår."))
        if any(not 0 <= s <= 100 for s in shares):
            raise django_forms.ValidationError(_("Hver andel må være mellom 0 og 100 %."))
        return [int(s) if s.is_integer() else s for s in shares]
