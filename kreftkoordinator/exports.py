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
from collections.abc import Iterable, Sequence
from typing import IO, Any

import openpyxl
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


class Sheet:
    def __init__(self, sheet) -> None:
        self._sheet = sheet

    @property
    def title(self) -> str:
        return self._sheet.title

    def append(self, row: Iterable[Any]) -> None:
        self._sheet.append([neutral(v) for v in row])


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


def table_workbook(title: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Workbook:
    workbook = Workbook()
    sheet = workbook.sheet(title)
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    return workbook


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
