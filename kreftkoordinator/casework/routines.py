"""The routines register's workflows, shared by the pages, the importer and the demo. Routines
are system work, not personal data: nothing here is about a person, so nothing is logged."""

from datetime import date

from django.db import transaction
from django.shortcuts import get_object_or_404

from kreftkoordinator.accounts.models import User
from kreftkoordinator.organisation.models import Position, today

from .models import Routine, RoutineChange


def routines_of(user: User):
    """The routines of the positions the user holds today."""
    return Routine.objects.filter(position__in=Position.objects.held_by(user, today()))


def routine_for(user: User, pk: int) -> Routine:
    return get_object_or_404(routines_of(user).select_related("position"), pk=pk)


@transaction.atomic
def register_routine(user: User, routine: Routine) -> Routine:
    routine.created_by = user
    routine.save()
    RoutineChange.objects.create(routine=routine, status=routine.status, on=routine.status_on)
    return routine


@transaction.atomic
def change_routine_status(routine: Routine, status: str, on: date) -> None:
    RoutineChange.objects.create(routine=routine, status=status, on=on)
    routine.status, routine.status_on = status, on
    routine.save(update_fields=["status", "status_on"])
