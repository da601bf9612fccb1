"""Submitting an annual report: its figures frozen as they are, dated and signed."""

from django.db import transaction
from django.db.models import Max

from kreftkoordinator.accounts.models import User
from kreftkoordinator.organisation.models import Area, Position

from .annual import annual_report
from .models import Submission
from .national import national_view


@transaction.atomic
def submit_report(
    user: User, position: Position, year: int, narrative: str, prepare_national: bool = True
) -> Submission:
    """Freeze the position's figures for the year as a new version (the first is 1). Raises
    ReportError for a year that cannot be reported.

    Once it is saved, the year's national view is made anew (its tables suppressed and cached),
    so that the submission pays for that work and not the funder's next reading of it."""
    report = annual_report(year, position=position)
    figures = report.as_dict()
    if len(report.areas) > 1:
        figures["by_area"] = {
            area.code: annual_report(year, area=area).as_dict() for area in report.areas
        }
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
