"""`kreftkoordinator import-cpi FILE`: the consumer price index from SSB table 03014 (annual
average, 2015=100) as JSON-stat 2.0, the format SSB's statistics API returns (docs/economics.md)."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kreftkoordinator.commands import refused
from kreftkoordinator.economics.cpi import CpiImportError, current_index, import_cpi
from kreftkoordinator.numbers import number


class Command(BaseCommand):
    help = (
        "Import the consumer price index (SSB table 03014, annual average, 2015=100) from a "
        "JSON-stat 2.0 file. Every value is checked first; one bad value and nothing is stored."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON-stat 2.0 file from SSB's API for table 03014")

    def handle(self, *args, **options):
        try:
            text = Path(options["file"]).read_text(encoding="utf-8-sig")
        except OSError as e:
            raise CommandError(f"Finner ikke filen {options['file']}.") from e
        except UnicodeDecodeError as e:
            raise CommandError(f"{options['file']}: ikke en UTF-8-fil.") from e
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise CommandError(
                f"{options['file']}, linje {e.lineno}: ikke gyldig JSON ({e.msg})."
            ) from e
        try:
            result = import_cpi(data)
        except CpiImportError as e:
            raise refused(self, e.problems) from e
        years = sorted(result.values)
        for year in result.missing:
            self.stdout.write(f"{year}: ingen verdi i filen (ikke publisert ennå); hoppet over.")
        replaced = f", {len(result.replaced)} erstattet" if result.replaced else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"Konsumprisindeksen: {len(years)} år lagret ({years[0]}–{years[-1]}{replaced}). "
                f"Indeksen har nå {current_index().years[0]}–{current_index().years[-1]}; "
                f"{years[-1]} = {number(result.values[years[-1]], 1)}."
            )
        )
