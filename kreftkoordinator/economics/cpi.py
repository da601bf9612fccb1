"""The consumer price index as data an operator updates: `kreftkoordinator import-cpi FILE` reads
SSB table 03014 (annual average, 2015=100) as JSON-stat 2.0, the format SSB's statistics API
returns, and stores each year in the database, where an upgrade does not overwrite it. The
index every page and command uses (`current_index`) is the file shipped with the code
(`model/data/kpi.json`) with the imported years over it: a year imported replaces the shipped
one, and a year imported again replaces the earlier import.

JSON-stat 2.0 (https://json-stat.org/format/): a dataset has `id` (its dimensions in order),
`size` (the categories of each), `dimension` (each with `category.index`, code to position, and
`category.label`), `role.time` (which dimension is time) and `value`, a flat array in row-major
order over `id`, or an object from flat position to value; a missing value is `null`, with its
mark in `status`. We find the years through `role.time`, never through a dimension's name.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from django.db import transaction
from django.utils.translation import gettext as _

from .model.prices import CPI, PriceIndex
from .models import PriceIndexYear

BASE_YEAR, BASE_VALUE = 2015, 100.0


class CpiImportError(Exception):
    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class CpiImport:
    values: dict[int, float]
    missing: list[int]  # years in the file without a value (not yet published)
    updated: str  # the dataset's own date, as SSB gives it
    replaced: list[int]  # years already held (shipped or imported) that the import replaced


def current_index() -> PriceIndex:
    """The shipped index with the imported years over it (one query)."""
    rows = list(PriceIndexYear.objects.all())
    if not rows:
        return CPI
    return replace(
        CPI,
        values={**CPI.values, **{row.year: row.value for row in rows}},
        retrieved=max(row.imported_at for row in rows).date().isoformat(),
    )


def missing_years(index: PriceIndex, through: int) -> list[int]:
    """Years from the index's first through `through` that it has no value for."""
    return [y for y in range(index.years[0], through + 1) if y not in index.values]


def _categories(dimension: dict) -> list[tuple[str, str]]:
    """(code, label) of a dimension's categories, in their order."""
    category = dimension.get("category") or {}
    index = category.get("index")
    labels = category.get("label") or {}
    if isinstance(index, list):
        codes = index
    elif isinstance(index, dict):
        codes = sorted(index, key=lambda code: index[code])
    else:  # a single category may be given by its label alone
        codes = list(labels)
    return [(str(code), str(labels.get(code, code))) for code in codes]


def _chosen(name: str, dimension: dict, is_metric: bool, problems: list[str]) -> int | None:
    """The position of the one category to read in a dimension that is not time: the only
    one, or the index (2015=100) among the statistics, or the total among the groups."""
    categories = _categories(dimension)
    if len(categories) == 1:
        return 0
    if is_metric:
        wanted = [
            i for i, (_c, label) in enumerate(categories) if "2015=100" in label.replace(" ", "")
        ]
        what = _("statistikkvariabelen «Konsumprisindeks (2015=100)»")
    else:
        wanted = [
            i
            for i, (code, label) in enumerate(categories)
            if code.upper() == "TOTAL" or label.lower().startswith("totalindeks")
        ]
        what = _("konsumgruppen «Totalindeks»")
    if len(wanted) == 1:
        return wanted[0]
    problems.append(
        _("Dimensjonen «%(name)s» har %(n)d verdier; velg bare %(what)s i statistikkbanken.")
        % {"name": name, "n": len(categories), "what": what}
    )
    return None


