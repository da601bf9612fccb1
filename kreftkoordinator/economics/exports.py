"""The scenario as a workbook for the municipality's controller: every parameter and every
result, made from the same `Result` as the page and the brief. Amounts are stored unrounded
with a format of whole kroner, so that a total written as a formula over its parts is exactly
the total the brief shows."""

from __future__ import annotations

from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from kreftkoordinator.exports import SHARE, WHOLE, Formula, Sheet, Workbook
from kreftkoordinator.organisation.models import today

from .model import parameters as units
from .model.nonpriced import GROUPS, SIGNIFICANCE
from .model.stakeholders import STAKEHOLDERS
from .models import Scenario
from .results import Result
from .words import index_in_words

# A count or a length that may have decimals: one to three of them, as many as it has.
FINE = "#,##0.0##"


def xlsx_workbook(scenario: Scenario, result: Result) -> Workbook:
    """Labels as headers with the keys beside them, the header kept in view, amounts as numbers
    in the scenario's price year, totals as formulas, and a sheet saying where it all comes
    from."""
    workbook = Workbook()
    kr = _("%(price_year)s-kroner") % {"price_year": scenario.price_year}
    _effects(workbook.sheet(_("Virkninger")), result, kr)
    _parameters(workbook.sheet(_("Parametre")), result)
    _parties(workbook.sheet(_("Per part")), result, kr)
    _years(workbook.sheet(_("År for år")), result, kr)
    _uncertainty(workbook.sheet(_("Usikkerhet")), result, kr)
    _swings(workbook.sheet(_("Følsomhet")), result, kr)
    _non_priced(workbook.sheet(_("Ikke prissatt")), result)
    workbook.about(about_rows(scenario, result))
    return workbook


def about_rows(scenario: Scenario, result: Result) -> list[tuple[str, str]]:
    return [
        (_("Scenario"), f"{scenario.name}: {scenario.position.name}"),
        (
            _("Kilde"),
            _(
                "Den økonomiske modellen i evalueringen fra 2017 (kapittel 7), med stillingens "
                "egne tall for %(year)s der de finnes (arket «Parametre», kolonnen «Kilde»)."
            )
            % {"year": scenario.year},
        ),
        (_("Prisår"), _("Beløp i %(year)s-kroner.") % {"year": scenario.price_year}),
        (_("Prisindeks"), index_in_words(result.index, today().year)),
        (
            _("Usikkerhet"),
            _("%(draws)s trekninger med frø %(seed)s: samme tall hver gang.")
            % {"draws": result.simulation.draws, "seed": result.simulation.seed},
        ),
    ]


def _header(sheet: Sheet, cells: list[str], *widths: int) -> None:
    sheet.bold(sheet.append(cells))
    sheet.freeze("C2")
    sheet.widths(*widths)


def _sums(first: int, last: int, columns: range) -> list[Formula]:
    return [
        Formula(f"=SUM({get_column_letter(c)}{first}:{get_column_letter(c)}{last})")
        for c in columns
    ]


def _ends(kr: str) -> list[str]:
    return [
        _("Lavt, %(kr)s") % {"kr": kr},
        _("Høyt, %(kr)s") % {"kr": kr},
        _("Midt, %(kr)s") % {"kr": kr},
    ]


def _effects(sheet: Sheet, result: Result, kr: str) -> None:
    _header(sheet, [_("Virkning"), _("Nøkkel"), *_ends(kr)], 44, 30, 18, 18, 18)
    for e in result.estimates:
        sheet.append([_(e.label), e.key, e.low, e.high, e.mid], [None, None, *[WHOLE] * 3])
    last = len(result.estimates) + 1
    total = result.total
    sheet.bold(
        sheet.append(
            [_(total.label), total.key, *_sums(2, last, range(3, 6))], [None, None] + [WHOLE] * 3
        )
    )


def _unit_format(unit: str, value: float | None) -> str | None:
    if value is None:
        return None
    if unit == units.KR:
        return WHOLE
    if unit == units.SHARE:
        return SHARE
    return WHOLE if float(value).is_integer() else FINE


def _parameters(sheet: Sheet, result: Result) -> None:
    header = [
        _("Parameter"),
        _("Nøkkel"),
        _("Enhet"),
        _("Lavt"),
        _("Basis"),
        _("Høyt"),
        _("Kilde"),
        _("Går i null ved"),
    ]
    _header(sheet, header, 44, 30, 12, 14, 14, 14, 60, 16)
    for key, p in result.parameters.items():
        found = result.break_even.get(key)  # none for what only other parties pay
        even = found.value if found else None
        values = [p.low, p.base, p.high]
        formats = [None, None, None, *[_unit_format(p.unit, v) for v in values], None]
        sheet.append(
            [_(p.label), key, _(p.unit), *values, result.source(key), even],
            [*formats, _unit_format(p.unit, even)],
        )


