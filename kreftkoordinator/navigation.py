"""The main navigation of each role, for base.html. In the kernel, not in an app: it names
pages of every app, and no app should have to import the apps above it to show them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .roles import Role

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
    return {"nav_items": nav_items, "demo_mode": settings.DEMO}
