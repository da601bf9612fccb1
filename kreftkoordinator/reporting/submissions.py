"""Submitting an annual report: its figures frozen as they are, dated and signed."""

from django.db import transaction
from django.db.models import Max

from kreftkoordinator.accounts.models import User
from kreftkoordinator.organisation.models import Position

from .annual import annual_report
from .models import Submission


@transaction.atomic
def submit_report(user: User, position: Position, year: int, narrative: str) -> Submission:
    """Freeze the position's figures for the year as a new version (the first is 1). Raises
    ReportError for a year that cannot be reported."""
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
    return Submission.objects.create(
        position=position,
        year=year,
        version=(last["n"] or 0) + 1,
        narrative=narrative,
        figures=figures,
        submitted_by=user,
    )