def read_jsonstat(data: object) -> CpiImport:
    """The years and values of a JSON-stat 2.0 dataset of table 03014, or raise with every
    problem found."""
    if not isinstance(data, dict) or data.get("class") != "dataset":
        raise CpiImportError(
            [_("Filen er ikke et JSON-stat 2.0-datasett (mangler «class»: «dataset»).")]
        )
    ids, sizes = data.get("id"), data.get("size")
    dimensions = data.get("dimension")
    role = data.get("role") or {}
    if (
        not isinstance(ids, list)
        or not isinstance(sizes, list)
        or len(ids) != len(sizes)
        or not isinstance(dimensions, dict)
        or not all(isinstance(s, int) and s >= 0 for s in sizes)
        or not all(isinstance(i, str) and isinstance(dimensions.get(i), dict) for i in ids)
    ):
        raise CpiImportError([_("Datasettet mangler «id», «size» eller «dimension» som passer.")])
    times = role.get("time") if isinstance(role, dict) else None
    if not isinstance(times, list) or len(times) != 1 or times[0] not in ids:
        raise CpiImportError(
            [_("Datasettet sier ikke hvilken dimensjon som er tid («role.time»).")]
        )
    metrics = set(role.get("metric") or [])
    time = times[0]
    problems: list[str] = []
    chosen = {
        name: _chosen(name, dimensions[name], name in metrics, problems)
        for name in ids
        if name != time
    }
    years: list[tuple[int, str]] = []  # (position in the time dimension, year)
    for position, (code, label) in enumerate(_categories(dimensions[time])):
        if code.isdigit() and len(code) == 4 and 1900 <= int(code) <= 2100:
            years.append((position, code))
        else:
            problems.append(
                _(
                    "«%(code)s» (%(label)s) er ikke et år. Tabell 03014 har årsgjennomsnitt: "
                    "velg år, ikke måneder."
                )
                % {"code": code, "label": label}
            )
    values = data.get("value")
    total = math.prod(sizes)
    if isinstance(values, list) and len(values) != total:
        problems.append(
            _("Datasettet har %(found)d verdier, men dimensjonene gir %(want)d.")
            % {"found": len(values), "want": total}
        )
    elif not isinstance(values, list | dict):
        problems.append(_("Datasettet mangler «value»."))
    if (
        None in chosen.values()
        or not isinstance(values, list | dict)
        or (isinstance(values, list) and len(values) != total)
    ):
        raise CpiImportError(problems)
    strides = [math.prod(sizes[k + 1 :]) for k in range(len(sizes))]
    found: dict[int, float] = {}
    missing: list[int] = []
    for position, code in years:
        at = sum(
            stride * (position if name == time else (chosen[name] or 0))
            for name, stride in zip(ids, strides, strict=True)
        )
        value = values[at] if isinstance(values, list) else values.get(str(at))  # type: ignore[union-attr]
        year = int(code)
        if value is None:
            missing.append(year)
            continue
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            problems.append(
                _("%(year)d: «%(value)s» er ikke et tall.") % {"year": year, "value": value}
            )
        elif not 1 <= value <= 1000:
            problems.append(
                _("%(year)d: %(value)s er ikke en mulig indeks (2015=100).")
                % {"year": year, "value": value}
            )
        elif year == BASE_YEAR and abs(value - BASE_VALUE) > 0.05:
            problems.append(
                _(
                    "%(year)d er basisåret og skal være 100, men filen har %(value)s. Er dette en "
                    "annen basis enn 2015=100?"
                )
                % {"year": year, "value": value}
            )
        else:
            found[year] = float(value)
    if not found and not problems:
        problems.append(_("Datasettet har ingen år med verdi."))
    if problems:
        raise CpiImportError(problems)
    return CpiImport(found, missing, str(data.get("updated") or ""), [])


@transaction.atomic
def import_cpi(data: object) -> CpiImport:
    """Read the dataset and store every year in it, or raise with every problem (nothing is
    stored then)."""
    result = read_jsonstat(data)
    held = set(current_index().values)
    for year, value in result.values.items():
        PriceIndexYear.objects.update_or_create(
            year=year, defaults={"value": value, "source_updated": result.updated[:40]}
        )
    return replace(result, replaced=sorted(held & set(result.values)))
