"""Fødselsnummer and D-nummer: a coordinator who pastes a 12-digit number is told what is wrong."""

import random
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from kreftkoordinator.identity_numbers import (
    birth_date,
    make_identity_number,
    validate_identity_number,
)

# Published examples of valid numbers (the Tax Administration's and well-known test numbers).
VALID = ["01010750160", "15076500565", "29029600013", "41018036736"]


@pytest.mark.parametrize("number", VALID)
def test_valid_numbers(number):
    assert validate_identity_number(number) == number


def test_spaces_are_allowed_and_removed():
    assert validate_identity_number("150765 00565") == "15076500565"


@pytest.mark.parametrize(
    "value,message",
    [
        ("150765005651", "Fødselsnummeret har 11 siffer; du skrev 12."),
        ("1507650056", "Fødselsnummeret har 11 siffer; du skrev 10."),
        ("15076500566", "Kontrollsifrene stemmer ikke"),
        ("32136500565", "De seks første sifrene er ikke en gyldig fødselsdato"),
        ("1507650056a", "Fødselsnummeret kan bare inneholde siffer."),
    ],
)
def test_bad_numbers_say_what_is_wrong(value, message):
    with pytest.raises(ValidationError, match=message):
        validate_identity_number(value)


def test_birth_dates_and_centuries():
    assert birth_date("15076500565") == date(1965, 7, 15)
    assert birth_date("41018036736") == date(1980, 1, 1)  # D-nummer: day + 40
    assert birth_date("01010750160") == date(2007, 1, 1)  # individual 501: 2000s


def test_synthetic_numbers_for_the_demo_are_valid():
    made = [make_identity_number(date(1950, 3, 14), i) for i in range(100, 140)]
    numbers = [n for n in made if n]
    assert len(numbers) > 25
    for number in numbers:
        assert validate_identity_number(number) == number
        assert number[2:4] == "83"  # month + 80 marks a synthetic number
        assert birth_date(number) == date(1950, 3, 14)


def test_a_birth_date_in_the_future_is_refused():
    # Valid check digits, individual number 738 with year 34: born 23 August 2034.
    assert birth_date("23083473800") == date(2034, 8, 23)
    with pytest.raises(ValidationError, match=r"Fødselsdatoen i nummeret \(23.08.2034\) er etter"):
        validate_identity_number("23083473800")
    assert validate_identity_number("23083473800", today=date(2034, 8, 23)) == "23083473800"


def test_synthetic_numbers_only_where_test_data_is_allowed(settings):
    number = make_identity_number(date(1950, 3, 14), 101) or make_identity_number(
        date(1950, 3, 14), 102
    )
    assert number
    settings.ALLOW_TEST_IDENTITY_NUMBERS = True
    assert validate_identity_number(number) == number
    settings.ALLOW_TEST_IDENTITY_NUMBERS = False
    with pytest.raises(ValidationError, match="syntetisk testnummer"):
        validate_identity_number(number)


def test_production_default_refuses_synthetic_numbers():
    from kreftkoordinator import settings as production

    # settings.py reads the environment; without demo mode the default is to refuse.
    assert production.ALLOW_TEST_IDENTITY_NUMBERS is production.DEMO


def _generated_numbers(count: int) -> list[str]:
    """Numbers with stdnum's own check digits over every kind of birth-date field, plus noise."""
    from stdnum.no import fodselsnummer as stdnum

    rng = random.Random(17000)
    numbers: list[str] = []
    while len(numbers) < count:
        day = rng.choice([rng.randint(1, 31), rng.randint(41, 71), rng.randint(0, 99)])
        month = rng.choice([rng.randint(1, 12), rng.randint(41, 52), rng.randint(81, 92)])
        base = f"{day:02d}{month:02d}{rng.randint(0, 99):02d}{rng.randint(0, 999):03d}"
        first = stdnum.calc_check_digit1(base)
        if len(first) != 1:
            continue
        second = stdnum.calc_check_digit2(base + first)
        if len(second) != 1:
            continue
        number = base + first + second
        if rng.random() < 0.1:  # a slip of the finger in the last digit
            number = number[:10] + str((int(number[10]) + rng.randint(1, 9)) % 10)
        numbers.append(number)
    return numbers


def test_ours_agrees_with_python_stdnum_on_17000_generated_numbers(settings):
    from stdnum.no import fodselsnummer as stdnum

    settings.ALLOW_TEST_IDENTITY_NUMBERS = False  # as in production
    numbers = _generated_numbers(17000)
    disagreements = []
    for number in numbers:
        try:
            validate_identity_number(number)
            ours = True
        except ValidationError:
            ours = False
        if ours != stdnum.is_valid(number):
            disagreements.append(number)
    assert sum(stdnum.is_valid(n) for n in numbers) > 3000  # enough valid ones to compare
    assert disagreements == []
