"""`kreftkoordinator economics [--set KEY=VALUE ...] [--params FILE] [--position ID --year YYYY]
[--price-year YYYY] [--agreement-year N] [--simulate N] [--json]`: the cost-benefit model for
the municipality, per coordinator per year, in 2017 kroner unless `--price-year` says otherwise
(amounts given with --set or in the file are read in that price year too). A position's figures
come first, then the file, then each `--set`: the later wins. `stakeholders` splits the effects
between the parties in agreement year N of table 3-1 (none: after the step-down, as table
7-7)."""

import json

from django.core.management.base import BaseCommand, CommandError

from kreftkoordinator.economics.cpi import current_index
from kreftkoordinator.economics.model import (
    PARAMETERS,
    PRICE_YEAR,
    ParameterError,
    estimates,
    read_settings,
    simulate,
    total,
    with_values,
)
from kreftkoordinator.economics.model.prices import in_price_year, verdict_in
from kreftkoordinator.economics.model.stakeholders import STAKEHOLDERS, by_stakeholder, totals
from kreftkoordinator.economics.model.years import share_in
from kreftkoordinator.economics.scenario import from_position, from_reporting
from kreftkoordinator.economics.words import gain_in_words
from kreftkoordinator.numbers import kroner, number
from kreftkoordinator.organisation.models import Position
from kreftkoordinator.reporting.annual import ReportError


def _setting(text: str) -> tuple[str, float]:
    key, sep, value = text.partition("=")
    if not sep:
        raise CommandError(f"«{text}»: skriv --set NØKKEL=VERDI.")
    try:
        return key.strip(), float(value.replace(",", ".").replace(" ", ""))
    except ValueError as e:
        raise CommandError(f"{key}: «{value}» er ikke et tall.") from e


