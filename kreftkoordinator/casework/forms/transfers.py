"""Moving a case to the municipality the person moves to."""

from django import forms as django_forms
from django.utils.translation import gettext_lazy as _

from kreftkoordinator import forms
from kreftkoordinator.organisation.forms import AreaCodesField

from ..models import (
    Case,
)
from .common import CaseVersionMixin, seen_version_field


class TransferForm(CaseVersionMixin, forms.Form):
    to_area = AreaCodesField(
        label=_("Flytter til (kommune- eller bydelsnummer)"),
        required=True,
        help_text=_("For eksempel 3901 for Horten eller 030105 for bydel Frogner."),
    )
    reason = django_forms.CharField(
        label=_("Begrunnelse"),
        max_length=300,
        help_text=_("Blir stående i loggen hos begge kommuner."),
        widget=django_forms.TextInput(),
    )
    seen_version = seen_version_field()

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.carry_case_version(case)

    def clean(self):
        cleaned = super().clean() or {}
        areas = cleaned.get("to_area")
        if areas and len(areas) > 1:
            self.add_error("to_area", _("Oppgi bare ett område."))
        elif areas:
            from ..transfers import check_transfer

            try:
                check_transfer(self.case, areas[0])
            except django_forms.ValidationError as error:
                self.add_error("to_area", error)
        return cleaned
