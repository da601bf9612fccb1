"""`check --deploy` says what must never reach production: demo mode (every user name on the
log-in page, two-factor relaxed)."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def demo_mode_is_off(app_configs, **kwargs):
    if settings.DEMO:
        return [
            Error(
                "Demo mode (KREFTKOORDINATOR_DEMO) is on: the log-in page lists every user and "
                "two-factor log-in is relaxed.",
                hint="Unset KREFTKOORDINATOR_DEMO in production.",
                id="kreftkoordinator.E001",
            )
        ]
    return []
