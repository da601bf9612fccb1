"""«Kontakt meg»: a request from the public form lands in the inbox of the positions covering the
area; a coordinator marks it handled. The public app calls `receive_contact_request`; it never
writes casework records itself."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from kreftkoordinator import audit
from kreftkoordinator.accounts.models import User
from kreftkoordinator.audit.models import Action
from kreftkoordinator.mail import mail_users
from kreftkoordinator.organisation.models import Area

from .models import ContactRequest


@transaction.atomic
def register_from_request(user: User, person, contact_request: ContactRequest):
    """Register the person who wrote (name, phone and area carried over by the form) and link
    the request to her: one step, one entry in the log. The request stays open until the contact
    that answers it is recorded (`workflows.record_contact(answers=…)`)."""
    person.save()
    _link(user, contact_request, person)
    audit.record(user, Action.CREATE, person, reason="fra kontaktforespørsel")
    return person


@transaction.atomic
def link_request(user: User, contact_request: ContactRequest, person) -> None:
    """The one who wrote is already registered: link the request to her (it stays open)."""
    _link(user, contact_request, person)
    audit.record(
        user, Action.UPDATE, contact_request, person=person, reason="kontaktforespørsel koblet"
    )


def _link(user: User, contact_request: ContactRequest, person) -> None:
    contact_request.person = person
    contact_request.save(update_fields=["person"])


@transaction.atomic
def receive_contact_request(area: Area, data: dict, coordinators: list[User]) -> ContactRequest:
    """Store a request from the public (no acting user) and tell the covering coordinators by
    e-mail that one is waiting, without saying who wrote it."""
    contact_request = ContactRequest.objects.create(
        area=area,
        name=data["name"],
        phone=data["phone"],
        email=data["email"],
        role=data["role"],
        message=data["message"],
    )
    audit.record(None, Action.CREATE, contact_request, area=area, reason="kontaktskjema")
    mail_users(
        coordinators,
        gettext_lazy("Ny kontaktforespørsel i Kreftkoordinator"),
        gettext_lazy(
            "Noen i %(area)s ber om å bli kontaktet. Logg inn for å se forespørselen: %(url)s"
        ),
        {"area": area.name, "url": settings.SITE_URL.rstrip("/") + reverse("casework:caseload")},
    )
    return contact_request


@transaction.atomic
def handle_contact_request(user: User, contact_request: ContactRequest) -> None:
    if contact_request.handled_at is None:
        contact_request.handled_at, contact_request.handled_by = timezone.now(), user
        contact_request.save(update_fields=["handled_at", "handled_by"])
        audit.record(user, Action.UPDATE, contact_request, reason="kontaktforespørsel behandlet")
