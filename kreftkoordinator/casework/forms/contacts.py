"""A contact, and a follow-up to do."""

from django import forms as django_forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kreftkoordinator import forms

from ..deaths import check_before_death, death_on
from ..models import (
    Case,
    Contact,
    FollowUp,
)
from ..models.contacts import KINDS, PARTICIPANTS
from .common import AreaChoiceMixin


class ContactForm(AreaChoiceMixin, forms.ModelForm):
    """The quick contact: only form, participants and kind are needed; the rest has defaults."""

    participants = django_forms.MultipleChoiceField(
        label=_("Hvem deltok"),
        choices=PARTICIPANTS,
        widget=django_forms.CheckboxSelectMultiple,
        error_messages={"required": _("Velg hvem som deltok.")},
    )
    kinds = django_forms.MultipleChoiceField(
        label=_("Hva handlet kontakten om"),
        choices=KINDS,
        widget=django_forms.CheckboxSelectMultiple,
        error_messages={"required": _("Velg minst én type kontakt.")},
    )

    class Meta:
        model = Contact
        fields = [
            "area",
            "mode",
            "participants",
            "kinds",
            "duration_minutes",
            "at",
            "initiated_by",
            "team_member",
            "note",
        ]
        widgets = {
            "mode": django_forms.RadioSelect,
            "at": django_forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "note": django_forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"note": _("Sensitivt: skriv bare det som trengs for oppfølgingen.")}

    def __init__(self, *args, user, case: Case | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        if case:
            del self.fields["area"]
            self.instance.case = case
            self.instance.area_id = case.area_id
        else:
            self.limit_areas(user)
        if case is not None:
            team_choice(self.fields["team_member"], case, _("Fagperson fra teamet"))
            self.fields["team_member"].help_text = _("Valgfritt: hvem av teamet du snakket med.")
        else:
            del self.fields["team_member"]
        # A radio group needs no blank "---------" choice.
        self.fields["mode"].choices = Contact._meta.get_field("mode").choices  # type: ignore[attr-defined]
        self.fields["at"].initial = timezone.localtime().replace(second=0, microsecond=0)

    def clean(self):
        cleaned = super().clean() or {}
        if self.case is not None and cleaned.get("at"):
            try:
                check_before_death(
                    death_on(self.case), timezone.localtime(cleaned["at"]).date(), "at"
                )
            except ValidationError as e:
                self.add_error(None, e)
        if cleaned.get("team_member") and cleaned.get("participants"):
            cleaned["participants"] = [*cleaned["participants"], "with_professional"]
        for field, _label in PARTICIPANTS:
            setattr(self.instance, field, field in cleaned.get("participants", []))
        for field, _label in KINDS:
            setattr(self.instance, field, field in cleaned.get("kinds", []))
        return cleaned


def team_choice(field, case: Case, label) -> None:
    """A choice among the members of the case's team today."""
    field.queryset = case.team.current().select_related("provider")
    field.label = label


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["what", "due_on", "team_member"]
        widgets = {"due_on": forms.DateInput()}

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["team_member"]
        team_choice(field, case, _("Hvem skal gjøre det"))
        field.empty_label = _("Koordinatoren")  # type: ignore[attr-defined]
