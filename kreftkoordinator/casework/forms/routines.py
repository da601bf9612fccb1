"""A routine, plan or agreement in the register, and a new status for it."""

from django import forms as django_forms
from django.utils.translation import gettext_lazy as _

from kreftkoordinator import forms
from kreftkoordinator.organisation.models import Position, today

from ..models import Routine, RoutineStatus
from ..models.routines import check_status


class RoutineForm(forms.ModelForm):
    class Meta:
        model = Routine
        fields = ["position", "title", "kind", "owner", "status", "status_on"]
        widgets = {"status_on": forms.DateInput()}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["position"]
        field.queryset = Position.objects.held_by(user, today()).order_by("name")  # type: ignore[attr-defined]
        if len(field.queryset) == 1:  # type: ignore[attr-defined]
            field.initial = field.queryset[0].pk  # type: ignore[attr-defined]

    def clean(self):
        cleaned = super().clean() or {}
        for name, message in check_status(cleaned.get("status_on"), None).items():
            self.add_error(name, message)
        return cleaned


class RoutineStatusForm(forms.Form):
    status = django_forms.ChoiceField(label=_("Ny status"), choices=RoutineStatus.choices)
    status_on = django_forms.DateField(label=_("Dato"), initial=today, widget=forms.DateInput())

    def __init__(self, *args, routine: Routine, **kwargs):
        super().__init__(*args, **kwargs)
        self.routine = routine

    def clean(self):
        cleaned = super().clean() or {}
        problems = check_status(cleaned.get("status_on"), self.routine.status_on)
        for name, message in problems.items():
            self.add_error(name, message)
        return cleaned
