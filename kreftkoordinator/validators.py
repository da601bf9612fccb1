"""Validators shared by every app (imports no app)."""

from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

# Links we store and show are web pages: http and https only, never javascript:, data: or file:.
web_url = URLValidator(
    schemes=["http", "https"],
    message=_("Skriv en nettadresse som begynner med http:// eller https://."),
    code="not_web",  # its own code, so a field's generic "invalid" message does not replace it
)


def is_web_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def normalise_phone(value: str) -> str:
    """A phone number as stored and searched: E.164 ("+4791234567"), Norwegian unless it says
    otherwise. Raises ValidationError (in Norwegian) for what is not a phone number, so that
    "912 34 567" and "91234567" are one number and "ring meg etter 3" is refused."""
    import phonenumbers
    from django.core.exceptions import ValidationError

    text = value.strip()
    if text.startswith("00"):
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, "NO")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _(
                "«%(value)s» er ikke et gyldig telefonnummer. Skriv 8 siffer for et norsk "
                "nummer, eller + og landskode for et utenlandsk."
            ),
            params={"value": value.strip()[:30]},
            code="phone",
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def shown_phone(value: str) -> str:
    """A stored number the way people read it: "912 34 567" for Norwegian numbers, the
    international form for others; anything else as it was stored."""
    import phonenumbers

    try:
        number = phonenumbers.parse(value, "NO")
    except phonenumbers.NumberParseException:
        return value
    if not phonenumbers.is_valid_number(number):
        return value
    if number.country_code == 47:
        digits = str(number.national_number)
        if len(digits) == 8 and digits[0] in "49":  # mobile: 3-2-3, as Norwegians write it
            return f"{digits[:3]} {digits[3:5]} {digits[5:]}"
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _digits(value: str) -> str:
    return "".join(c for c in value if not c.isspace() and c not in ".-")


def organisation_number(value: str) -> str:
    """An organisation number (9 digits, MOD11) as stored, or a ValidationError that says what
    is wrong; spaces and dots as people type them are allowed."""
    from django.core.exceptions import ValidationError
    from stdnum.no import orgnr

    digits = _digits(value)
    if not digits.isdigit() or len(digits) != 9:
        raise ValidationError(
            _("Et organisasjonsnummer har 9 siffer; du skrev %(n)s tegn.") % {"n": len(digits)},
            code="length",
        )
    if not orgnr.is_valid(digits):
        raise ValidationError(
            _(
                "Organisasjonsnummeret stemmer ikke (kontrollsifferet er feil). Sjekk det mot "
                "Enhetsregisteret."
            ),
            code="checksum",
        )
    return digits


def bank_account(value: str) -> str:
    """A Norwegian account number (kontonummer: 11 digits, MOD11) as stored, or a ValidationError;
    "1503.11.12345" and "1503 11 12345" are read alike."""
    from django.core.exceptions import ValidationError
    from stdnum.no import kontonr

    digits = _digits(value)
    if not digits.isdigit() or len(digits) != 11:
        raise ValidationError(
            _("Et kontonummer har 11 siffer; du skrev %(n)s tegn.") % {"n": len(digits)},
            code="length",
        )
    if not kontonr.is_valid(digits):
        raise ValidationError(
            _(
                "Kontonummeret stemmer ikke (kontrollsifferet er feil). Sjekk det mot kommunens "
                "faktura eller brev."
            ),
            code="checksum",
        )
    return digits


def shown_bank_account(digits: str) -> str:
    """1503.11.12345, as Norwegian banks write it."""
    return f"{digits[:4]}.{digits[4:6]}.{digits[6:]}" if len(digits) == 11 else digits
