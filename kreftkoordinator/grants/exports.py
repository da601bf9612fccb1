"""Spreadsheets of the programme overview and of a quarter's statements, and the quarter's
payments as files for the funder's ledger and bank."""

from datetime import date

from django.http import HttpResponse
from django.utils.translation import gettext as _

from kreftkoordinator import audit
from kreftkoordinator.audit.models import Action
from kreftkoordinator.exports import DATE, SHARE, WHOLE, Formula, Workbook, download

from . import ledger
from .overview import Overview
from .rules import Quarter


def overview_workbook(data: Overview) -> Workbook:
    workbook = Workbook()
    sheet = workbook.sheet(_("Stillinger"))
    header = [
        _("Distriktskontor"),
        _("Fylke"),
        _("Stilling"),
        _("Områder"),
        _("Innbyggere"),
        _("Avtalen startet"),
        _("Ordning"),
        _("Avtaleår nå"),
        _("Kreftforeningens andel nå"),
    ]
    sheet.bold(sheet.append(header))
    sheet.freeze("D2")
    sheet.widths(20, 18, 36, 36, 12, 14, 30, 12, 14)
    formats = [None, None, None, None, WHOLE, DATE, None, WHOLE, SHARE]
    for office, rows in data.offices.items():
        for row in rows:
            sheet.append(
                [
                    office,
                    row.county,
                    row.agreement.position.name,
                    ", ".join(row.areas),
                    row.population,
                    row.agreement.start,
                    row.agreement.scheme.name,
                    row.year_now,
                    float(row.share_now),
                ],
                formats,
            )
    sheet = workbook.sheet(_("Penger per år"))
    sheet.bold(sheet.append([_("År"), _("Forpliktet (kr)"), _("Utbetalt (kr)"), _("Prognose")]))
    sheet.freeze("A2")
    for m in data.money:
        sheet.append(
            [m.year, m.committed, m.paid, _("ja") if m.forecast else _("nei")],
            [None, WHOLE, WHOLE],
        )
    last = len(data.money) + 1
    if data.money:
        sums = [Formula(f"=SUM(B2:B{last})"), Formula(f"=SUM(C2:C{last})")]
        sheet.bold(sheet.append([_("Sum"), *sums], [None, WHOLE, WHOLE]))
    workbook.about(
        [
            (_("Rapport"), _("Programoversikten")),
            (_("Kilde"), _("Kreftkoordinator: avtalene, fraværet og utbetalingsoppgavene")),
        ]
    )
    return workbook


def statements_workbook(statements, quarter) -> Workbook:
    """A quarter's statements: amounts as numbers in kroner, their sum as a formula, the
    header kept in view."""
    workbook = Workbook()
    sheet = workbook.sheet(_("Utbetalinger"))
    header = [
        _("Nr."),
        _("Stilling"),
        _("Kvartal"),
        _("Beløp (kr)"),
        _("Status"),
        _("Retter nr."),
        _("Utbetalt"),
    ]
    sheet.bold(sheet.append(header))
    sheet.freeze("A2")
    sheet.widths(8, 40, 10, 14, 14, 10, 12)
    statements = list(statements)
    for s in statements:
        sheet.append(
            [
                s.pk,
                s.agreement.position.name,
                str(s.period),
                s.amount,
                s.get_status_display(),
                s.corrects_id,
                s.paid_on,
            ],
            [None, None, None, WHOLE, None, None, DATE],
        )
    last = len(statements) + 1
    total = Formula(f"=SUM(D2:D{last})") if statements else 0
    sheet.bold(sheet.append([None, _("Sum"), None, total], [None, None, None, WHOLE]))
    workbook.about(
        [
            (_("Rapport"), _("Utbetalingsoppgaver for %(q)s") % {"q": quarter}),
            (_("Kilde"), _("Kreftkoordinator, tilskuddsreglene i docs/grants.md")),
        ]
    )
    return workbook


def payment_download(user, quarter: Quarter, kind: str, on: date) -> HttpResponse:
    """The quarter's authorised payments as the ledger's voucher file (`regnskap`) or the bank's
    payment file executed on `on` (`betaling`), logged as an export. Raises GrantError with
    every problem when a payment lacks what the file needs."""
    if kind == "regnskap":
        name, content_type = f"bilag-{quarter}.csv", "text/csv; charset=utf-8"
        content = ledger.voucher_file(quarter)
    else:
        name, content_type = f"betaling-{quarter}.xml", "application/xml"
        content = ledger.payment_file(quarter, on)
    audit.record(user, Action.EXPORT, object_type="grants.statement", reason=f"{name} ({quarter})")
    return download(content, name, content_type)
