import re

from django import forms as django_forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from kreftkoordinator import forms
from kreftkoordinator.roles import Role

from .models import Area, Assignment, Position


class AreaCodesField(django_forms.CharField):
    """Area numbers typed as text ("3301, 3901"), cleaned to current municipalities/districts.

    Typing numbers is faster and more accessible than a 370-item list; names are shown back.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", django_forms.TextInput(attrs={"inputmode": "numeric"}))
        super().__init__(**kwargs)

    def clean(self, value):
        text = super().clean(value) or ""
        codes = [c for c in re.split(r"[\s,;]+", text) if c]
        if not codes:
            if self.required:
                raise django_forms.ValidationError(self.error_messages["required"])
            return []
        found = {a.code: a for a in Area.objects.current().serviceable().filter(code__in=codes)}
        unknown = [c for c in codes if c not in found]
        if unknown:
            raise django_forms.ValidationError(
                _("Finner ingen kommune eller bydel med nummer %(codes)s.")
                % {"codes": ", ".join(unknown)}
            )
        return list(dict.fromkeys(found[c] for c in codes))


class PositionForm(forms.ModelForm):
    phone = forms.PhoneField(
        required=False, help_text=_("Stillingens telefon, vist på de offentlige sidene.")
    )
    host_code = AreaCodesField(
        label=_("Vertskommune"),
        required=True,
        help_text=_("Kommunenummeret (eller bydelsnummeret) til arbeidsgiveren, f.eks. 3301."),
    )
    covered_codes = AreaCodesField(
        label=_("Dekker områdene"),
        required=True,
        help_text=_(
            "Kommune- eller bydelsnummer, skilt med komma. En interkommunal stilling dekker flere."
        ),
    )

    class Meta:
        model = Position
        fields = [
            "name",
            "kind",
            "funding",
            "fte",
            "start_date",
            "end_date",
            "district_office",
            "phone",
            "email",
            "office_hours",
        ]
        widgets = {
            "start_date": forms.DateInput(),
            "end_date": forms.DateInput(),
            "funding": django_forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["host_code"] = self.instance.host_area.code
            self.initial["covered_codes"] = ", ".join(
                a.code for a in self.instance.covered_areas.all()
            )

    def clean(self):
        cleaned = super().clean() or {}
        host, covered = cleaned.get("host_code"), cleaned.get("covered_codes")
        if host and len(host) > 1:
            self.add_error("host_code", _("Oppgi bare én vertskommune."))
        elif host and covered and host[0] not in covered:
            self.add_error(
                "covered_codes", _("Vertskommunen må være blant områdene stillingen dekker.")
            )
        return cleaned

    def save(self, commit=True):
        position = super().save(commit=False)
        position.host_area = self.cleaned_data["host_code"][0]
        if commit:
            position.save()
            position.covered_areas.set(self.cleaned_data["covered_codes"])
        return position


class AssignmentForm(forms.ModelForm):
    class Meta:
        model = Assignment
        fields = ["user", "kind", "valid_from", "valid_to"]
        widgets = {
            "valid_from": forms.DateInput(),
            "valid_to": forms.DateInput(),
            "kind": django_forms.RadioSelect,
        }

    def __init__(self, *args, position: Position, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.position = position
        # Nobody gives herself access to personal data, nor changes her own assignment.
        coordinators = (
            get_user_model()
            .objects.filter(role=Role.COORDINATOR, is_active=True)
            .exclude(pk=actor.pk)
        )
        self.fields["user"].queryset = coordinators  # type: ignore[attr-defined]
        if self.instance.pk:
            # Another person is another assignment: one that waits for approval of its own.
            self.fields["user"].disabled = True


class AreaLanguageForm(forms.ModelForm):
    class Meta:
        model = Area
        fields = ["language_form"]
        widgets = {"language_form": django_forms.RadioSelect}
        help_texts = {
            "language_form": _(
                "Kommunens vedtatte målform etter språklova. Brev og rapporter til kommunen, og "
                "de offentlige sidene om den, er på nynorsk når målformen er nynorsk."
            )
        }