def _parties(sheet: Sheet, result: Result, kr: str) -> None:
    """Each party's share of every effect, and the party's sum of them as a formula."""
    _header(sheet, [_("Virkning"), _("Nøkkel"), _("Part"), *_ends(kr)], 44, 30, 24, 18, 18, 18)
    money = [None, None, None, *[WHOLE] * 3]
    at = 2
    for party, total in result.parties.items():
        name = _(STAKEHOLDERS[party])
        for split in result.splits:
            e = split.parts[party]
            sheet.append([_(e.label), e.key, name, e.low, e.high, e.mid], money)
        last = at + len(result.splits) - 1
        sheet.bold(
            sheet.append([_(total.label), total.key, name, *_sums(at, last, range(4, 7))], money)
        )
        at = last + 2


def _years(sheet: Sheet, result: Result, kr: str) -> None:
    header = [
        _("År"),
        _("Nøkkel"),
        _("Kreftforeningens andel"),
        _("Lønn og sosiale kostnader, %(kr)s") % {"kr": kr},
        _("Tilskudd, %(kr)s") % {"kr": kr},
        _("Virkninger, %(kr)s") % {"kr": kr},
        _("Kommunens netto, %(kr)s") % {"kr": kr},
        _("Diskontert, %(kr)s") % {"kr": kr},
        _("Akkumulert, %(kr)s") % {"kr": kr},
        _("Akkumulert diskontert, %(kr)s") % {"kr": kr},
    ]
    _header(sheet, header, 12, 10, 14, *[18] * 7)
    formats = [None, None, SHARE, *[WHOLE] * 7]
    for y in result.plan:
        amounts = [y.salary_costs, y.grant, y.effects, y.net, y.discounted]
        label = _("År %(n)s") % {"n": y.number}
        sheet.append(
            [label, y.number, y.funder_share, *amounts, y.cumulated, y.cumulated_discounted],
            formats,
        )
    label = _("Sum %(n)s år") % {"n": len(result.plan)}
    sums = _sums(2, len(result.plan) + 1, range(4, 9))
    sheet.bold(sheet.append([label, "total", None, *sums], formats))


def _uncertainty(sheet: Sheet, result: Result, kr: str) -> None:
    s = result.simulation
    _header(sheet, [_("Mål"), _("Nøkkel"), _("Verdi"), _("Til")], 44, 22, 18, 18)
    rows: list[tuple[str, str, list[float], str]] = [
        (_("Trekninger"), "draws", [s.draws], WHOLE),
        (_("Frø"), "seed", [s.seed], "0"),
        (_("Kommunens netto, gjennomsnitt, %(kr)s") % {"kr": kr}, "mean", [s.mean], WHOLE),
        (_("Sannsynlighet for gevinst"), "probability_of_gain", [s.probability_of_gain], SHARE),
        (_("90 %%-intervall, %(kr)s") % {"kr": kr}, "interval_90", list(s.interval_90), WHOLE),
        (_("95 %%-intervall, %(kr)s") % {"kr": kr}, "interval_95", list(s.interval_95), WHOLE),
    ]
    for label, key, values, fmt in rows:
        sheet.append([label, key, *values], [None, None, *[fmt] * len(values)])


def _swings(sheet: Sheet, result: Result, kr: str) -> None:
    """The tornado: the municipality's net with one parameter at its low end and its high."""
    header = [
        _("Parameter"),
        _("Nøkkel"),
        _("Netto ved lavt, %(kr)s") % {"kr": kr},
        _("Netto ved høyt, %(kr)s") % {"kr": kr},
    ]
    _header(sheet, header, 44, 30, 20, 20)
    for s in result.swings:
        sheet.append([_(s.label), s.key, s.at_low, s.at_high], [None, None, WHOLE, WHOLE])


def _non_priced(sheet: Sheet, result: Result) -> None:
    header = [
        _("Virkning"),
        _("Nøkkel"),
        _("For"),
        _("Betydning"),
        _("Omfang"),
        _("Konsekvens"),
        _("Begrunnelse"),
    ]
    _header(sheet, header, 40, 26, 16, 12, 10, 12, 80)
    for effect in result.non_priced:
        r = effect.rating
        sheet.append(
            [
                _(effect.label),
                effect.key,
                _(GROUPS[effect.group]),
                _(SIGNIFICANCE[r.significance]),
                r.scope,
                r.shown,
                _(r.justification),
            ]
        )
