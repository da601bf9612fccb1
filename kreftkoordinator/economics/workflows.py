"""Saving scenarios: named functions taking the acting user, as elsewhere. Scenarios hold
figures, never a person, so there is nothing to audit."""

from kreftkoordinator.accounts.models import User

from .model import with_values
from .models import Scenario


def set_own_value(user: User, scenario: Scenario, key: str, value: float, reason: str) -> None:
    """Set a parameter to a value of one's own, with the reason. Raises ParameterError (in
    Norwegian, naming the parameter) for a value out of range; nothing is saved then."""
    own = {**scenario.own_values, key: {"value": value, "reason": reason, "by": str(user)}}
    with_values({k: v["value"] for k, v in own.items()})  # refuse before saving
    scenario.own_values = own
    scenario.save(update_fields=["own_values", "updated_at"])


def remove_own_value(scenario: Scenario, key: str) -> None:
    scenario.own_values = {k: v for k, v in scenario.own_values.items() if k != key}
    scenario.save(update_fields=["own_values", "updated_at"])
