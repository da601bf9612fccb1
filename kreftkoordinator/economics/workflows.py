"""Saving scenarios: named functions taking the acting user, as elsewhere. Scenarios hold
figures, never a person, so there is nothing to audit; a position's salary is logged."""

from kreftkoordinator import audit
from kreftkoordinator.accounts.models import User
from kreftkoordinator.audit.models import Action

from .cpi import current_index
from .model import PARAMETERS, with_values
from .model.nonpriced import Rating
from .model.prices import in_price_year
from .models import Scenario


def set_own_value(user: User, scenario: Scenario, key: str, value: float, reason: str) -> None:
    """Set a parameter to a value of one's own (an amount in the scenario's price year), with
    the reason. Raises ParameterError (in Norwegian, naming the parameter) for a value out of
    range; nothing is saved then."""
    mine = {"value": value, "reason": reason, "by": str(user), "price_year": scenario.price_year}
    # Refuse before saving.
    index = current_index()
    with_values(
        scenario.own_settings(index, {key: mine}),
        in_price_year(PARAMETERS, scenario.price_year, index),
    )
    scenario.own_values = {**scenario.own_values, key: mine}
    scenario.save(update_fields=["own_values", "updated_at"])


def remove_own_value(scenario: Scenario, key: str) -> None:
    scenario.own_values = {k: v for k, v in scenario.own_values.items() if k != key}
    scenario.save(update_fields=["own_values", "updated_at"])


def rate_effect(
    user: User, scenario: Scenario, key: str, significance: str, scope: int, justification: str
) -> None:
    """The user's own rating of an effect not priced, beside the evaluation's. Raises
    ValueError (in Norwegian) for a rating without a justification or with unknown levels."""
    Rating(significance, scope, justification, str(user))  # refuse before saving
    scenario.own_ratings = {
        **scenario.own_ratings,
        key: {
            "significance": significance,
            "scope": scope,
            "justification": justification,
            "by": str(user),
        },
    }
    scenario.save(update_fields=["own_ratings", "updated_at"])


def remove_rating(scenario: Scenario, key: str) -> None:
    scenario.own_ratings = {k: v for k, v in scenario.own_ratings.items() if k != key}
    scenario.save(update_fields=["own_ratings", "updated_at"])


def set_position_salary(user: User, position, salary, rate, price_year) -> None:
    """The position's own salary figures (all three, or none), logged: who set which
    position's salary, and when."""
    position.salary_annual, position.social_cost_rate = salary, rate
    position.salary_price_year = price_year
    position.save(update_fields=["salary_annual", "social_cost_rate", "salary_price_year"])
    audit.record(user, Action.UPDATE, position, area=position.host_area_id, reason="lønn")


def choose_reading(scenario: Scenario, home_death_reading: str) -> None:
    scenario.home_death_reading = home_death_reading
    scenario.save(update_fields=["home_death_reading", "updated_at"])
