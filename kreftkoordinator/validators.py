"""Validators shared by every app (imports no app)."""

from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

# Links we store and show are web pages: http and https only, never javascript:, data: or file:.
web_url = URLValidator(
    schemes=["http", "https"],
    message=_("Skriv en nettadresse som begynner med http:// eller https://."),
    code="not_web",  # its own code, so a field's generic "invalid" message does not replace it
)


def is_web_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))
