"""The non-priced effects: the report's ratings as data, the matrix, and a user's own rating."""

import pytest

from kreftkoordinator.economics.model.nonpriced import MATRIX, NON_PRICED, Rating, shown


def by_key():
    return {e.key: e for e in NON_PRICED}


def test_the_report_s_one_stated_consequence():
    # 6.1: large significance, large influence; "vurderer vi virkningen ... som «stor»".
    assert by_key()["safety_and_coping"].report.shown == "++++"


def test_the_matrix_is_symmetric_and_grows_with_significance_and_scope():
    for row in MATRIX.values():
        assert row == tuple(-x for x in reversed(row)) and list(row) == sorted(row)
    for scope in range(7):
        small, medium, large = (abs(MATRIX[s][scope]) for s in ("small", "medium", "large"))
        assert small <= medium <= large
    assert [shown(v) for v in (-4, 0, 1, 3)] == ["----", "0", "+", "+++"]


def test_every_rating_quotes_the_report_and_names_its_section():
    for effect in NON_PRICED:
        assert "«" in effect.report.justification and effect.source
        assert effect.group in ("patients", "municipality", "society")
    assert {e.group for e in NON_PRICED} == {"patients", "municipality", "society"}


def test_a_user_rates_again_with_her_own_justification_beside_the_report_s():
    effect = by_key()["equal_access"]
    mine = effect.rerate("large", 2, "Vi har mange innbyggere med lav helsekompetanse.", "Per")
    assert mine.rating.shown == "+++" and mine.report.shown == "+"
    assert mine.own is not None and mine.own.by == "Per"


def test_a_rating_needs_a_justification_and_known_levels():
    with pytest.raises(ValueError, match="begrunnelse"):
        Rating("medium", 1, "  ")
    with pytest.raises(ValueError, match="Betydning"):
        Rating("huge", 1, "Fordi")
    with pytest.raises(ValueError, match="Omfang"):
        Rating("medium", 5, "Fordi")
