"""Fødselsnummer and D-nummer: a coordinator who pastes a 12-digit number is told what is wrong."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from kreftkoordinator.casework.identity import (
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
