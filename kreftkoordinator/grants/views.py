"""Grant pages for the funder's programme staff and the municipality's leaders. Every agreement
is fetched through `Agreement.objects.visible_to` (the access helper `_agreement`), so a leader
sees her own municipalities' agreements and nothing else; reading an agreement page (absences
are health data about the coordinator) writes an audit entry."""

from datetime import date
from decimal import Decimal

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kreftkoordinator import audit
from kreftkoordinator.audit.models import Action
from kreftkoordinator.casework.models import Notification
from kreftkoordinator.languages import document_links, write_for
from kreftkoordinator.organisation.models import today
from kreftkoordinator.roles import Role, post_only, role_required
from kreftkoordinator.validators import shown_bank_account

from . import exports, rules
from .forms import AbsenceForm, AgreementForm, DecisionForm, PaymentDetailsForm, SchemeForm
from .models import Absence, Agreement, Scheme, Statement
from .overview import overview
from .queue import queue_context
from .statements import calculate_quarter
from .workflows import (
    GrantError,
    confirm_absence,
    decide_year,
    make_agreement,
    report_absence,
    required_report,
    set_payment_details,
)

WHO = (Role.LEADER, Role.PROGRAMME)


def _day(query) -> date:
    """The payment date asked for (`dato=YYYY-MM-DD`), today when none or none that is a date."""
    try:
        return date.fromisoformat(query.get("dato", ""))
    except ValueError:
        return today()


def _agreement(user, pk: int) -> Agreement:
    """The one access helper for agreements."""
    return get_object_or_404(
        Agreement.objects.visible_to(user).select_related("position", "scheme", "host_area"),
        pk=pk,
    )


def _refused(form, error: GrantError, field: str | None = None) -> None:
    for problem in error.problems:
        form.add_error(field, problem)


@role_required(*WHO)
def agreement_list(request):
    """Programme staff: the programme overview; a leader: her municipalities' agreements, what
    they must report and when."""
    data = overview(request.user, today())
    if request.GET.get("format") == "xlsx":
        return exports.overview_workbook(data).response("tilskudd-oversikt.xlsx")
    notifications = Notification.objects.filter(user=request.user, read_at__isnull=True)[:10]
    context = {"overview": data, "notifications": notifications, "today": today()}
    if request.user.is_programme:
        context |= queue_context(request.user)
    return render(request, "grants/list.html", context)


@role_required(Role.PROGRAMME)
def agreement_create(request):
    form = AgreementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            agreement = make_agreement(
                request.user,
                data["position"],
                start=data["start"],
                fte=data["fte"],
                salary=data["salary"],
                social_rate=data["social_rate"] / Decimal(100),
                scheme=data["scheme"],
                parties=data["parties"],
            )
        except GrantError as e:
            _refused(form, e)
        else:
            for note in agreement.terms.notes(_):
                messages.info(request, note)
            messages.success(request, _("Avtalen er registrert, og år 1 er godkjent."))
            return redirect("grants:agreement", pk=agreement.pk)
    return render(request, "grants/agreement_form.html", {"form": form})


@role_required(*WHO)
def agreement_detail(request, pk: int, absence_form=None, decision_form=None, payment_form=None):
    agreement = _agreement(request.user, pk)
    audit.record(
        request.user, Action.VIEW, agreement, area=agreement.host_area_id, reason="tilskuddsavtale"
    )
    calc = agreement.calculation()
    decisions = {d.number: d for d in agreement.decisions.select_related("decided_by")}
    years = [
        (y, decisions.get(y.number), required_report(agreement, y.number), calc.payable(y))
        for y in calc.years
    ]
    context = {
        "agreement": agreement,
        "calc": calc,
        "notes": calc.terms.notes(_),
        "years": years,
        "absences": agreement.absences.select_related("reported_by", "confirmed_by"),
        "statements": agreement.statements.select_related("corrects"),
        "absence_form": absence_form or AbsenceForm(),
        "decision_form": decision_form or DecisionForm(),
        "payment_form": payment_form
        or PaymentDetailsForm(
            initial={
                "organisation_number": agreement.organisation_number,
                "bank_account": shown_bank_account(agreement.bank_account),
            }
        ),
        "undecided": [y.number for y in calc.years if y.number not in decisions],
    }
    return render(request, "grants/agreement.html", context)


