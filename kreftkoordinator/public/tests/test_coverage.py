"""The coverage map: the demo arrangements on an outline of Norway, readable without colour, with
the same figures as a table."""

import pytest
from django.urls import reverse

from kreftkoordinator.demo.arrangements import create_arrangements
from kreftkoordinator.organisation.models import Area
from kreftkoordinator.public.coverage import WIDTH, outline, points_for


@pytest.mark.django_db
def test_nearly_every_municipality_gets_a_point_inside_the_map():
    municipalities = list(Area.objects.current().filter(kind="municipality"))
    points = points_for(municipalities)
    assert len(points) >= 355  # Haram (split from Ålesund in 2024) has no 2020 point
    assert all(0 <= x <= WIDTH for x, _y in points.values())


def test_the_outline_of_norway_is_drawn():
    path = outline()
    assert path.startswith("M") and path.count("Z") > 10  # the mainland and many islands


@pytest.mark.django_db
def test_the_map_shows_the_demo_arrangements(client):
    create_arrangements(years=1)
    response = client.get(reverse("public:coverage"))
    content = response.content.decode()
    rows = {r.name: r for r in response.context["rows"]}
    assert rows["Drammen"].status == "own" and rows["Drammen"].since == 2012
    assert rows["Vang"].status == "shared" and rows["Etnedal"].status == "shared"
    # One of Oslo's districts has a coordinator: Oslo is covered only partly, and said so.
    assert rows["Oslo"].status == "partly" and rows["Oslo"].districts[0] == 1
    assert rows["Oslo"].districts[1] >= 15
    assert "bare noen av bydelene" in content and 'class="partly"' in content
    assert rows["Bergen"].status == "none"
    assert response.context["counts"]["shared"] == 13  # Valdres 6 + Nordhordland 7
    assert "<circle" in content and "<desc" in content and "Trekant" in content
    table = content.split("<table")[1]
    assert "Drammen" in table and "Interkommunal" in table and "Bergen" not in table
    assert "1 av" in table and "bydeler" in table
    # Each municipality in the table leads to its coordinator.
    assert f'href="{reverse("public:find")}?municipality=3301"' in table
    # The map is drawn to the page's width, not at a fixed size wider than a phone.
    svg = content.split('<figure class="coverage">')[1].split(">")[1]
    assert "width=" not in svg


@pytest.mark.django_db
def test_the_map_runs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    create_arrangements(years=1)
    with django_assert_max_num_queries(6):
        client.get(reverse("public:coverage"))


@pytest.mark.django_db
def test_coordinates_use_a_decimal_point_whatever_the_language(client):
    import re

    create_arrangements(years=1)
    content = client.get(reverse("public:coverage")).content.decode()
    assert re.search(r'cx="\d+\.\d"', content)
    assert not re.search(r'c[xy]="\d+,\d"', content)


@pytest.mark.django_db
def test_the_cached_map_follows_changes_to_positions(client):
    from kreftkoordinator.conftest import make_position

    def status(name):
        rows = client.get(reverse("public:coverage")).context["rows"]
        return next(r.status for r in rows if r.name == name)

    assert status("Bergen") == "none"
    position = make_position("Kreftkoordinator i Bergen", ["4601"])
    assert status("Bergen") == "own"
    position.covered_areas.add(Area.objects.current().get(code="4602"))
    assert status("Bergen") == "shared"
    position.delete()
    assert status("Bergen") == "none"
