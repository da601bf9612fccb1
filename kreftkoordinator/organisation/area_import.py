"""Reading SSB KLASS CSV exports of areas and applying them to the area registry.

The file is a snapshot: the counties (classification 104), municipalities (131) and/or city
districts (103) valid from a date. Codes tell the kind (2, 4 or 6 digits). Applying a snapshot
creates new areas, renames changed ones, and ends (valid_to = the day before) current areas of the
same kind that the snapshot no longer lists: that is how SSB records merges and splits. Every row
is checked before anything is written; one bad row and nothing is imported.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import AreaKind, LanguageForm

SHIPPED_FILE = Path(__file__).parent / "data" / "areas-2024.csv"
KIND_ORDER = [AreaKind.COUNTY, AreaKind.MUNICIPALITY, AreaKind.DISTRICT]
# The optional column with the official language form, and the words it may hold.
LANGUAGE_COLUMN = "målform"
LANGUAGE_WORDS = {
    "nynorsk": LanguageForm.NYNORSK,
    "nn": LanguageForm.NYNORSK,
    "bokmål": LanguageForm.BOKMAL,
    "bokmal": LanguageForm.BOKMAL,
    "nb": LanguageForm.BOKMAL,
    "nøytral": LanguageForm.NEUTRAL,
    "noytral": LanguageForm.NEUTRAL,
    "neutral": LanguageForm.NEUTRAL,
}


class AreaImportError(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class AreaRow:
    line: int
    code: str
    name: str
    kind: str
    valid_from: date
    valid_to: date | None
    language_form: str | None = None  # None: as it is (a new area: neutral)


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)
    ended: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return _("%(created)d nye, %(renamed)d endret navn, %(ended)d avsluttet") % {
            "created": len(self.created),
            "renamed": len(self.renamed),
            "ended": len(self.ended),
        }


UNREADABLE = gettext_lazy(
    "Linje %(line)d kan ikke leses som CSV "
    "(et anførselstegn som ikke lukkes, eller et altfor langt felt)."
)


NAME_LENGTH = 100  # Area.name


def decode(data: bytes, error: type[Exception] = AreaImportError) -> str:
    """The text of an SSB file: its exports have come both as UTF-8 and as Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as e:  # five bytes mean nothing in Windows-1252 either
        message = _("Filen er verken UTF-8 eller Windows-1252 (ugyldig byte ved posisjon %(pos)d).")
        raise error([message % {"pos": e.start}]) from e


