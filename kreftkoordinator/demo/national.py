"""The national-scale data set the benchmarks use: `kreftkoordinator demo --positions N --years Y`.

N full-time positions, one per municipality (Oslo's districts included) in code order, each with
its own coordinator (`koordinator.<area code>`, password `demo`) and Y years of casework from the
same generator as the demo. 130 positions over 10 years give about 100 000 patients and a
million contacts.
"""

from collections.abc import Callable
from datetime import date
from random import Random

from django.db import transaction
from django.utils import timezone

from kreftkoordinator.accounts.models import Role, User
from kreftkoordinator.organisation.models import Area, AreaKind, Assignment, Position

from . import casework
from .arrangements import DEMO_PASSWORD

START = date(2012, 1, 1)  # the scheme's first year


def create_national(
    positions: int, years: int, seed: int = 131, progress: Callable[[str], object] = print
) -> None:
    taken = set(Position.objects.values_list("covered_areas", flat=True))
    areas = [
        a
        for a in Area.objects.current()
        .filter(kind__in=[AreaKind.MUNICIPALITY, AreaKind.DISTRICT])
        .exclude(code="0301")
        .order_by("code")
        if a.pk not in taken
    ][:positions]
    rng = Random(seed)  # noqa: S311 -- synthetic data, not security
    for number, area in enumerate(areas, start=1):
        with transaction.atomic():
            position = Position.objects.create(
                name=f"Kreftkoordinator i {area.name}", host_area=area, fte=100, start_date=START
            )
            position.covered_areas.set([area])
            user = User.objects.create_user(
                username=f"koordinator.{area.code}",
                password=DEMO_PASSWORD,
                role=Role.COORDINATOR,
                first_name="Koordinator",
                last_name=area.name,
                email=f"koordinator.{area.code}@demo.kreftkoordinator.no",
            )
            Assignment.objects.create(
                user=user, position=position, valid_from=START, approved_at=timezone.now()
            )
            casework.save(casework.generate(position, years, rng, user=user))
        if number % 10 == 0 or number == len(areas):
            progress(f"  {number}/{len(areas)} stillinger")
