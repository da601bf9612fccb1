"""The one writer of spreadsheets and CSV files, for every export in the product.

A text someone typed (a position's name, an effect rating's justification) ends up in a
workbook the funder's staff open in Excel. openpyxl stores any string that starts with `=` as a
live formula, and Excel and LibreOffice run a CSV cell starting with `=`, `+`, `-` or `@` (or a
tab or carriage return before one) as one too. So every text cell that starts with one of those
gets an apostrophe in front, as OWASP recommends ("CSV injection"); so does a text that itself
starts with an apostrophe, so `restored` can give back exactly what was typed. Numbers and
dates stay numbers and dates. docs/security.md, "Exports".
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import IO, Any

import openpyxl
import openpyxl.styles
import openpyxl.utils
from django.http import HttpResponse

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutral(value: Any) -> Any:
    """A value as it may go into a cell: text that could run as a formula is made plain text."""
    if isinstance(value, str) and value[:1] in (*TRIGGERS, "'"):
        return "'" + value
    return value


def restored(text: str) -> str:
    """The text `neutral` was given, for reading back a file of ours."""
    if text[:1] == "'" and text[1:2] in (*TRIGGERS, "'"):
        return text[1:]
    return text


class Formula(str):
    """A formula of ours (a total): the one kind of cell that is written live. Text from
    anyone else never becomes one; it goes through `neutral`."""


# Number formats, which Excel and LibreOffice show with the reader's own separators.
WHOLE, DECIMAL, SHARE, DATE = "#,##0", "#,##0.0", "0.0%", "dd.mm.yyyy"


class Sheet:
    def __init__(self, sheet) -> None:
        self._sheet = sheet

    @property
    def title(self) -> str:
        return self._sheet.title

    def append(self, row: Iterable[Any], formats: Sequence[str | None] = ()) -> int:
        """Add a row; `formats` gives each cell's number format. The row's number."""
        self._sheet.append([v if isinstance(v, Formula) else neutral(v) for v in row])
        number = self._sheet.max_row
        for column, fmt in enumerate(formats, start=1):
            if fmt:
                self._sheet.cell(row=number, column=column).number_format = fmt
        return number

    def freeze(self, cell: str) -> None:
        """Keep the rows above and the columns left of `cell` in view when scrolling."""
        self._sheet.freeze_panes = cell

    def bold(self, row: int) -> None:
        for cell in self._sheet[row]:
            cell.font = openpyxl.styles.Font(bold=True)

    def widths(self, *widths: int) -> None:
        for n, width in enumerate(widths, start=1):
            self._sheet.column_dimensions[openpyxl.utils.get_column_letter(n)].width = width


class Workbook:
    """An XLSX workbook whose sheets only take rows through `Sheet.append`."""

    def __init__(self) -> None:
        self._book = openpyxl.Workbook()
        self._fresh = True

    def sheet(self, title: str) -> Sheet:
        if self._fresh:  # openpyxl starts with one empty sheet: use it for the first
            self._fresh = False
            sheet = self._book.active
            sheet.title = title[:31]
        else:
            sheet = self._book.create_sheet(title[:31])
        return Sheet(sheet)

    def about(self, rows: Sequence[tuple[str, str]]) -> None:
        """A last sheet saying where the figures come from, and when the file was made."""
        from django.utils import timezone
        from django.utils.translation import gettext as _

        sheet = self.sheet(_("Om tallene"))
        sheet.widths(24, 90)
        for label, text in [*rows, (_("Laget"), f"{timezone.localtime():%d.%m.%Y %H:%M}")]:
            sheet.append([label, text])

    def save(self, target) -> None:
        self._book.save(target)

    def response(self, name: str) -> HttpResponse:
        response = download(b"", name, XLSX)
        self.save(response)
        return response


def download(content: bytes, name: str, content_type: str) -> HttpResponse:
    """A file to save, never to show: every export's response."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


class CsvWriter:
    """`csv.writer` with every cell through `neutral`."""

    def __init__(self, file: IO[str] | HttpResponse, **options) -> None:
        self._writer = csv.writer(file, **options)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([neutral(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


class CsvDictWriter:
    """`csv.DictWriter` with every cell through `neutral`."""

    def __init__(self, file: IO[str] | HttpResponse, fieldnames: Sequence[str], **options) -> None:
        self._writer = csv.DictWriter(file, fieldnames=fieldnames, **options)

    def writeheader(self) -> None:
        self._writer.writeheader()

    def writerows(self, rows: Iterable[dict]) -> None:
        for row in rows:
            self._writer.writerow({k: neutral(v) for k, v in row.items()})


def _csv_value(value: Any) -> Any:
    from fractions import Fraction

    from .numbers import for_files

    if value is None:
        return ""
    if isinstance(value, float | Decimal | Fraction) and not isinstance(value, bool):
        return for_files(value, 4)
    return value


def csv_file(rows: Iterable[Iterable[Any]]) -> bytes:
    """CSV as Excel in a Norwegian locale opens it: `;`-separated, UTF-8 with a byte-order
    mark, CRLF, a decimal comma; every text cell through `neutral`."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = CsvWriter(out, delimiter=";", lineterminator="\r\n")
    writer.writerows([_csv_value(v) for v in row] for row in rows)
    return out.getvalue().encode("utf-8")
