"""Giving and ending assignments: the one way a user gets access to an area's personal records,
so every change is announced for the log (`account_changed`, written by the audit app) and
nobody changes her own."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from kreftkoordinator.roles import account_changed

from .models import Assignment


@transaction.atomic
def save_assignment(actor, assignment: Assignment) -> Assignment:
    if assignment.user_id == actor.pk:
        raise PermissionDenied("Nobody changes her own assignments.")
    new = assignment.pk is None
    before = None if new else Assignment.objects.get(pk=assignment.pk).valid_to
    assignment.save()
    until = f" til {assignment.valid_to:%d.%m.%Y}" if assignment.valid_to else ""
    what = "tilsatt" if new else "tilsetting endret"
    if before and (assignment.valid_to is None or assignment.valid_to > before):
        what = f"tilsetting forlenget (var til {before:%d.%m.%Y})"
    change = (
        f"{what}: {assignment.position.name} "
        f"({assignment.get_kind_display().lower()}) fra {assignment.valid_from:%d.%m.%Y}{until}"
    )
    account_changed.send(sender=Assignment, actor=actor, user=assignment.user, change=change)
    return assignment
