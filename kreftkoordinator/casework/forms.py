from django import forms as django_forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kreftkoordinator import forms
from kreftkoordinator.directory.models import Offer
from kreftkoordinator.directory.widgets import OfferPicker
from kreftkoordinator.organisation.forms import AreaCodesField
from kreftkoordinator.organisation.models import Area, Assignment, Position, today

from .deaths import check_before_death, check_death, death_on
from .identity import birth_date, validate_identity_number
from .models import (
    CareEvent,
    Case,
    Checkpoint,
    Contact,
    DeathPlace,
    EventKind,
    FollowUp,
    NeedLevel,
    Person,
    Phase,
    RelationType,
    ServiceLink,
    ServiceStatus,
    SystemActivity,
    TimeEntry,
    Topic,
)
from .models.care_events import FIELDS as EVENT_FIELDS
from .models.care_events import RECORDED
from .models.contacts import KINDS, PARTICIPANTS


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


class PersonForm(AreaChoiceMixin, VersionedForm):
    phone = forms.PhoneField(required=False)
    # Longer than 11 on purpose: a pasted number with spaces or a digit too many gets our
    # explanation, not a generic length message.
    identity_number = django_forms.CharField(
        label=_("Fødselsnummer eller D-nummer"),
        required=False,
        max_length=30,
        help_text=_("Valgfritt. 11 siffer."),
        widget=django_forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    # Shown (as a checkbox) only when the view has found possible duplicates.
    confirm_duplicate = django_forms.BooleanField(
        label=_("Opprett likevel: det er ikke samme person"),
        required=False,
        widget=django_forms.HiddenInput,
    )

    class Meta:
        model = Person
        fields = [
            "area",
            "name",
            "phone",
            "birth_date",
            "birth_year",
            "identity_number",
            "email",
            "address",
            "language",
            "needs_interpreter",
        ]
        widgets = {"birth_date": forms.DateInput()}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_areas(user)
        if self.instance.pk:
            del self.fields["area"]
            del self.fields["confirm_duplicate"]

    def clean_identity_number(self):
        value = self.cleaned_data["identity_number"].strip()
        return validate_identity_number(value) if value else ""

    def clean_birth_date(self):
        value = self.cleaned_data["birth_date"]
        if value and value > today():
            raise django_forms.ValidationError(_("Fødselsdatoen kan ikke være i fremtiden."))
        return value

    def clean(self):
        cleaned = super().clean() or {}
        number, born = cleaned.get("identity_number"), cleaned.get("birth_date")
        if number and born and birth_date(number) != born:
            self.add_error("birth_date", _("Fødselsdatoen stemmer ikke med fødselsnummeret."))
        if number and not born:
            cleaned["birth_date"] = birth_date(number)
        year = cleaned.get("birth_year")
        if year and not 1900 <= year <= today().year:
            self.add_error("birth_year", _("Oppgi et fødselsår mellom 1900 og i år."))
        if not (cleaned.get("name") or cleaned.get("phone")):
            self.add_error("name", _("Skriv inn navn eller telefonnummer (eller begge)."))
        return cleaned


class CaseForm(VersionedForm):
    class Meta:
        model = Case
        fields = [
            "kind",
            "opened_on",
            "phase",
            "cancer_site",
            "first_contact_source",
            "first_contact_at_discharge",
            "home_care_at_first_contact",
            "consent_given_on",
            "consent_scope",
            "consent_withdrawn_on",
        ]
        widgets = {
            "opened_on": forms.DateInput(),
            "consent_given_on": forms.DateInput(),
            "consent_withdrawn_on": forms.DateInput(),
            "kind": django_forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["phase"]  # changed through the phase history, not edited

    def clean_opened_on(self):
        value = self.cleaned_data["opened_on"]
        if value and value > today():
            raise django_forms.ValidationError(_("Startdatoen kan ikke være i fremtiden."))
        return value


class CloseCaseForm(VersionedForm):
    class Meta:
        model = Case
        fields = ["closed_on", "closing_reason"]
        widgets = {"closed_on": forms.DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["closed_on"].required = True
        self.fields["closing_reason"].required = True
        self.fields["closed_on"].initial = today()


class CaseVersionMixin:
    """A form whose workflow changes the case: it carries the case version the user saw."""

    def carry_case_version(self, case: Case) -> None:
        self.fields["seen_version"].initial = case.version  # type: ignore[attr-defined]

    def clean_seen_version(self):
        return self.cleaned_data.get("seen_version") or 0  # type: ignore[attr-defined]


class PhaseForm(CaseVersionMixin, forms.Form):
    phase = django_forms.ChoiceField(label=_("Ny fase"), choices=Phase.choices)
    from_date = django_forms.DateField(label=_("Fra dato"), initial=today, widget=forms.DateInput())
    seen_version = seen_version_field()

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.fields["phase"].initial = case.phase  # the current phase, not the first choice
        self.carry_case_version(case)

    def clean_from_date(self):
        value = self.cleaned_data["from_date"]
        if value > today():
            raise django_forms.ValidationError(_("Datoen kan ikke være i fremtiden."))
        if value < self.case.opened_on:
            raise django_forms.ValidationError(_("Datoen kan ikke være før oppfølgingen startet."))
        return value


class RelativeForm(forms.ModelForm):
    """A new relative: a person in the case's area and the link to the case."""

    phone = forms.PhoneField(required=False)

    relation = django_forms.ChoiceField(label=_("Relasjon"), choices=RelationType.choices)

    class Meta:
        model = Person
        fields = ["name", "phone", "birth_date", "birth_year"]
        widgets = {"birth_date": forms.DateInput()}

    def clean(self):
        cleaned = super().clean() or {}
        if not (cleaned.get("name") or cleaned.get("phone")):
            self.add_error("name", _("Skriv inn navn eller telefonnummer (eller begge)."))
        born = cleaned.get("birth_date")
        if born and born > today():
            self.add_error("birth_date", _("Fødselsdatoen kan ikke være i fremtiden."))
        return cleaned


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
        for field, _label in PARTICIPANTS:
            setattr(self.instance, field, field in cleaned.get("participants", []))
        for field, _label in KINDS:
            setattr(self.instance, field, field in cleaned.get("kinds", []))
        return cleaned


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["what", "due_on"]
        widgets = {"due_on": forms.DateInput()}


class AssessmentForm(forms.Form):
    """One form for the whole assessment: the thermometer, 13 topics (level and note), and what
    matters. Fields per topic are made from the code list, so the form follows it."""

    assessed_on = django_forms.DateField(label=_("Dato"), initial=today, widget=forms.DateInput())
    checkpoint = django_forms.ChoiceField(
        label=_("Tidspunkt i pakkeforløpet"), choices=Checkpoint.choices, initial=Checkpoint.AD_HOC
    )
    distress = django_forms.IntegerField(
        label=_("Belastning (distresstermometer 0–10)"),
        required=False,
        min_value=0,
        max_value=10,
        help_text=_("0 er ingen belastning, 10 er ekstrem belastning."),
    )
    what_matters = django_forms.CharField(
        label=_("Hva er viktig for deg?"),
        required=False,
        widget=django_forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        for topic, label in Topic.choices:
            self.fields[f"level_{topic}"] = django_forms.TypedChoiceField(
                label=label,
                choices=[("", _("Ikke kartlagt")), *NeedLevel.choices],
                coerce=int,
                empty_value=None,
                required=False,
            )
            self.fields[f"note_{topic}"] = django_forms.CharField(
                label=_("Merknad om %(topic)s") % {"topic": str(label).lower()},
                required=False,
                max_length=300,
            )
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "ds-input")

    def topic_rows(self):
        return [
            (label, self[f"level_{topic}"], self[f"note_{topic}"], topic)
            for topic, label in Topic.choices
        ]

    def clean_assessed_on(self):
        value = self.cleaned_data["assessed_on"]
        if value > today():
            raise django_forms.ValidationError(_("Datoen kan ikke være i fremtiden."))
        if value < self.case.opened_on:
            raise django_forms.ValidationError(_("Datoen kan ikke være før oppfølgingen startet."))
        try:
            check_before_death(death_on(self.case), value, "assessed_on")
        except ValidationError as e:
            raise django_forms.ValidationError(e.message_dict["assessed_on"]) from e
        return value

    def needs(self) -> list[tuple[str, int, str]]:
        data = self.cleaned_data
        return [
            (topic, data[f"level_{topic}"], data[f"note_{topic}"])
            for topic, _label in Topic.choices
            if data.get(f"level_{topic}") is not None
        ]


class ServiceLinkForm(forms.ModelForm):
    class Meta:
        model = ServiceLink
        fields = ["offer", "service", "description", "status", "status_on", "without_coordinator"]
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


ON_LABELS = {
    EventKind.HOSPITAL: _("Innlagt"),
    EventKind.SHORT_TERM: _("Fra"),
    EventKind.LONG_TERM: _("Fra"),
    EventKind.HOSPICE: _("Fra"),
    EventKind.HOME_CARE: _("Fra dato"),
    EventKind.DEATH: _("Dødsdato"),
}


class CareEventForm(CaseVersionMixin, forms.ModelForm):
    """One form per kind of event: the date and only the fields that kind records. A death
    changes the case (its phase), so the form carries the case version."""

    seen_version = seen_version_field()

    class Meta:
        model = CareEvent
        fields = RECORDED
        widgets = {
            "on": forms.DateInput(),
            "ended_on": forms.DateInput(),
            "ready_for_discharge_on": forms.DateInput(),
            "death_place": django_forms.RadioSelect,
            "home_earlier_thanks_to_coordinator": django_forms.RadioSelect(
                choices=[(True, _("Ja")), (False, _("Nei")), ("", _("Ikke vurdert"))]
            ),
        }

    def __init__(self, *args, case: Case, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.case, self.instance.kind = case, kind
        self.carry_case_version(case)
        keep = {"on", "seen_version", *EVENT_FIELDS[EventKind(kind)]}
        for name in [n for n in self.fields if n not in keep]:
            del self.fields[name]
        self.fields["on"].label = ON_LABELS[EventKind(kind)]
        if kind == EventKind.HOSPITAL:
            self.fields["ended_on"].label = _("Utskrevet")
        if kind == EventKind.HOME_CARE:
            self.fields["home_care_hours"].required = True
        if kind == EventKind.DEATH:
            self.fields["death_place"].required = True
            self.fields["death_place"].choices = DeathPlace.choices  # type: ignore[attr-defined]

    def clean(self):
        cleaned = super().clean() or {}
        case = self.instance.case
        try:
            if self.instance.kind == EventKind.DEATH:
                check_death(case, cleaned.get("on"), death_on(case) is not None)
            else:
                died = death_on(case)
                check_before_death(died, cleaned.get("on"), "on")
                check_before_death(died, cleaned.get("ended_on"), "ended_on")
        except ValidationError as e:
            self.add_error(None, e)
        return cleaned


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
            and not Assignment.objects.valid_on(on)
            .filter(user=self.instance.user, position=position)
            .exists()
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


class TransferForm(CaseVersionMixin, forms.Form):
    to_area = AreaCodesField(
        label=_("Flytter til (kommune- eller bydelsnummer)"),
        required=True,
        help_text=_("For eksempel 3901 for Horten eller 030105 for bydel Frogner."),
    )
    reason = django_forms.CharField(
        label=_("Begrunnelse"),
        max_length=300,
        help_text=_("Blir stående i loggen hos begge kommuner."),
        widget=django_forms.TextInput(),
    )
    seen_version = seen_version_field()

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.carry_case_version(case)

    def clean(self):
        cleaned = super().clean() or {}
        areas = cleaned.get("to_area")
        if areas and len(areas) > 1:
            self.add_error("to_area", _("Oppgi bare ett område."))
        elif areas:
            from .transfers import check_transfer

            try:
                check_transfer(self.case, areas[0])
            except django_forms.ValidationError as error:
                self.add_error("to_area", error)
        return cleaned
