"""`kreftkoordinator report annual (--position ID | --area CODE) --year YYYY [--json | --xlsx FILE]
[--suppressed]`: one annual report's figures. Counts are exact (the operator's tool on the area's
own data) unless `--suppressed` asks for what may leave the area.

`kreftkoordinator report national --year YYYY [--json | --xlsx FILE]`: the funder's national view
of the submitted reports, always suppressed."""

import json

from django.core.management.base import BaseCommand, CommandError

from kreftkoordinator.organisation.models import Area, Position
from kreftkoordinator.reporting.annual import (
    ReportError,
    annual_report,
    check_year,
    shown_row,
)
from kreftkoordinator.reporting.exports import AnnualExport, annual_workbook, national_workbook
from kreftkoordinator.reporting.indicators import REGISTRY
from kreftkoordinator.reporting.national import national_view


class Command(BaseCommand):
    help = "Print an annual report's indicators (report annual ...)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="what", required=True)
        annual = sub.add_parser("annual", help="one position's or one area's year")
        which = annual.add_mutually_exclusive_group(required=True)
        which.add_argument("--position", type=int, metavar="ID")
        which.add_argument("--area", metavar="CODE")
        annual.add_argument("--year", type=int, required=True)
        out = annual.add_mutually_exclusive_group()
        out.add_argument("--json", action="store_true", help="the report as JSON")
        out.add_argument("--xlsx", metavar="FILE", help="the report as an XLSX workbook")
        annual.add_argument(
            "--suppressed", action="store_true", help="hide what may not leave the area"
        )
        national = sub.add_parser("national", help="every position's submitted figures")
        national.add_argument("--year", type=int, required=True)
        out = national.add_mutually_exclusive_group()
        out.add_argument("--json", action="store_true", help="the view as JSON")
        out.add_argument("--xlsx", metavar="FILE", help="the view as an XLSX workbook")

    def handle(self, *args, **options):
        if options["what"] == "national":
            return self._national(options)
        position = area = None
        if options["position"] is not None:
            position = Position.objects.filter(pk=options["position"]).first()
            if position is None:
                raise CommandError(f"Finner ingen stilling med id {options['position']}.")
        else:
            area = Area.objects.current().serviceable().filter(code=options["area"]).first()
            if area is None:
                raise CommandError(f"Finner ingen kommune eller bydel {options['area']}.")
        try:
            report = annual_report(options["year"], position=position, area=area)
        except ReportError as e:
            raise CommandError(str(e)) from e
        data = report.as_dict(suppressed=options["suppressed"])
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=1))
        elif options["xlsx"]:
            # The page's layout: for a position, its columns; for an area, the area alone.
            national = national_view(options["year"], Area.objects.serviceable())
            medians = {key: national.median(key) for key in REGISTRY}
            export = AnnualExport.of(report, medians, suppressed=options["suppressed"])
            annual_workbook(export).save(options["xlsx"])
            self.stdout.write(f"Skrevet til {options['xlsx']}.")
        else:
            self.stdout.write(_text(data))

    def _national(self, options):
        year = options["year"]
        try:
            check_year(year)
        except ReportError as e:
            raise CommandError(str(e)) from e
        view = national_view(year, Area.objects.serviceable())
        if options["xlsx"]:
            national_workbook(view).save(options["xlsx"])
            self.stdout.write(f"Skrevet til {options['xlsx']}.")
        elif options["json"]:
            self.stdout.write(json.dumps(view.as_dict(), ensure_ascii=False, indent=1))
        else:
            coverage = view.coverage
            assert coverage is not None
            self.stdout.write(
                f"{year}: {coverage.submitted} av {coverage.positions} stillinger har levert."
            )
            for key, national in view.indicators.items():
                d, indicator = national.distribution, REGISTRY[key]
                median = d.withheld or indicator.shown(d.median)
                self.stdout.write(
                    f"  {indicator.label}: totalt {national.total} "
                    f"({d.n} av {coverage.positions} stillinger har levert), median {median}"
                )


def _text(data: dict) -> str:
    who = data["position"]["name"] if data["position"] else ", ".join(data["areas"])
    lines = [f"{who}, {data['year']} (områder: {', '.join(data['areas'])})"]
    if data["empty"]:
        lines.append("  Det er ikke registrert noe i oppfølgingen dette året; rapporten er tom.")
    for key, row in data["indicators"].items():
        indicator = REGISTRY[key]
        note = (
            f"  [2017: {indicator.reference.shown}, {indicator.reference.source}]"
            if indicator.reference
            else ""
        )
        lines.append(f"  {row['label']}: {shown_row(row, indicator)}{note}")
    return "\n".join(lines)
