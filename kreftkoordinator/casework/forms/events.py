"""A care event: a stay, a change in home care, a death."""

from django import forms as django_forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kreftkoordinator import forms

from ..deaths import check_before_death, check_death, death_on
from ..models import (
    CareEvent,
    Case,
    DeathPlace,
    EventKind,
)
from ..models.care_events import FIELDS as EVENT_FIELDS
from ..models.care_events import RECORDED
from .common import CaseVersionMixin, seen_version_field

ON_LABELS = {
    EventKind.HOSPITAL: _("Innlagt"),
    EventKind.SHORT_TERM: _("Fra"),
    EventKind.LONG_TERM: _("Fra"),
    EventKind.HOSPICE: _("Fra"),
    EventKind.HOME_CARE: _("Fra dato"),
    EventKind.DEATH: _("Dødsdato"),
}


class CareEventForm(CaseVersionMixin, forms.ModelForm):
    """One form per kind of event: the date and only the fields that kind records. A death
    changes the case (its phase), so the form carries the case version."""

    seen_version = seen_version_field()

    class Meta:
        model = CareEvent
        fields = RECORDED
        widgets = {
            "on": forms.DateInput(),
            "ended_on": forms.DateInput(),
            "ready_for_discharge_on": forms.DateInput(),
            "death_place": django_forms.RadioSelect,
            "home_earlier_thanks_to_coordinator": django_forms.RadioSelect(
                choices=[(True, _("Ja")), (False, _("Nei")), ("", _("Ikke vurdert"))]
            ),
        }

    def __init__(self, *args, case: Case, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.case, self.instance.kind = case, kind
        self.carry_case_version(case)
        keep = {"on", "seen_version", *EVENT_FIELDS[EventKind(kind)]}
        for name in [n for n in self.fields if n not in keep]:
            del self.fields[name]
        self.fields["on"].label = ON_LABELS[EventKind(kind)]
        if kind == EventKind.HOSPITAL:
            self.fields["ended_on"].label = _("Utskrevet")
        if kind == EventKind.HOME_CARE:
            self.fields["home_care_hours"].required = True
        if kind == EventKind.DEATH:
            self.fields["death_place"].required = True
            self.fields["death_place"].choices = DeathPlace.choices  # type: ignore[attr-defined]

    def clean(self):
        cleaned = super().clean() or {}
        case = self.instance.case
        try:
            if self.instance.kind == EventKind.DEATH:
                check_death(case, cleaned.get("on"), death_on(case) is not None)
            else:
                died = death_on(case)
                check_before_death(died, cleaned.get("on"), "on")
                check_before_death(died, cleaned.get("ended_on"), "ended_on")
        except ValidationError as e:
            self.add_error(None, e)
        return cleaned
