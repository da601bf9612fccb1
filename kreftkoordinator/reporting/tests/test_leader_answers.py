"""Per's dashboard answers first (issue 31, point 1): the eight headline figures of Drammen this
year so far and last year, each with its trend over the years submitted and the median where
five positions make one; then what needs him: last year's report not submitted, Lene's
substitute period ending within 30 days, a scenario on older figures than the last report.
A hidden figure says why in one sentence."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse

from kreftkoordinator.conftest import login
from kreftkoordinator.economics.models import Scenario
from kreftkoordinator.organisation.models import today
from kreftkoordinator.reporting.headline import HEADLINE
from kreftkoordinator.reporting.indicators import REGISTRY
from kreftkoordinator.reporting.submissions import submit_report

THIS_YEAR = today().year


@pytest.mark.django_db
def test_per_sees_the_headline_figures_first(client, per, kari, drammen_case, drammen_position):
    for year in (THIS_YEAR - 3, THIS_YEAR - 2, THIS_YEAR - 1):
        submit_report(kari, drammen_position, year, "")
    login(client, per)
    response = client.get(reverse("reporting:leader"))
    (history,) = response.context["histories"]
    assert [h.indicator.key for h in history.headlines] == HEADLINE
    followed = history.headlines[0]
    # Anne is followed this year: one person, so shown as «<5», and saying why.
    assert str(followed.now) == "<5"
    assert [year for year, _cell in followed.trend] == [THIS_YEAR - 3, THIS_YEAR - 2, THIS_YEAR - 1]
    assert followed.median is None  # one position in the programme, not five
    page = response.content.decode()
    assert f"{THIS_YEAR} så langt" in page
    assert "færre enn 5 personer: vises ikke, så ingen kan kjennes igjen" in page
    assert "færre enn 5 stillinger" in page
    # The headline table comes before the full one.
    assert page.index("Hovedtallene for Kreftkoordinator i Drammen") < page.index(
        "Alle leverte tall for Kreftkoordinator i Drammen"
    )


@pytest.mark.django_db
def test_the_trend_is_a_chart_with_its_figures_as_text(client, per, kari, drammen_position):
    from kreftkoordinator.reporting.models import Submission
    from kreftkoordinator.reporting.tests.test_national import figures

    for n, year in enumerate((THIS_YEAR - 3, THIS_YEAR - 2, THIS_YEAR - 1)):
        Submission.objects.create(
            position=drammen_position,
            year=year,
            version=1,
            figures=figures(20 + 10 * n, 6, [10, 20, 30]),
            submitted_by=kari,
        )
    login(client, per)
    response = client.get(reverse("reporting:leader"))
    followed = response.context["histories"][0].headlines[0]
    assert followed.trend_text == f"{THIS_YEAR - 3}: 20, {THIS_YEAR - 2}: 30, {THIS_YEAR - 1}: 40"
    assert followed.points == "0.0,16.0 60.0,9.0 120.0,2.0"
    assert f'aria-label="Leverte tall per år: {followed.trend_text}"' in response.content.decode()


@pytest.mark.django_db
def test_what_needs_per(client, per, kari, lene, drammen_position):
    submit_report(kari, drammen_position, THIS_YEAR - 2, "")
    Scenario.objects.create(
        name="Budsjett", position=drammen_position, year=THIS_YEAR - 3, created_by=per
    )
    login(client, per)
    needs = [n.text for n in client.get(reverse("reporting:leader")).context["needs"]]
    ends = (today() + timedelta(days=10)).strftime("%d.%m.%Y")
    assert needs == [
        f"Årsrapporten for {THIS_YEAR - 1} for Kreftkoordinator i Drammen er ikke levert ennå.",
        f"Vikariatet til Lene Vik i Kreftkoordinator i Drammen slutter {ends}. Forleng det, "
        "eller be om en ny vikar.",
        f"Scenarioet «Budsjett» bygger på tallene for {THIS_YEAR - 3}, men årsrapporten for "
        f"{THIS_YEAR - 2} er levert. Se om det bør oppdateres.",
    ]


@pytest.mark.django_db
def test_nothing_waits_when_all_is_in_order(client, per, kari, drammen_position):
    submit_report(kari, drammen_position, THIS_YEAR - 1, "")
    Scenario.objects.create(
        name="Budsjett", position=drammen_position, year=THIS_YEAR - 1, created_by=per
    )
    login(client, per)
    response = client.get(reverse("reporting:leader"))
    assert response.context["needs"] == []
    assert "Ingenting akkurat nå." in response.content.decode()


GROUP_HEADING = r'<th scope="colgroup" colspan="\d+">([^<]+)</th>'


def test_every_indicator_is_in_exactly_one_group():
    from kreftkoordinator.reporting.groups import GROUPS, ORDER

    assert sorted(ORDER) == sorted(REGISTRY) and len(ORDER) == len(set(ORDER))
    assert all(keys for _label, keys in GROUPS)


@pytest.mark.django_db
def test_the_full_table_is_grouped_as_the_annual_report_is(client, per, kari, drammen_position):
    from kreftkoordinator.reporting.groups import GROUPS

    submit_report(kari, drammen_position, THIS_YEAR - 1, "")
    login(client, per)
    response = client.get(reverse("reporting:leader"))
    (history,) = response.context["histories"]
    labels = [str(label) for label, _keys in GROUPS]
    assert [label for label, _rows in history.groups] == labels
    assert [r[0].key for _l, rows in history.groups for r in rows][:2] == [
        "patients_followed",
        "patients_new",
    ]
    page = response.content.decode()
    assert re.findall(GROUP_HEADING, page) == labels
    # The coordinator's annual report has the same groups in the same order.
    client.logout()
    login(client, kari)
    annual = client.get(reverse("reporting:annual", args=[drammen_position.pk, THIS_YEAR - 1]))
    assert [label for label, _rows in annual.context["groups"]] == labels
    assert (
        re.findall(r'<th scope="colgroup" colspan="\d+">([^<]+)</th>', annual.content.decode())
        == labels
    )
    # And so has the version she submitted.
    version = reverse("reporting:submitted", args=[drammen_position.pk, THIS_YEAR - 1, 1])
    assert re.findall(GROUP_HEADING, client.get(version).content.decode()) == labels
