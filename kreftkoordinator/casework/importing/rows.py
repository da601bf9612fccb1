"""A row of the import file, and turning its cells into values with Norwegian error messages."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from kreftkoordinator.forms import EARLIEST, INT_MAX, LATEST
from kreftkoordinator.text import InvisibleCharacter, plain_text

Date = date  # the methods below include one named `date`, which hides the type in the class

# The lists of the file, in the order the importer reads them (later ones name earlier ones).
SHEETS = [
    "people",
    "cases",
    "relatives",
    "care_team",
    "estimates",
    "contacts",
    "assessments",
    "services",
    "events",
    "time",
    "routines",
]

TRUE = {"1", "true", "ja", "yes", "x", "j"}
FALSE = {"0", "false", "nei", "no", "n", ""}


class CaseworkImportError(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


class Invalid(Exception):
    pass


@dataclass
class Row:
    sheet: str
    line: int
    data: dict[str, Any]

    def where(self) -> str:
        return _("Ark «%(sheet)s», linje %(line)d") % {"sheet": self.sheet, "line": self.line}

    def raw(self, key: str) -> Any:
        value = self.data.get(key)
        return value.strip() if isinstance(value, str) else value

    def text(
        self, key: str, required: bool = False, max_length: int = 200, multiline: bool = False
    ) -> str:
        value = self.raw(key)
        text = "" if value is None else str(value)
        if required and not text:
            raise Invalid(_("«%(key)s» mangler") % {"key": key})
        if "\x00" in text:
            raise Invalid(_("«%(key)s» inneholder et ugyldig tegn (NUL)") % {"key": key})
        try:
            text = plain_text(text, multiline)  # the forms' rule (kreftkoordinator/text.py)
        except InvisibleCharacter as error:
            raise Invalid(f"«{key}»: {error}") from None
        if len(text) > max_length:
            raise Invalid(
                _("«%(key)s» er for lang (høyst %(n)d tegn)") % {"key": key, "n": max_length}
            )
        return text

    def date(self, key: str, required: bool = False) -> Date | None:
        day = self._date(key, required)
        if day is not None and not EARLIEST <= day <= LATEST:
            raise Invalid(
                _("«%(key)s»: %(day)s er utenfor 1900–2100") % {"key": key, "day": day.isoformat()}
            )
        return day

    def _date(self, key: str, required: bool) -> Date | None:
        value = self.raw(key)
        if value in (None, ""):
            if required:
                raise Invalid(_("«%(key)s» mangler") % {"key": key})
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, Date):
            return value
        text = str(value)
        for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
            try:
                return datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        raise Invalid(
            _("«%(key)s»: «%(value)s» er ikke en dato (skriv 31.12.2025 eller 2025-12-31)")
            % {"key": key, "value": text}
        )

    def required_date(self, key: str) -> Date:
        day = self.date(key, required=True)
        assert day is not None  # date() raised Invalid if it was missing
        return day

    def required_integer(self, key: str) -> int:
        number = self.integer(key, required=True)
        assert number is not None
        return number

    def moment(self, key: str) -> datetime:
        value = self.raw(key)
        if isinstance(value, datetime):
            return value if timezone.is_aware(value) else timezone.make_aware(value)
        text = "" if value is None else str(value)
        for fmt in ("%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"):
            try:
                return timezone.make_aware(datetime.strptime(text, fmt))
            except ValueError:
                continue
        day = self.required_date(key)
        return timezone.make_aware(datetime.combine(day, datetime.min.time().replace(hour=12)))

    def integer(self, key: str, required: bool = False) -> int | None:
        value = self.raw(key)
        if value in (None, ""):
            if required:
                raise Invalid(_("«%(key)s» mangler") % {"key": key})
            return None
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            number = Decimal("NaN")
        if not number.is_finite() or number != number.to_integral_value():
            raise Invalid(
                _("«%(key)s»: «%(value)s» er ikke et heltall") % {"key": key, "value": value}
            )
        if abs(number) > INT_MAX:
            raise Invalid(_("«%(key)s»: tallet er for stort") % {"key": key})
        return int(number)

    def decimal(self, key: str) -> Decimal | None:
        value = self.raw(key)
        if value in (None, ""):
            return None
        try:
            number = Decimal(str(value).replace(",", "."))
        except InvalidOperation:
            number = Decimal("NaN")
        if not number.is_finite():
            raise Invalid(
                _("«%(key)s»: «%(value)s» er ikke et tall") % {"key": key, "value": value}
            )
        return number

    def boolean(self, key: str) -> bool:
        value = self.raw(key)
        text = "" if value is None else str(value).lower()
        if text in TRUE:
            return True
        if text in FALSE:
            return False
        raise Invalid(_("«%(key)s»: skriv ja eller nei") % {"key": key})

    def answer(self, key: str) -> bool | None:
        """Ja, nei, or not assessed (empty, "ikke vurdert")."""
        value = self.raw(key)
        text = "" if value is None else str(value).lower()
        if text in ("", "ikke vurdert", "not assessed", "?"):
            return None
        if text in TRUE:
            return True
        if text in FALSE:
            return False
        raise Invalid(_("«%(key)s»: skriv ja, nei eller ikke vurdert") % {"key": key})

    def choice(self, key: str, choices, required: bool = False) -> str:
        """A code (`phone`) or its Norwegian label (`Telefon`), either case."""
        text = self.text(key, required=required)
        if not text:
            return ""
        lookup = {}
        for value, label in _flat(choices):
            lookup[str(value).lower()] = value
            lookup[str(label).lower()] = value
        if text.lower() not in lookup:
            raise Invalid(
                _("«%(key)s»: «%(value)s» er ikke et gyldig valg") % {"key": key, "value": text}
            )
        return lookup[text.lower()]

    def choices(self, key: str, choices) -> list[str]:
        text = self.text(key, max_length=500)
        parts = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]
        return [Row(self.sheet, self.line, {key: p}).choice(key, choices) for p in parts]


def _flat(choices):
    for value, label in choices:
        if isinstance(label, list | tuple):
            yield from label
        else:
            yield value, label
