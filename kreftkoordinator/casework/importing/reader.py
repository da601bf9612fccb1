"""Reading the import file: JSON (an object of lists) or XLSX (one sheet per list, a header row)."""

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from .rows import SHEETS, CaseworkImportError, Row


def read_file(path: Path | str) -> dict[str, list[Row]]:
    path = Path(path)
    if not path.exists():
        raise CaseworkImportError([_("Finner ikke filen %(path)s.") % {"path": path}])
    if path.suffix.lower() == ".json":
        return read_json(path.read_bytes())
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    raise CaseworkImportError([_("Filen må være .json eller .xlsx.")])


def read_json(data: bytes) -> dict[str, list[Row]]:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        raise CaseworkImportError(
            [_("Filen er ikke UTF-8-tekst (ugyldig byte ved posisjon %(pos)s).") % {"pos": e.start}]
        ) from e
    except json.JSONDecodeError as e:
        raise CaseworkImportError(
            [
                _("Filen er ikke gyldig JSON (linje %(line)s, kolonne %(col)s).")
                % {"line": e.lineno, "col": e.colno}
            ]
        ) from e
    except RecursionError as e:
        raise CaseworkImportError([_("Filen er for dypt nøstet til å være en import.")]) from e
    if not isinstance(document, dict):
        raise CaseworkImportError([_("JSON-filen må være et objekt med lister.")])
    _check_sheets(document.keys())
    sheets: dict[str, list[Row]] = {}
    for name, items in document.items():
        if not isinstance(items, list):
            raise CaseworkImportError([_("«%(sheet)s» må være en liste.") % {"sheet": name}])
        rows = []
        for number, item in enumerate(items, start=1):
            if not isinstance(item, dict):
                raise CaseworkImportError(
                    [
                        _("Ark «%(sheet)s», linje %(line)d: må være et objekt.")
                        % {"sheet": name, "line": number}
                    ]
                )
            rows.append(Row(name, number, {str(k).strip(): v for k, v in item.items()}))
        sheets[name] = rows
    return sheets


def read_xlsx(path: Path) -> dict[str, list[Row]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds for a damaged file
        raise CaseworkImportError([_("Kan ikke lese regnearket: det er skadet.")]) from e
    _check_sheets(workbook.sheetnames)
    sheets: dict[str, list[Row]] = {}
    for sheet in workbook.worksheets:
        try:
            sheets[sheet.title] = _read_sheet(sheet)
        except Exception as e:  # a damaged sheet inside an archive that opened
            workbook.close()
            raise CaseworkImportError(
                [_("Arket «%(sheet)s» er skadet og kan ikke leses.") % {"sheet": sheet.title}]
            ) from e
    workbook.close()
    return sheets


def _read_sheet(sheet) -> list[Row]:
    lines = sheet.iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(lines, ())]
    rows = []
    for number, values in enumerate(lines, start=2):
        if all(v is None or str(v).strip() == "" for v in values):
            continue
        cells = {h: _cell(v) for h, v in zip(header, values, strict=False) if h}
        rows.append(Row(sheet.title, number, cells))
    return rows


def _cell(value: Any) -> Any:
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        return value.date()
    if isinstance(value, datetime | date):
        return value
    return value


def _check_sheets(names) -> None:
    unknown = [n for n in names if n not in SHEETS]
    if unknown:
        raise CaseworkImportError(
            [
                _("Ukjent ark: %(names)s. Kjente ark er: %(known)s.")
                % {"names": ", ".join(unknown), "known": ", ".join(SHEETS)}
            ]
        )
