from django import forms as django_forms
from django.utils.translation import gettext_lazy as _

from kreftkoordinator import forms


class SubmitForm(forms.Form):
    narrative = django_forms.CharField(
        label=_("Kommentar til rapporten"),
        help_text=_(
            "Kort om året: hva som gikk bra, hva som var vanskelig, hva tallene ikke viser. "
            "Ingen personopplysninger."
        ),
        max_length=5000,
        required=False,
        widget=django_forms.Textarea(attrs={"rows": 6}),
    )
