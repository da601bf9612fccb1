from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "kreftkoordinator.audit"
    verbose_name = _("Logg")

    def ready(self) -> None:
        from kreftkoordinator.roles import account_changed

        from .receivers import log_account_change

        account_changed.connect(log_account_change, dispatch_uid="audit_account_changed")
