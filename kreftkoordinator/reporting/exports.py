"""Spreadsheets of reports: the annual report (page and command) and the national view."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from kreftkoordinator.audit.disclosure import LESS_THAN_FIVE
from kreftkoordinator.exports import (
    DECIMAL,
    SHARE,
    WHOLE,
    Formula,
    Workbook,
    csv_file,
    download,
)

from .annual import AnnualReport, report_columns, shown_row
from .groups import GROUP_OF, ORDER, grouped
from .indicators import REGISTRY
from .published import Cell
from .registry import Indicator

if TYPE_CHECKING:
    from .national import NationalView


@dataclass
class AnnualExport:
    """One annual report in the one layout of the page and every file of it: its columns
    (`report_columns`) of rows as `AnnualReport.rows` has them, with the national medians and
    when it was made."""

    title: str  # the position, or the area
    year: int
    columns: list[tuple[str, dict]]  # (heading, {key: row})
    medians: dict[str, float | None]
    suppressed: bool
    made_at: datetime

    @classmethod
    def of(cls, report: AnnualReport, medians, suppressed: bool) -> AnnualExport:
        columns = [(heading, c.rows(suppressed)) for heading, c in report_columns(report)]
        return cls(report.title, report.year, columns, medians, suppressed, timezone.localtime())

    def table(self) -> list[tuple[str, list]]:
        """The page's table from the same rows as the files, in its groups: (group label,
        rows), each row (indicator, each column's figure as shown, its parts as (label,
        counts), the national median)."""
        table: list[tuple[Indicator, list[str], list[tuple[str, list]], float | None]] = []
        for key in ORDER:
            indicator = REGISTRY[key]
            rows = [figures[key] for _h, figures in self.columns]
            parts = [
                (
                    indicator.part_label(code),
                    [
                        _number(r["parts"].get(code, {"value": 0, "suppressed": False}))
                        for r in rows
                    ],
                )
                for code in rows[0]["parts"]
            ]
            shown = [shown_row(r, indicator) for r in rows]
            table.append((indicator, shown, parts, self.medians.get(key)))
        return grouped(table)


def _format(row: dict | None) -> str:
    if row is None or row["value"] is None:
        return WHOLE
    if row["denominator"] is not None:
        return SHARE
    return WHOLE if isinstance(row["value"], int) else DECIMAL


def _number(row: dict | None):
    """A row's or a part's value as a cell has it: "<5" where suppressed."""
    return None if row is None else (LESS_THAN_FIVE if row["suppressed"] else row["value"])


def annual_rows(report: AnnualExport):
    """(cells, formats, total_of) per line: each indicator, then its parts; `total_of` gives,
    for an indicator whose parts add up to it in a column, the part lines it is the sum of."""
    n = len(report.columns)
    for key in ORDER:
        indicator = REGISTRY[key]
        rows = [figures.get(key) for _h, figures in report.columns]
        reference = indicator.reference.value if indicator.reference else None
        cells = [str(indicator.label), key, *[_number(r) for r in rows]]
        cells += [report.medians.get(key), reference]
        formats = [None, None, *[_format(r) for r in rows], _format(rows[0]), _format(rows[0])]
        codes = list(rows[0]["parts"]) if rows and rows[0] else []
        adds_up = [
            bool(codes)
            and indicator.parts_add_up
            and r is not None
            and not r["suppressed"]
            and r["value"] == sum(int(p["value"] or 0) for p in r["parts"].values())
            and not any(p["suppressed"] for p in r["parts"].values())
            for r in rows
        ]
        yield cells, formats, (adds_up, len(codes))
        for code in codes:
            parts = [r["parts"].get(code) if r else None for r in rows]
            values = [_number(p) for p in parts]
            label = f"  {indicator.part_label(code)}"
            yield [label, f"{key}.{code}", *values, None, None], [None, None, *[WHOLE] * n], None


def annual_workbook(report: AnnualExport) -> Workbook:
    """Numbers as numbers with their formats, labels as headers with the keys beside them, the
    breakdowns' totals as formulas, the header kept in view, the definitions and where the
    figures come from on sheets of their own."""
    workbook = Workbook()
    sheet = workbook.sheet(_("Årsrapport %(year)s") % {"year": report.year})
    headings = [h for h, _f in report.columns]
    header = [_("Indikator"), _("Nøkkel"), *headings, _("Landet, median"), _("Evalueringen 2017")]
    sheet.bold(sheet.append(header))
    sheet.freeze("C2")
    sheet.widths(48, 30, *[14] * (len(headings) + 2))
    at = 2
    for cells, formats, total_of in annual_rows(report):
        if total_of is not None:
            adds_up, parts = total_of
            for column, adds in enumerate(adds_up):
                if adds:
                    letter = get_column_letter(3 + column)
                    cells[2 + column] = Formula(f"=SUM({letter}{at + 1}:{letter}{at + parts})")
        sheet.append(cells, formats)
        at += 1
    definitions = workbook.sheet(_("Definisjoner"))
    header = [_("Nøkkel"), _("Indikator"), _("Definisjon"), _("Enhet"), _("Gruppe")]
    definitions.bold(definitions.append(header))
    definitions.freeze("A2")
    definitions.widths(30, 40, 90, 16, 34)
    for key in ORDER:
        indicator = REGISTRY[key]
        definitions.append(
            [
                key,
                str(indicator.label),
                str(indicator.definition),
                str(indicator.unit),
                str(GROUP_OF[key]),
            ]
        )
    about = workbook.sheet(_("Om tallene"))
    about.widths(24, 90)
    for label, value in about_rows(report):
        about.append([label, value])
    return workbook


def about_rows(report: AnnualExport) -> list[tuple[str, str]]:
    return [
        (
            _("Rapport"),
            _("Årsrapport %(year)s: %(title)s") % {"year": report.year, "title": report.title},
        ),
        (_("Kilde"), _("Kreftkoordinator, beregnet fra registreringene for områdene")),
        (_("Laget"), report.made_at.strftime("%d.%m.%Y %H:%M")),
        (
            _("Skjerming"),
            _("Tall fra 1 til 4 vises som «<5», som i tall som forlater kommunen.")
            if report.suppressed
            else _("Stillingens egne tall, uten skjerming: del dem ikke videre slik."),
        ),
        (_("Definisjoner"), _("Arket «Definisjoner», og siden «Slik er tallene definert».")),
    ]


def annual_csv(report: AnnualExport) -> bytes:
    headings = [h for h, _f in report.columns]
    header = [_("Indikator"), _("Nøkkel"), *headings, _("Landet, median"), _("Evalueringen 2017")]
    return csv_file([header, *(cells for cells, _f, _t in annual_rows(report))])


def annual_download(report: AnnualExport, kind: str, name: str):
    if kind == "xlsx":
        return annual_workbook(report).response(f"{name}.xlsx")
    return download(annual_csv(report), f"{name}.csv", "text/csv; charset=utf-8")


def _value(cell: Cell):
    return cell.mark if cell.suppressed else cell.value


def national_workbook(view: NationalView) -> Workbook:
    """The national view: the distribution, every position's figures, who has not submitted,
    and coverage; suppressed cells carry their mark ("<5", "skjult", ":")."""
    workbook = Workbook()
    sheet = workbook.sheet(_("Fordeling"))
    header = [
        _("Nøkkel"),
        _("Indikator"),
        _("Enhet"),
        _("Totalt"),
        _("Antall stillinger"),
        _("Gjennomsnitt"),
        _("Median"),
        _("Standardavvik"),
        _("Min"),
        _("Maks"),
        _("Evalueringen 2017"),
    ]
    sheet.bold(sheet.append(header))
    sheet.freeze("C2")
    sheet.widths(30, 48, 14, *[14] * 8)
    for key, national in view.indicators.items():
        definition, d = REGISTRY[key], national.distribution
        share = national.total.share
        stat = SHARE if share else DECIMAL
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
            ],
            [
                None,
                None,
                None,
                SHARE if share else WHOLE,
                WHOLE,
                stat,
                stat,
                stat,
                stat,
                stat,
                stat,
            ],
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
    workbook.about(
        [
            (_("Rapport"), _("Landet %(year)s: de leverte årsrapportene") % {"year": view.year}),
            (_("Kilde"), _("Årsrapportene stillingene har levert, siste versjon av hver")),
            (
                _("Skjerming"),
                _(
                    "Tall fra 1 til 4 vises som «<5»; «skjult» og «:» der et lite tall ellers "
                    "kunne regnes ut."
                ),
            ),
        ]
    )
    return workbook
