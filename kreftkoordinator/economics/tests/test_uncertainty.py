"""How sure the answer is: the tornado, the seeded simulation and break-even values."""

import json
from io import StringIO

import numpy as np
import pytest
from django.core.management import call_command

from kreftkoordinator.economics.model import (
    PARAMETERS,
    break_even,
    net,
    simulate,
    tornado,
    with_values,
)
from kreftkoordinator.economics.model.uncertainty import base, days_to_break_even
from kreftkoordinator.economics.words import break_even_in_words, gain_in_words


def test_the_base_case_is_near_figure_0_1():
    # The effects at every parameter's base, summed: the report's midpoints sum to -170 000.
    assert net(base(PARAMETERS)) == pytest.approx(-170_000, abs=15_000)


def test_the_tornado_puts_the_widest_swing_first_and_each_brackets_the_base():
    swings = tornado(PARAMETERS)
    assert [s.width for s in swings] == sorted((s.width for s in swings), reverse=True)
    assert {s.key for s in swings} == {
        k for k, p in PARAMETERS.items() if p.low != p.high and p.for_municipality
    }
    assert "hospital_end_of_life_cost" not in {s.key for s in swings}  # the hospital's, not ours
    centre = net(base(PARAMETERS))
    for swing in swings:
        assert min(swing.at_low, swing.at_high) <= centre <= max(swing.at_low, swing.at_high)
    assert swings[0].key == "relief_share"  # 15-50 % of 635 000: the widest range


def test_the_simulation_is_reproducible_and_says_it_in_words():
    one = simulate(PARAMETERS, 20_000, seed=7)
    assert one == simulate(PARAMETERS, 20_000, seed=7)
    assert one != simulate(PARAMETERS, 20_000, seed=8)
    assert one.interval_95[0] < one.interval_90[0] < one.mean < one.interval_90[1]
    assert one.mean == pytest.approx(net(base(PARAMETERS)), rel=0.05)
    ahead = round(one.probability_of_gain * 100)
    assert gain_in_words(one.probability_of_gain) == (
        f"I {ahead} av 100 simuleringer går kommunen i pluss."
    )


def test_a_municipality_that_pays_less_comes_out_ahead_more_often():
    cheaper = with_values({"salary_annual": 380_000})
    assert (
        simulate(cheaper, 10_000).probability_of_gain
        > simulate(PARAMETERS, 10_000).probability_of_gain
    )


def test_the_arithmetic_takes_arrays_as_it_takes_numbers():
    rng = np.random.default_rng(1)
    values = {k: p.low + (p.high - p.low) * rng.random(5) for k, p in PARAMETERS.items()}
    together = np.asarray(net(values))
    for i in range(5):
        assert together[i] == pytest.approx(net({k: v[i] for k, v in values.items()}))


def test_break_even_values_make_the_net_result_nought():
    found = {b.key: b for b in break_even(PARAMETERS)}
    price = found["delayed_discharge_day_price"].value
    assert price is not None and price > PARAMETERS["delayed_discharge_day_price"].base
    at_it = {**base(PARAMETERS), "delayed_discharge_day_price": price}
    assert net(at_it) == pytest.approx(0, abs=1)
    assert found["relief_share"].value == pytest.approx(0.60, abs=0.01)
    assert found["working_weeks"].value is None  # no year has enough weeks
    assert all(b.value is None or b.value <= 1 for k, b in found.items() if "share" in k)


def test_break_even_in_words_a_leader_understands():
    found = {b.key: b for b in break_even(PARAMETERS)}
    words = {k: break_even_in_words(b) for k, b in found.items()}
    assert words["delayed_discharge_day_price"] == (
        "døgnpris for utskrivningsklar pasient er minst kr\u00a018\u00a0213"
    )
    assert words["salary_annual"] == "brutto årslønn er høyst kr\u00a0278\u00a0042"
    assert words["relief_share"] == (
        "andel av oppgavene andre ellers ville gjort er minst 60\u00a0%"
    )
    assert words["working_weeks"] is None
    # "The position pays for itself if at least N delayed-discharge days are avoided a year":
    # that many days, at the day price, make the net result nought.
    days = days_to_break_even(PARAMETERS)
    assert days is not None
    now, needed = days
    assert now == pytest.approx(78 * 0.075 * 4.4 / 2)
    values = base(PARAMETERS)
    more = {
        **values,
        "delayed_discharge_avg_days": values["delayed_discharge_avg_days"] * needed / now,
    }
    assert net(more) == pytest.approx(0, abs=1)


@pytest.mark.django_db
def test_the_command_adds_the_simulation_to_its_json():
    out = StringIO()
    call_command("economics", "--simulate", "1000", "--json", stdout=out)
    simulation = json.loads(out.getvalue())["simulation"]
    assert set(simulation) == {
        "draws",
        "seed",
        "mean",
        "interval_90",
        "interval_95",
        "probability_of_gain",
    }
    assert simulation["draws"] == 1000


@pytest.mark.django_db
def test_the_benchmark_runs_without_and_with_a_submitted_report(eva, kari, drammen_position):
    from kreftkoordinator.economics.models import Scenario
    from kreftkoordinator.reporting.submissions import submit_report

    out = StringIO()
    call_command("benchmark_economics", "--draws", "1000", "--runs", "2", stdout=out)
    assert "Ratio:" in out.getvalue() and "Scenario page" not in out.getvalue()
    submit_report(kari, drammen_position, 2025, "")
    call_command("benchmark_economics", "--draws", "1000", "--runs", "2", stdout=out)
    assert "Scenario page (10 000 draws)" in out.getvalue()
    assert not Scenario.objects.exists()  # the run's scenario is removed after
