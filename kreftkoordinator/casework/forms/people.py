"""A person, and a relative on a case."""

from django import forms as django_forms
from django.utils.translation import gettext_lazy as _

from kreftkoordinator import forms
from kreftkoordinator.identity_numbers import birth_date, validate_identity_number
from kreftkoordinator.organisation.models import today

from ..models import (
    Person,
    RelationType,
)
from .common import AreaChoiceMixin, VersionedForm


class PersonForm(AreaChoiceMixin, VersionedForm):
    phone = forms.PhoneField(required=False)
    # Longer than 11 on purpose: a pasted number with spaces or a digit too many gets our
    # explanation, not a generic length message.
    identity_number = django_forms.CharField(
        label=_("Fødselsnummer eller D-nummer"),
        required=False,
        max_length=30,
        help_text=_("Valgfritt. 11 siffer."),
        widget=django_forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    # Shown (as a checkbox) only when the view has found possible duplicates.
    confirm_duplicate = django_forms.BooleanField(
        label=_("Opprett likevel: det er ikke samme person"),
        required=False,
        widget=django_forms.HiddenInput,
    )

    class Meta:
        model = Person
        fields = [
            "area",
            "name",
            "phone",
            "birth_date",
            "birth_year",
            "identity_number",
            "email",
            "address",
            "language",
            "needs_interpreter",
        ]
        widgets = {"birth_date": forms.DateInput()}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_areas(user)
        if self.instance.pk:
            del self.fields["area"]
            del self.fields["confirm_duplicate"]

    def clean_identity_number(self):
        value = self.cleaned_data["identity_number"].strip()
        return validate_identity_number(value) if value else ""

    def clean_birth_date(self):
        value = self.cleaned_data["birth_date"]
        if value and value > today():
            raise django_forms.ValidationError(_("Fødselsdatoen kan ikke være i fremtiden."))
        return value

    def clean(self):
        cleaned = super().clean() or {}
        number, born = cleaned.get("identity_number"), cleaned.get("birth_date")
        if number and born and birth_date(number) != born:
            self.add_error("birth_date", _("Fødselsdatoen stemmer ikke med fødselsnummeret."))
        if number and not born:
            cleaned["birth_date"] = birth_date(number)
        year = cleaned.get("birth_year")
        if year and not 1900 <= year <= today().year:
            self.add_error("birth_year", _("Oppgi et fødselsår mellom 1900 og i år."))
        if not (cleaned.get("name") or cleaned.get("phone")):
            self.add_error("name", _("Skriv inn navn eller telefonnummer (eller begge)."))
        return cleaned


class RelativeForm(forms.ModelForm):
    """A new relative: a person in the case's area and the link to the case."""

    phone = forms.PhoneField(required=False)

    relation = django_forms.ChoiceField(label=_("Relasjon"), choices=RelationType.choices)

    class Meta:
        model = Person
        fields = ["name", "phone", "birth_date", "birth_year"]
        widgets = {"birth_date": forms.DateInput()}

    def clean(self):
        cleaned = super().clean() or {}
        if not (cleaned.get("name") or cleaned.get("phone")):
            self.add_error("name", _("Skriv inn navn eller telefonnummer (eller begge)."))
        born = cleaned.get("birth_date")
        if born and born > today():
            self.add_error("birth_date", _("Fødselsdatoen kan ikke være i fremtiden."))
        return cleaned
