"""What needs the leader from economics' side, on her dashboard (reporting/headline.py): a
scenario built on figures older than the position's last submitted report."""

from django.urls import reverse
from django.utils.translation import gettext as _

from kreftkoordinator.reporting.headline import Need

from .models import Scenario


def stale_scenarios(user, day, histories) -> list[Need]:
    latest = {h.position.pk: h.every_year[0].year for h in histories if h.every_year}
    found = []
    for scenario in (
        Scenario.objects.visible_to(user)
        .filter(position__in=list(latest))
        .select_related("position")
        .order_by("position__name", "name")
    ):
        if scenario.year < latest[scenario.position_id]:
            found.append(
                Need(
                    _(
                        "Scenarioet «%(name)s» bygger på tallene for %(year)s, men årsrapporten "
                        "for %(latest)s er levert. Se om det bør oppdateres."
                    )
                    % {
                        "name": scenario.name,
                        "year": scenario.year,
                        "latest": latest[scenario.position_id],
                    },
                    reverse("economics:scenario", args=[scenario.pk]),
                )
            )
    return found
