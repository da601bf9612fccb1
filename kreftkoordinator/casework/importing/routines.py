"""The routines register in the import (issue 29, point 5): one row per status, for the position
the user holds today. Rows with the same title are one routine's statuses in the order given,
and continue a routine of that title already in the register (a status it already has is
skipped, so a file imported again adds nothing twice). Not personal data."""

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from kreftkoordinator.organisation.models import Position, today

from ..models import Routine, RoutineChange, RoutineKind, RoutineStatus
from ..models.routines import check_status
from .rows import Invalid, Row

if TYPE_CHECKING:
    from .writer import Plan


def routine(plan: "Plan", row: Row) -> None:
    position = Position.objects.held_by(plan.user, today()).order_by("pk").first()
    if position is None:
        raise Invalid(_("du har ingen stilling i dag som rutinene kan høre til"))
    title = row.text("title", required=True)
    kind = row.choice("kind", RoutineKind.choices, required=True)
    status = row.choice("status", RoutineStatus.choices, required=True)
    on = row.required_date("status_on")
    known = plan.routines.get(title.lower())
    if known is None:
        known = Routine.objects.filter(position=position, title__iexact=title).first()
    if known is not None and known.kind != kind:
        raise Invalid(
            _("«%(title)s» er allerede registrert som %(kind)s")
            % {"title": title, "kind": known.get_kind_display().lower()}
        )
    if known is not None and known.pk and known.changes.filter(status=status, on=on).exists():
        return  # already in the register: a file imported again adds nothing twice
    problems = check_status(on, known.status_on if known else None)
    if problems:
        raise Invalid(f"«status_on»: {problems['status_on']}")
    if known is None:
        known = Routine(position=position, title=title, kind=kind, created_by=plan.user)
    known.owner = row.text("owner") or known.owner
    known.status, known.status_on = status, on
    plan.routines[title.lower()] = known
    plan.records["routines"].append(RoutineChange(routine=known, status=status, on=on))


def save_routines(changes: list[RoutineChange]) -> None:
    """The routines (new ones made, known ones given their latest status), then their changes."""
    routines = {id(c.routine): c.routine for c in changes}.values()
    for item in routines:
        item.save()
    RoutineChange.objects.bulk_create(
        [RoutineChange(routine=c.routine, status=c.status, on=c.on) for c in changes]
    )
