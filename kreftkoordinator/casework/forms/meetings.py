"""A responsibility-group meeting: when, who of the team took part, what was decided, and the
next steps, each for a member or for the coordinator."""

from datetime import date, timedelta

from django import forms as django_forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kreftkoordinator import forms
from kreftkoordinator.forms import ModelMultipleChoiceField

from ..deaths import check_before_death, death_on
from ..models import CareTeamMember, Case

STEPS = 4  # blank rows for next steps; more are added at the next meeting


class MeetingForm(forms.Form):
    at = django_forms.DateTimeField(
        label=_("Tidspunkt"),
        widget=django_forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
        ),
    )
    duration_minutes = django_forms.IntegerField(
        label=_("Varighet (minutter)"), min_value=1, max_value=600, initial=60
    )
    members = ModelMultipleChoiceField(
        label=_("Hvem fra teamet deltok"),
        queryset=CareTeamMember.objects.none(),
        widget=django_forms.CheckboxSelectMultiple,
        error_messages={"required": _("Velg hvem fra teamet som deltok.")},
    )
    with_patient = django_forms.BooleanField(label=_("Pasienten deltok"), required=False)
    with_relative = django_forms.BooleanField(label=_("Pårørende deltok"), required=False)
    decisions = django_forms.CharField(
        label=_("Vedtak og avtaler"),
        required=False,
        max_length=5000,
        widget=django_forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sensitivt: skriv bare det som trengs for oppfølgingen."),
    )

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        team = case.team.current().select_related("provider")
        self.fields["members"].queryset = team  # type: ignore[attr-defined]
        self.fields["at"].initial = timezone.localtime().replace(second=0, microsecond=0)
        for i in range(1, STEPS + 1):
            what = django_forms.CharField(
                label=_("Neste steg %(n)d") % {"n": i}, required=False, max_length=200
            )
            self.add_field(f"step_{i}_what", what)
            who = django_forms.ModelChoiceField(
                label=_("Hvem, steg %(n)d") % {"n": i},
                queryset=team,
                required=False,
                empty_label=_("Koordinatoren"),
            )
            self.add_field(f"step_{i}_who", who)
            due = django_forms.DateField(
                label=_("Frist, steg %(n)d") % {"n": i}, required=False, widget=forms.DateInput()
            )
            self.add_field(f"step_{i}_due", due)

    def step_rows(self):
        return [
            (self[f"step_{i}_what"], self[f"step_{i}_who"], self[f"step_{i}_due"])
            for i in range(1, STEPS + 1)
        ]

    def clean_at(self):
        at = self.cleaned_data["at"]
        if at > timezone.now() + timedelta(minutes=5):
            raise ValidationError(_("Møtet kan ikke være i fremtiden."))
        if timezone.localtime(at).date() < self.case.opened_on:
            raise ValidationError(_("Datoen kan ikke være før oppfølgingen startet."))
        try:
            check_before_death(death_on(self.case), timezone.localtime(at).date(), "at")
        except ValidationError as e:
            raise ValidationError(e.message_dict["at"]) from e
        return at

    def clean(self):
        cleaned = super().clean() or {}
        for i in range(1, STEPS + 1):
            what, due = cleaned.get(f"step_{i}_what"), cleaned.get(f"step_{i}_due")
            if what and not due and f"step_{i}_due" not in self.errors:
                self.add_error(f"step_{i}_due", _("Skriv en frist for steget."))
            if due and not what:
                self.add_error(f"step_{i}_what", _("Skriv hva som skal gjøres."))
        return cleaned

    def steps(self) -> list[tuple[str, CareTeamMember | None, date]]:
        data = self.cleaned_data
        return [
            (data[f"step_{i}_what"], data[f"step_{i}_who"], data[f"step_{i}_due"])
            for i in range(1, STEPS + 1)
            if data.get(f"step_{i}_what")
        ]
