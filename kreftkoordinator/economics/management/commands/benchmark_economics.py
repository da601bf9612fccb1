"""`kreftkoordinator benchmark-economics`: a 100 000-draw simulation with the tornado and the
break-even values, beside the time numpy needs to draw the same random numbers alone (issue 9's
target: at most 0.5 s, within 3 times the drawing); and, where the database has a submitted
report and a programme officer (the demo), the scenario page with its 10 000-draw simulation
(target: at most 300 ms), through the whole Django stack in-process."""

from pathlib import Path

import numpy as np
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import Client
from django.urls import reverse

from kreftkoordinator.accounts.models import Role, User
from kreftkoordinator.economics.model import PARAMETERS, break_even, simulate, tornado
from kreftkoordinator.economics.model.uncertainty import draw
from kreftkoordinator.economics.models import Scenario
from kreftkoordinator.reporting.models import Submission
from kreftkoordinator.timing import measure


class Command(BaseCommand):
    help = "Time the economics simulation, tornado and break-even values (p50/p95)."

    def add_arguments(self, parser):
        parser.add_argument("--draws", type=int, default=100_000)
        parser.add_argument("--runs", type=int, default=20)

    def handle(self, *args, **options):
        n, runs = options["draws"], options["runs"]
        drawn = [p for p in PARAMETERS.values() if p.for_municipality]  # as simulate() does

        def ours():
            simulate(PARAMETERS, n, seed=2017)
            tornado(PARAMETERS)
            break_even(PARAMETERS)

        def numbers_alone():
            rng = np.random.default_rng(2017)
            for p in drawn:
                draw(p, n, rng)

        rows = [measure("Simulation, tornado and break-even", runs, ours, warm_up=1)]
        rows.append(measure("numpy drawing the same numbers", runs, numbers_alone, warm_up=1))
        page = self._page(runs)
        if page:
            rows.append(page)
        self.stdout.write(f"{n} draws, {len(drawn)} parameters drawn, {runs} runs.")
        self.stdout.write("| measure | p50 ms | p95 ms |")
        self.stdout.write("|---|---|---|")
        for row in rows:
            self.stdout.write(f"| {row.name} | {row.p50:.1f} | {row.p95:.1f} |")
        self.stdout.write(f"Ratio: {rows[0].p50 / rows[1].p50:.2f}")

    def _page(self, runs):
        """The scenario page for the first submitted report, as a programme officer sees it; a
        scenario is made for the run and removed after."""
        settings.DEBUG = False
        Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)  # WhiteNoise looks there
        officer = User.objects.filter(role=Role.PROGRAMME, is_active=True).first()
        submission = Submission.objects.order_by("-year", "position").first()
        if officer is None or submission is None:
            return None
        scenario = Scenario.objects.create(
            name="Benchmark",
            position=submission.position,
            year=submission.year,
            created_by=officer,
        )
        try:
            client = Client(SERVER_NAME="localhost")
            client.force_login(officer)
            url = reverse("economics:scenario", args=[scenario.pk])

            def get():
                if client.get(url).status_code != 200:
                    raise CommandError("The scenario page did not answer 200.")

            return measure("Scenario page (10 000 draws)", runs, get, warm_up=1)
        finally:
            scenario.delete()
