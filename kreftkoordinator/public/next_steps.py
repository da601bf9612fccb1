"""What the find page says when nobody is registered as the coordinator of a municipality: the
coordinators nearest in the same county (by the distance between the municipalities' points),
the hospitals' coordinators there, and the Cancer Society's advice line (settings.CANCER_LINE_*:
a number people call, so an operator can change it without a release)."""

from __future__ import annotations

import math

from django.conf import settings
from django.db.models import Q

from kreftkoordinator.organisation.models import Area, AreaKind, Position, today

from .coverage import points_for

NEAREST = 3


def next_steps(area: Area, hospital_positions: list) -> dict:
    from .views import positions_with_holders

    county = area.county
    municipality = area.parent if area.kind == AreaKind.DISTRICT else area
    nearby = Position.objects.active_on(today()).exclude(covered_areas=area)
    if county is not None:
        in_county = Q(covered_areas__parent=county) | Q(covered_areas__parent__parent=county)
        nearby = nearby.filter(in_county).distinct()
    positions = positions_with_holders(nearby)
    municipalities = list(Area.objects.current().filter(kind=AreaKind.MUNICIPALITY, parent=county))
    points = points_for(municipalities)
    here = points.get(municipality.code) if municipality else None

    def distance(position) -> float:
        if here is None:
            return math.inf
        codes = {a.parent.code if a.kind == AreaKind.DISTRICT and a.parent else a.code
                 for a in position.covered_areas.all()}  # fmt: skip
        found = [math.dist(here, points[c]) for c in codes if c in points]
        return min(found, default=math.inf)

    municipal = sorted((p for p in positions if p.kind == "municipal"), key=distance)[:NEAREST]
    hospitals = hospital_positions or [p for p in positions if p.kind == "hospital"]
    return {
        "nearest": municipal,
        "county": county,
        "county_hospitals": [] if hospital_positions else hospitals,
        "cancer_line": {
            "phone": settings.CANCER_LINE_PHONE,
            "opens": settings.CANCER_LINE_OPENS,
            "closes": settings.CANCER_LINE_CLOSES,
        },
    }
