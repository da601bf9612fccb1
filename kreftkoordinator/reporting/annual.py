"""One annual report's figures, as the page, the command, the exports and the submission take
them: for a position (its areas together) or one area, and one calendar year."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from kreftkoordinator.audit.disclosure import LESS_THAN_FIVE, is_small, protect, share_reveals
from kreftkoordinator.organisation.models import Area, Position, today

from .indicators import REGISTRY, Figure, compute
from .network import routines_during
from .period import Period
from .registry import Indicator, is_empty


class ReportError(ValueError):
    """Why a report cannot be made, in Norwegian."""


@dataclass
class AnnualReport:
    year: int
    areas: list[Area]
    position: Position | None
    figures: dict[str, Figure]
    # The position's routines, plans and agreements in force during the year (system work, not
    # personal data: listed, not counted through the suppression).
    routines: list = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return is_empty(self.figures)

    def rows(self, suppressed: bool = False) -> dict[str, dict]:
        """Each indicator as one row of `as_dict`, the shape every page and export shows."""
        return {key: indicator_row(key, f, suppressed) for key, f in self.figures.items()}

    @property
    def title(self) -> str:
        return self.position.name if self.position is not None else self.areas[0].name

    def as_dict(self, suppressed: bool = False) -> dict:
        """The report as the `report annual --json` contract has it."""
        return {
            "year": self.year,
            "empty": self.empty,
            "areas": [a.code for a in self.areas],
            "position": (
                {"id": self.position.pk, "name": self.position.name} if self.position else None
            ),
            "indicators": self.rows(suppressed),
            "routines": [
                {
                    "title": r.title,
                    "kind": r.kind,
                    "owner": r.owner,
                    "status": r.status,
                    "status_on": r.status_on.isoformat(),
                }
                for r in self.routines
            ],
        }


def report_columns(report: AnnualReport) -> list[tuple[str, AnnualReport]]:
    """The columns the page and every export of a report show: the report, the year before
    beside it, then each area apart when a position covers several. The queries grow with the
    number of areas a position covers, never with the casework."""
    columns = [(str(report.year), report)]
    if report.position is None:
        return columns
    columns.append((str(report.year - 1), _report(report.year - 1, report.areas, report.position)))
    if len(report.areas) > 1:
        columns += [(a.name, _report(report.year, [a], None)) for a in report.areas]
    return columns


# The scheme's first year: nothing is reported before it (and year 0 is no calendar year).
FIRST_YEAR = 2012


def check_year(year: int, position: Position | None = None) -> None:
    """Refuse a year that cannot be reported: one to come, one before the scheme, or one
    before the position began."""
    if year > today().year:
        raise ReportError(_("%(year)s er ikke kommet ennå.") % {"year": year})
    if position is not None and year < position.start_date.year:
        raise ReportError(
            _("Stillingen startet i %(start)s; det finnes ingen rapport for %(year)s.")
            % {"start": position.start_date.year, "year": year}
        )
    if year < FIRST_YEAR:
        raise ReportError(
            _("Ordningen startet i %(first)s; det finnes ingen rapport for %(year)s.")
            % {"first": FIRST_YEAR, "year": year}
        )


def annual_report(year: int, position: Position | None = None, area: Area | None = None):
    if (position is None) == (area is None):
        raise ReportError(_("Oppgi enten en stilling eller ett område."))
    check_year(year, position)
    if position is not None:
        return _report(year, list(position.covered_areas.order_by("code")), position)
    assert area is not None
    return _report(year, [area], None)


def _report(year: int, areas: list[Area], position: Position | None) -> AnnualReport:
    """The report, with no check of the year: the year before a position began is an empty
    column beside its first report, not an error."""
    positions = (position.pk,) if position is not None else ()
    period = Period(tuple(a.pk for a in areas), year, positions)
    return AnnualReport(year, areas, position, compute(period), routines_during(period))


def indicator_row(key: str, figure: Figure, suppressed: bool) -> dict:
    """One indicator as `report annual --json` and every export of the report have it."""
    definition = REGISTRY[key]
    reference = definition.reference
    parts: dict[str, dict[str, int | bool | None]] = {
        code: {"value": n, "suppressed": False} for code, n in figure.parts.items()
    }
    row: dict[str, object] = {
        "value": figure.value,
        "label": str(definition.label),
        "unit": str(definition.unit),
        "numerator": figure.numerator,
        "denominator": figure.denominator,
        "reference_2017": (
            {"value": reference.value, "source": reference.source} if reference else None
        ),
        "suppressed": False,
        "parts": parts,
    }
    if suppressed and figure.parts and not definition.parts_add_up:
        # Contacts by kind: a contact may be of several kinds, so no sum ties the parts to the
        # total; each count is suppressed on its own.
        for code, n in figure.parts.items():
            parts[code] = {"value": None if is_small(n) else n, "suppressed": is_small(n)}
        if isinstance(figure.value, int) and is_small(figure.value):
            row.update(value=None, suppressed=True)
    elif suppressed and figure.parts:
        # A breakdown leaves the area through the one suppression, total included; what no
        # code accounts for (a case without a source) is a hidden part of its own.
        counts = list(figure.parts.values())
        rest = int(figure.value or 0) - sum(counts)
        protected = protect([*counts, rest] if rest else counts)
        for (code, n), shown in zip(figure.parts.items(), protected.cells, strict=False):
            parts[code] = {
                "value": n if shown == str(n) else None,
                "suppressed": shown != str(n),
            }
        if protected.total != str(figure.value):
            row.update(value=None, suppressed=True)
    elif suppressed and _small(figure):
        row.update(value=None, numerator=None, denominator=None, suppressed=True)
    return row


def shown_row(row: dict, indicator: Indicator) -> str:
    """One indicator of the `report annual --json` object as a reader wants it: "<5" when
    suppressed, a share with its counts, a dash when empty."""
    mark = LESS_THAN_FIVE if row["suppressed"] else ""
    return indicator.shown(row["value"], row["numerator"], row["denominator"], mark=mark)


def _small(figure: Figure) -> bool:
    if figure.denominator is not None and figure.numerator is not None:
        return share_reveals(figure.numerator, figure.denominator)
    return isinstance(figure.value, int) and is_small(figure.value)
