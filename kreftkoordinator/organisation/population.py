"""Reading SSB table 07459 (population per municipality and year) for the coverage figures.

The file is Statistics Norway's semicolon-separated download ("Semikolonseparert med
overskrift"), in UTF-8 or Windows-1252, in either of its shapes: one row per region and year
(columns `region`, `år`, …, the count last) or one row per region with a column per year
(`Personer 2024`, `Personer 2025`, …). Further dimensions (sex, age) are summed. A region is
"3301 Drammen" or "K-3301 Drammen"; regions that are not in the area registry (the whole
country, counties, municipalities since merged) are counted and skipped. SSB's marks for a
figure that does not exist (".", "..", ":") are skipped; "-" is nought. Every row is checked
before anything is written: one bad row and nothing is imported, with every bad line named.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from .area_import import UNREADABLE, decode
from .models import Area, AreaKind, Population

MISSING = {".", "..", ":", "…"}
YEAR = re.compile(r"(?:^|\D)((?:19|20)\d\d)$")
REGION = re.compile(r"^(?:[A-Z]-)?(\d+)\b")


# More people than live in Norway is a mistake, and keeps any sum within the database's integer.
MAX_COUNT = 10_000_000


class PopulationImportError(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class PopulationResult:
    saved: int
    years: list[int]
    skipped_regions: list[str]


def import_population(data: bytes) -> PopulationResult:
    """Read the file and save every (municipality, year) in it, or raise with every bad line."""
    text = decode(data, PopulationImportError)
    lines = text.splitlines()
    header_at = next(
        (i for i, line in enumerate(lines) if line.strip().strip('"').lower().startswith("region")),
        None,
    )
    if header_at is None:
        raise PopulationImportError(
            [_("Fant ingen overskriftslinje som begynner med «region». Er dette tabell 07459?")]
        )
    reader = csv.reader(io.StringIO("\n".join(lines[header_at:]), newline=""), delimiter=";")
    try:
        header, *records = ([h.strip() for h in row] for row in reader)
    except csv.Error as e:
        raise PopulationImportError([UNREADABLE % {"line": header_at + reader.line_num}]) from e
    year_column = next((i for i, h in enumerate(header) if h.lower() in ("år", "tid")), None)
    year_columns = {i: int(m.group(1)) for i, h in enumerate(header) if (m := YEAR.search(h))}
    if year_column is None and not year_columns:
        raise PopulationImportError(
            [
                _("Linje %(line)d: fant verken en kolonne «år» eller kolonner med årstall.")
                % {"line": header_at + 1}
            ]
        )
    areas = {a.code: a for a in Area.objects.current().filter(kind=AreaKind.MUNICIPALITY)}
    totals: dict[tuple[str, int], int] = defaultdict(int)
    errors: list[str] = []
    skipped: set[str] = set()
    for number, row in enumerate(records, start=header_at + 2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            errors.append(
                _("Linje %(line)d: %(found)d kolonner, overskriften har %(want)d.")
                % {"line": number, "found": len(row), "want": len(header)}
            )
            continue
        region = REGION.match(row[0].strip())
        if region is None:
            errors.append(
                _("Linje %(line)d: «%(region)s» er ikke et kommunenummer med navn.")
                % {"line": number, "region": row[0].strip()}
            )
            continue
        code = region.group(1)
        if year_column is not None:
            cells = [(row[year_column].strip(), row[-1].strip())]
        else:
            cells = [(str(year), row[i].strip()) for i, year in year_columns.items()]
        for year_text, count_text in cells:
            try:
                year = int(year_text)
                count = (
                    0
                    if count_text == "-"
                    else None
                    if count_text in MISSING
                    else int(count_text.replace(" ", "").replace("\u00a0", ""))
                )
            except ValueError:
                errors.append(
                    _("Linje %(line)d: «%(count)s» for %(year)s er ikke et helt tall.")
                    % {"line": number, "count": count_text, "year": year_text}
                )
                continue
            if not 1900 <= year <= 2100 or (count is not None and not 0 <= count <= MAX_COUNT):
                errors.append(
                    _("Linje %(line)d: år %(year)s eller antall %(count)s er utenfor det mulige.")
                    % {"line": number, "year": year_text, "count": count_text}
                )
                continue
            if code not in areas:
                skipped.add(row[0].strip())
            elif count is not None:
                totals[code, year] += count
    if errors:
        raise PopulationImportError(errors)
    if not totals:
        raise PopulationImportError([_("Filen har ingen folketall for kommuner vi kjenner.")])
    with transaction.atomic():
        for (code, year), persons in totals.items():
            Population.objects.update_or_create(
                area=areas[code], year=year, defaults={"persons": persons}
            )
    return PopulationResult(
        saved=len(totals),
        years=sorted({year for _code, year in totals}),
        skipped_regions=sorted(skipped),
    )
