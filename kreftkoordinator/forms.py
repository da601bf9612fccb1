"""Form rendering in Designsystemet's markup, with accessible errors, for every form in the product.

Forms render through templates/forms/; this mixin gives widgets Designsystemet's classes and marks
invalid fields with aria-invalid and aria-describedby so screen readers hear the message.
"""

from datetime import UTC, date, datetime, time

from django import forms
from django.core import validators
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from .text import InvisibleCharacter, plain_text


class Renderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


# Every date a user types lies within these bounds: no person born in year 1, no contact in 9999.
EARLIEST, LATEST = date(1900, 1, 1), date(2100, 12, 31)
# Every whole number fits the database's integer, whatever a field's own bounds leave open.
INT_MIN, INT_MAX = -(2**31), 2**31 - 1


def _bound(field: forms.Field) -> None:
    """Sensible bounds for every date and number field of every form, each with a message."""
    if isinstance(field, forms.DateTimeField):
        low = datetime.combine(EARLIEST, time.min, tzinfo=UTC)
        high = datetime.combine(LATEST, time.max, tzinfo=UTC)
        field.validators += [_min(low, EARLIEST), _max(high, LATEST)]
    elif isinstance(field, forms.DateField):
        field.validators += [_min(EARLIEST, EARLIEST), _max(LATEST, LATEST)]
    elif isinstance(field, forms.IntegerField) and not isinstance(field, forms.FloatField):
        field.validators += [
            validators.MinValueValidator(INT_MIN, _("Tallet er for lite.")),
            validators.MaxValueValidator(INT_MAX, _("Tallet er for stort.")),
        ]


def _min(limit, day):
    message = _("Datoen kan ikke være før %(day)s.") % {"day": day.strftime("%d.%m.%Y")}
    return validators.MinValueValidator(limit, message)


def _max(limit, day):
    message = _("Datoen kan ikke være etter %(day)s.") % {"day": day.strftime("%d.%m.%Y")}
    return validators.MaxValueValidator(limit, message)


BLANK = "---------"


def _plain_words(field: forms.Field) -> None:
    """Messages and empty choices a nurse understands: not "---------", and a required field
    says what to do rather than "Feltet er påkrevet"."""
    widget = field.widget
    if isinstance(widget, forms.CheckboxInput):
        required = _("Kryss av her for å gå videre.")
    elif isinstance(widget, forms.Select | forms.RadioSelect | forms.CheckboxSelectMultiple):
        required = _("Velg et alternativ.")
    elif isinstance(field, forms.DateTimeField):
        required = _("Skriv dato og klokkeslett.")
    elif isinstance(field, forms.DateField):
        required = _("Skriv en dato.")
    elif isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        required = _("Skriv et tall.")
    else:
        required = _("Fyll ut feltet.")
    if field.error_messages.get("required") == forms.Field.default_error_messages["required"]:
        field.error_messages["required"] = required
    if isinstance(field, forms.ModelChoiceField) and field.empty_label == BLANK:
        field.empty_label = _("Velg …") if field.required else _("Ikke valgt")
    elif isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        choices: list = list(field.choices)  # type: ignore[arg-type]
        if choices and choices[0][1] == BLANK:
            choices[0] = (choices[0][0], _("Velg …") if field.required else _("Ikke valgt"))
            field.choices = choices


def fits_a_key(number: int) -> bool:
    """A key is a 64-bit integer. Django keeps larger numbers out of `exact` lookups, not out
    of `in` ones, where SQLite raises: a key from the request is checked before it is asked."""
    return -(2**63) <= number < 2**63


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's, but a key beyond a 64-bit integer is an unknown choice (`fits_a_key`)."""

    def _check_values(self, value):
        for key in value if isinstance(value, list | tuple) else []:
            try:
                number = int(str(key).strip())
            except ValueError:
                continue  # not a number at all: Django's own check refuses it
            if not fits_a_key(number):
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": key},
                )
        return super()._check_values(value)  # type: ignore[misc]


