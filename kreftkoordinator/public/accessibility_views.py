"""The accessibility statement and the form that reports a problem with it (accessibility.py)."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kreftkoordinator.accounts.models import Role, User
from kreftkoordinator.mail import mail_users

from .accessibility import status
from .forms import AccessibilityFeedbackForm
from .ratelimit import contact_accepted, contact_allowed


def statement(request):
    form = AccessibilityFeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        sender = form.cleaned_data["email"].lower()
        if not contact_allowed(request, sender):
            form.add_error(
                None,
                _(
                    "Det er sendt mange meldinger herfra den siste timen. Prøv igjen om en "
                    "stund. Det du skrev, står her fortsatt."
                ),
            )
            return render(request, "public/accessibility.html", _context(form), status=429)
        if not form.is_robot:
            report_problem(form.cleaned_data)
            contact_accepted(request, sender)
        messages.success(
            request,
            _("Takk. Administratorene har fått meldingen, og svarer innen %(days)s dager.")
            % {"days": settings.ACCESSIBILITY_ANSWER_DAYS}
            if form.cleaned_data["email"]
            else _("Takk. Administratorene har fått meldingen."),
        )
        return redirect(reverse("public:accessibility") + "#tilbakemelding")
    return render(request, "public/accessibility.html", _context(form))


def _context(form) -> dict:
    return {"form": form, "status": status(), "answer_days": settings.ACCESSIBILITY_ANSWER_DAYS}


def report_problem(data: dict) -> None:
    """The report reaches every active administrator, each in the language she reads. It
    names no one but the sender, who may leave her address out."""
    mail_users(
        User.objects.filter(role=Role.ADMIN, is_active=True),
        gettext_lazy("Tilbakemelding om tilgjengelighet i Kreftkoordinator"),
        gettext_lazy(
            "Noen har meldt et problem med tilgjengeligheten.\n\nSiden: %(page)s\nSvar til: "
            "%(email)s\n\n%(message)s\n\nSvarfristen i tilgjengelighetserklæringen er %(days)s "
            "dager."
        ),
        {
            "page": data["page"] or "–",
            "email": data["email"] or "–",
            "message": data["message"],
            "days": settings.ACCESSIBILITY_ANSWER_DAYS,
        },
    )
