from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "kreftkoordinator.accounts"
    verbose_name = _("Brukere")

    def ready(self) -> None:
        from . import checks, login_limits, recovery  # noqa: F401 -- checks, receivers
