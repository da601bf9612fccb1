"""Norwegian national identity numbers: fødselsnummer, D-nummer and synthetic test numbers.

Eleven digits: birth date DDMMYY (a D-nummer adds 40 to the day; an H-nummer and the Tax
Administration's synthetic test numbers add 40 or 80 to the month), a three-digit individual
number that also tells the century, and two mod-11 check digits.

Synthetic test numbers (month + 80, from the Tax Administration's Tenor) belong to test data:
they are accepted only where the setting ALLOW_TEST_IDENTITY_NUMBERS is on (the demo and the
tests), so that a production register holds real people only.

Where a number is only ever compared (an account's log-in through HelseID or ID-porten, a
person's own innsyn), it is kept as a keyed hash (`keyed_hash`), never as the number itself.
"""

import hashlib
import hmac
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _check_digit(digits: list[int], weights: tuple[int, ...]) -> int | None:
    remainder = 11 - sum(d * w for d, w in zip(digits, weights, strict=False)) % 11
    return {11: 0, 10: None}.get(remainder, remainder)


def _century(individual: int, yy: int) -> int | None:
    if individual <= 499:
        return 1900
    if individual <= 749 and yy >= 54:
        return 1800
    if yy <= 39:
        return 2000
    if individual >= 900:
        return 1900
    return None


def birth_date(number: str) -> date | None:
    """The birth date an identity number encodes, or None if it encodes none."""
    day, month, yy = int(number[0:2]), int(number[2:4]), int(number[4:6])
    if day > 40:  # D-nummer
        day -= 40
    if month > 80:  # synthetic test number (Tenor)
        month -= 80
    elif month > 40:  # H-nummer or older synthetic numbers
        month -= 40
    century = _century(int(number[6:9]), yy)
    if century is None:
        return None
    try:
        return date(century + yy, month, day)
    except ValueError:
        return None


def is_synthetic(number: str) -> bool:
    return int(number[2:4]) > 80


def validate_identity_number(value: str, today: date | None = None) -> str:
    """Return the number as 11 digits, or raise a ValidationError that says what is wrong."""
    number = "".join(ch for ch in value if not ch.isspace())
    if not number.isdigit():
        raise ValidationError(_("Fødselsnummeret kan bare inneholde siffer."))
    if len(number) != 11:
        raise ValidationError(
            _("Fødselsnummeret har 11 siffer; du skrev %(n)d.") % {"n": len(number)}
        )
    digits = [int(d) for d in number]
    if is_synthetic(number) and not settings.ALLOW_TEST_IDENTITY_NUMBERS:
        raise ValidationError(
            _("Dette er et syntetisk testnummer (måned + 80). Bruk personens egentlige nummer.")
        )
    born = birth_date(number)
    if born is None:
        raise ValidationError(
            _("De seks første sifrene er ikke en gyldig fødselsdato. Sjekk nummeret.")
        )
    if born > (today or timezone.localdate()):
        raise ValidationError(
            _("Fødselsdatoen i nummeret (%(date)s) er etter dagens dato. Sjekk nummeret.")
            % {"date": born.strftime("%d.%m.%Y")}
        )
    first = _check_digit(digits[:9], WEIGHTS_1)
    second = _check_digit([*digits[:9], first or 0], WEIGHTS_2) if first is not None else None
    if first != digits[9] or second != digits[10]:
        raise ValidationError(
            _("Kontrollsifrene stemmer ikke. Sjekk at nummeret er skrevet riktig.")
        )
    return number


def make_identity_number(born: date, individual: int, synthetic: bool = True) -> str | None:
    """Build a valid number (the demo's synthetic ones have 80 added to the month)."""
    month = born.month + (80 if synthetic else 0)
    base = f"{born.day:02d}{month:02d}{born.year % 100:02d}{individual:03d}"
    digits = [int(d) for d in base]
    first = _check_digit(digits, WEIGHTS_1)
    if first is None:
        return None
    second = _check_digit([*digits, first], WEIGHTS_2)
    if second is None:
        return None
    return f"{base}{first}{second}"


def keyed_hash(kind: str, value: str) -> str:
    """HMAC-SHA256 of an identifier under the secret setting IDENTITY_HASH_KEY. `kind` (the
    claim it came in) keeps a HPR number from matching a fødselsnummer with the same digits.
    Without the key the hash cannot be tested against the few million possible numbers."""
    message = f"{kind}\n{value.strip()}".encode()
    return hmac.new(settings.IDENTITY_HASH_KEY.encode(), message, hashlib.sha256).hexdigest()


NATIONAL_ID = "national-id"


def national_key(number: str) -> str:
    """The keyed hash of a fødselsnummer or D-nummer, whichever claim or field it came from:
    HelseID's pid, ID-porten's pid and a person's registered number find each other."""
    return keyed_hash(NATIONAL_ID, number)
