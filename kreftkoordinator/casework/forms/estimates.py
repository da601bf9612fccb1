"""The coordinator's estimate of what her work on a case avoided in a year."""

from django import forms as django_forms
from django.utils.translation import gettext_lazy as _

from kreftkoordinator import forms

from ..models import Case, Estimate


class EstimateForm(forms.ModelForm):
    class Meta:
        model = Estimate
        fields = [
            "year",
            "short_term_days_avoided",
            "nursing_home_weeks_deferred",
            "home_care_hours_saved_per_week",
        ]
        widgets = {"year": django_forms.HiddenInput}

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.case = case
        self.instance.area_id = case.area_id
        for name in ("short_term_days_avoided", "nursing_home_weeks_deferred",
                     "home_care_hours_saved_per_week"):  # fmt: skip
            field = self.fields[name]
            field.widget.attrs.update({"inputmode": "decimal", "placeholder": _("Vet ikke")})
            field.localize = True
            field.widget.is_localized = True
