"""What the commands share: a file that is not there, a refusal that lists every problem and
imports nothing, and the user a command acts as. Part of the kernel: it imports no app."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


def read_bytes(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as e:
        raise CommandError(f"Finner ikke filen {path}.") from e


def refused(command: BaseCommand, problems: list[str]) -> CommandError:
    """Every problem on stderr, one a line; the error to raise says nothing was imported."""
    for problem in problems:
        command.stderr.write(problem)
    return CommandError("Ingenting er importert. Rett feilene over og prøv igjen.")


def active_user(username: str):
    """The active user a command acts as, or the error that names the one not found."""
    try:
        return get_user_model().objects.get(username=username, is_active=True)
    except get_user_model().DoesNotExist as e:
        raise CommandError(f"Finner ingen aktiv bruker «{username}».") from e
