"""Submitting an annual report: its figures frozen as they are, dated and signed."""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from kreftkoordinator.accounts.models import User
from kreftkoordinator.organisation.models import Area, Position, today

from .annual import ReportError, annual_report, check_year, shown_row
from .indicators import REGISTRY
from .models import Submission
from .national import national_view


def check_submittable(year: int, position: Position | None = None) -> None:
    """A year is submitted once it is over: before 1 January the report is a preview
    ("foreløpig"), since its figures still change."""
    check_year(year, position)
    if year >= today().year:
        raise ReportError(
            _(
                "Året %(year)s er ikke over. Rapporten er foreløpig og kan leveres fra "
                "1. januar %(next)s."
            )
            % {"year": year, "next": year + 1}
        )


def changes_since(previous: Submission | None, figures: dict, narrative: str) -> list[str]:
    """What a resubmission changes since the version before it, in words: each figure that is
    different (before and now), and the comment."""
    if previous is None:
        return []
    before = previous.figures["indicators"]
    changed = []
    for key, row in figures["indicators"].items():
        if key not in REGISTRY or key not in before:
            continue
        old, new = shown_row(before[key], REGISTRY[key]), shown_row(row, REGISTRY[key])
        if old != new:
            changed.append(f"{REGISTRY[key].label}: {old} → {new}")
    if previous.narrative.strip() != narrative.strip():
        changed.append(str(_("Kommentaren er endret.")))
    return changed


def position_figures(position: Position, year: int) -> dict:
    """What a submission freezes: the position's figures, and each area's when it has several."""
    report = annual_report(year, position=position)
    figures = report.as_dict()
    if len(report.areas) > 1:
        figures["by_area"] = {
            area.code: annual_report(year, area=area).as_dict() for area in report.areas
        }
    return figures


@transaction.atomic
def submit_report(
    user: User, position: Position, year: int, narrative: str, prepare_national: bool = True
) -> Submission:
    """Freeze the position's figures for the year as a new version (the first is 1). Raises
    ReportError for a year that cannot be reported.

    Once it is saved, the year's national view is made anew (its tables suppressed and cached),
    so that the submission pays for that work and not the funder's next reading of it."""
    check_submittable(year, position)
    figures = position_figures(position, year)
    # The position's row is locked while the next version number is taken, so two submissions
    # at the same moment become two versions, not a clash.
    Position.objects.select_for_update().filter(pk=position.pk).first()
    last = Submission.objects.filter(position=position, year=year).aggregate(n=Max("version"))
    submission = Submission.objects.create(
        position=position,
        year=year,
        version=(last["n"] or 0) + 1,
        narrative=narrative,
        figures=figures,
        submitted_by=user,
    )
    if prepare_national:
        transaction.on_commit(lambda: prepare_national_view(year))
    return submission


def prepare_national_view(year: int) -> None:
    national_view(year, Area.objects.serviceable())
