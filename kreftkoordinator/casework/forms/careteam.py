"""A member of the team around the person."""

from django import forms as django_forms
from django.utils.translation import gettext_lazy as _

from kreftkoordinator import forms
from kreftkoordinator.directory.models import Provider
from kreftkoordinator.organisation.models import today

from ..careteam import providers_for
from ..models import CareTeamMember, Case


class CareTeamMemberForm(forms.ModelForm):
    phone = forms.PhoneField(required=False)
    provider = django_forms.ModelChoiceField(
        label=_("Virksomhet fra katalogen"),
        queryset=Provider.objects.none(),
        required=False,
        empty_label=_("Ikke i listen: skriv den under"),
    )

    class Meta:
        model = CareTeamMember
        fields = [
            "role",
            "provider",
            "organisation",
            "name",
            "phone",
            "email",
            "from_on",
            "to_on",
            "consent_to_share",
            "responsible",
        ]
        widgets = {"from_on": forms.DateInput(), "to_on": forms.DateInput()}
        help_texts = {
            "organisation": _(
                "Legekontoret, NAV-kontoret, skolen … Den legges i katalogen for området, så "
                "den kan velges neste gang (ikke arbeidsgiver eller «annen»)."
            ),
            "to_on": _("Tomt så lenge vedkommende er med."),
            "responsible": _("Bare én om gangen for hver oppfølging."),
        }

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.case = case
        self.instance.area_id = case.area_id
        self.fields["provider"].queryset = providers_for(case.area)  # type: ignore[attr-defined]
        if not self.instance.pk:
            self.fields["from_on"].initial = today()

    def clean(self):
        cleaned = super().clean() or {}
        if cleaned.get("provider"):  # chosen from the directory: nothing typed beside it
            cleaned["organisation"] = self.instance.organisation = ""
        return cleaned
