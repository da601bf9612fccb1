from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EconomicsConfig(AppConfig):
    name = "kreftkoordinator.economics"
    verbose_name = _("Økonomi")

    def ready(self) -> None:
        # The leader's dashboard lives in reporting, which may not import economics.
        from kreftkoordinator.reporting.headline import NEEDS

        from .needs import stale_scenarios

        if stale_scenarios not in NEEDS:
            NEEDS.append(stale_scenarios)
