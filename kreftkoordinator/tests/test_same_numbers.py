"""Issue 26, point 18: the start page, the coverage map, the national figures and the grants
overview count coverage over the same municipalities and districts. Drammen has its own
coordinator, funded by an agreement; Frogner, one of Oslo's fifteen districts, has one too."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from kreftkoordinator.conftest import login, make_position
from kreftkoordinator.grants.models import Scheme
from kreftkoordinator.grants.workflows import make_agreement
from kreftkoordinator.organisation.models import Area, AreaKind, today


def n_of_m(text: str, words: str) -> tuple[int, int]:
    """The "N av M" in the sentence or figure that names `words`."""
    start = text.index(words)
    found = re.search(r"(\d+) av (\d+)", text[max(0, start - 400) : start + 400])
    assert found, words
    return int(found[1]), int(found[2])


@pytest.mark.django_db
def test_every_page_counts_coverage_over_the_same_areas(client, eva, ola, drammen_position):
    make_position("Kreftkoordinator i Frogner", ["030105"], start_date=today() - timedelta(400))
    make_agreement(
        eva,
        drammen_position,
        start=today() - timedelta(days=100),
        fte=100,
        salary=Decimal("470000"),
        social_rate=Decimal("0.35"),
        scheme=Scheme.objects.get(name="Tabell 3-1"),
    )
    current = Area.objects.current()
    units = (
        current.filter(kind=AreaKind.MUNICIPALITY).count()
        - 1  # Oslo, counted by its districts
        + current.filter(kind=AreaKind.DISTRICT).count()
    )
    login(client, eva)
    home = client.get("/").content.decode()
    national = client.get(reverse("reporting:national", args=[today().year])).content.decode()
    grants = client.get(reverse("grants:agreements")).content.decode()
    coverage = client.get(reverse("public:coverage")).content.decode()
    assert n_of_m(home, "kommuner og bydeler dekket") == (2, units)
    assert n_of_m(national, "kommuner og bydeler dekket") == (2, units)
    assert n_of_m(coverage, "kommuner og bydeler dekket") == (2, units)
    # Only Drammen has an agreement: the grants overview counts its own, over the same areas.
    assert n_of_m(grants, "kommuner og bydeler") == (1, units)
