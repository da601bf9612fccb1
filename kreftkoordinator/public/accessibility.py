"""The accessibility statement (/tilgjengelighet/), laid out as Digdir's statements are
(uustatus): the status against WCAG 2.1 AA criterion by criterion, the deviations, how to report
a problem, and the date of the last test. Its figures are the last complete run of the browser
tests (axe-core on every main page of every role, and the keyboard tests), which write
`data/accessibility.json` (tests/browser/conftest.py); none is typed by hand."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

STATUS = Path(__file__).parent / "data" / "accessibility.json"

# The success criteria of WCAG 2.1 at levels A and AA, as the universal design regulations
# require them, named as in Digdir's Norwegian translation.
CRITERIA = {
    "1.1.1": _("Ikke-tekstlig innhold"),
    "1.2.1": _("Bare lyd og bare video (forhåndsinnspilt)"),
    "1.2.2": _("Teksting (forhåndsinnspilt)"),
    "1.2.3": _("Synstolking eller mediealternativ (forhåndsinnspilt)"),
    "1.2.4": _("Teksting (direkte)"),
    "1.2.5": _("Synstolking (forhåndsinnspilt)"),
    "1.3.1": _("Informasjon og relasjoner"),
    "1.3.2": _("Meningsbærende rekkefølge"),
    "1.3.3": _("Sensoriske egenskaper"),
    "1.3.4": _("Visningsretning"),
    "1.3.5": _("Identifiser formål med inndata"),
    "1.4.1": _("Bruk av farge"),
    "1.4.2": _("Styring av lyd"),
    "1.4.3": _("Kontrast (minimum)"),
    "1.4.4": _("Endring av tekststørrelse"),
    "1.4.5": _("Bilder av tekst"),
    "1.4.10": _("Dynamisk tilpasning (reflow)"),
    "1.4.11": _("Kontrast for ikke-tekstlig innhold"),
    "1.4.12": _("Tekstavstand"),
    "1.4.13": _("Pekerfølsomt innhold eller innhold ved tastaturfokus"),
    "2.1.1": _("Tastatur"),
    "2.1.2": _("Ingen tastaturfelle"),
    "2.1.4": _("Hurtigtaster som består av ett tegn"),
    "2.2.1": _("Justerbar hastighet"),
    "2.2.2": _("Pause, stopp, skjul"),
    "2.3.1": _("Terskelverdi på maksimalt tre glimt"),
    "2.4.1": _("Hoppe over blokker"),
    "2.4.2": _("Sidetitler"),
    "2.4.3": _("Fokusrekkefølge"),
    "2.4.4": _("Formål med lenke (i kontekst)"),
    "2.4.5": _("Flere måter"),
    "2.4.6": _("Overskrifter og ledetekster"),
    "2.4.7": _("Synlig fokus"),
    "2.5.1": _("Pekerbevegelser"),
    "2.5.2": _("Pekeravbrytelse"),
    "2.5.3": _("Ledetekst i navn"),
    "2.5.4": _("Bevegelsesaktivering"),
    "3.1.1": _("Språk på siden"),
    "3.1.2": _("Språk på deler av innhold"),
    "3.2.1": _("Fokus"),
    "3.2.2": _("Inndata"),
    "3.2.3": _("Konsekvent navigering"),
    "3.2.4": _("Konsekvent identifikasjon"),
    "3.3.1": _("Identifikasjon av feil"),
    "3.3.2": _("Ledetekster eller instruksjoner"),
    "3.3.3": _("Forslag ved feil"),
    "3.3.4": _("Forhindring av feil (juridiske feil, økonomiske feil, datafeil)"),
    "4.1.1": _("Parsing (oppdeling)"),
    "4.1.2": _("Navn, rolle, verdi"),
    "4.1.3": _("Statusbeskjeder"),
}


@dataclass(frozen=True)
class Criterion:
    number: str
    name: str
    pages_passed: int
    pages_failed: list[str]
    rules: list[str]
    keyboard_tests: list[str]

    @property
    def met(self) -> bool:
        return not self.pages_failed

    @property
    def pages_checked(self) -> int:
        return self.pages_passed + len(self.pages_failed)


@dataclass(frozen=True)
class Status:
    tested_on: date
    engine: str
    pages: list[str]
    tested: list[Criterion]
    deviations: list[dict]

    @property
    def untested(self) -> list[tuple[str, str]]:
        done = {c.number for c in self.tested}
        return [(n, str(name)) for n, name in CRITERIA.items() if n not in done]

    @property
    def all_met(self) -> bool:
        return all(c.met for c in self.tested)


@cache
def _read(path: Path, changed: float) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def status(path: Path = STATUS) -> Status | None:
    """The last complete test run's figures; None before the browser tests have run."""
    if not path.exists():
        return None
    data = _read(path, path.stat().st_mtime)
    tested = [
        Criterion(
            number,
            str(CRITERIA.get(number, number)),
            found["pages_passed"],
            found["pages_failed"],
            found["rules"],
            found["keyboard_tests"],
        )
        for number, found in data["criteria"].items()
        if number in CRITERIA  # WCAG 2.2 criteria axe also tags are beyond the regulation
    ]
    return Status(
        date.fromisoformat(data["tested_on"]),
        data["engine"],
        data["pages"],
        tested,
        [d for d in data["deviations"] if d["criterion"] in CRITERIA],
    )
