from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "kreftkoordinator.accounts"
    verbose_name = _("Brukere")

    def ready(self) -> None:
        from kreftkoordinator import languages  # noqa: F401 -- its receiver at log-in

        from . import checks, login_limits, recovery  # noqa: F401 -- checks, receivers
