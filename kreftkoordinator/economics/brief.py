"""The decision brief for the municipal council, as a saksframlegg in Word (case officers write
in Word-based case systems), made from the same `Result` as the page and the workbook
(exports.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from io import BytesIO

from django.utils.translation import gettext as _
from docx import Document
from docx.shared import Cm, Pt

from kreftkoordinator.numbers import kroner, number, percent
from kreftkoordinator.organisation.models import today

from .brief_charts import tornado_png, years_png
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


@dataclass
class Resolution:
    """What the council is asked to decide: from when, the money and where it comes from."""

    start: date
    funding: str
    recommendation: bool = (
        False  # «Kommunedirektørens innstilling» rather than «Forslag til vedtak»
    )


def resolution_lines(scenario: Scenario, result: Result, resolution: Resolution) -> list[str]:
    """The proposed resolution, written out with the scenario's figures."""
    position = scenario.position
    kr = _("%(year)s-kroner") % {"year": scenario.price_year}
    years = "; ".join(
        _("avtaleår %(n)s (fra %(from)s): %(cost)s")
        % {
            "n": y.number,
            "from": add_years(resolution.start, y.number - 1).strftime("%d.%m.%Y"),
            "cost": kroner(y.salary_costs - y.grant),
        }
        for y in result.plan
    )
    return [
        _(
            "%(area)s oppretter stillingen «%(name)s» som kreftkoordinator i %(fte)s %% stilling "
            "fra %(start)s, med tilskudd fra Kreftforeningen."
        )
        % {
            "area": position.host_area.name,
            "name": position.name,
            "fte": position.fte,
            "start": resolution.start.strftime("%d.%m.%Y"),
        },
        _(
            "Kommunens kostnad for stillingen etter tilskuddet er %(years)s (%(kr)s; lønn og "
            "sosiale kostnader minus tilskuddet)."
        )
        % {"years": years, "kr": kr},
        _("Kostnaden dekkes av %(funding)s.") % {"funding": resolution.funding},
    ]


def add_years(day: date, years: int) -> date:
    """The same date `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _picture(document, png: bytes, caption: str) -> None:
    document.add_picture(BytesIO(png), width=Cm(16))
    document.add_paragraph(caption, style="Caption")


def docx_brief(scenario: Scenario, result: Result, resolution: Resolution | None = None) -> bytes:
    """The brief as a saksframlegg: Sammendrag, Saksopplysninger, Vurdering, Økonomiske
    konsekvenser and Forslag til vedtak (or Kommunedirektørens innstilling), and an appendix
    with the sources and readings. Every amount in kroner of the scenario's price year."""
    resolution = resolution or Resolution(
        date(today().year + 1, 1, 1), _("kommunens budsjett for helse og omsorg")
    )
    kr = _("%(year)s-kroner") % {"year": scenario.price_year}
    labels = {key: _(p.label) for key, p in result.parameters.items()}
    document = Document()
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading(
        _("Saksframlegg: kreftkoordinator – %(name)s") % {"name": scenario.name}, 0
    )

    document.add_heading(_("Sammendrag"), 1)
    for paragraph in summary(scenario, result):
        document.add_paragraph(paragraph)
    answer = headline(result)
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

    document.add_heading(_("Saksopplysninger"), 1)
    document.add_paragraph(
        _(
            "Kreftkoordinatoren er en sykepleier alle som er berørt av kreft, kan kontakte uten "
            "henvisning. Kreftforeningen gir tilskudd til stillingen de første årene, med en "
            "fallende andel av lønn og sosiale kostnader."
        )
    )
    document.add_paragraph(
        _(
            "Beregningen følger den økonomiske modellen i evalueringen av ordningen fra 2017 "
            "(kapittel 7), med stillingens egne tall for %(year)s der de finnes. Alle beløp er i "
            "%(kr)s."
        )
        % {"year": scenario.year, "kr": kr}
    )
    document.add_paragraph(index_in_words(result.index, today().year))

    document.add_heading(_("Vurdering"), 1)
    document.add_heading(_("Prissatte virkninger for kommunen"), 2)
    _table(
        document,
        [_("Virkning"), _("Lavt"), _("Høyt"), _("Midt")],
        [[_(e.label), kroner(e.low), kroner(e.high), kroner(e.mid)] for e in result.estimates]
        + [
            [
                _("Sum: alt går dårlig (lavt), alt går bra (høyt), midt mellom"),
                kroner(result.total.low),
                kroner(result.total.high),
                kroner(result.total.mid),
            ]
        ],
    )
    document.add_heading(_("Hvor sikkert er svaret?"), 2)
    document.add_paragraph(uncertainty_in_words(result))
    _picture(
        document,
        tornado_png(result, labels),
        _(
            "Figur 1. Hva hver verdi betyr for nettoresultatet: lavt og høyt anslag for verdien, "
            "de andre i midten (%(kr)s)."
        )
        % {"kr": kr},
    )
    document.add_heading(_("Hvem sparer, og hvem betaler?"), 2)
    _table(
        document,
        [_("Virkning (midtanslag)"), *(_(name) for name in STAKEHOLDERS.values())],
        [[_(s.label), *(kroner(s.parts[p].mid) for p in STAKEHOLDERS)] for s in result.splits]
        + [[_("Sum"), *(kroner(result.parties[p].mid) for p in STAKEHOLDERS)]],
    )
    document.add_heading(_("Virkninger som ikke er prissatt"), 2)
    _table(
        document,
        [_("Virkning"), _("For"), _("Konsekvens"), _("Begrunnelse")],
        [
            [
                _(e.label),
                _(GROUPS[e.group]),
                e.rating.shown,
                f"{_(e.rating.justification)} ({e.source})",
            ]
            for e in result.non_priced
        ],
    )

    document.add_heading(_("Økonomiske konsekvenser"), 1)
    _table(
        document,
        [
            _("År"),
            _("Kreftforeningens andel"),
            _("Lønn og sosiale kostnader"),
            _("Tilskudd"),
            _("Kommunens kostnad etter tilskuddet"),
            _("Kommunens netto"),
            _("Akkumulert, diskontert"),
        ],
        [
            [
                str(y.number),
                percent(y.funder_share),
                kroner(y.salary_costs),
                kroner(y.grant),
                kroner(y.salary_costs - y.grant),
                kroner(y.net),
                kroner(y.cumulated_discounted),
            ]
            for y in result.plan
        ],
    )
    _picture(
        document,
        years_png(result, _("Avtaleår")),
        _("Figur 2. Kommunens netto år for år (søyler) og akkumulert, diskontert (linje), %(kr)s.")
        % {"kr": kr},
    )

    document.add_heading(
        _("Kommunedirektørens innstilling")
        if resolution.recommendation
        else _("Forslag til vedtak"),
        1,
    )
    for line in resolution_lines(scenario, result, resolution):
        document.add_paragraph(line, style="List Number")

    document.add_heading(_("Vedlegg: kilder og lesninger"), 1)
    document.add_paragraph(
        _("Flere hjemmedødsfall regnes som: %(reading)s.")
        % {"reading": scenario.get_home_death_reading_display()}
    )
    _table(document, [_("Verdi"), _("Basis"), _("Kilde")], _parameter_rows(result))
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _parameter_rows(result: Result) -> list[list[str]]:
    return [
        [_(p.label), number(p.base, 4, trim=True), result.source(key)]
        for key, p in result.parameters.items()
    ]
