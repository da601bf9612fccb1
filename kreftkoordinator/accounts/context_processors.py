from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlparse

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import Role
from .recovery import SESSION_KEY

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# The main navigation of each role: (URL name, label).
NAVIGATION: dict[str, list[tuple[str, StrOrPromise]]] = {
    Role.COORDINATOR: [
        ("home", _("Oversikt")),
        ("casework:caseload", _("Oppfølging")),
        ("casework:person_list", _("Personer")),
        ("casework:contact_create", _("Ny kontakt")),
        ("casework:week", _("Uka")),
        ("directory:offer_list", _("Tilbud")),
        ("audit:my_activity", _("Min aktivitet")),
    ],
    Role.LEADER: [
        ("home", _("Mine områder")),
        ("accounts:approvals", _("Godkjenning")),
        ("reporting:leader", _("Tall")),
        ("economics:scenarios", _("Økonomi")),
        ("grants:agreements", _("Tilskudd")),
        ("directory:offer_list", _("Tilbud")),
        ("public:survey_results", _("Brukerundersøkelsen")),
    ],
    Role.PROGRAMME: [
        ("home", _("Oversikt")),
        ("organisation:position_list", _("Stillinger")),
        ("grants:agreements", _("Tilskudd")),
        ("economics:scenarios", _("Økonomi")),
        ("directory:offer_list", _("Tilbud")),
        ("public:survey_results", _("Brukerundersøkelsen")),
    ],
    Role.ADMIN: [
        ("home", _("Oversikt")),
        ("organisation:position_list", _("Stillinger")),
        ("accounts:user_list", _("Brukere")),
        ("accounts:approvals", _("Godkjenning")),
        ("organisation:area_list", _("Områder")),
        ("directory:offer_list", _("Tilbud")),
    ],
}


def navigation(request):
    user = getattr(request, "user", None)
    items = NAVIGATION.get(user.role, []) if user and user.is_authenticated else []
    nav_items = []
    for name, label in items:
        url = reverse(name)
        current = request.path == url if url == "/" else request.path.startswith(url)
        nav_items.append({"url": url, "label": label, "current": current})
    session = getattr(request, "session", None)
    return {
        "nav_items": nav_items,
        "demo_mode": settings.DEMO,
        "language_next": _back_to(request),
        # This session was opened after a recovery the user has not confirmed (recovery.py).
        "after_recovery": bool(
            user and user.is_authenticated and session and session.get(SESSION_KEY)
        ),
    }


def _back_to(request) -> str:
    """Where the language switch returns to: this page; for a page shown in answer to a form
    (a POST), the page the form was on, since asking for its address again would not show it."""
    if request.method == "GET":
        return request.get_full_path()
    referer = urlparse(request.META.get("HTTP_REFERER", ""))
    if referer.netloc == request.get_host() and referer.path.startswith("/"):
        return referer.path + (f"?{referer.query}" if referer.query else "")
    return "/"
