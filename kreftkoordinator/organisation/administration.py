"""Giving and ending assignments: the one way a user gets access to an area's personal records.

Two people give access (docs/security.md, "To personer"): an administrator asks with
`save_assignment`, and the assignment gives nothing until someone else approves it with
`approve_assignment`: another administrator, or the leader of an area the position covers. A
change that only narrows an approved assignment (an earlier end) takes effect at once, as taking
access away must never wait. Every step is announced for the log (`account_changed`, written by
the audit app), and nobody changes her own.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kreftkoordinator.roles import account_changed

from .models import Assignment


def _described(assignment: Assignment) -> str:
    until = f" til {assignment.valid_to:%d.%m.%Y}" if assignment.valid_to else ""
    return (
        f"{assignment.position.name} ({assignment.get_kind_display().lower()}) "
        f"fra {assignment.valid_from:%d.%m.%Y}{until}"
    )


def _announce(actor, assignment: Assignment, change: str) -> None:
    account_changed.send(sender=Assignment, actor=actor, user=assignment.user, change=change)


@transaction.atomic
def save_assignment(actor, assignment: Assignment) -> Assignment:
    """Ask for an assignment, or change one. Returns the row that was saved: the assignment
    itself, or the proposal that waits for approval beside it."""
    if assignment.user_id == actor.pk:
        raise PermissionDenied("Nobody changes her own assignments.")
    if assignment.pk is None:
        assignment.requested_by = actor
        assignment.save()
        _announce(
            actor,
            assignment,
            f"tilsetting foreslått, venter på godkjenning: {_described(assignment)}",
        )
        return assignment
    before = Assignment.objects.get(pk=assignment.pk)
    if before.approved_at is None:
        # Whoever changes a proposal asks for it now: the approver must be someone else.
        assignment.requested_by = actor
        assignment.save()
        _announce(
            actor, assignment, f"forslag endret, venter på godkjenning: {_described(assignment)}"
        )
        return assignment
    if assignment.widens(before):
        proposal = before.proposals.first() or Assignment(replaces=before)
        for field in ("user_id", "position_id", "kind", "valid_from", "valid_to"):
            setattr(proposal, field, getattr(assignment, field))
        proposal.requested_by = actor
        proposal.save()
        was = f" (var til {before.valid_to:%d.%m.%Y})" if before.valid_to else ""
        _announce(
            actor,
            proposal,
            f"forlengelse foreslått{was}, venter på godkjenning: {_described(proposal)}",
        )
        return proposal
    assignment.save()
    _announce(actor, assignment, f"tilsetting endret: {_described(assignment)}")
    return assignment


def check_approver(actor, assignment: Assignment) -> None:
    """The second person: never the one who asked, nor the one the access is for; an approver
    whose own role has been approved (`User.is_approver`); a leader only for her own areas."""
    if actor.pk in (assignment.requested_by_id, assignment.user_id):
        raise PermissionDenied(_("Den som ba om tilsettingen, kan ikke godkjenne den selv."))
    if not getattr(actor, "is_approver", False):
        raise PermissionDenied(_("Du kan ikke godkjenne tilganger."))
    if actor.is_leader and not assignment.position.covered_areas.filter(leaders=actor).exists():
        raise PermissionDenied(_("Stillingen dekker ingen av områdene dine."))


@transaction.atomic
def approve_assignment(actor, assignment: Assignment) -> Assignment:
    """The second person's approval: from now the assignment gives access. A proposal that
    changes an approved assignment is written into it, which keeps its place in the history."""
    if assignment.approved_at is not None:
        raise PermissionDenied(_("Tilsettingen er allerede godkjent."))
    check_approver(actor, assignment)
    assignment.full_clean()  # the rules again: a holder may have come meanwhile
    target = assignment.replaces or assignment
    if target is not assignment:
        for field in ("kind", "valid_from", "valid_to", "requested_by_id"):
            setattr(target, field, getattr(assignment, field))
        assignment.delete()
    target.approved_by = actor
    target.approved_at = timezone.now()
    target.save()
    asked = target.requested_by
    _announce(actor, target, f"tilsetting godkjent (bedt om av {asked}): {_described(target)}")
    return target


@transaction.atomic
def decline_assignment(actor, assignment: Assignment) -> None:
    """The asker withdraws, or an approver says no: the proposal is gone, the log keeps it."""
    if assignment.approved_at is not None:
        raise PermissionDenied(_("Tilsettingen er allerede godkjent."))
    if actor.pk != assignment.requested_by_id:
        check_approver(actor, assignment)
    what = "trukket" if actor.pk == assignment.requested_by_id else "avslått"
    _announce(actor, assignment, f"forslag om tilsetting {what}: {_described(assignment)}")
    assignment.delete()


def approvable_by(actor):
    """The proposals `actor` may decide on, for her list of what waits for approval."""
    proposals = Assignment.objects.pending().exclude(requested_by=actor).exclude(user=actor)
    if not getattr(actor, "is_approver", False):
        return proposals.none()
    if actor.is_leader:
        proposals = proposals.filter(position__covered_areas__leaders=actor).distinct()
    return proposals.select_related("user", "position", "requested_by", "replaces")
