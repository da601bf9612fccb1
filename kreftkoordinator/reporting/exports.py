"""Spreadsheets of reports: the annual report (page and command) and the national view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from kreftkoordinator.audit.disclosure import LESS_THAN_FIVE
from kreftkoordinator.exports import Workbook, table_workbook

from .indicators import REGISTRY
from .published import Cell

if TYPE_CHECKING:
    from .national import NationalView


def annual_workbook(data: dict) -> Workbook:
    """The `report annual --json` object as a sheet: one row per indicator."""
    rows = []
    for key, row in data["indicators"].items():
        reference = row["reference_2017"]
        rows.append(
            [
                key,
                LESS_THAN_FIVE if row["suppressed"] else row["value"],
                row["numerator"],
                row["denominator"],
                row["unit"],
                reference["value"] if reference else None,
            ]
        )
    header = ["indikator", "verdi", "teller", "nevner", "enhet", "evalueringen 2017"]
    return table_workbook(str(data["year"]), header, rows)


def _value(cell: Cell):
    return cell.mark if cell.suppressed else cell.value


def national_workbook(view: NationalView) -> Workbook:
    """The national view: the distribution, every position's figures, who has not submitted,
    and coverage; suppressed cells carry their mark ("<5", "skjult", ":")."""
    workbook = Workbook()
    sheet = workbook.sheet(_("Fordeling"))
    sheet.append(
        [
            _("indikator"),
            _("navn"),
            _("enhet"),
            _("totalt"),
            _("antall stillinger"),
            _("gjennomsnitt"),
            _("median"),
            _("standardavvik"),
            _("min"),
            _("maks"),
            _("evalueringen 2017"),
        ]
    )
    for key, national in view.indicators.items():
        definition, d = REGISTRY[key], national.distribution
        sheet.append(
            [
                key,
                str(definition.label),
                str(definition.unit),
                _value(national.total),
                d.n,
                d.mean,
                d.median,
                d.sd,
                d.min,
                d.max,
                definition.reference.value if definition.reference else None,
            ]
        )
    sheet = workbook.sheet(_("Stillinger"))
    keys = list(view.indicators)
    sheet.append([_("stilling"), _("områder"), _("levert"), *keys])
    for i, position in enumerate(view.positions):
        submission = position.submission  # type: ignore[attr-defined]
        sheet.append(
            [
                position.name,
                ", ".join(position.area_codes),  # type: ignore[attr-defined]
                f"v{submission.version} {submission.submitted_at:%d.%m.%Y}" if submission else "",
                *[_value(view.indicators[k].cells[i]) if submission else None for k in keys],
            ]
        )
    for key, national in view.indicators.items():
        if national.parts is None:
            continue
        sheet = workbook.sheet(key)
        parts = national.parts
        sheet.append([_("stilling"), *parts.codes])
        for position, cells in zip(view.positions, parts.cells, strict=True):
            if cells:
                sheet.append([position.name, *[_value(c) for c in cells]])
        sheet.append([_("totalt"), *[_value(c) for c in parts.totals]])
    sheet = workbook.sheet(_("Ikke levert"))
    sheet.append([_("stilling"), _("områder")])
    for position in view.not_submitted:
        codes = position.area_codes  # type: ignore[attr-defined]
        sheet.append([position.name, ", ".join(codes)])
    if view.coverage is not None:
        sheet = workbook.sheet(_("Dekning"))
        for name, value in view.coverage.as_dict().items():
            sheet.append([name, value])
    return workbook
