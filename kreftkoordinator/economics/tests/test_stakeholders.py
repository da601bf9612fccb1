"""Who saves and who pays: the municipality's column is table 7-7, the funder pays its share in
the agreement years, a death at home instead of in hospital is cheap for the municipality and
saves the hospital, and society is what is left when payments between the parties cancel."""

import json
import random
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kreftkoordinator.economics.model import PARAMETERS, estimates, total, with_values
from kreftkoordinator.economics.model.stakeholders import (
    FUNDER,
    MUNICIPALITY,
    SOCIETY,
    SPECIALIST,
    STAKEHOLDERS,
    by_stakeholder,
    totals,
)


def parts(splits, key):
    return next(s for s in splits if s.key == key).parts


def test_after_the_step_down_the_municipality_s_column_is_table_7_7():
    splits = by_stakeholder(PARAMETERS)
    for split, report in zip(splits, estimates(PARAMETERS), strict=True):
        assert split.parts[MUNICIPALITY] == report
        assert split.parts[FUNDER].low == split.parts[FUNDER].high == 0
    assert totals(splits)[MUNICIPALITY].mid == pytest.approx(total(estimates(PARAMETERS)).mid)


def test_the_funder_pays_table_7_1_s_share_in_the_first_years():
    at_base = with_values({"salary_annual": 470_000, "social_cost_rate": 0.35})
    salary = parts(by_stakeholder(at_base, 0.75), "salary_and_social_costs")
    # Table 7-1 rounds 634 500 kroner to 635 000 before taking 75 % (476 250) and 25 % of it.
    assert salary[FUNDER].mid == pytest.approx(-476_250, abs=400)
    assert salary[MUNICIPALITY].mid == pytest.approx(-158_750, abs=200)
    assert salary[SOCIETY].mid == pytest.approx(-634_500)  # whoever pays, it is a cost


def test_a_home_death_is_cheap_for_the_municipality_and_saves_the_hospital():
    home = parts(by_stakeholder(PARAMETERS), "home_death")
    # Half of five added home deaths would have been in hospital: the last week there,
    # 13 600 (DRG) to 20 000 kroner (8.4).
    assert (home[SPECIALIST].low, home[SPECIALIST].high) == (34_000, 50_000)
    assert home[SOCIETY].mid > home[MUNICIPALITY].mid


def test_the_day_price_is_a_payment_between_the_parties():
    # By default a bed day costs the hospital what the municipality pays for it.
    discharge = parts(by_stakeholder(PARAMETERS), "delayed_discharge")
    assert discharge[SPECIALIST].mid == 0
    assert discharge[SOCIETY].mid == discharge[MUNICIPALITY].mid
    dearer = parts(
        by_stakeholder(with_values({"hospital_bed_day_cost": 6_000})), "delayed_discharge"
    )
    assert dearer[SPECIALIST].mid > 0 and dearer[SOCIETY].mid > dearer[MUNICIPALITY].mid


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("share", [0.0, 0.75, 0.2])
def test_society_is_the_sum_of_the_parties_at_any_values(seed, share):
    # Every parameter fixed at a value of its range: each part is then one number.
    rng = random.Random(seed)
    fixed = with_values({k: rng.uniform(p.low, p.high) for k, p in PARAMETERS.items()})
    for split in by_stakeholder(fixed, share):
        p = {party: e.low for party, e in split.parts.items()}
        assert all(e.low == e.high for e in split.parts.values())
        assert p[SOCIETY] == pytest.approx(p[MUNICIPALITY] + p[FUNDER] + p[SPECIALIST])
    if share:
        salary = parts(by_stakeholder(fixed, share), "salary_and_social_costs")
        assert salary[FUNDER].low < 0 and salary[SOCIETY].low < salary[MUNICIPALITY].low


def test_only_the_municipality_s_parameters_are_in_its_uncertainty():
    from kreftkoordinator.economics.model import break_even

    keys = {b.key for b in break_even(PARAMETERS)}
    assert "hospital_end_of_life_cost" not in keys and "salary_annual" in keys


@pytest.mark.django_db
def test_the_command_splits_each_effect_between_the_parties():
    out = StringIO()
    call_command("economics", "--agreement-year", "2", "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert list(data["stakeholders"]) == list(STAKEHOLDERS)
    assert data["agreement_year"] == 2
    funder = data["stakeholders"][FUNDER]
    assert funder["label"] == "Kreftforeningen" and funder["total"]["mid"] < -400_000
    society = data["stakeholders"][SOCIETY]["effects"]
    assert [e["key"] for e in society] == [e["key"] for e in data["effects"]]
    # The contract's effects and total stay the municipality's after the step-down.
    assert data["effects"][0]["low"] == -700_000
    with pytest.raises(CommandError, match="avtaleåret"):
        call_command("economics", "--agreement-year", "0")
