"""`kreftkoordinator grants calculate --start YYYY-MM-DD --salary N --social-rate R
[--scheme 75,75,75,60,40,20] [--absence KIND:FROM:TO ...] [--json]`: the rules of docs/grants.md
on the given terms, without touching the database.

`kreftkoordinator grants statements --quarter 2026-Q3`: the quarter's statements for every
agreement (a quarter already approved or paid is left as it is).

`kreftkoordinator grants queue [--day YYYY-MM-DD] [--json]`: what waits for the programme staff
(grants/queue.py; the JSON keys in docs/grants.md)."""

import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from kreftkoordinator import audit
from kreftkoordinator.grants import rules
from kreftkoordinator.numbers import kroner, number, percent

TABLE_3_1 = "75,75,75,60,40,20"


def _date(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as e:
        raise CommandError(f"{what}: «{text}» er ikke en dato (ÅÅÅÅ-MM-DD).") from e


def _number(text: str, what: str) -> str:
    cleaned = text.replace(",", ".").replace(" ", "")
    try:
        float(cleaned)
    except ValueError as e:
        raise CommandError(f"{what}: «{text}» er ikke et tall.") from e
    return cleaned


def _absence(text: str) -> rules.Absence:
    kind, _, rest = text.partition(":")
    first, _, last = rest.partition(":")
    if kind not in rules.KINDS or not last:
        raise CommandError(
            f"--absence «{text}»: skriv TYPE:FRA:TIL, der TYPE er sick, leave eller vacancy "
            "(sick:2024-06-10:2024-07-19)."
        )
    return rules.Absence(kind, _date(first, "--absence"), _date(last, "--absence"))


class Command(BaseCommand):
    help = "Grant rules: calculate on given terms, or the quarter's statements for all agreements."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        calc = sub.add_parser("calculate", help="the rules on given terms, no database")
        calc.add_argument("--start", required=True, help="the day the coordinator started")
        calc.add_argument("--salary", required=True, help="gross annual salary at the start")
        calc.add_argument("--social-rate", required=True, help="social costs as a share, 0.35")
        calc.add_argument("--scheme", default=TABLE_3_1, help="shares in per cent, comma-separated")
        calc.add_argument(
            "--absence", action="append", default=[], metavar="KIND:FROM:TO", help="repeatable"
        )
        calc.add_argument("--json", action="store_true")
        statements = sub.add_parser("statements", help="calculate a quarter's statements")
        statements.add_argument("--quarter", required=True, help="2026-Q3")
        queue = sub.add_parser("queue", help="what waits for the programme staff")
        queue.add_argument("--day", help="the day to look from (YYYY-MM-DD; default today)")
        queue.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        if options["action"] == "calculate":
            return self.calculate(options)
        if options["action"] == "queue":
            return self.queue(options)
        return self.statements(options)

    def queue(self, options):
        from kreftkoordinator.grants.models import Agreement
        from kreftkoordinator.grants.queue import queue
        from kreftkoordinator.organisation.models import today

        day = _date(options["day"], "--day") if options["day"] else today()
        found = queue(Agreement.objects.all(), day)  # the whole programme: an operator's view
        data = found.as_dict()
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        labels = {
            "late_reports": "årsrapporter over fristen",
            "to_approve": "oppgaver å godkjenne",
            "to_attest": "utbetalinger å attestere",
            "to_authorise": "utbetalinger å anvise",
            "held": "oppgaver holdt tilbake",
            "absences": "fravær å bekrefte",
            "years_ending": "avtaleår som slutter innen 60 dager",
        }
        for key, n in data["counts"].items():
            self.stdout.write(f"{n:>4}  {labels[key]}")
        for r in data["late_reports"]:
            self.stdout.write(
                f"      {r['position']}: årsrapporten for {r['report_year']} "
                f"(frist {r['deadline']}, {r['days_late']} dager over)"
            )

    def calculate(self, options):
        start = _date(options["start"], "--start")
        salary = _number(options["salary"], "--salary")
        rate = _number(options["social_rate"], "--social-rate")
        scheme = [_number(s, "--scheme") for s in options["scheme"].split(",") if s.strip()]
        absences = [_absence(a) for a in options["absence"]]
        try:
            calc = rules.calculate(rules.Terms.of(start, salary, rate, scheme), absences)
        except rules.RuleError as e:
            raise CommandError("\n".join(e.messages(gettext))) from e
        data = rules.as_dict(calc)
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=1))
            return
        for note in data["notes"]:
            self.stdout.write(note)
        self.stdout.write(f"Lønnskostnader C: {kroner(data['salary_costs'])}")
        self.stdout.write("År  fra         til         andel   tilskudd  fravær  til utbetaling")
        for y in data["years"]:
            self.stdout.write(
                f"{y['year']:>2}  {y['from']}  {y['to']}  {percent(y['share'], 1):>6}  "
                f"{_kr(y['grant']):>9}  {y['absence_days']:>6}  {_kr(y['payable']):>14}"
            )
        for s in data["statements"]:
            self.stdout.write(f"{s['quarter']}  {_kr(s['amount']):>9}")
        self.stdout.write(f"Sum       {_kr(data['total']):>9}")

    def statements(self, options):
        from kreftkoordinator.grants.statements import calculate_quarter

        try:
            quarter = rules.Quarter.parse(options["quarter"])
        except rules.RuleError as e:
            raise CommandError("\n".join(e.messages(gettext))) from e
        with audit.via("grants statements"):
            made = calculate_quarter(None, quarter)  # the command acts as no user
        for s in made:
            self.stdout.write(f"{s.agreement}: {kroner(s.amount)} ({s.get_status_display()})")
        self.stdout.write(f"{len(made)} oppgaver for {quarter}.")


def _kr(value: int) -> str:
    return number(value)
