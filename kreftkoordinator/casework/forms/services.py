"""A service or offer connected to a case, and its status."""

from django import forms as django_forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kreftkoordinator import forms
from kreftkoordinator.directory.models import Offer
from kreftkoordinator.directory.widgets import OfferPicker
from kreftkoordinator.organisation.models import today

from ..deaths import check_before_death, death_on
from ..models import (
    Case,
    ServiceLink,
    ServiceStatus,
)
from .contacts import team_choice


class ServiceLinkForm(forms.ModelForm):
    class Meta:
        model = ServiceLink
        fields = [
            "offer",
            "service",
            "description",
            "handled_by",
            "status",
            "status_on",
            "without_coordinator",
        ]
        widgets = {
            "status_on": forms.DateInput(),
            "without_coordinator": django_forms.NullBooleanSelect,
        }

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.case = case
        self.fields["status_on"].initial = today()
        offers = Offer.objects.for_area(case.area).select_related("provider")
        search = f"{reverse('directory:offer_choices')}?omrade={case.area.code}"
        self.fields["offer"] = django_forms.ModelChoiceField(
            label=_("Tilbud fra tilbudsoversikten"),
            queryset=offers,
            required=False,
            widget=OfferPicker(search_url=search),
            help_text=_(
                "Valgfritt: skriv noen bokstaver og velg. Ellers velges tjenesten fra listen under."
            ),
        )
        self.fields["service"].required = False
        team_choice(self.fields["handled_by"], case, _("Hvem i teamet behandler den"))
        self.fields["handled_by"].help_text = _(
            "Valgfritt: den som får søknaden eller henvisningen. Siden viser da hvem sin tur "
            "det er."
        )
        # A link starts as proposed, applied or started; later steps come through the workflow.
        self.fields["status"].choices = [  # type: ignore[attr-defined]
            (s.value, s.label)
            for s in (ServiceStatus.PROPOSED, ServiceStatus.APPLIED, ServiceStatus.STARTED)
        ]
        self.fields["without_coordinator"].widget.choices = [  # type: ignore[attr-defined]
            ("unknown", _("Vet ikke")),
            ("true", _("Ja")),
            ("false", _("Nei")),
        ]

    def show_offers(self, query: str) -> None:
        """Fill the picker with offers matching `query` (the path without JavaScript)."""
        widget = self.fields["offer"].widget
        offers = self.fields["offer"].queryset  # type: ignore[attr-defined]
        widget.results = list(offers.matching(query)[:10]) if query else []  # type: ignore

    def clean(self):
        cleaned = super().clean() or {}
        if cleaned.get("offer") and not cleaned.get("service"):
            cleaned["service"] = self.instance.service = "other"
        elif not cleaned.get("service") and "service" not in self.errors:
            self.add_error("service", _("Velg et tilbud fra oversikten eller en tjeneste."))
        if cleaned.get("offer"):
            self.fields["offer"].widget.selected = cleaned["offer"]  # type: ignore[attr-defined]
        if (
            cleaned.get("service") == "other"
            and not cleaned.get("offer")
            and not cleaned.get("description")
        ):
            self.add_error("description", _("Beskriv tilbudet."))
        on = cleaned.get("status_on")
        if on and on > today():
            self.add_error("status_on", _("Datoen kan ikke være i fremtiden."))
        try:
            check_before_death(death_on(self.instance.case), on, "status_on")
        except ValidationError as e:
            self.add_error(None, e)
        return cleaned


class ServiceStatusForm(forms.Form):
    status = django_forms.ChoiceField(label=_("Ny status"))
    on = django_forms.DateField(label=_("Dato"), initial=today, widget=forms.DateInput())

    def __init__(self, *args, link: ServiceLink, **kwargs):
        super().__init__(*args, **kwargs)
        self.link = link
        self.fields["status"].choices = [  # type: ignore[attr-defined]
            (s.value, s.label) for s in link.next_statuses
        ]
        self.fields["status"].error_messages["invalid_choice"] = _(
            "%(service)s kan ikke gå fra «%(now)s» til den statusen."
        ) % {"service": link, "now": link.get_status_display()}

    def clean_on(self):
        value = self.cleaned_data["on"]
        if value > today():
            raise django_forms.ValidationError(_("Datoen kan ikke være i fremtiden."))
        if value < self.link.status_on:
            raise django_forms.ValidationError(
                _("Datoen kan ikke være før forrige status (%(date)s).")
                % {"date": self.link.status_on.strftime("%d.%m.%Y")}
            )
        try:
            check_before_death(death_on(self.link.case), value, "on")
        except ValidationError as e:
            raise django_forms.ValidationError(e.message_dict["on"]) from e
        return value