def _plain_text(field: forms.Field) -> None:
    """Every text field normalises to NFC and refuses invisible characters (text.py). Not a
    password: it is never shown, and one set before must still match."""
    if not isinstance(field, forms.CharField) or isinstance(field.widget, forms.PasswordInput):
        return
    multiline = isinstance(field.widget, forms.Textarea)
    to_python = field.to_python

    def checked(value):
        text = to_python(value)
        if not isinstance(text, str):
            return text
        try:
            return plain_text(text, multiline)
        except InvisibleCharacter as error:
            raise ValidationError(str(error), code="invisible") from None

    field.to_python = checked  # type: ignore[method-assign]


def _prepare(field: forms.Field) -> None:
    if type(field) is forms.ModelMultipleChoiceField:  # also a model form's own
        field.__class__ = ModelMultipleChoiceField
    _bound(field)
    _plain_words(field)
    _plain_text(field)
    widget = field.widget
    if not isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
        widget.attrs.setdefault("class", "ds-input")


class DSFormMixin:
    # A search or filter: its error summary speaks of a search, not of saving.
    is_search = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        for field in self.fields.values():  # type: ignore[attr-defined]
            _prepare(field)

    def add_field(self, name: str, field: forms.Field) -> None:
        """A field made in `__init__` (one per topic, per step), ready as the declared ones."""
        _prepare(field)
        self.fields[name] = field  # type: ignore[attr-defined]

    def summary(self) -> list[tuple[str | None, str, str]]:
        """The error summary: (anchor, label, message) for each problem once, a message the
        model and a field both gave shown at the field; a checkbox's long label left out."""
        fields = [f for f in self.visible_fields()]  # type: ignore[attr-defined]
        at_fields = {str(e) for f in fields for e in f.errors}
        rows: list[tuple[str | None, str, str]] = []
        for error in self.non_field_errors():  # type: ignore[attr-defined]
            if str(error) not in at_fields:
                rows.append((None, "", str(error)))
        for f in self.hidden_fields():  # type: ignore[attr-defined]
            rows += [(None, "", str(e)) for e in f.errors]
        for f in fields:
            label = "" if f.widget_type == "checkbox" else str(f.label)
            rows += [(f.auto_id, label, str(e)) for e in f.errors]
        return rows

    def full_clean(self):
        super().full_clean()  # type: ignore[misc]
        for name in self.errors:  # type: ignore[attr-defined]
            if name in self.fields:  # type: ignore[attr-defined]
                attrs = self.fields[name].widget.attrs  # type: ignore[attr-defined]
                attrs["aria-invalid"] = "true"
                error_id = f"{self[name].auto_id}_error"  # type: ignore[index]
                described = attrs.get("aria-describedby", "")
                if error_id not in described:
                    attrs["aria-describedby"] = f"{described} {error_id}".strip()


class Form(DSFormMixin, forms.Form):
    pass


class ModelForm(DSFormMixin, forms.ModelForm):
    pass


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


SEARCH_LENGTH = 100


def search_text(data, name: str = "q") -> str:
    """A search box's text from GET or POST data: trimmed, and cut at 100 characters (a search
    never needs more, and databases refuse patterns far longer), NUL bytes dropped."""
    return str(data.get(name, "")).replace("\x00", "").strip()[:SEARCH_LENGTH]


def record_id(data, name: str) -> int | None:
    """A record's id from GET or POST data (`?fra=12`), or None for anything but digits (a
    tampered or stale link is then simply not followed)."""
    value = str(data.get(name, "") or "")
    return int(value) if value.isascii() and value.isdigit() and len(value) < 12 else None


class PhoneField(forms.CharField):
    """A phone number, checked and stored in one form (E.164: "+4791234567"), so that
    "912 34 567" and "91234567" are the same number to the search and the duplicate check."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 30)
        kwargs.setdefault("label", _("Telefon"))
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"})
        )
        super().__init__(**kwargs)

    def clean(self, value):
        from .validators import normalise_phone

        value = super().clean(value)
        return normalise_phone(value) if value else ""
