"""The scenario pages: Per, the leader in Drammen, makes a scenario from Drammen's own figures,
reads what the position costs and saves, sets a value of his own; small counts stay hidden from
him; a leader of one Valdres municipality cannot use the inter-municipal position's figures."""

import re

import pytest
from django.urls import reverse

from kreftkoordinator.conftest import VALDRES, area, login
from kreftkoordinator.economics.models import Scenario
from kreftkoordinator.organisation.models import Position
from kreftkoordinator.reporting.submissions import submit_report
from kreftkoordinator.reporting.tests.conftest import drammen_2025  # noqa: F401 -- a fixture


@pytest.fixture
def scenario(per, drammen_position):
    return Scenario.objects.create(
        name="Drammen 2025", position=drammen_position, year=2025, created_by=per
    )


@pytest.mark.django_db
def test_per_makes_a_scenario_and_reads_the_answer(
    client,
    per,
    kari,
    drammen_2025,  # noqa: F811
    drammen_position,
):
    login(client, per)
    page = client.get(reverse("economics:scenarios"))
    assert list(page.context["form"].fields["position"].queryset) == [drammen_position]
    response = client.post(
        reverse("economics:scenarios"),
        {"name": "Drammen 2025", "position": drammen_position.pk, "year": 2025, "price_year": 2024},
    )
    scenario = Scenario.objects.get()
    assert scenario.price_year == 2024
    assert response.url == reverse("economics:scenario", args=[scenario.pk])
    # Leaders see what was submitted: before Kari submits, the evaluation's figures only.
    before = client.get(response.url)
    assert not before.context["result"].filled
    assert "ingen levert årsrapport" in before.content.decode()
    submit_report(kari, drammen_position, 2025, "")
    content = client.get(response.url).content.decode()
    assert "Kort fortalt" in content and "simuleringer går kommunen i pluss" in content
    assert content.count('<svg role="img"') == 3  # waterfall, tornado, distribution
    assert not re.search(r'(?:x|x1|y|width|height)="-?[0-9]+,[0-9]', content)  # not localised
    assert "5 pasienter fulgt opp" in content  # Drammen's own figure, with its source
    assert "Trygghet og mestring" in content and "++++" in content
    assert "i 2024-kroner" in content and "Hvem sparer, og hvem betaler?" in content
    assert "Stillingen betaler seg selv for kommunen hvis minst" in content


@pytest.mark.django_db
def test_small_counts_are_not_filled_for_a_leader_but_are_for_the_coordinator(
    client,
    per,
    kari,
    scenario,
    drammen_2025,  # noqa: F811
):
    submit_report(kari, scenario.position, 2025, "")
    login(client, per)
    filled = client.get(reverse("economics:scenario", args=[scenario.pk])).context["result"].filled
    assert "patients_per_year" in filled  # 5
    assert "home_deaths_added" not in filled  # 1: the evaluation's 5 stays
    assert "delayed_discharge_avg_days" not in filled  # over 1 patient
    client.logout()
    login(client, kari)
    filled = client.get(reverse("economics:scenario", args=[scenario.pk])).context["result"].filled
    assert filled["home_deaths_added"].value == 1


@pytest.mark.django_db
def test_a_value_of_one_s_own_needs_a_reason_and_a_sensible_value(client, per, scenario):
    login(client, per)
    url = reverse("economics:scenario_value", args=[scenario.pk])
    response = client.post(url, {"key": "home_care_hour_price", "value": "-5", "reason": "Test"})
    assert response.status_code == 200
    assert "negativ" in response.content.decode() and 'value="-5"' in response.content.decode()
    assert client.post(url, {"key": "salary_annual", "value": "520000"}).status_code == 200
    client.post(url, {"key": "salary_annual", "value": "520000", "reason": "Vår lønn"})
    scenario.refresh_from_db()
    assert scenario.own_values["salary_annual"]["value"] == 520000
    page = client.get(reverse("economics:scenario", args=[scenario.pk]))
    assert page.context["result"].parameters["salary_annual"].base == 520000
    assert "Vår lønn" in page.content.decode()
    client.post(url, {"remove": "salary_annual"})
    scenario.refresh_from_db()
    assert scenario.own_values == {}


@pytest.mark.django_db
def test_a_leader_of_one_valdres_municipality_cannot_use_the_whole_position(client, per, sigrid):
    valdres = Position.objects.get(name="Kreftkoordinator i Valdres")
    theirs = Scenario.objects.create(name="Valdres", position=valdres, year=2025, created_by=sigrid)
    per.areas.set([area(VALDRES[0])])
    login(client, per)
    assert (
        not client.get(reverse("economics:scenarios"))
        .context["form"]
        .fields["position"]
        .queryset.exists()
    )
    assert client.get(reverse("economics:scenario", args=[theirs.pk])).status_code == 404


