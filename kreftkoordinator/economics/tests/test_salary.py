"""A position's own salary (issue 26, A4 and A6): Per, the leader in Drammen, sets Drammen's
salary and the scenario uses it, scaled by the FTE; a half-filled form keeps what he typed;
Hege, the leader in Horten, cannot see or set Drammen's; Ola, an administrator, can."""

from decimal import Decimal

import pytest
from django.urls import reverse

from kreftkoordinator.audit.models import Action, AuditEntry
from kreftkoordinator.conftest import area, login, make_user
from kreftkoordinator.economics.models import Scenario
from kreftkoordinator.economics.results import scenario_result
from kreftkoordinator.roles import Role


@pytest.fixture
def hege(db):
    user = make_user("hege", Role.LEADER, name="Hege Dahl")
    user.areas.set([area("3901")])
    return user


@pytest.fixture
def scenario(per, drammen_position):
    return Scenario.objects.create(
        name="Drammen 2025", position=drammen_position, year=2025, price_year=2024, created_by=per
    )


@pytest.mark.django_db
def test_per_sets_drammens_salary_and_the_scenario_uses_it(client, per, scenario):
    position = scenario.position
    login(client, per)
    page = client.get(reverse("economics:scenario", args=[scenario.pk])).content.decode()
    assert "Stillingens egen lønn er ikke satt" in page
    assert reverse("economics:position_salary", args=[position.pk]) in page
    url = reverse("economics:position_salary", args=[position.pk])
    response = client.post(
        url, {"salary_annual": "600000", "social_cost_rate": "35", "salary_price_year": "2024"}
    )
    assert response.status_code == 302
    position.refresh_from_db()
    assert (position.salary_annual, position.social_cost_rate) == (600_000, Decimal("35"))
    entry = AuditEntry.objects.get(action=Action.UPDATE, reason="lønn")
    assert entry.user == per and entry.area_id == position.host_area_id
    result = scenario_result(scenario)
    assert result.own_salary
    salary = next(e for e in result.estimates if e.key == "salary_and_social_costs")
    assert round(salary.mid) == -810_000  # 600 000 x 1.35, already in 2024 kroner
    page = client.get(reverse("economics:scenario", args=[scenario.pk])).content.decode()
    assert "Stillingens egen lønn er ikke satt" not in page


@pytest.mark.django_db
def test_a_part_time_position_scales_the_salary(per, scenario):
    position = scenario.position
    position.fte, position.funding = 40, "municipal"
    position.salary_annual, position.social_cost_rate = 500_000, 30
    position.salary_price_year = 2024
    position.save()
    salary = next(
        e for e in scenario_result(scenario).estimates if e.key == "salary_and_social_costs"
    )
    assert round(salary.mid) == -260_000  # 0.4 x 500 000 x 1.3


@pytest.mark.django_db
def test_half_a_salary_is_refused_and_keeps_what_was_typed(client, per, drammen_position):
    login(client, per)
    url = reverse("economics:position_salary", args=[drammen_position.pk])
    response = client.post(url, {"salary_annual": "612345", "social_cost_rate": ""})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Fyll ut lønn, sosiale kostnader og prisår" in content
    assert 'value="612345"' in content
    drammen_position.refresh_from_db()
    assert drammen_position.salary_annual is None
    for bad in ("12", "99999999999999999999"):
        refused = client.post(
            url, {"salary_annual": bad, "social_cost_rate": "35", "salary_price_year": "2024"}
        )
        assert refused.status_code == 200 and "årslønn" in refused.content.decode()


@pytest.mark.django_db
def test_hege_cannot_see_or_set_drammens_salary(client, hege, drammen_position):
    login(client, hege)
    url = reverse("economics:position_salary", args=[drammen_position.pk])
    assert client.get(url).status_code == 404
    posted = {"salary_annual": "1", "social_cost_rate": "1", "salary_price_year": "2024"}
    assert client.post(url, posted).status_code == 404
    drammen_position.refresh_from_db()
    assert drammen_position.salary_annual is None


@pytest.mark.django_db
def test_an_administrator_sets_any_positions_salary(client, ola, drammen_position):
    login(client, ola)
    url = reverse("economics:position_salary", args=[drammen_position.pk])
    assert client.get(url).status_code == 200
    client.post(
        url, {"salary_annual": "550000", "social_cost_rate": "40", "salary_price_year": "2023"}
    )
    drammen_position.refresh_from_db()
    assert drammen_position.salary_price_year == 2023


@pytest.mark.django_db
def test_the_stricter_home_death_reading_is_saved(client, per, scenario):
    login(client, per)
    url = reverse("economics:scenario_reading", args=[scenario.pk])
    client.post(url, {"home_death_reading": "needed"})
    scenario.refresh_from_db()
    assert scenario.home_death_reading == "needed"
    refused = client.post(url, {"home_death_reading": "nonsense"}, follow=True)
    assert "Velg en av lesningene av hjemmedødsfallene." in refused.content.decode()
    scenario.refresh_from_db()
    assert scenario.home_death_reading == "needed"
