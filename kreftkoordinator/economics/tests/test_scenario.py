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
    assert filled["delayed_discharge_avg_days"].value == 3  # 3 days, Anne's one stay
    assert filled["home_deaths_added"].value == 1  # Bjørn
    # 25 + 60 of 300 minutes (28 %) of a full-time week of 37.5 hours.
    assert filled["coordination_hours_per_week"].value == pytest.approx(85 / 300 * 37.5)
    assert "slik oppfølgingen gir den nå" in filled["patients_per_year"].source
    submit_report(kari, drammen_position, 2025, "")
    again = by_key(from_reporting(drammen_position, 2025))
    assert "levert årsrapport 2025, versjon 1" in again["patients_per_year"].source


@pytest.mark.django_db
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
    assert data["parameters"]["delayed_discharge_avg_days"] == 3  # the position's own
    assert "overliggerdøgn" in data["sources"]["delayed_discharge_avg_days"]
    relief = next(e for e in data["effects"] if e["key"] == "relief_of_other_services")
    assert relief["low"] == round(0.2 * 634_500) and relief["high"] == round(0.3 * 634_500)


@pytest.mark.django_db
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
@pytest.mark.django_db
def test_position_and_year_go_together(drammen_position):
    with pytest.raises(CommandError, match="både --position og --year"):
        call_command("economics", "--position", str(drammen_position.pk))
    with pytest.raises(CommandError, match="ikke kommet"):
        call_command("economics", "--position", str(drammen_position.pk), "--year", "2999")
