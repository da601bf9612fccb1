"""What the casework forms share: the version a form was read at (a lost update is refused), the
areas a coordinator may choose, and the case's version on forms about a case."""

from django import forms as django_forms
from django.utils.translation import gettext_lazy as _

from kreftkoordinator import forms
from kreftkoordinator.organisation.models import Area

from ..models import (
    Case,
)


def seen_version_field() -> django_forms.IntegerField:
    """The version of a record the user started from (hidden). Missing counts as 0, which no
    record has, so a form without it is refused as an edit conflict rather than let through."""
    message = _("Skjemaet er ikke gyldig lenger. Last siden på nytt og prøv igjen.")
    return django_forms.IntegerField(
        widget=django_forms.HiddenInput,
        required=False,
        min_value=0,
        max_value=2**31 - 1,
        error_messages={"invalid": message, "min_value": message, "max_value": message},
    )


class VersionedForm(forms.ModelForm):
    """Carries the version the user started from, so a second editor is refused."""

    seen_version = seen_version_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["seen_version"].initial = self.instance.version

    def clean_seen_version(self):
        return self.cleaned_data.get("seen_version") or 0


class AreaChoiceMixin:
    """The area field offers only the areas the user may record in."""

    def limit_areas(self, user) -> None:
        areas = Area.objects.visible_to(user).order_by("name")
        field = self.fields["area"]  # type: ignore[attr-defined]
        field.queryset = areas
        if len(field.queryset) == 1:
            field.initial = field.queryset[0].pk


class CaseVersionMixin:
    """A form whose workflow changes the case: it carries the case version the user saw."""

    def carry_case_version(self, case: Case) -> None:
        self.fields["seen_version"].initial = case.version  # type: ignore[attr-defined]

    def clean_seen_version(self):
        return self.cleaned_data.get("seen_version") or 0  # type: ignore[attr-defined]
