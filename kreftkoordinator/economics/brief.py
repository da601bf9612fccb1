"""The decision brief for the municipal council's case document (saksframlegg), as a Word
document (case officers write in Word-based case systems), and every parameter and result as a
spreadsheet. Both are made from the same `Result` as the page."""

from __future__ import annotations

from io import BytesIO

from django.utils.translation import gettext as _
from docx import Document
from docx.shared import Pt
from openpyxl import Workbook

from .charts import kroner
from .model.nonpriced import GROUPS
from .model.stakeholders import SOCIETY, SPECIALIST, STAKEHOLDERS
from .models import Scenario
from .results import Result


def _percent(value: float) -> str:
    return f"{value * 100:.0f} %"


def summary(scenario: Scenario, result: Result) -> list[str]:
    """The brief's plain-language paragraphs, the same as the page's summary."""
    total, plan, simulation = result.total, result.plan, result.simulation
    return [
        _(
            "Notatet bygger på evalueringen av kreftkoordinatorordningen (Oslo Economics og "
            "Fürst og Høverstad, 2017, kapittel 7), regnet med tallene for %(position)s i "
            "%(year)s der de finnes. Beløpene er per kreftkoordinator per år, i "
            "%(price_year)s-kroner."
        )
        % {
            "position": scenario.position.name,
            "year": scenario.year,
            "price_year": scenario.price_year,
        },
        _(
            "Når kommunen betaler hele lønnen, er de prissatte virkningene til sammen %(mid)s i "
            "året (midtanslag), mellom %(low)s og %(high)s. %(words)s Det som avgjør svaret "
            "mest: %(deciders)s."
        )
        % {
            "mid": kroner(total.mid),
            "low": kroner(total.low),
            "high": kroner(total.high),
            "words": simulation.in_words(),
            "deciders": ", ".join(s.label.lower() for s in result.deciders),
        },
        *_break_even_words(result),
        _(
            "Mens Kreftforeningen betaler 75 %% av lønnen (år 1–3), er kommunens nettoresultat "
            "%(first)s i året; når tilskuddet er trappet ned (fra år 7), %(later)s i året."
        )
        % {"first": kroner(plan[0].net), "later": kroner(plan[6].net)},
        _(
            "For samfunnet som helhet er midtanslaget %(society)s i året. "
            "Spesialisthelsetjenesten sparer %(specialist)s i året, blant annet fordi færre dør "
            "på sykehus: en sykehusdød er billig for kommunen, men dyr for samfunnet."
        )
        % {
            "society": kroner(result.parties[SOCIETY].mid),
            "specialist": kroner(result.parties[SPECIALIST].mid),
        },
        _(
            "I tillegg kommer virkninger som ikke er prissatt, særlig trygghet og mestring for "
            "pasienter og pårørende, som evalueringen vurderer som stor."
        ),
    ]


def _break_even_words(result: Result) -> list[str]:
    """What it takes for the position to pay for itself, where it does not already."""
    if result.centre >= 0 or result.days is None:
        return []
    now, needed = result.days
    conditions = [
        words for s in result.deciders if (words := result.break_even[s.key].in_words()) is not None
    ]
    return [
        _(
            "Stillingen betaler seg selv for kommunen hvis minst %(needed)s overliggerdøgn "
            "unngås i året (beregningen regner med %(now)s), eller hvis %(conditions)s, når alt "
            "annet er som i beregningen."
        )
        % {
            "needed": f"{round(needed):,}".replace(",", " "),
            "now": f"{round(now):,}".replace(",", " "),
            "conditions": _(", eller ").join(conditions),
        }
    ]


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
    document.add_heading("Prissatte virkninger for kommunen", 2)
    _table(
        document,
        ["Virkning", "Lavt", "Høyt", "Midt"],
        [[e.label, kroner(e.low), kroner(e.high), kroner(e.mid)] for e in result.estimates]
        + [
            [
                result.total.label,
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
                _percent(y.funder_share),
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
    low, high = result.simulation.interval_90
    document.add_heading("Hvor sikkert er svaret?", 2)
    document.add_paragraph(
        f"I {result.simulation.draws} simuleringer der alle verdiene varierer samtidig er "
        f"snittet {kroner(result.simulation.mean)}, og i 90 av 100 ligger resultatet mellom "
        f"{kroner(low)} og {kroner(high)}. {result.simulation.in_words()}"
    )
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
        [p.label, f"{p.base:g}".replace(".", ","), _source(key, result)]
        for key, p in result.parameters.items()
    ]


def _ends(e) -> list[int]:
    return [round(e.low), round(e.high), round(e.mid)]


def xlsx_workbook(scenario: Scenario, result: Result) -> Workbook:
    """Every parameter and every result, as numbers."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Virkninger"
    kr = f"{scenario.price_year}-kroner"
    sheet.append(["nøkkel", "virkning", f"lavt, {kr}", f"høyt, {kr}", f"midt, {kr}"])
    for e in [*result.estimates, result.total]:
        sheet.append([e.key, e.label, round(e.low), round(e.high), round(e.mid)])
    sheet = workbook.create_sheet("Parametre")
    sheet.append(["nøkkel", "navn", "enhet", "lavt", "basis", "høyt", "kilde", "går i null ved"])
    for key, p in result.parameters.items():
        even = _break_even(key, result)
        sheet.append([key, p.label, p.unit, p.low, p.base, p.high, _source(key, result), even])
    sheet = workbook.create_sheet("Per part")
    sheet.append(["nøkkel", "virkning", "part", f"lavt, {kr}", f"høyt, {kr}", f"midt, {kr}"])
    for split in result.splits:
        for party, e in split.parts.items():
            sheet.append([e.key, e.label, STAKEHOLDERS[party], *_ends(e)])
    for party, e in result.parties.items():
        sheet.append(["total", e.label, STAKEHOLDERS[party], *_ends(e)])
    sheet = workbook.create_sheet("År for år")
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
                round(y.grant),
                round(y.net),
                round(y.discounted),
                round(y.cumulated),
                round(y.cumulated_discounted),
            ]
        )
    sheet = workbook.create_sheet("Usikkerhet")
    simulation = result.simulation.as_dict()
    for name in ("draws", "seed", "mean", "probability_of_gain"):
        sheet.append([name, simulation[name]])
    sheet.append(["interval_90", *simulation["interval_90"]])
    sheet.append(["interval_95", *simulation["interval_95"]])
    sheet.append([])
    sheet.append(["tornado: parameter", "netto ved lavt", "netto ved høyt"])
    for s in result.swings:
        sheet.append([s.key, round(s.at_low), round(s.at_high)])
    sheet = workbook.create_sheet("Ikke prissatt")
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