@role_required(Role.PROGRAMME)
@post_only(lambda request, pk: reverse("grants:agreement", args=[pk]))
def agreement_payment(request, pk: int):
    agreement = _agreement(request.user, pk)
    form = PaymentDetailsForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        set_payment_details(
            request.user, agreement, data["organisation_number"], data["bank_account"]
        )
        messages.success(request, _("Betalingsopplysningene er lagret."))
        return redirect("grants:agreement", pk=pk)
    return agreement_detail(request, pk, payment_form=form)


@role_required(*WHO)
def agreement_letter(request, pk: int):
    agreement = _agreement(request.user, pk)
    audit.record(
        request.user, Action.PRINT, agreement, area=agreement.host_area_id, reason="avtalebrev"
    )
    calc = agreement.calculation()
    # A letter to the municipality: in its language form unless the writer chose another.
    write_for(request, agreement.host_area)
    return render(
        request,
        "grants/letter.html",
        {
            "agreement": agreement,
            "calc": calc,
            "notes": calc.terms.notes(_),
            "document_links": document_links(request, agreement.host_area),
        },
    )


@role_required(*WHO)
@post_only(lambda request, pk: reverse("grants:agreement", args=[pk]))
def absence_add(request, pk: int):
    agreement = _agreement(request.user, pk)
    form = AbsenceForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            report_absence(request.user, agreement, data["kind"], data["first"], data["last"])
        except GrantError as e:
            _refused(form, e)
        else:
            messages.success(request, _("Fraværet er meldt."))
            return redirect("grants:agreement", pk=pk)
    return agreement_detail(request, pk, absence_form=form)


@role_required(Role.PROGRAMME)
@require_POST
def absence_confirm(request, pk: int):
    absence = get_object_or_404(
        Absence.objects.filter(agreement__in=Agreement.objects.visible_to(request.user)), pk=pk
    )
    confirm_absence(request.user, absence)
    messages.success(request, _("Fraværet er bekreftet."))
    return redirect("grants:agreement", pk=absence.agreement_id)


@role_required(Role.PROGRAMME)
@post_only(lambda request, pk, number: reverse("grants:agreement", args=[pk]))
def year_decide(request, pk: int, number: int):
    agreement = _agreement(request.user, pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            decide_year(
                request.user,
                agreement,
                number,
                form.cleaned_data["approved"],
                form.cleaned_data["comment"],
            )
        except GrantError as e:
            _refused(form, e)
        else:
            messages.success(request, _("Vedtaket for år %(n)s er lagret.") % {"n": number})
            return redirect("grants:agreement", pk=pk)
    return agreement_detail(request, pk, decision_form=form)


@role_required(Role.PROGRAMME)
def statement_list(request):
    """A quarter's statements for every agreement: calculate them, export them."""
    text = request.GET.get("kvartal") or str(rules.Quarter.of(today()).previous())
    try:
        quarter = rules.Quarter.parse(text)
    except rules.RuleError as e:
        messages.error(request, e.messages(_)[0])
        quarter = rules.Quarter.of(today()).previous()
    if request.method == "POST":
        made = calculate_quarter(request.user, quarter)
        messages.success(
            request,
            _("%(n)s oppgaver er beregnet for %(quarter)s.") % {"n": len(made), "quarter": quarter},
        )
        return redirect(f"{request.path}?kvartal={quarter}")
    statements = (
        Statement.objects.visible_to(request.user)
        .filter(year=quarter.year, quarter=quarter.number)
        .select_related("agreement__position", "corrects")
    )
    wanted = request.GET.get("format")
    if wanted == "xlsx":
        return exports.statements_workbook(statements, quarter).response(
            f"utbetalinger-{quarter}.xlsx"
        )
    if wanted in ("regnskap", "betaling"):
        try:
            return exports.payment_download(request.user, quarter, wanted, _day(request.GET))
        except GrantError as e:
            for problem in e.problems:
                messages.error(request, problem)
    context = {
        "quarter": quarter,
        "statements": statements,
        "previous": quarter.previous(),
        "next": quarter.next(),
        "total": sum(s.amount for s in statements),
        "today": today(),
    }
    return render(request, "grants/statements.html", context)


@role_required(Role.PROGRAMME)
def scheme_list(request):
    form = SchemeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        Scheme.objects.create(name=form.cleaned_data["name"], shares=form.cleaned_data["shares"])
        messages.success(request, _("Ordningen er lagt til."))
        return redirect("grants:schemes")
    schemes = Scheme.objects.annotate(used=Count("agreements"))
    return render(request, "grants/schemes.html", {"form": form, "schemes": schemes})
