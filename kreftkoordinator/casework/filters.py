from django import forms as django_forms
from django.utils.translation import gettext_lazy as _

from kreftkoordinator import forms

from .models import Phase


class CaseloadFilter(forms.Form):
    is_search = True
    q = django_forms.CharField(label=_("Søk på navn eller telefon"), required=False, max_length=100)
    area: django_forms.ModelChoiceField = django_forms.ModelChoiceField(
        label=_("Område"), queryset=None, required=False, empty_label=_("Alle mine områder")
    )
    phase = django_forms.ChoiceField(
        label=_("Fase"), required=False, choices=[("", _("Alle faser")), *Phase.choices]
    )
    due = django_forms.BooleanField(label=_("Bare med oppgaver som har forfalt"), required=False)
    status = django_forms.ChoiceField(
        label=_("Vis"),
        required=False,
        choices=[("", _("Åpne")), ("closed", _("Avsluttede")), ("all", _("Alle"))],
    )
    quiet_weeks = django_forms.IntegerField(
        label=_("Ingen kontakt på (uker)"), required=False, min_value=1, max_value=520
    )

    def clean_q(self):
        value = self.cleaned_data["q"]
        compact = value.replace(" ", "")
        if len(compact) == 11 and compact.isdigit():
            raise django_forms.ValidationError(
                _("Søk på fødselsnummer under Personer: her ville nummeret havne i nettadressen.")
            )
        return value

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = areas.order_by("name")  # type: ignore[attr-defined]
