"""A case: opening and editing it, closing it, its phase."""

from django import forms as django_forms
from django.utils.translation import gettext_lazy as _

from kreftkoordinator import forms
from kreftkoordinator.organisation.models import today

from ..models import (
    Case,
    Phase,
)
from .common import CaseVersionMixin, VersionedForm, seen_version_field


class CaseForm(VersionedForm):
    class Meta:
        model = Case
        fields = [
            "kind",
            "opened_on",
            "phase",
            "cancer_site",
            "first_contact_source",
            "first_contact_at_discharge",
            "home_care_at_first_contact",
            "consent_given_on",
            "consent_scope",
            "consent_withdrawn_on",
            "individual_plan_asked_on",
            "individual_plan",
            "individual_plan_on",
        ]
        widgets = {
            "opened_on": forms.DateInput(),
            "consent_given_on": forms.DateInput(),
            "consent_withdrawn_on": forms.DateInput(),
            "individual_plan_asked_on": forms.DateInput(),
            "individual_plan_on": forms.DateInput(),
            "kind": django_forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["phase"]  # changed through the phase history, not edited

    def clean_opened_on(self):
        value = self.cleaned_data["opened_on"]
        if value and value > today():
            raise django_forms.ValidationError(_("Startdatoen kan ikke være i fremtiden."))
        return value


class EndOfLifeForm(VersionedForm):
    """The wished place of death and the palliative plan (Case.plan_and_wish_problems)."""

    class Meta:
        model = Case
        fields = ["wished_place_of_death", "wish_recorded_on", "palliative_plan_on"]
        widgets = {
            "wished_place_of_death": django_forms.RadioSelect,
            "wish_recorded_on": forms.DateInput(),
            "palliative_plan_on": forms.DateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        place = self.fields["wished_place_of_death"]
        place.choices = [c for c in place.choices if c[0]]  # type: ignore[attr-defined]
        if not self.instance.wish_recorded_on:
            self.fields["wish_recorded_on"].initial = today()


class CloseCaseForm(VersionedForm):
    class Meta:
        model = Case
        fields = ["closed_on", "closing_reason"]
        widgets = {"closed_on": forms.DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["closed_on"].required = True
        self.fields["closing_reason"].required = True
        self.fields["closed_on"].initial = today()


class PhaseForm(CaseVersionMixin, forms.Form):
    phase = django_forms.ChoiceField(label=_("Ny fase"), choices=Phase.choices)
    from_date = django_forms.DateField(label=_("Fra dato"), initial=today, widget=forms.DateInput())
    seen_version = seen_version_field()

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.fields["phase"].initial = case.phase  # the current phase, not the first choice
        self.carry_case_version(case)

    def clean_from_date(self):
        value = self.cleaned_data["from_date"]
        if value > today():
            raise django_forms.ValidationError(_("Datoen kan ikke være i fremtiden."))
        if value < self.case.opened_on:
            raise django_forms.ValidationError(_("Datoen kan ikke være før oppfølgingen startet."))
        return value
