"""The funder's national view and the leader's dashboard, on the demo's real submitted reports
and on generated ones: every table suppressed (no published 1-4, no hidden cell recoverable
from its row and column totals), figures only, scoped, and a constant number of queries."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kreftkoordinator.audit.disclosure import recoverable
from kreftkoordinator.conftest import login, make_position
from kreftkoordinator.organisation.models import Area, Position, today
from kreftkoordinator.reporting.models import Submission
from kreftkoordinator.reporting.national import national_view

KNOWN = {"<5": [(1, 4)], "skjult": [(0, 0), (5, float("inf"))], ":": [(0, float("inf"))]}
LAST = today().year - 1


def domain(cell):
    return KNOWN[cell.mark] if cell.suppressed else [(cell.value, cell.value)]


def assert_protected(view):
    """The properties every published table must have, checked on the view itself."""
    for key, national in view.indicators.items():
        cells = [c for c, p in zip(national.cells, view.positions, strict=False) if p.submission]
        for cell in [*cells, national.total]:
            if not cell.share and isinstance(cell.value, int):
                assert not 1 <= cell.value <= 4, key
        if (
            cells
            and all(not c.share and (c.value is None or isinstance(c.value, int)) for c in cells)
            and (national.total.value is not None or national.total.suppressed)
        ) and any(c.suppressed for c in cells):
            assert not any(recoverable([*map(domain, cells), domain(national.total)])), key
        if national.parts is not None:
            rows = [
                r
                for r, p in zip(national.parts.cells, view.positions, strict=False)
                if p.submission
            ]
            lines = [[*row, total] for row, total in zip(rows, cells, strict=False)]
            lines += [
                [*col, t]
                for col, t in zip(zip(*rows, strict=False), national.parts.totals, strict=False)
            ]
            for line in lines:
                if national.key != "contacts_by_kind":  # parts that add up
                    assert not any(recoverable([domain(c) for c in line])), (key, line)
                for c in line:
                    assert c.suppressed or not (isinstance(c.value, int) and 1 <= c.value <= 4)


@pytest.fixture
def demo_reports(db):
    from kreftkoordinator.demo.arrangements import create_arrangements
    from kreftkoordinator.demo.reports import submit_demo_reports

    create_arrangements(years=2)
    submit_demo_reports(2, progress=lambda _: None)


@pytest.mark.django_db
def test_the_national_view_of_the_demo_is_suppressed_and_names_who_is_late(
    demo_reports, eva, client
):
    view = national_view(LAST, Area.objects.serviceable())
    assert_protected(view)
    late = Position.objects.order_by("pk").last()
    assert [p.pk for p in view.not_submitted] == [late.pk]
    assert view.coverage.submitted == Position.objects.count() - 1
    followed = view.indicators["patients_followed"]
    shown = [c.value for c in followed.cells if c.value is not None]
    assert followed.distribution.n == len(shown) and followed.distribution.max == max(shown)
    assert followed.total.value == sum(
        s.figures["indicators"]["patients_followed"]["value"]
        for s in Submission.objects.filter(year=LAST)
    )
    # The page and its spreadsheet, for the funder.
    login(client, eva)
    page = client.get(reverse("reporting:national", args=[LAST]), {"indikator": "contacts_by_mode"})
    content = page.content.decode()
    assert page.status_code == 200 and late.name in content and "Ikke levert" in content
    xlsx = client.get(reverse("reporting:national", args=[LAST]), {"format": "xlsx"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


@pytest.mark.django_db
def test_report_national_json_is_the_contract(demo_reports):
    out = StringIO()
    call_command("report", "national", "--year", str(LAST), "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert set(data) == {"year", "positions", "not_submitted", "coverage", "indicators"}
    row = data["indicators"]["patients_followed"]
    assert {"label", "unit", "reference_2017", "total", "distribution", "positions"} <= set(row)
    assert {"submitted", "of_positions"} <= set(row)
    assert set(row["distribution"]) == {"n", "mean", "median", "sd", "min", "max", "withheld"}
    for national in data["indicators"].values():
        for cell in [national["total"], *national["positions"].values()]:
            assert set(cell) == {"value", "suppressed"}
            assert (cell["value"] is None) or not cell["suppressed"]
            if isinstance(cell["value"], int) and national["unit"] != "andel":
                assert not 1 <= cell["value"] <= 4
    hidden = [
        cell
        for national in data["indicators"].values()
        for cell in national["positions"].values()
        if cell["suppressed"]
    ]
    assert hidden and all(cell["value"] is None for cell in hidden)


@pytest.mark.django_db
def test_a_year_to_come_is_refused(capsys):
    with pytest.raises(Exception, match="ikke kommet"):
        call_command("report", "national", "--year", "2999")


def figures(followed, deaths, modes):
    return {
        "indicators": {
            "patients_followed": {"value": followed, "numerator": None, "denominator": None},
            "deaths": {"value": deaths, "numerator": None, "denominator": None},
            "share_died": {
                "value": deaths / followed if followed else None,
                "numerator": deaths,
                "denominator": followed,
            },
            "contacts_by_mode": {
                "value": sum(modes),
                "numerator": None,
                "denominator": None,
                "parts": {
                    m: {"value": n, "suppressed": False} for m, n in zip("abc", modes, strict=False)
                },
            },
        }
    }


positions_figures = st.lists(
    st.tuples(
        st.integers(0, 60),
        st.integers(0, 8),
        st.lists(st.one_of(st.integers(0, 6), st.integers(0, 400)), min_size=3, max_size=3),
    ),
    min_size=2,
    max_size=8,
)


@pytest.mark.django_db
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(positions_figures)
def test_any_submitted_figures_come_out_protected(kari, rows):
    Submission.objects.all().delete()
    positions = list(Position.objects.filter(name__startswith="Generert"))
    while len(positions) < len(rows):
        positions.append(make_position(f"Generert {len(positions)}", ["3301"]))
    for position, (followed, deaths, modes) in zip(positions, rows, strict=False):
        Submission.objects.create(
            position=position,
            year=LAST,
            version=1,
            figures=figures(followed, deaths, modes),
            submitted_by=kari,
        )
    view = national_view(LAST, Area.objects.serviceable())
    assert_protected(view)
    died = view.indicators["share_died"]
    for cell, deaths in zip(died.cells, [d for _f, d, _m in rows], strict=False):
        assert cell.value is None or not 1 <= deaths <= 4


@pytest.mark.django_db
def test_the_national_view_reads_a_constant_number_of_queries(kari):
    def queries(n):
        Submission.objects.all().delete()
        for i in range(n):
            position = make_position(f"Q{n}-{i}", ["3301"])
            Submission.objects.create(
                position=position,
                year=LAST,
                version=1,
                figures=figures(20, 6, [10, 20, 30]),
                submitted_by=kari,
            )
        with CaptureQueriesContext(connection) as captured:
            national_view(LAST, Area.objects.serviceable())
        return len(captured)

    assert queries(2) == queries(12)


@pytest.mark.django_db
def test_per_sees_drammens_submitted_figures_and_no_person(client, per, kari, drammen_position):
    from kreftkoordinator.reporting.submissions import submit_report

    submit_report(kari, drammen_position, LAST, "Mange hjemmedødsfall i år.")
    horten = make_position("Kreftkoordinator i Horten", ["3901"])
    Submission.objects.create(
        position=horten,
        year=LAST,
        version=1,
        figures=figures(40, 9, [1, 2, 3]),
        submitted_by=kari,
    )
    login(client, per)
    response = client.get(reverse("reporting:leader"))
    content = response.content.decode()
    assert "Kreftkoordinator i Drammen" in content and "Mange hjemmedødsfall" in content
    assert "Kreftkoordinator i Horten" not in content  # not her area
    assert [h.position for h in response.context["histories"]] == [drammen_position]


@pytest.mark.django_db
def test_a_leader_of_one_area_sees_only_hers_of_an_inter_municipal_position(client, sigrid, per):
    from kreftkoordinator.conftest import VALDRES, area
    from kreftkoordinator.reporting.submissions import submit_report

    valdres = Position.objects.get(name="Kreftkoordinator i Valdres")
    submit_report(sigrid, valdres, LAST, "")
    per.areas.set([area(VALDRES[0])])
    login(client, per)
    history = client.get(reverse("reporting:leader")).context["histories"][0]
    assert not history.whole
    assert [c.heading for c in history.columns] == [area(VALDRES[0]).name]
    assert all(len(cells) == 1 for _indicator, cells, _median in history.rows)


@pytest.mark.django_db
def test_a_new_version_is_in_the_national_view_at_once(kari):
    position = make_position("Generert 0", ["3301"])
    for version, followed in [(1, 20), (2, 30)]:
        Submission.objects.create(
            position=position,
            year=LAST,
            version=version,
            figures=figures(followed, 6, [10, 20, 30]),
            submitted_by=kari,
        )
        view = national_view(LAST, Area.objects.serviceable())  # cached after the first
        assert view.indicators["patients_followed"].total.value == followed


@pytest.mark.django_db
def test_a_submission_prepares_the_national_view(
    kari, drammen_position, django_capture_on_commit_callbacks
):
    from kreftkoordinator.reporting.submissions import submit_report

    with django_capture_on_commit_callbacks(execute=True):
        submit_report(kari, drammen_position, LAST, "")
    with CaptureQueriesContext(connection) as read:
        view = national_view(LAST, Area.objects.serviceable())
    assert view.coverage.submitted == 1
    assert not any("figures" in q["sql"] for q in read.captured_queries)  # from the cache


@pytest.mark.django_db
def test_report_national_as_text_and_xlsx(demo_reports, tmp_path):
    from openpyxl import load_workbook

    out = StringIO()
    call_command("report", "national", "--year", str(LAST), stdout=out)
    assert f"{Position.objects.count() - 1} av {Position.objects.count()} stillinger" in (
        out.getvalue()
    )
    assert "Første kontakt ved utskrivning: totalt" in out.getvalue()
    path = tmp_path / "landet.xlsx"
    call_command("report", "national", "--year", str(LAST), "--xlsx", str(path), stdout=out)
    workbook = load_workbook(path)
    assert {"Fordeling", "Stillinger", "Ikke levert", "Dekning"} <= set(workbook.sheetnames)
    late = [row[0] for row in workbook["Ikke levert"].iter_rows(min_row=2, values_only=True)]
    assert late == [Position.objects.order_by("pk").last().name]


@pytest.mark.django_db
def test_the_national_page_explains_a_year_out_of_range(client, eva):
    login(client, eva)
    for year in (0, 1999, 2999):
        response = client.get(reverse("reporting:national", args=[year]))
        assert response.status_code == 200 and response.context["error"]


@pytest.mark.django_db
@pytest.mark.parametrize("submitted", [4, 5])
def test_statistics_need_five_submissions(client, eva, kari, submitted):
    """Issue 26, point 16: with four positions' figures the mean, median and spread are withheld
    ("for få innleveringer"), on the page and in `report national --json`; with five they are
    shown. Every total says how many positions it is made of."""
    Submission.objects.all().delete()
    for i in range(6):
        position = make_position(f"Stilling {i}", ["3301"])
        if i < submitted:
            Submission.objects.create(
                position=position,
                year=LAST,
                version=1,
                figures=figures(20 + i, 6, [10, 20, 30]),
                submitted_by=kari,
            )
    total = Position.objects.count()  # Kari's Drammen position too, which has not submitted
    out = StringIO()
    call_command("report", "national", "--year", str(LAST), "--json", stdout=out)
    row = json.loads(out.getvalue())["indicators"]["patients_followed"]
    assert (row["submitted"], row["of_positions"]) == (submitted, total)
    distribution = row["distribution"]
    if submitted < 5:
        assert distribution["withheld"] == "for få innleveringer"
        assert [distribution[k] for k in ("mean", "median", "sd", "min", "max")] == [None] * 5
    else:
        assert distribution["withheld"] is None and distribution["median"] == 22
    login(client, eva)
    page = client.get(reverse("reporting:national", args=[LAST])).content.decode()
    start = page.index("?indikator=patients_followed#per-position")
    row_html = page[start : page.index("</tr>", start)]
    assert f"{submitted} av {total} stillinger har levert" in row_html
    assert ("for få innleveringer" in row_html) == (submitted < 5)