class Command(BaseCommand):
    help = "The 2017 evaluation's priced effects for the municipality, with your own parameters."

    def add_arguments(self, parser):
        parser.add_argument(
            "--set", action="append", default=[], metavar="KEY=VALUE", help="set a parameter"
        )
        parser.add_argument("--params", metavar="FILE", help="a JSON file of parameters")
        parser.add_argument("--position", type=int, metavar="ID", help="fill from its figures")
        parser.add_argument("--year", type=int, help="the year of the position's figures")
        parser.add_argument("--json", action="store_true", help="print JSON")
        parser.add_argument(
            "--home-deaths",
            choices=["facilitated", "needed"],
            default="facilitated",
            help="extra home deaths: those she helped arrange (default), or only those that "
            "needed her",
        )
        parser.add_argument(
            "--simulate", type=int, metavar="N", help="a Monte Carlo simulation of N draws"
        )
        parser.add_argument("--seed", type=int, default=2017, help="the simulation's seed")
        parser.add_argument(
            "--price-year", type=int, default=PRICE_YEAR, help="kroner of this year (default 2017)"
        )
        parser.add_argument(
            "--agreement-year",
            type=int,
            metavar="N",
            help="split between the parties in agreement year N of table 3-1 (default: after)",
        )

    def handle(self, *args, **options):
        year = options["price_year"]
        index = current_index()
        if year not in index.values:
            raise CommandError(
                f"--price-year {year}: konsumprisindeksen har {index.years[0]}–{index.years[-1]} "
                "(legg inn flere år med kreftkoordinator import-cpi)."
            )
        filled = self._filled(options, year, index)
        settings: dict = {f.key: f.value for f in filled}
        if options["params"]:
            settings.update(_read_file(options["params"]))
        settings.update(dict(_setting(s) for s in options["set"]))
        try:
            parameters = with_values(settings, in_price_year(PARAMETERS, year, index))
        except ParameterError as e:
            raise CommandError("\n".join(e.problems)) from e
        agreement_year = options["agreement_year"]
        if agreement_year is not None and agreement_year < 1:
            raise CommandError("--agreement-year: avtaleåret teller fra 1.")
        grant_share = share_in(agreement_year) if agreement_year else 0.0
        splits = by_stakeholder(parameters, grant_share)
        found = estimates(parameters)
        summed = total(found)
        simulation = None
        if options["simulate"] is not None:
            if not 100 <= options["simulate"] <= 10_000_000:
                raise CommandError("--simulate: mellom 100 og 10 000 000 trekninger.")
            simulation = simulate(parameters, options["simulate"], options["seed"])
        verdict = verdict_in(year, index)
        if options["json"]:
            data = {
                "price_year": year,
                "parameters": {key: p.base for key, p in parameters.items()},
                "effects": [e.as_dict() for e in found],
                "total": _ends(summed.as_dict()),
                "report_verdict": verdict.as_dict(),
                "agreement_year": agreement_year,
                "stakeholders": {
                    party: {
                        "label": label,
                        "effects": [s.parts[party].as_dict() for s in splits],
                        "total": _ends(totals(splits)[party].as_dict()),
                    }
                    for party, label in STAKEHOLDERS.items()
                },
                "price_index": {
                    "name": index.name,
                    "source": index.source,
                    "retrieved": index.retrieved,
                    "latest_year": index.years[-1],
                    "factor_from_2017": round(index.factor(PRICE_YEAR, year), 6),
                },
            }
            if simulation is not None:
                data["simulation"] = simulation.as_dict()
            if filled:
                data["sources"] = {f.key: f.as_dict() for f in filled}
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=1))
            return
        for f in filled:
            shown = (
                f"{number(f.value['low'])}–{number(f.value['high'])}"
                if isinstance(f.value, dict)
                else number(f.value, 4, trim=True)
            )
            self.stdout.write(f"{f.key} = {shown}: {f.source}")
        width = max(len(e.label) for e in [*found, summed])
        self.stdout.write(f"{'Virkning'.ljust(width)}  {'lavt':>10}  {'høyt':>10}  {'midt':>10}")
        for row in [*found, summed]:
            self.stdout.write(
                f"{row.label.ljust(width)}  {_kr(row.low)}  {_kr(row.high)}  {_kr(row.mid)}"
            )
        self.stdout.write(
            f"Per kreftkoordinator per år, {year}-kroner; kommunen betaler hele lønnen. Summen "
            "av alle lave anslag er at alt går dårlig, av alle høye at alt går bra."
        )
        self.stdout.write(
            f"Evalueringens eget anslag ({verdict.section}): {kroner(verdict.mid)}, "
            f"usikkerhetsintervall {kroner(verdict.low)} til {kroner(verdict.high)}."
        )
        parties = totals(splits)
        self.stdout.write(
            "Midtanslag per part"
            + (f" i avtaleår {agreement_year}" if agreement_year else "")
            + ": "
            + "; ".join(f"{label} {kroner(parties[p].mid)}" for p, label in STAKEHOLDERS.items())
        )
        if simulation is not None:
            low, high = simulation.interval_90
            self.stdout.write(
                f"Simulert ({number(simulation.draws)} trekninger): snitt "
                f"{kroner(simulation.mean)}, 90 % mellom {kroner(low)} og {kroner(high)}. "
                f"{gain_in_words(simulation.probability_of_gain)}"
            )

    def _filled(self, options, year: int, index):
        if (options["position"] is None) != (options["year"] is None):
            raise CommandError("Oppgi både --position og --year.")
        if options["position"] is None:
            return []
        position = Position.objects.filter(pk=options["position"]).first()
        if position is None:
            raise CommandError(f"Finner ingen stilling med id {options['position']}.")
        try:
            found = from_reporting(position, options["year"], home_deaths=options["home_deaths"])
        except ReportError as e:
            raise CommandError(str(e)) from e
        return found + from_position(position, year, index)


def _read_file(path: str) -> dict:
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except OSError as e:
        raise CommandError(f"Finner ikke filen {path}.") from e
    except json.JSONDecodeError as e:
        raise CommandError(f"{path}, linje {e.lineno}: ikke gyldig JSON ({e.msg}).") from e
    try:
        return dict(read_settings(data))
    except ParameterError as e:
        raise CommandError("\n".join(e.problems)) from e


def _ends(estimate: dict) -> dict:
    return {k: estimate[k] for k in ("low", "high", "mid")}


def _kr(value: float) -> str:
    return number(value).rjust(10)
