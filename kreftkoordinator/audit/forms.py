from django import forms as django_forms
from django.utils.translation import gettext_lazy as _

from kreftkoordinator import forms


class PeriodForm(forms.Form):
    is_search = True
    start = django_forms.DateField(label=_("Fra dato"), required=False, widget=forms.DateInput())
    end = django_forms.DateField(label=_("Til dato"), required=False, widget=forms.DateInput())

    def clean(self):
        cleaned = super().clean() or {}
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("Til-datoen kan ikke være før fra-datoen."))
        return cleaned
