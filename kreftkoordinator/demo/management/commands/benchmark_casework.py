"""Server-time benchmark for the coordinator's pages, on whatever database DATABASE_URL names
(build it first with `kreftkoordinator demo --positions 130 --years 10 --no-server`).

Requests go through the whole Django stack in-process (middleware, views, templates, database),
so the figures are server time without the network. The coordinator with the largest caseload
is used: the worst case.
"""

from datetime import timedelta
from pathlib import Path
from random import Random

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models import Count, Q
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from kreftkoordinator.accounts.models import Role, User
from kreftkoordinator.casework.models import Case, Contact
from kreftkoordinator.organisation.models import Assignment, Position, today
from kreftkoordinator.timing import measure


class Command(BaseCommand):
    help = "Time the caseload page, the case page and registering a contact (p50/p95)."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=200)
        parser.add_argument(
            "--positions",
            type=int,
            default=1,
            help="measure as a coordinator covering this many of the busiest positions "
            "(a substitute in each), for a caseload of about 1 000 open cases use 12",
        )

    def handle(self, *args, **options):
        settings.DEBUG = False  # no query log slowing the views down
        Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)  # WhiteNoise looks there
        coordinator = self._coordinator(options["positions"])
        client = self._client(coordinator)
        cases = list(Case.objects.visible_to(coordinator).open().values_list("pk", flat=True))
        rng = Random(1)  # noqa: S311 -- picking cases, not security
        n = options["requests"]
        total = (
            f"{Case.objects.count()} cases, {Contact.objects.count()} contacts in all; "
            f"{coordinator.username}: {len(cases)} open cases"
        )
        self.stdout.write(f"Database: {connection.vendor}. {total}.")
        rows = [
            self._time("Caseload page", n, lambda: client.get(reverse("casework:caseload"))),
            self._time(
                "Caseload, search by name",
                n,
                lambda: client.get(reverse("casework:caseload"), {"q": "hansen"}),
            ),
            self._time(
                "Case page",
                n,
                lambda: client.get(reverse("casework:case_detail", args=[rng.choice(cases)])),
            ),
            self._time(
                "Register a contact",
                n,
                lambda: client.post(
                    reverse("casework:case_contact_create", args=[rng.choice(cases)]),
                    {
                        "mode": "phone",
                        "participants": ["with_patient"],
                        "kinds": ["supportive"],
                        "duration_minutes": "20",
                        "at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
                    },
                ),
            ),
        ]
        self.stdout.write("| request | p50 ms | p95 ms | max ms | queries |")
        self.stdout.write("|---|---|---|---|---|")
        for row in rows:
            self.stdout.write(
                f"| {row.name} | {row.p50:.1f} | {row.p95:.1f} | {row.worst:.1f} | {row.queries} |"
            )

    def _coordinator(self, positions: int) -> User:
        busiest = list(
            Position.objects.annotate(
                open_cases=Count(
                    "covered_areas__cases", filter=Q(covered_areas__cases__closed_on__isnull=True)
                )
            ).order_by("-open_cases")[:positions]
        )
        if not busiest:
            raise CommandError("No positions: build the data set with `demo` first.")
        if positions == 1:
            return busiest[0].assignments.filter(kind="holder").select_related("user")[0].user
        user, _ = User.objects.get_or_create(
            username=f"benchmark.{positions}", defaults={"role": Role.COORDINATOR}
        )
        for position in busiest:
            Assignment.objects.get_or_create(
                user=user,
                position=position,
                kind=Assignment.Kind.SUBSTITUTE,
                defaults={
                    "valid_from": today() - timedelta(days=1),
                    "approved_at": timezone.now(),
                },
            )
        return user

    def _client(self, user):
        client = Client(SERVER_NAME="localhost")
        client.force_login(user)
        device, _ = TOTPDevice.objects.get_or_create(
            user=user, name="benchmark", defaults={"confirmed": True}
        )
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        return client

    def _time(self, name, n, request):
        return measure(name, n, lambda: self._check(request()), warm_up=5)

    @staticmethod
    def _check(response):
        if response.status_code not in (200, 302):
            raise CommandError(f"Unexpected status {response.status_code}")
