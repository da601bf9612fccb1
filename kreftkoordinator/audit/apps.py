from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "kreftkoordinator.audit"
    verbose_name = _("Logg")

    def ready(self) -> None:
        from kreftkoordinator.roles import account_changed, signed_in

        from .receivers import log_account_change, log_sign_in

        account_changed.connect(log_account_change, dispatch_uid="audit_account_changed")
        signed_in.connect(log_sign_in, dispatch_uid="audit_signed_in")
