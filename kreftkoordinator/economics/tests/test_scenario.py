"""A scenario from the municipality's own figures: Drammen's hand-built 2025 (reporting's test
data set), first as casework gives it, then as submitted; and the command's options."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kreftkoordinator.economics.scenario import from_reporting
from kreftkoordinator.reporting.submissions import submit_report
from kreftkoordinator.reporting.tests.conftest import drammen_2025  # noqa: F401 -- a fixture


def by_key(filled):
    return {f.key: f for f in filled}


@pytest.mark.django_db
def test_drammen_s_figures_fill_the_parameters_with_their_source(
    drammen_2025,  # noqa: F811
    drammen_position,
    kari,
):
    filled = by_key(from_reporting(drammen_position, 2025))
    assert filled["patients_per_year"].value == 5
    assert filled["short_term_stay_share"].value == pytest.approx(1 / 5)
    # 3 + 2 days over Anne's two stays reported ready (not over her one patient): 7.5.2.
    assert filled["delayed_discharge_avg_days"].value == 2.5
    assert filled["delayed_discharge_avg_days"].indicators == {
        "delayed_discharge_days": 5,
        "hospital_stays_ready_for_discharge": 2,
    }
    assert "delayed_discharge_share" not in filled  # 2 stays answered: the report's 5-10 %
    assert filled["home_deaths_added"].value == 1  # Bjørn, whom she helped die at home
    assert filled["home_deaths_added"].indicators == {"home_deaths_facilitated": 1}
    assert "salary_annual" not in filled  # full time, no salary of its own: the report's
    # 25 + 60 of 300 minutes (28 %) of a full-time week of 37.5 hours.
    assert filled["coordination_hours_per_week"].value == pytest.approx(85 / 300 * 37.5)
    assert "slik oppfølgingen gir den nå" in filled["patients_per_year"].source
    submit_report(kari, drammen_position, 2025, "")
    again = by_key(from_reporting(drammen_position, 2025))
    assert "levert årsrapport 2025, versjon 1" in again["patients_per_year"].source


@pytest.mark.django_db
def test_the_command_fills_from_a_position_then_a_file_then_set(
    drammen_2025,  # noqa: F811
    drammen_position,
    tmp_path,
):
    path = tmp_path / "mine.json"
    path.write_text(
        json.dumps({"patients_per_year": 40, "relief_share": {"low": 0.2, "high": 0.3}})
    )
    out = StringIO()
    call_command(
        "economics",
        "--position",
        str(drammen_position.pk),
        "--year",
        "2025",
        "--params",
        str(path),
        "--set",
        "home_deaths_added=2",
        "--json",
        stdout=out,
    )
    data = json.loads(out.getvalue())
    assert data["parameters"]["patients_per_year"] == 40  # the file over the position
    assert data["parameters"]["home_deaths_added"] == 2  # --set over the position
    assert data["parameters"]["delayed_discharge_avg_days"] == 2.5  # the position's own
    source = data["sources"]["delayed_discharge_avg_days"]
    assert set(source) == {"value", "indicators", "reading", "source"}
    assert source["indicators"] == {
        "delayed_discharge_days": 5,
        "hospital_stays_ready_for_discharge": 2,
    }
    assert source["reading"].startswith("delayed_discharge_days / hospital_stays_ready")
    assert "overliggerdøgn" in source["source"]
    assert data["sources"]["home_deaths_added"]["indicators"] == {"home_deaths_facilitated": 1}
    relief = next(e for e in data["effects"] if e["key"] == "relief_of_other_services")
    assert relief["low"] == round(0.2 * 634_500) and relief["high"] == round(0.3 * 634_500)


@pytest.mark.django_db
def test_a_parameter_file_with_errors_reports_all_of_them(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"nei": 1, "home_care_hour_price": "dyr", "relief_share": 2}))
    with pytest.raises(CommandError) as caught:
        call_command("economics", "--params", str(path))
    message = str(caught.value)
    assert "Ukjent parameter: nei" in message
    assert "home_care_hour_price: «dyr» er ikke et tall" in message
    assert "relief_share" in message and "over 100 %" in message
    path.write_text('{"patients_per_year": 10,\n oops}')
    with pytest.raises(CommandError, match="linje 2"):
        call_command("economics", "--params", str(path))


@pytest.mark.django_db
def test_position_and_year_go_together(drammen_position):
    with pytest.raises(CommandError, match="både --position og --year"):
        call_command("economics", "--position", str(drammen_position.pk))
    with pytest.raises(CommandError, match="ikke kommet"):
        call_command("economics", "--position", str(drammen_position.pk), "--year", "2999")


@pytest.mark.django_db
def test_the_share_sped_home_is_the_position_s_once_five_stays_are_answered(
    drammen_2025,  # noqa: F811
    drammen_position,
    kari,
):
    """7.5.2: the report's 10 % is of all patients followed. With 5 stays answered, the
    share is the patients answered "yes" over `patients_followed`."""
    from kreftkoordinator.casework.models import CareEvent, Case

    anne = Case.objects.get(person__name__startswith="Anne")
    for day in (3, 4, 5):
        CareEvent.objects.create(
            area=anne.area,
            case=anne,
            kind="hospital",
            on=f"2025-0{day}-15",
            home_earlier_thanks_to_coordinator=False,
        )
    filled = by_key(from_reporting(drammen_position, 2025))
    assert filled["delayed_discharge_share"].value == pytest.approx(1 / 5)  # Anne of five
    assert filled["delayed_discharge_share"].indicators == {
        "patients_home_earlier": 1,
        "patients_followed": 5,
        "hospital_stays_home_earlier_answered": 5,
    }
    # A leader reads the submitted report: "1 av 5" would point at Anne, so it is not used.
    from kreftkoordinator.reporting.submissions import submit_report

    submit_report(kari, drammen_position, 2025, "")
    protected = by_key(from_reporting(drammen_position, 2025, protect=True))
    assert "patients_per_year" in protected and "delayed_discharge_share" not in protected


@pytest.mark.django_db
def test_the_stricter_reading_of_home_deaths(
    drammen_2025,  # noqa: F811
    drammen_position,
):
    from kreftkoordinator.casework.models import CareEvent

    CareEvent.objects.filter(kind="death").update(home_death_needed_coordinator=False)
    assert by_key(from_reporting(drammen_position, 2025))["home_deaths_added"].value == 1
    strict = by_key(from_reporting(drammen_position, 2025, home_deaths="needed"))
    assert strict["home_deaths_added"].value == 0
    assert strict["home_deaths_added"].indicators == {"home_deaths_needed_coordinator": 0}
    out = StringIO()
    call_command(
        "economics",
        "--position",
        str(drammen_position.pk),
        "--year",
        "2025",
        "--home-deaths",
        "needed",
        "--json",
        stdout=out,
    )
    assert json.loads(out.getvalue())["parameters"]["home_deaths_added"] == 0


@pytest.mark.django_db
def test_the_position_s_own_salary_and_fte_feed_the_salary_effects(drammen_position):
    """Issue 26, points 4 and 6: the position's own gross salary and social costs, moved from
    their price year to the scenario's, scaled by the FTE; without them the report's figures,
    scaled too."""
    from kreftkoordinator.economics.cpi import current_index
    from kreftkoordinator.economics.model import PARAMETERS
    from kreftkoordinator.economics.scenario import from_position

    index = current_index()
    drammen_position.fte = 50
    assert by_key(from_position(drammen_position, 2017, index))["salary_annual"].value == {
        "low": PARAMETERS["salary_annual"].low / 2,
        "base": PARAMETERS["salary_annual"].base / 2,
        "high": PARAMETERS["salary_annual"].high / 2,
    }
    drammen_position.fte = 100
    assert from_position(drammen_position, 2017, index) == []
    drammen_position.salary_annual = 600_000
    drammen_position.social_cost_rate = 40
    drammen_position.salary_price_year = 2024
    drammen_position.fte = 50
    drammen_position.save()
    filled = by_key(from_position(drammen_position, 2017, index))
    assert filled["salary_annual"].value == pytest.approx(600_000 * index.factor(2024, 2017) * 0.5)
    assert filled["social_cost_rate"].value == pytest.approx(0.40)
    out = StringIO()
    call_command(
        "economics",
        "--position",
        str(drammen_position.pk),
        "--year",
        "2025",
        "--json",
        "--price-year",
        "2024",
        stdout=out,
    )
    data = json.loads(out.getvalue())
    salary = next(e for e in data["effects"] if e["key"] == "salary_and_social_costs")
    assert salary["low"] == salary["high"] == round(-300_000 * 1.40)
    relief = next(e for e in data["effects"] if e["key"] == "relief_of_other_services")
    assert relief["low"] == round(0.15 * 300_000 * 1.40)


@pytest.mark.django_db
def test_the_coordinator_s_estimates_replace_the_report_s_shares_from_five_cases(
    drammen_2025,  # noqa: F811
    drammen_position,
):
    """Issue 29, point 4: five of Drammen's 2025 cases answer the short-term question (10.5 days
    in all), so the effect is those days at a day's price less an hour of home care, 2 730 -
    550; two answer the home-care question, too few, so the report's shares stand there."""
    from kreftkoordinator.casework.models import Estimate

    def run():
        out = StringIO()
        call_command(
            "economics",
            "--position",
            str(drammen_position.pk),
            "--year",
            "2025",
            "--json",
            stdout=out,
        )
        data = json.loads(out.getvalue())
        return data, {e["key"]: e for e in data["effects"]}

    data, effects = run()
    source = data["sources"]["short_term_days_avoided"]
    assert source["value"] == 10.5
    assert source["indicators"] == {
        "short_term_days_avoided": 10.5,
        "estimates_short_term_answered": 5,
    }
    assert "10,5 døgn på korttidsopphold unngått, anslått i 5 oppfølginger" in source["source"]
    assert effects["short_term_stays"]["low"] == effects["short_term_stays"]["high"] == 22_890
    assert "home_care_hours_saved_per_week" not in data["sources"]
    report_less_home_care = effects["less_home_care"]
    # One case fewer: four answers are not enough, and the report's shares come back.
    Estimate.objects.filter(case__person__name__startswith="Cecilie").delete()
    data, effects = run()
    assert "short_term_days_avoided" not in data["sources"]
    assert effects["short_term_stays"]["low"] < effects["short_term_stays"]["high"]
    assert effects["less_home_care"] == report_less_home_care
