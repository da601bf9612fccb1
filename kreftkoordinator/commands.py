"""What the import commands share: a file that is not there, and a refusal that lists every
problem and imports nothing. Part of the kernel: it imports no app."""

from pathlib import Path

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
