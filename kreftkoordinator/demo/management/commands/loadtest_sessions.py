"""`kreftkoordinator loadtest-sessions --out FILE`: signed-in sessions (password and
authenticator code done) for the load test's simulated users, on the national-scale demo set:
coordinators with the cases they may open, the leader, the programme officer; and the names
of municipalities for the public searches. Only for a load-test database."""

import json
from pathlib import Path

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core.management.base import BaseCommand, CommandError
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from kreftkoordinator.accounts.models import Role, User
from kreftkoordinator.casework.models import Case
from kreftkoordinator.organisation.models import Area, AreaKind, Assignment, today

BACKEND = "django.contrib.auth.backends.ModelBackend"


def session_for(user: User) -> str:
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="lasttest", defaults={"confirmed": True}
    )
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = BACKEND
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.create()
    return session.session_key or ""


class Command(BaseCommand):
    help = "Signed-in sessions for the load test (national-scale demo set only)."

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True)
        parser.add_argument("--coordinators", type=int, default=60)

    def handle(self, *args, **options):
        holders = (
            Assignment.objects.valid_on(today())
            .filter(kind=Assignment.Kind.HOLDER)
            .select_related("user", "position")
            .order_by("position__name")[: options["coordinators"]]
        )
        coordinators = []
        for assignment in holders:
            areas = assignment.position.covered_areas.values("pk")
            cases = list(
                Case.objects.filter(area__in=areas, closed_on__isnull=True)
                .order_by("pk")
                .values_list("pk", flat=True)[:50]
            )
            if cases:
                coordinators.append({"session": session_for(assignment.user), "cases": cases})
        leader = User.objects.filter(role=Role.LEADER, is_active=True).first()
        officer = User.objects.filter(role=Role.PROGRAMME, is_active=True).first()
        if not coordinators or leader is None or officer is None:
            raise CommandError("Build the national-scale demo set first (docs/benchmarks.md).")
        data = {
            "coordinators": coordinators,
            "leader": session_for(leader),
            "programme": session_for(officer),
            "municipalities": list(
                Area.objects.current()
                .filter(kind=AreaKind.MUNICIPALITY)
                .values_list("name", flat=True)
            ),
        }
        Path(options["out"]).write_text(json.dumps(data), encoding="utf-8")
        self.stdout.write(
            f"{len(coordinators)} koordinatorer, leder og programansvarlig: {options['out']}"
        )
