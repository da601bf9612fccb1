"""Time and system activities recorded for a position."""

from django import forms as django_forms
from django.utils.translation import gettext_lazy as _

from kreftkoordinator import forms
from kreftkoordinator.organisation.models import Position, today

from ..models import (
    SystemActivity,
    TimeEntry,
)


class PositionWorkForm(forms.ModelForm):
    """Base for time and system work: a position the user held on the date."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.user = user
        positions = (
            Position.objects.filter(assignments__user=user, assignments__approved_at__isnull=False)
            .distinct()
            .order_by("name")
        )
        field = self.fields["position"]
        field.queryset = positions  # type: ignore[attr-defined]
        if len(positions) == 1:
            field.initial = positions[0].pk

    def clean_minutes(self):
        value = self.cleaned_data["minutes"]
        if not 1 <= value <= 24 * 60:
            raise django_forms.ValidationError(_("Oppgi mellom 1 og 1440 minutter."))
        return value

    def clean(self):
        cleaned = super().clean() or {}
        position, on = cleaned.get("position"), cleaned.get("on")
        if on and on > today():
            self.add_error("on", _("Datoen kan ikke være i fremtiden."))
        elif (
            position
            and on
            and not Position.objects.held_by(self.instance.user, on).filter(pk=position.pk).exists()
        ):
            self.add_error("on", _("Du var ikke tilsatt i stillingen på denne datoen."))
        return cleaned


class TimeEntryForm(PositionWorkForm):
    class Meta:
        model = TimeEntry
        fields = ["position", "on", "category", "minutes", "note"]
        widgets = {"on": forms.DateInput()}


class SystemActivityForm(PositionWorkForm):
    class Meta:
        model = SystemActivity
        fields = ["position", "on", "kind", "title", "participants", "minutes"]
        widgets = {"on": forms.DateInput()}
