"""An assessment of needs in the 13 topics of Pakkeforløp hjem."""

from django import forms as django_forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kreftkoordinator import forms
from kreftkoordinator.organisation.models import today

from ..deaths import check_before_death, death_on
from ..models import (
    Case,
    Checkpoint,
    NeedLevel,
    Topic,
)


class AssessmentForm(forms.Form):
    """One form for the whole assessment: the thermometer, 13 topics (level and note), and what
    matters. Fields per topic are made from the code list, so the form follows it."""

    assessed_on = django_forms.DateField(label=_("Dato"), initial=today, widget=forms.DateInput())
    checkpoint = django_forms.ChoiceField(
        label=_("Tidspunkt i pakkeforløpet"), choices=Checkpoint.choices, initial=Checkpoint.AD_HOC
    )
    distress = django_forms.IntegerField(
        label=_("Belastning (distresstermometer 0–10)"),
        required=False,
        min_value=0,
        max_value=10,
        help_text=_("0 er ingen belastning, 10 er ekstrem belastning."),
    )
    what_matters = django_forms.CharField(
        label=_("Hva er viktig for deg?"),
        required=False,
        widget=django_forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        for topic, label in Topic.choices:
            level = django_forms.TypedChoiceField(
                label=label,
                choices=[("", _("Ikke kartlagt")), *NeedLevel.choices],
                coerce=int,
                empty_value=None,
                required=False,
            )
            self.add_field(f"level_{topic}", level)
            note = django_forms.CharField(
                label=_("Merknad om %(topic)s") % {"topic": str(label).lower()},
                required=False,
                max_length=300,
            )
            self.add_field(f"note_{topic}", note)

    def topic_rows(self):
        return [
            (label, self[f"level_{topic}"], self[f"note_{topic}"], topic)
            for topic, label in Topic.choices
        ]

    def clean_assessed_on(self):
        value = self.cleaned_data["assessed_on"]
        if value > today():
            raise django_forms.ValidationError(_("Datoen kan ikke være i fremtiden."))
        if value < self.case.opened_on:
            raise django_forms.ValidationError(_("Datoen kan ikke være før oppfølgingen startet."))
        try:
            check_before_death(death_on(self.case), value, "assessed_on")
        except ValidationError as e:
            raise django_forms.ValidationError(e.message_dict["assessed_on"]) from e
        return value

    def needs(self) -> list[tuple[str, int, str]]:
        data = self.cleaned_data
        return [
            (topic, data[f"level_{topic}"], data[f"note_{topic}"])
            for topic, _label in Topic.choices
            if data.get(f"level_{topic}") is not None
        ]
