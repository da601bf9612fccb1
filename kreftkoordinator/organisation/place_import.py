"""Bring's postcode register (Postnummerregister) as places: every postcode with its place name
and municipality, so the find page finds "Fagernes" and "2900" (organisation/finding.py).

The file is Bring's own, as published at https://www.bring.no/postnummerregister-ansi.txt:
tab-separated, no header, Windows-1252 (UTF-8 is read too), five columns: postcode, place name,
municipality number, municipality name, category. Each import replaces the register; every bad
line is reported with its number, and nothing is imported until the whole file is right.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from .area_import import decode
from .models import Area, Place


class PlaceImportError(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


def parse(data: bytes) -> list[tuple[int, str, str, str]]:
    """(line, postcode, place name, municipality number) for every line; raises with all
    the problems at once."""
    text = decode(data, PlaceImportError)
    rows, errors = [], []
    for line, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        columns = [c.strip() for c in raw.split("\t")]
        problems = []
        if len(columns) != 5:
            problems.append(_("%(n)d kolonner, ikke 5") % {"n": len(columns)})
        else:
            postcode, name, municipality = columns[0], columns[1], columns[2]
            if not (len(postcode) == 4 and postcode.isdigit()):
                problems.append(_("«%(v)s» er ikke et postnummer (fire siffer)") % {"v": postcode})
            if not name or len(name) > 100 or "\x00" in name:
                problems.append(_("mangler poststed, eller det er for langt"))
            if not (len(municipality) == 4 and municipality.isdigit()):
                problems.append(
                    _("«%(v)s» er ikke et kommunenummer (fire siffer)") % {"v": municipality}
                )
        if problems:
            errors.append(
                _("Linje %(line)d: %(problems)s.") % {"line": line, "problems": "; ".join(problems)}
            )
            continue
        rows.append((line, postcode, name, municipality))
    if not rows and not errors:
        errors.append(_("Filen er tom."))
    if errors:
        raise PlaceImportError(errors)
    return rows


@transaction.atomic
def import_places(data: bytes) -> int:
    """Replace the register with the file's; how many postcodes it now has."""
    rows = parse(data)
    areas = dict(Area.objects.current().filter(kind="municipality").values_list("code", "pk"))
    unknown = [
        _(
            "Linje %(line)d: kommunenummer %(code)s finnes ikke i områdelisten "
            "(importer områdene først)."
        )
        % {"line": line, "code": code}
        for line, _postcode, _name, code in rows
        if code not in areas
    ]
    if unknown:
        raise PlaceImportError(unknown)
    # The new rows first, then the old: the highest id then always changes, which is how the
    # find page knows to read the register again (finding._places).
    old = Place.objects.aggregate(last=Max("pk"))["last"] or 0
    Place.objects.bulk_create(
        Place(postcode=postcode, name=name, area_id=areas[code])
        for _line, postcode, name, code in rows
    )
    Place.objects.filter(pk__lte=old).delete()
    return len(rows)
