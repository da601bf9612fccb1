"""The financing plan: table 7-1's split of the salary costs, and the years under table 3-1."""

import pytest

from kreftkoordinator.economics.model import PARAMETERS, with_values
from kreftkoordinator.economics.model.years import (
    TABLE_3_1,
    financing_plan,
    funder_pays,
    salary_costs,
)

# Table 7-1: the municipality's share, the funder's payment, the municipality's cost (of 635 000).
TABLE_7_1 = [
    (0.25, 476_250, 158_750),
    (0.40, 381_000, 254_000),
    (0.60, 254_000, 381_000),
    (0.80, 127_000, 508_000),
    (1.00, 0, 635_000),
]


@pytest.mark.parametrize(("municipal", "funder", "cost"), TABLE_7_1)
def test_table_7_1(municipal, funder, cost):
    total = salary_costs(PARAMETERS)
    assert total == pytest.approx(635_000, abs=500)  # 470 000 x 1.35 = 634 500
    paid = funder_pays(PARAMETERS, 1 - municipal)
    assert paid == pytest.approx(funder, abs=500)
    assert total - paid == pytest.approx(cost, abs=500)


def test_the_years_follow_the_schedule_and_the_discount_rate():
    plan = financing_plan(years=8)
    assert [y.funder_share for y in plan] == [*TABLE_3_1, 0.0, 0.0]
    first, seventh = plan[0], plan[6]
    assert first.net == pytest.approx(first.effects - (first.salary_costs - first.grant))
    assert first.discounted == first.net  # the first year is not discounted
    assert seventh.discounted == pytest.approx(seventh.net / 1.04**6)
    assert plan[-1].cumulated == pytest.approx(sum(y.net for y in plan))
    # With 75 % from the funder the municipality is ahead; on its own it is not (figure 0-1).
    assert first.net > 0 > seventh.net


def test_the_funder_covers_social_costs_up_to_35_per_cent_only():
    dear = with_values({"social_cost_rate": 0.40})
    assert funder_pays(dear, 1.0) == pytest.approx(470_000 * 1.35)


def test_a_schedule_is_a_plain_input():
    older = financing_plan(schedule=(0.75, 0.75, 0.75, 0.60), years=5)
    assert [y.funder_share for y in older] == [0.75, 0.75, 0.75, 0.60, 0.0]
