"""`kreftkoordinator benchmark-economics`: a 100 000-draw simulation with the tornado and the
break-even values, beside the time numpy needs to draw the same random numbers alone (issue 9's
target: at most 0.5 s, within 3 times the drawing). No database is used."""

import statistics
import time

import numpy as np
from django.core.management.base import BaseCommand

from kreftkoordinator.economics.model import PARAMETERS, break_even, simulate, tornado
from kreftkoordinator.economics.model.uncertainty import draw


class Command(BaseCommand):
    help = "Time the economics simulation, tornado and break-even values (p50/p95)."

    def add_arguments(self, parser):
        parser.add_argument("--draws", type=int, default=100_000)
        parser.add_argument("--runs", type=int, default=20)

    def handle(self, *args, **options):
        n, runs = options["draws"], options["runs"]

        def ours():
            simulate(PARAMETERS, n, seed=2017)
            tornado(PARAMETERS)
            break_even(PARAMETERS)

        def numbers_alone():
            rng = np.random.default_rng(2017)
            for p in PARAMETERS.values():
                draw(p, n, rng)

        rows = [self._time("Simulation, tornado and break-even", runs, ours)]
        rows.append(self._time("numpy drawing the same numbers", runs, numbers_alone))
        self.stdout.write(f"{n} draws, {len(PARAMETERS)} parameters, {runs} runs.")
        self.stdout.write("| measure | p50 ms | p95 ms |")
        self.stdout.write("|---|---|---|")
        for name, p50, p95 in rows:
            self.stdout.write(f"| {name} | {p50:.1f} | {p95:.1f} |")
        self.stdout.write(f"Ratio: {rows[0][1] / rows[1][1]:.2f}")

    @staticmethod
    def _time(name, runs, work):
        work()
        timings = []
        for _ in range(runs):
            start = time.perf_counter()
            work()
            timings.append((time.perf_counter() - start) * 1000)
        return name, statistics.median(timings), statistics.quantiles(timings, n=20)[-1]
