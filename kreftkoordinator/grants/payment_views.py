"""A statement's page and its way to payment: approved, attested by one programme officer,
authorised by a second with budget authority (never the same person), paid; each step can be
sent back with a reason. The rules are the model's (models/statements.py); these pages only
show them and say what was refused."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kreftkoordinator import audit
from kreftkoordinator.audit.models import Action
from kreftkoordinator.languages import document_links, write_for
from kreftkoordinator.organisation.models import today
from kreftkoordinator.roles import Role, post_only, role_required

from .forms import PaidForm, SendBackForm
from .models import GrantError, Statement
from .views import WHO


def statement_for(user, pk: int) -> Statement:
    """The one access helper for statements."""
    return get_object_or_404(
        Statement.objects.visible_to(user).select_related(
            "agreement__position",
            "agreement__host_area",
            "approved_by",
            "attested_by",
            "authorised_by",
        ),
        pk=pk,
    )


@role_required(*WHO)
def statement_detail(request, pk: int, paid_form=None, back_form=None):
    """A statement, printable: the rule and the days it counted (sick-leave days among them,
    so the read is logged like the agreement's), and every step of its payment."""
    statement = statement_for(request.user, pk)
    audit.record(
        request.user,
        Action.VIEW,
        statement,
        area=statement.agreement.host_area_id,
        reason="utbetalingsoppgave",
    )
    host = statement.agreement.host_area
    write_for(request, host)
    return render(
        request,
        "grants/statement.html",
        {
            "statement": statement,
            "Status": Statement.Status,
            "steps": statement.steps.select_related("by"),
            "paid_form": paid_form or PaidForm(initial={"paid_on": today()}),
            "back_form": back_form or SendBackForm(),
            "document_links": document_links(request, host),
        },
    )


def _step(request, pk: int, step: str, done: str):
    statement = statement_for(request.user, pk)
    try:
        getattr(statement, step)(request.user)
    except GrantError as e:
        messages.error(request, e.problems[0])
    else:
        messages.success(request, done)
    return redirect("grants:statement", pk=pk)


@role_required(Role.PROGRAMME)
@require_POST
def statement_approve(request, pk: int):
    return _step(request, pk, "approve", _("Oppgaven er godkjent."))


@role_required(Role.PROGRAMME)
@require_POST
def statement_attest(request, pk: int):
    return _step(
        request,
        pk,
        "attest",
        _("Utbetalingen er attestert. En annen med anvisningsmyndighet anviser den."),
    )


@role_required(Role.PROGRAMME)
@require_POST
def statement_authorise(request, pk: int):
    return _step(request, pk, "authorise", _("Utbetalingen er anvist og kan betales ut."))


@role_required(Role.PROGRAMME)
@post_only(lambda request, pk: reverse("grants:statement", args=[pk]))
def statement_send_back(request, pk: int):
    statement = statement_for(request.user, pk)
    form = SendBackForm(request.POST)
    if form.is_valid():
        try:
            statement.send_back(request.user, form.cleaned_data["reason"])
        except GrantError as e:
            for problem in e.problems:
                form.add_error("reason", problem)
        else:
            messages.success(request, _("Oppgaven er sendt tilbake."))
            return redirect("grants:statement", pk=pk)
    return statement_detail(request, pk, back_form=form)


@role_required(Role.PROGRAMME)
@post_only(lambda request, pk: reverse("grants:statement", args=[pk]))
def statement_pay(request, pk: int):
    statement = statement_for(request.user, pk)
    form = PaidForm(request.POST)
    if form.is_valid():
        try:
            statement.pay(request.user, form.cleaned_data["paid_on"])
        except GrantError as e:
            if statement.status != Statement.Status.AUTHORISED:  # no form to show it at
                messages.error(request, e.problems[0])
                return redirect("grants:statement", pk=pk)
            for problem in e.problems:
                form.add_error("paid_on", problem)
        else:
            messages.success(request, _("Oppgaven er merket som utbetalt."))
            return redirect("grants:statement", pk=pk)
    return statement_detail(request, pk, paid_form=form)
