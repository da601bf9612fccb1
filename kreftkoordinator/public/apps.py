from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    name = "kreftkoordinator.public"
    verbose_name = _("Offentlige sider")

    def ready(self) -> None:
        from . import coverage  # noqa: F401 -- registers the signals that refresh the map
