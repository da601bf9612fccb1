"""`kreftkoordinator economics [--set KEY=VALUE ...] [--json]`: the cost-benefit model for the
municipality, per coordinator per year, in 2017 kroner. The further options of issue 9
(`--params`, `--position`/`--year`, `--simulate`, `--price-year`) come with the rest of it."""

import json

from django.core.management.base import BaseCommand, CommandError

from kreftkoordinator.economics.model import ParameterError, estimates, total, with_values


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
        parser.add_argument("--json", action="store_true", help="print JSON")

    def handle(self, *args, **options):
        try:
            parameters = with_values(dict(_setting(s) for s in options["set"]))
        except ParameterError as e:
            raise CommandError("\n".join(e.problems)) from e
        found = estimates(parameters)
        summed = total(found)
        if options["json"]:
            data = {
                "price_year": 2017,
                "parameters": {key: p.base for key, p in parameters.items()},
                "effects": [e.as_dict() for e in found],
                "total": {k: v for k, v in summed.as_dict().items() if k in ("low", "high", "mid")},
            }
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=1))
            return
        width = max(len(e.label) for e in [*found, summed])
        self.stdout.write(f"{'Virkning'.ljust(width)}  {'lavt':>10}  {'høyt':>10}  {'midt':>10}")
        for row in [*found, summed]:
            self.stdout.write(
                f"{row.label.ljust(width)}  {_kr(row.low)}  {_kr(row.high)}  {_kr(row.mid)}"
            )
        self.stdout.write("Per kreftkoordinator per år, 2017-kroner; kommunen betaler hele lønnen.")


def _kr(value: float) -> str:
    return f"{round(value):>10,}".replace(",", " ")
