"""Spreadsheets of the programme overview and of a quarter's statements."""

from kreftkoordinator.exports import Workbook, table_workbook

from .overview import Overview


def overview_workbook(data: Overview) -> Workbook:
    workbook = table_workbook(
        "Stillinger",
        [
            "distriktskontor",
            "fylke",
            "stilling",
            "områder",
            "innbyggere",
            "avtalen startet",
            "ordning",
            "avtaleår nå",
            "andel nå",
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
    sheet = workbook.sheet("Penger per år")
    sheet.append(["år", "forpliktet (kr)", "utbetalt (kr)", "prognose"])
    for m in data.money:
        sheet.append([m.year, m.committed, m.paid, "ja" if m.forecast else "nei"])
    return workbook


def statements_workbook(statements) -> Workbook:
    return table_workbook(
        "Utbetalinger",
        ["id", "stilling", "kvartal", "beløp (kr)", "status", "retter", "utbetalt"],
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
