import re

from django import forms as django_forms
from django.utils.translation import gettext_lazy as _

from kreftkoordinator import forms
from kreftkoordinator.casework.models import ContactRequest
from kreftkoordinator.organisation import finding

MESSAGE_LIMIT = 1000


class AreaLookupMixin:
    def clean_municipality(self):
        return finding.area_or_refusal(self.cleaned_data["municipality"])  # type: ignore[attr-defined]


class FindForm(AreaLookupMixin, forms.Form):
    is_search = True
    municipality = django_forms.CharField(
        label=_("Kommune"),
        max_length=100,
        help_text=_(
            "Skriv navnet på kommunen eller kommunenummeret, for eksempel Vang eller 3454."
        ),
    )

    def clean_municipality(self):
        """What was found (`finding.Found`: an area, or the areas it could be); or, for a
        region's name ("Valdres"), the positions whose name has it."""
        text = self.cleaned_data["municipality"].strip()
        found = finding.find(text)
        if found.area is None and positions_named(text).exists():
            return text
        if found.area is None and not found.suggestions:
            raise finding.refusal(text, found)
        return found


def positions_named(text: str):
    from kreftkoordinator.organisation.models import Position, today

    words = [w for w in text.split() if len(w) >= 3]
    found = Position.objects.active_on(today())
    for word in words:
        found = found.filter(name__icontains=word)
    return found if words else Position.objects.none()


class EventSearchForm(FindForm):
    """The meeting places: in one municipality, or everywhere."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].required = False

    def clean_municipality(self):
        text = self.cleaned_data["municipality"].strip()
        if not text:
            return None
        return AreaLookupMixin.clean_municipality(self)


class ContactForm(AreaLookupMixin, forms.Form):
    name = django_forms.CharField(label=_("Navn"), max_length=100)
    phone = forms.PhoneField(required=False)
    email = django_forms.EmailField(label=_("E-post"), required=False, max_length=200)
    municipality = django_forms.CharField(label=_("Kommunen du bor i"), max_length=100)
    role = django_forms.ChoiceField(
        label=_("Jeg er"), choices=ContactRequest.Role.choices, widget=django_forms.RadioSelect
    )
    message = django_forms.CharField(
        label=_("Kort melding"),
        required=False,
        max_length=MESSAGE_LIMIT,
        widget=django_forms.Textarea(attrs={"rows": 4, "maxlength": MESSAGE_LIMIT}),
        help_text=_(
            "Ikke skriv om diagnose eller helse her. Koordinatoren spør om det hun "
            "trenger å vite når hun ringer deg."
        ),
    )
    consent = django_forms.BooleanField(
        label=_(
            "Jeg vil at kreftkoordinatoren kontakter meg, og samtykker til at hun får "
            "navnet mitt og telefonnummeret eller e-postadressen min."
        ),
        error_messages={
            "required": _(
                "Kryss av for at kreftkoordinatoren kan kontakte deg; uten samtykke kan vi "
                "ikke sende forespørselen."
            )
        },
    )
    # A field people do not see and robots fill in.
    website = django_forms.CharField(
        label=_("Ikke fyll ut dette feltet"),
        required=False,
        widget=django_forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_message(self):
        message = self.cleaned_data["message"]
        if re.search(r"<\s*/?\s*(script|iframe|object|a\s)", message, re.IGNORECASE):
            raise django_forms.ValidationError(_("Meldingen kan ikke inneholde kode eller lenker."))
        return message

    def clean(self):
        cleaned = super().clean() or {}
        if not (cleaned.get("phone") or cleaned.get("email")) and not (
            "phone" in self.errors or "email" in self.errors
        ):
            self.add_error(
                "phone", _("Skriv telefonnummer eller e-post, så koordinatoren kan nå deg.")
            )
        return cleaned

    @property
    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class AccessibilityFeedbackForm(forms.Form):
    """A problem with accessibility, reported to the administrators."""

    message = django_forms.CharField(
        label=_("Hva fungerer ikke?"),
        max_length=MESSAGE_LIMIT,
        widget=django_forms.Textarea(attrs={"rows": 5, "maxlength": MESSAGE_LIMIT}),
        help_text=_("Skriv hvilken side det gjelder, hva du prøvde å gjøre, og hva som skjedde."),
    )
    page = django_forms.CharField(label=_("Siden det gjelder"), required=False, max_length=300)
    email = django_forms.EmailField(
        label=_("E-postadressen din"),
        required=False,
        max_length=200,
        help_text=_("Valgfritt, men uten den kan vi ikke svare deg."),
    )
    website = django_forms.CharField(
        label=_("Ikke fyll ut dette feltet"),
        required=False,
        widget=django_forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    @property
    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get("website"))
