from django import forms as django_forms
from django.utils.translation import gettext_lazy as _

from kreftkoordinator import forms
from kreftkoordinator.codes import Phase
from kreftkoordinator.organisation import finding
from kreftkoordinator.organisation.forms import AreaCodesField
from kreftkoordinator.organisation.models import Area
from kreftkoordinator.validators import web_url

from .models import Category, Event, Offer, Provider

TARGETS = [
    ("patients", _("Pasienter")),
    ("relatives", _("Pårørende")),
    ("children", _("Barn og unge")),
]


class OfferSearchForm(forms.Form):
    is_search = True
    q = django_forms.CharField(label=_("Søk"), required=False, max_length=100)
    area = django_forms.CharField(
        label=_("Kommune eller kommunenummer"), required=False, max_length=100
    )
    category = django_forms.ChoiceField(
        label=_("Kategori"), required=False, choices=[("", _("Alle kategorier")), *Category.choices]
    )
    target = django_forms.ChoiceField(
        label=_("For"), required=False, choices=[("", _("Alle")), *TARGETS]
    )

    def clean_area(self):
        text = self.cleaned_data["area"].strip()
        if not text:
            return None
        return finding.area_or_refusal(text)


def search_offers(queryset, data: dict):
    if data.get("q"):
        queryset = queryset.matching(data["q"])
    if data.get("area"):
        queryset = queryset.for_area(data["area"])
    if data.get("category"):
        queryset = queryset.filter(category=data["category"])
    if data.get("target"):
        queryset = queryset.filter(**{f"for_{data['target']}": True})
    return queryset


class OfferForm(forms.ModelForm):
    provider_name = django_forms.CharField(
        label=_("Tilbyder"),
        max_length=200,
        help_text=_("Skriv navnet; finnes tilbyderen fra før, brukes den."),
    )
    phase_choices = django_forms.MultipleChoiceField(
        label=_("Faser"),
        choices=Phase.choices,
        required=False,
        widget=django_forms.CheckboxSelectMultiple,
    )
    website = django_forms.URLField(
        label=_("Nettside"), required=False, assume_scheme="https", validators=[web_url]
    )
    area_codes = AreaCodesField(
        label=_("Kommuner eller bydeler"),
        help_text=_("Kommune- eller bydelsnummer, skilt med komma. Tomt for nasjonale tilbud."),
    )

    class Meta:
        model = Offer
        fields = [
            "title",
            "description",
            "category",
            "for_patients",
            "for_relatives",
            "for_children",
            "national",
            "owner_area",
            "access",
            "cost",
            "languages",
            "phone",
            "email",
            "website",
            "opening_hours",
            "address",
            "published",
        ]
        widgets = {"description": django_forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        owner = self.fields["owner_area"]
        areas = Area.objects.all() if user.is_admin else Area.objects.visible_to(user)
        owner.queryset = areas  # type: ignore[attr-defined]
        if user.is_coordinator:
            del self.fields["national"]
            owner.required = True
            if len(owner.queryset) == 1:  # type: ignore[attr-defined]
                owner.initial = owner.queryset[0].pk  # type: ignore[attr-defined]
        elif user.is_programme:
            del self.fields["owner_area"]
        if self.instance.pk:
            self.initial["provider_name"] = self.instance.provider.name
            self.initial["phase_choices"] = self.instance.phase_list
            self.initial["area_codes"] = ", ".join(a.code for a in self.instance.areas.all())

    def clean(self):
        cleaned = super().clean() or {}
        national = cleaned.get(
            "national", self.instance.national if self.user.is_coordinator else False
        )
        if self.user.is_programme:
            national = True
            cleaned["national"] = True
        if not national and not cleaned.get("area_codes"):
            self.add_error(
                "area_codes", _("Oppgi hvor tilbudet gjelder, eller kryss av for hele landet.")
            )
        return cleaned

    def save(self, commit=True):
        offer = super().save(commit=False)
        if self.user.is_programme:
            offer.national = True
        offer.provider, _created = Provider.objects.get_or_create(
            name=self.cleaned_data["provider_name"].strip(),
            defaults={"kind": "municipal" if not offer.national else "private"},
        )
        offer.set_phases(self.cleaned_data["phase_choices"])
        offer.updated_by = self.user
        if commit:
            offer.save()
            offer.areas.set(self.cleaned_data["area_codes"])
        return offer


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = [
            "title",
            "kind",
            "area",
            "place",
            "starts_at",
            "ends_at",
            "description",
            "offer",
            "published",
            "cancelled",
        ]
        widgets = {
            "starts_at": django_forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "ends_at": django_forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "description": django_forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        areas = Area.objects.visible_to(user).order_by("name")
        self.fields["area"].queryset = areas  # type: ignore[attr-defined]
        self.fields["offer"].queryset = (  # type: ignore[attr-defined]
            Offer.objects.maintained_by(user).order_by("title")
        )

    def clean(self):
        cleaned = super().clean() or {}
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("Arrangementet må slutte etter at det starter."))
        return cleaned
