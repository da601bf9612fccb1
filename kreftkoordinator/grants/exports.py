"""Spreadsheets of the programme overview and of a quarter's statements."""

from django.utils.translation import gettext as _

from kreftkoordinator.exports import Workbook, table_workbook

from .overview import Overview


def overview_workbook(data: Overview) -> Workbook:
    workbook = table_workbook(
        _("Stillinger"),
        [
            _("distriktskontor"),
            _("fylke"),
            _("stilling"),
            _("områder"),
            _("innbyggere"),
            _("avtalen startet"),
            _("ordning"),
            _("avtaleår nå"),
            _("andel nå"),
        ],
        [
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
            ]
            for office, rows in data.offices.items()
            for row in rows
        ],
    )
    sheet = workbook.sheet(_("Penger per år"))
    sheet.append([_("år"), _("forpliktet (kr)"), _("utbetalt (kr)"), _("prognose")])
    for m in data.money:
        sheet.append([m.year, m.committed, m.paid, _("ja") if m.forecast else _("nei")])
    return workbook


def statements_workbook(statements) -> Workbook:
    return table_workbook(
        _("Utbetalinger"),
        [
            "id",
            _("stilling"),
            _("kvartal"),
            _("beløp (kr)"),
            _("status"),
            _("retter"),
            _("utbetalt"),
        ],
        [
            [
                s.pk,
                s.agreement.position.name,
                str(s.period),
                s.amount,
                s.get_status_display(),
                s.corrects_id,
                s.paid_on,
            ]
            for s in statements
        ],
    )
