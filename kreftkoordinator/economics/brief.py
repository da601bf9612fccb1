"""The decision brief for the municipal council's case document (saksframlegg), as a Word
document (case officers write in Word-based case systems), and every parameter and result as a
spreadsheet. Both are made from the same `Result` as the page."""

from __future__ import annotations

from io import BytesIO

from django.utils.translation import gettext as _
from docx import Document
from docx.shared import Pt

from kreftkoordinator.exports import Workbook
from kreftkoordinator.numbers import kroner, number, percent
from kreftkoordinator.organisation.models import today

from .model.effects import whole
from .model.nonpriced import GROUPS
from .model.stakeholders import STAKEHOLDERS
from .models import Scenario
from .results import Result
from .words import headline, index_in_words, summary, uncertainty_in_words


def _table(document, header: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text


def docx_brief(scenario: Scenario, result: Result) -> bytes:
    document = Document()
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading(f"Kreftkoordinator: kostnader og nytte for kommunen – {scenario.name}", 1)
    for paragraph in summary(scenario, result):
        document.add_paragraph(paragraph)
    document.add_paragraph(index_in_words(result.index, today().year))
    answer = headline(result)
    document.add_heading(_("Svaret, og evalueringens eget anslag"), 2)
    _table(
        document,
        [_("Hva"), _("Beløp"), _("Intervall")],
        [
            [
                _("Forventet nettoresultat for kommunen (%(label)s)")
                % {"label": answer["mean_label"]},
                answer["mean"],
                f"{answer['interval']} ({answer['interval_label']})",
            ],
            [answer["probability_label"].capitalize(), answer["probability"], ""],
            [answer["verdict_label"].capitalize(), answer["verdict"], answer["verdict_interval"]],
        ],
    )
    document.add_heading("Prissatte virkninger for kommunen", 2)
    _table(
        document,
        ["Virkning", "Lavt", "Høyt", "Midt"],
        [[e.label, kroner(e.low), kroner(e.high), kroner(e.mid)] for e in result.estimates]
        + [
            [
                _("Sum: alt går dårlig (lavt), alt går bra (høyt), midt mellom"),
                kroner(result.total.low),
                kroner(result.total.high),
                kroner(result.total.mid),
            ]
        ],
    )
    document.add_heading("År for år", 2)
    _table(
        document,
        ["År", "Kreftforeningens andel", "Tilskudd", "Kommunens netto", "Akkumulert, diskontert"],
        [
            [
                str(y.number),
                percent(y.funder_share),
                kroner(y.grant),
                kroner(y.net),
                kroner(y.cumulated_discounted),
            ]
            for y in result.plan
        ],
    )
    document.add_heading("Hvem sparer, og hvem betaler?", 2)
    _table(
        document,
        ["Virkning (midtanslag)", *STAKEHOLDERS.values()],
        [[s.label, *(kroner(s.parts[p].mid) for p in STAKEHOLDERS)] for s in result.splits]
        + [["Sum", *(kroner(result.parties[p].mid) for p in STAKEHOLDERS)]],
    )
    document.add_heading("Hvor sikkert er svaret?", 2)
    document.add_paragraph(uncertainty_in_words(result))
    document.add_heading("Virkninger som ikke er prissatt", 2)
    _table(
        document,
        ["Virkning", "For", "Konsekvens", "Begrunnelse"],
        [
            [e.label, GROUPS[e.group], e.rating.shown, f"{e.rating.justification} ({e.source})"]
            for e in result.non_priced
        ],
    )
    document.add_heading("Verdiene beregningen bygger på", 2)
    _table(document, ["Verdi", "Basis", "Kilde"], _parameter_rows(result))
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _source(key: str, result: Result) -> str:
    if key in result.own:
        own = result.own[key]
        return f"Satt av {own.get('by', '')}: {own['reason']}"
    if key in result.filled:
        return result.filled[key].source
    return f"Evalueringen 2017, {result.parameters[key].source}"


def _break_even(key: str, result: Result) -> float | None:
    found = result.break_even.get(key)  # none for what only other parties pay
    return found.value if found else None


def _parameter_rows(result: Result) -> list[list[str]]:
    return [
        [p.label, number(p.base, 4, trim=True), _source(key, result)]
        for key, p in result.parameters.items()
    ]


def _ends(e) -> list[int]:
    return [whole(e.low), whole(e.high), whole(e.mid)]


def xlsx_workbook(scenario: Scenario, result: Result) -> Workbook:
    """Every parameter and every result, as numbers."""
    workbook = Workbook()
    sheet = workbook.sheet("Virkninger")
    kr = f"{scenario.price_year}-kroner"
    sheet.append(["nøkkel", "virkning", f"lavt, {kr}", f"høyt, {kr}", f"midt, {kr}"])
    for e in [*result.estimates, result.total]:
        sheet.append([e.key, e.label, whole(e.low), whole(e.high), whole(e.mid)])
    sheet = workbook.sheet("Parametre")
    sheet.append(["nøkkel", "navn", "enhet", "lavt", "basis", "høyt", "kilde", "går i null ved"])
    for key, p in result.parameters.items():
        even = _break_even(key, result)
        sheet.append([key, p.label, p.unit, p.low, p.base, p.high, _source(key, result), even])
    sheet = workbook.sheet("Per part")
    sheet.append(["nøkkel", "virkning", "part", f"lavt, {kr}", f"høyt, {kr}", f"midt, {kr}"])
    for split in result.splits:
        for party, e in split.parts.items():
            sheet.append([e.key, e.label, STAKEHOLDERS[party], *_ends(e)])
    for party, e in result.parties.items():
        sheet.append(["total", e.label, STAKEHOLDERS[party], *_ends(e)])
    sheet = workbook.sheet("År for år")
    sheet.append(
        [
            "år",
            "Kreftforeningens andel",
            "tilskudd",
            "kommunens netto",
            "diskontert",
            "akkumulert",
            "akkumulert diskontert",
        ]
    )
    for y in result.plan:
        sheet.append(
            [
                y.number,
                y.funder_share,
                whole(y.grant),
                whole(y.net),
                whole(y.discounted),
                whole(y.cumulated),
                whole(y.cumulated_discounted),
            ]
        )
    sheet = workbook.sheet("Usikkerhet")
    simulation = result.simulation.as_dict()
    for name in ("draws", "seed", "mean", "probability_of_gain"):
        sheet.append([name, simulation[name]])
    sheet.append(["interval_90", *simulation["interval_90"]])
    sheet.append(["interval_95", *simulation["interval_95"]])
    sheet.append([])
    sheet.append(["tornado: parameter", "netto ved lavt", "netto ved høyt"])
    for s in result.swings:
        sheet.append([s.key, whole(s.at_low), whole(s.at_high)])
    sheet = workbook.sheet("Ikke prissatt")
    sheet.append(["nøkkel", "virkning", "for", "betydning", "omfang", "konsekvens", "begrunnelse"])
    for effect in result.non_priced:
        r = effect.rating
        sheet.append(
            [
                effect.key,
                effect.label,
                GROUPS[effect.group],
                r.significance,
                r.scope,
                r.shown,
                r.justification,
            ]
        )
    return workbook