def _parse_date(value: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    for parse in (date.fromisoformat, lambda v: date(int(v[6:10]), int(v[3:5]), int(v[0:2]))):
        try:
            return parse(value)
        except (ValueError, IndexError):
            continue
    raise ValueError(value)


def _date_column(record: dict[str, str], column: str | None, problems: list[str]) -> date | None:
    """The date in `column`, or None; a malformed date is added to `problems`."""
    if not column:
        return None
    try:
        return _parse_date(record.get(column, ""))
    except ValueError as e:
        problems.append(
            _("ugyldig dato «%(value)s» i %(column)s") % {"value": e.args[0], "column": column}
        )
        return None


def parse(text: str, default_valid_from: date | None = None) -> list[AreaRow]:
    """Parse and check a KLASS CSV text; raise AreaImportError listing every bad row."""
    if not text.strip():
        raise AreaImportError([_("Filen er tom.")])
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error as e:  # the line the reader stopped on (DictReader's own lags a row)
        raise AreaImportError([UNREADABLE % {"line": reader.reader.line_num}]) from e
    columns = {c.strip() for c in (reader.fieldnames or [])}
    missing = [c for c in ("code", "name") if c not in columns]
    if missing:
        raise AreaImportError(
            [_("Filen mangler kolonnen «%(column)s».") % {"column": c} for c in missing]
        )
    from_column = next(
        (c for c in ("validFrom", "validFromInRequestedRange") if c in columns), None
    )
    to_column = next((c for c in ("validTo", "validToInRequestedRange") if c in columns), None)

    errors: list[str] = []
    rows: list[AreaRow] = []
    seen: dict[str, int] = {}
    for line, raw in enumerate(records, start=2):
        record = {(k or "").strip(): (v or "").strip() for k, v in raw.items()}
        problems = []
        code, name = record.get("code", ""), record.get("name", "")
        kind = AreaKind.for_code(code) if code.isdigit() else None
        if not code:
            problems.append(_("mangler kode"))
        elif kind is None:
            problems.append(
                _("«%(code)s» er ikke et områdenummer (2, 4 eller 6 siffer)") % {"code": code}
            )
        elif code in seen:
            problems.append(
                _("koden %(code)s står også på linje %(line)d") % {"code": code, "line": seen[code]}
            )
        if not name:
            problems.append(_("mangler navn"))
        elif len(name) > NAME_LENGTH or "\x00" in name:
            problems.append(
                _("navnet er over %(n)d tegn eller har et ugyldig tegn") % {"n": NAME_LENGTH}
            )
        dates_before = len(problems)
        valid_from = _date_column(record, from_column, problems)
        valid_to = _date_column(record, to_column, problems)
        bad_date = len(problems) > dates_before
        valid_from = valid_from or default_valid_from
        if valid_from is None and not bad_date:
            problems.append(_("mangler gyldig fra-dato (oppgi den med --valid-from)"))
        if valid_from and valid_to and valid_to < valid_from:
            problems.append(_("gyldig til er før gyldig fra"))
        language_word = record.get(LANGUAGE_COLUMN, "").lower()
        if language_word and language_word not in LANGUAGE_WORDS:
            problems.append(
                _("målformen «%(value)s» er verken nynorsk, bokmål eller nøytral")
                % {"value": record.get(LANGUAGE_COLUMN, "")}
            )
        if problems:
            errors.append(
                _("Linje %(line)d: %(problems)s.") % {"line": line, "problems": "; ".join(problems)}
            )
            continue
        assert kind is not None and valid_from is not None
        seen[code] = line
        rows.append(
            AreaRow(line, code, name, kind, valid_from, valid_to, LANGUAGE_WORDS.get(language_word))
        )
    if not rows and not errors:
        errors.append(_("Filen har ingen områder."))
    if errors:
        raise AreaImportError(errors)
    return rows


def apply(rows: list[AreaRow], Area: Any = None) -> ImportResult:
    """Apply checked rows to the registry, all or nothing. `Area` may be a historical model."""
    if Area is None:
        from .models import Area
    result = ImportResult()
    errors: list[str] = []
    with transaction.atomic():
        by_code: dict[str, Any] = {}
        for kind in KIND_ORDER:
            for row in (r for r in rows if r.kind == kind):
                parent = None
                if kind != AreaKind.COUNTY:
                    parent_code = row.code[:2] if kind == AreaKind.MUNICIPALITY else row.code[:4]
                    parent = by_code.get(parent_code) or _current(Area, parent_code, row.valid_from)
                    if parent is None:
                        errors.append(
                            _("Linje %(line)d: %(parent)s %(code)s finnes ikke.")
                            % {
                                "line": row.line,
                                "code": parent_code,
                                "parent": _("fylket")
                                if kind == AreaKind.MUNICIPALITY
                                else _("kommunen"),
                            }
                        )
                        continue
                area = _current(Area, row.code, row.valid_from)
                # Only when the file has it: the registry's migrations apply files to a model
                # that has no language form yet.
                language = {"language_form": row.language_form} if row.language_form else {}
                if area is None:
                    area = Area.objects.create(
                        code=row.code,
                        name=row.name,
                        kind=kind,
                        parent=parent,
                        valid_from=row.valid_from,
                        valid_to=row.valid_to,
                        **language,
                    )
                    result.created.append(f"{row.code} {row.name}")
                else:
                    if area.name != row.name:
                        result.renamed.append(f"{row.code} {area.name} → {row.name}")
                    area.name, area.parent, area.valid_to = row.name, parent, row.valid_to
                    for attribute, value in language.items():
                        setattr(area, attribute, value)
                    area.save()
                by_code[row.code] = area
        if errors:
            raise AreaImportError(errors)
        for row_kind in {r.kind for r in rows}:
            start = min(r.valid_from for r in rows if r.kind == row_kind)
            listed = {r.code for r in rows if r.kind == row_kind}
            current = Area.objects.filter(
                kind=row_kind, valid_to__isnull=True, valid_from__lt=start
            )
            gone = current.exclude(code__in=listed)
            if gone.count() > current.count() / 2:
                # A snapshot ends what it does not list; a partial file would end half the country.
                raise AreaImportError(
                    [
                        _(
                            "Filen ville avsluttet %(gone)d av %(total)d områder av typen "
                            "%(kind)s. "
                            "Bruk et fullstendig uttrekk fra KLASS."
                        )
                        % {
                            "gone": gone.count(),
                            "total": current.count(),
                            "kind": AreaKind(row_kind).label,
                        }
                    ]
                )
            for area in gone:
                area.valid_to = start - timedelta(days=1)
                area.save(update_fields=["valid_to"])
                result.ended.append(f"{area.code} {area.name}")
    return result


def _current(Area: Any, code: str, day: date) -> Any:
    """The area with this code that is (still) in force on `day`, if any."""
    return (
        Area.objects.filter(code=code, valid_from__lte=day)
        .exclude(valid_to__lt=day)
        .order_by("-valid_from")
        .first()
    )


def import_file(path: Path | str, default_valid_from: date | None = None) -> ImportResult:
    return apply(parse(decode(Path(path).read_bytes()), default_valid_from))
