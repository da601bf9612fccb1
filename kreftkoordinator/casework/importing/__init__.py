"""Importing casework from the spreadsheets coordinators keep today (docs/import-format.md).

`import_file(path, user)` reads JSON or XLSX, checks every row of every sheet first, and imports
all or nothing into the areas the user covers. Errors name the sheet and line.
"""

from .reader import read_file
from .rows import CaseworkImportError
from .writer import ImportSummary, import_sheets


def import_file(path, user, dry_run: bool = False) -> ImportSummary:
    return import_sheets(read_file(path), user, dry_run=dry_run)


__all__ = ["CaseworkImportError", "ImportSummary", "import_file", "import_sheets", "read_file"]