@pytest.mark.django_db
def test_the_brief_as_word_and_every_figure_as_excel(client, per, scenario):
    from io import BytesIO

    from docx import Document
    from openpyxl import load_workbook

    login(client, per)
    url = reverse("economics:scenario", args=[scenario.pk])
    response = client.get(url, {"format": "docx"})
    assert response["Content-Type"].endswith("wordprocessingml.document")
    document = Document(BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    page = client.get(url).context
    assert page["summary"][1] in text  # the same summary as the page
    assert "Kreftkoordinator i Drammen" in text and len(document.tables) == 6
    answer = [[c.text for c in row.cells] for row in document.tables[0].rows[1:]]
    assert answer[0][1] == page["answer"]["mean"]  # the page's one answer
    assert answer[2][1:] == [
        "kr\u00a0\u2212200\u00a0000",
        "kr\u00a0\u2212500\u00a0000 til kr\u00a0200\u00a0000",
    ]
    assert "(avsnitt 7.10)" in text
    effects = [row.cells[0].text for row in document.tables[1].rows[1:]]
    assert effects[0] == "Lønn og sosiale kostnader" and len(effects) == 10
    workbook = load_workbook(BytesIO(client.get(url, {"format": "xlsx"}).content))
    assert workbook.sheetnames == [
        "Virkninger",
        "Parametre",
        "Per part",
        "År for år",
        "Usikkerhet",
        "Følsomhet",
        "Ikke prissatt",
        "Om tallene",
    ]
    rows = {r[1]: r for r in workbook["Parametre"].iter_rows(min_row=2, values_only=True)}
    assert rows["patients_per_year"][4] == 78  # no figures of its own yet: the evaluation's


@pytest.mark.django_db
def test_scenarios_side_by_side_and_none_of_another_area(
    client,
    per,
    hanne,
    scenario,
    drammen_2025,  # noqa: F811
):
    other = Scenario.objects.create(
        name="Drammen med egen lønn",
        position=scenario.position,
        year=2025,
        created_by=per,
        own_values={"salary_annual": {"value": 520000, "reason": "Vår lønn", "by": "Per"}},
    )
    login(client, per)
    url = reverse("economics:compare")
    response = client.get(url, {"id": [scenario.pk, other.pk]})
    columns = response.context["columns"]
    assert [s for s, _r in columns] == [scenario, other]
    assert columns[1][1].total.mid < columns[0][1].total.mid  # a dearer salary
    assert "Drammen med egen lønn" in response.content.decode()
    assert client.get(url, {"id": "nei"}).status_code == 200  # nothing chosen, a page
    assert client.get(url, {"id": [scenario.pk, str(2**70)]}).status_code == 404  # no such key
    client.logout()
    login(client, hanne)  # the coordinator in Horten
    assert client.get(url, {"id": [scenario.pk]}).status_code == 404


@pytest.mark.django_db
def test_per_rates_an_effect_himself_beside_the_evaluation(client, per, scenario):
    login(client, per)
    url = reverse("economics:scenario_rating", args=[scenario.pk])
    refused = client.post(url, {"key": "equal_access", "significance": "large", "scope": "2"})
    assert refused.status_code == 200 and refused.context["rating_form"].errors["justification"]
    client.post(
        url,
        {
            "key": "equal_access",
            "significance": "large",
            "scope": "2",
            "justification": "Mange innbyggere med lav helsekompetanse.",
        },
    )
    page = client.get(reverse("economics:scenario", args=[scenario.pk]))
    equal = next(e for e in page.context["result"].non_priced if e.key == "equal_access")
    assert equal.rating.shown == "+++" and equal.report.shown == "+"
    content = page.content.decode()
    assert "Vurdert av Per Olsen: Mange innbyggere" in content and "Evalueringen: +," in content
    client.post(url, {"remove": "equal_access"})
    scenario.refresh_from_db()
    assert scenario.own_ratings == {}


@pytest.mark.django_db
def test_per_reads_the_scenario_in_kroner_of_his_own_year(client, per, scenario):
    from kreftkoordinator.economics.model.prices import CPI

    scenario.price_year = 2024
    scenario.own_values = {"increased_service_use": {"value": 100_000, "reason": "Før prisår"}}
    scenario.save()
    login(client, per)
    url = reverse("economics:scenario", args=[scenario.pk])
    client.post(
        reverse("economics:scenario_value", args=[scenario.pk]),
        {"key": "salary_annual", "value": "600000", "reason": "Vår lønn i 2024"},
    )
    scenario.refresh_from_db()
    assert scenario.own_values["salary_annual"]["price_year"] == 2024
    result = client.get(url).context["result"]
    f = CPI.factor(2017, 2024)
    assert result.parameters["salary_annual"].base == 600_000  # typed in 2024 kroner
    # A value saved before scenarios had a price year is in 2017 kroner, as the model was.
    assert result.parameters["increased_service_use"].base == pytest.approx(100_000 * f)
    assert result.parameters["nursing_home_day_price"].base == pytest.approx(2_730 * f)
    content = client.get(url).content.decode()
    assert "i 2024-kroner" in content and "Beløp skrives i 2024-kroner" in content


@pytest.mark.django_db
def test_per_sees_who_saves_and_who_pays_in_an_agreement_year(client, per, scenario):
    login(client, per)
    url = reverse("economics:scenario", args=[scenario.pk])
    after = client.get(url).context
    assert after["result"].agreement_year is None
    assert after["party_totals"][1].mid == 0  # the funder, after the step-down
    first = client.get(url, {"avtaleaar": "1"}).context
    assert first["result"].agreement_year == 1 and first["party_totals"][1].mid < -400_000
    assert "avtaleår 1" in client.get(url, {"avtaleaar": "1"}).content.decode()
    for odd in ("x", "99", "0", "²", "-1", "1" * 40):
        response = client.get(url, {"avtaleaar": odd})
        assert response.status_code == 200 and response.context["result"].agreement_year is None


@pytest.mark.django_db
def test_a_price_year_without_an_index_is_refused_and_the_form_keeps_what_was_typed(
    client, per, drammen_position
):
    login(client, per)
    response = client.post(
        reverse("economics:scenarios"),
        {
            "name": "Drammen om fem år",
            "position": drammen_position.pk,
            "year": 2025,
            "price_year": 2031,
        },
    )
    assert response.status_code == 200 and not Scenario.objects.exists()
    assert "Drammen om fem år" in response.content.decode()
    assert response.context["form"].errors["price_year"]


@pytest.mark.django_db
def test_the_page_gives_one_answer_from_one_computation(client, per, scenario):
    """Issue 26 (2): one figure, one interval and one probability, all from the same draws and
    each labelled; the sums of all lows and highs called what they are; the report's own
    verdict (7.10) beside it, in the scenario's price year."""
    from kreftkoordinator import numbers
    from kreftkoordinator.economics.model.prices import CPI

    login(client, per)
    page = client.get(reverse("economics:scenario", args=[scenario.pk]))
    result, answer = page.context["result"], page.context["answer"]
    simulation = result.simulation
    assert answer["mean"] == numbers.kroner(simulation.mean)
    low, high = simulation.interval_90
    assert answer["interval"] == f"{numbers.kroner(low)} til {numbers.kroner(high)}"
    assert answer["probability"] == numbers.percent(simulation.probability_of_gain)
    # The probability and the interval agree: no gain in the draws when the interval's top is
    # below nought, and the other way round.
    if high < 0:
        assert simulation.probability_of_gain < 0.05
    assert low <= simulation.mean <= high
    content = page.content.decode()
    assert "snitt av 10\u00a0000 simuleringer" in content
    assert "90 % av simuleringene" in content
    assert "alt går dårlig" in content and "alt går bra" in content
    assert "midt mellom lavt og høyt" in content
    # The summary names the same answer, not the midpoint of the sums.
    assert answer["mean"] in page.context["summary"][1]
    assert numbers.kroner(result.total.mid) not in page.context["summary"][1]
    factor = CPI.factor(2017, scenario.price_year)
    assert numbers.kroner(-200_000 * factor) == answer["verdict"]
    assert numbers.kroner(-500_000 * factor) in answer["verdict_interval"]
    assert "(7.10)" in content


@pytest.mark.django_db
def test_the_brief_and_the_workbook_in_the_municipalitys_language_form(client, per, scenario):
    from io import BytesIO

    from docx import Document
    from openpyxl import load_workbook

    from kreftkoordinator.organisation.models import Area
    from kreftkoordinator.tests.test_nynorsk import bokmal_words

    # Per reads bokmål; were Drammen a nynorsk municipality, its brief would be in nynorsk.
    Area.objects.filter(code="3301").update(language_form="nynorsk")
    login(client, per)
    url = reverse("economics:scenario", args=[scenario.pk])
    document = Document(BytesIO(client.get(url, {"format": "docx"}).content))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    text = "\n".join([p.text for p in document.paragraphs] + cells)
    assert "Løn og sosiale kostnader" in text and "Tryggleik og meistring" in text
    assert bokmal_words(text.replace("Kreftkoordinator i Drammen", "")) == set()
    workbook = load_workbook(BytesIO(client.get(url, {"format": "xlsx"}).content))
    assert workbook.sheetnames[:2] == ["Verknader", "Parametrar"]
    header = next(workbook["Parametrar"].iter_rows(max_row=1, values_only=True))
    assert header == (
        "Parameter",
        "Nøkkel",
        "Eining",
        "Lågt",
        "Basis",
        "Høgt",
        "Kjelde",
        "Går i null ved",
    )
