"""The caseload and the case page: phases, relatives, closing."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import chain
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q, Subquery
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kreftkoordinator import audit
from kreftkoordinator.audit.models import Action
from kreftkoordinator.forms import record_id
from kreftkoordinator.organisation.models import Area, today
from kreftkoordinator.roles import post_only

from .access import case_for, person_for
from .day import day_of
from .filters import CaseloadFilter
from .forms.cases import CaseForm, CloseCaseForm, EndOfLifeForm, PhaseForm
from .forms.contacts import FollowUpForm
from .forms.people import RelativeForm
from .forms.services import ServiceStatusForm
from .models import (
    Case,
    Contact,
    EventKind,
    FollowUp,
    Phase,
    ServiceStatusChange,
)
from .models.versioned import EditConflict
from .pages import (
    CONFLICT,
    case_page_with_errors,
    coordinator_only,
    form_page,
    person_search,
    save_versioned,
)
from .workflows import add_relative, change_phase, open_case


@dataclass
class TimelineEntry:
    on: date
    at: datetime | None
    kind: str
    item: Any


@coordinator_only
def caseload(request):
    """Open cases across the user's areas, with filters, and the follow-ups due."""
    user = request.user
    filters = CaseloadFilter(request.GET or None, areas=Area.objects.visible_to(user))
    last_contact = Contact.objects.filter(case=OuterRef("pk")).order_by("-at").values("at")[:1]
    due = FollowUp.objects.due().filter(case=OuterRef("pk"))
    cases = (
        Case.objects.visible_to(user)
        .select_related("person", "area")
        .annotate(last_contact=Subquery(last_contact), has_due=Exists(due))
        .order_by("person__name", "pk")
    )
    status = filters.cleaned_data.get("status", "") if filters.is_valid() else ""
    if status == "closed":
        cases = cases.filter(closed_on__isnull=False)
    elif status != "all":
        cases = cases.open()
    if filters.is_valid():
        data = filters.cleaned_data
        if data["area"]:
            cases = cases.filter(area=data["area"])
        if data["phase"]:
            cases = cases.filter(phase=data["phase"])
        if data["due"]:
            cases = cases.filter(has_due=True)
        if data["quiet_weeks"]:
            since = timezone.now() - timedelta(weeks=data["quiet_weeks"])
            cases = cases.filter(Q(last_contact__lt=since) | Q(last_contact__isnull=True))
        if data["q"]:
            cases = cases.filter(person_search(data["q"], prefix="person__"))
    page = Paginator(cases, 50).get_page(request.GET.get("side"))
    day = day_of(user, recent=0)  # her latest contacts are on the start page, not here
    follow_ups, notifications, inbox = day.follow_ups, day.notifications, day.inbox
    # The list shows names and phones: one entry names everyone on it.
    shown = [c.person_id for c in page] + [f.case.person_id for f in follow_ups if f.case]
    audit.record(user, Action.VIEW, object_type="casework.case", persons=shown, reason="saksliste")
    return render(
        request,
        "casework/caseload.html",
        {
            "filters": filters,
            "page": page,
            "follow_ups": follow_ups,
            "today": today(),
            "notifications": notifications,
            "inbox": inbox,
        },
    )


@coordinator_only
def case_create(request, person_pk):
    """A new case for the person; from a patient's case (`?til=ID`), her own case as one of
    that patient's relatives (after a death, in bereavement follow-up)."""
    person = person_for(request.user, person_pk, action=None)
    case = Case(person=person, area=person.area)
    source = record_id(request.GET, "til")
    if source is not None:
        patient_case = case_for(request.user, source, action=None)
        if patient_case.relations.filter(person=person).exists():
            case.relative_of, case.kind = patient_case, Case.Kind.RELATIVE
            if patient_case.person.died_on:
                case.phase = Phase.BEREAVEMENT
    form = CaseForm(request.POST or None, instance=case)
    if request.method == "POST" and form.is_valid():
        case = open_case(request.user, form.instance)
        messages.success(request, _("Oppfølgingen er startet."))
        return redirect("casework:case_detail", pk=case.pk)
    return form_page(request, "casework/case_form.html", {"form": form, "person": person}, person)


@coordinator_only
def case_detail(request, pk):
    return case_page(request, case_for(request.user, pk, action=None))


def case_page(request, case, bound=None):
    """The case page. `bound` is a side form with errors, shown in place of a blank one. The
    page shows the patient and the relatives' names and phones, so one entry names them all."""
    relations = list(case.relations.select_related("person"))
    # A relative's own case names whose relative she is, while both are in the same area.
    patient_case = case.relative_of if case.relative_of_id else None
    if patient_case is not None and patient_case.area_id != case.area_id:
        patient_case = None
    named = [r.person for r in relations] + ([patient_case.person] if patient_case else [])
    audit.record(request.user, Action.VIEW, case, person=case.person, persons=named)
    contacts = case.contacts.select_related(
        "created_by", "team_member", "meeting"
    ).prefetch_related("meeting__members__provider")
    phases = case.phases.all()
    assessments = list(case.assessments.prefetch_related("needs"))
    services = list(case.services.select_related("offer__provider", "handled_by__provider"))
    team = list(case.team.select_related("provider"))
    events = list(case.care_events.all())
    changes = ServiceStatusChange.objects.filter(link__case=case).select_related(
        "link__offer", "link__handled_by__provider"
    )
    timeline = sorted(
        chain(
            (TimelineEntry(timezone.localtime(c.at).date(), c.at, "contact", c) for c in contacts),
            (TimelineEntry(p.from_date, None, "phase", p) for p in phases),
            (TimelineEntry(a.assessed_on, None, "assessment", a) for a in assessments),
            (TimelineEntry(c.on, None, "service", c) for c in changes),
            (TimelineEntry(e.on, None, "event", e) for e in events),
        ),
        key=lambda entry: (entry.on, entry.at or timezone.now()),
        reverse=True,
    )
    context = {
        "case": case,
        "timeline": timeline,
        "relations": relations,
        "patient_case": patient_case,
        # After a death, what the relatives do belongs on their own cases: who has one.
        "with_own_case": set(case.relative_cases.values_list("person_id", flat=True))
        if case.person.died_on
        else set(),
        "latest_assessment": assessments[0] if assessments else None,
        "death": next((e for e in events if e.kind == EventKind.DEATH), None),
        "event_kinds": EventKind.choices,
        "services": [
            (
                link,
                bound
                if isinstance(bound, ServiceStatusForm) and bound.link.pk == link.pk
                else ServiceStatusForm(link=link, prefix=f"s{link.pk}"),
            )
            for link in services
        ],
        "team": team,
        "documents": case.documents.select_related("uploaded_by"),
        "estimates": list(case.estimates.all()) if case.kind == Case.Kind.PATIENT else [],
        "follow_ups": case.follow_ups.select_related("team_member__provider").order_by(
            "done_on", "due_on"
        ),
        "phase_form": bound if isinstance(bound, PhaseForm) else PhaseForm(case=case),
        "follow_up_form": bound if isinstance(bound, FollowUpForm) else FollowUpForm(case=case),
        "today": today(),
        "age": case.person.age_on(case.person.died_on or today()),
    }
    return render(request, "casework/case_detail.html", context)


@coordinator_only
def case_edit(request, pk):
    case = case_for(request.user, pk, action=None)
    form = CaseForm(request.POST or None, instance=case)
    return save_versioned(
        request,
        case,
        form,
        "casework/case_form.html",
        {"case": case, "person": case.person},
        _("Endringene er lagret."),
        reverse("casework:case_detail", args=[case.pk]),
    )


@coordinator_only
def case_end_of_life(request, pk):
    """The wished place of death and the palliative plan, for the palliative or end-of-life
    phase; after the death, the checklist holds the place against the wish."""
    case = case_for(request.user, pk, action=None)
    form = EndOfLifeForm(request.POST or None, instance=case)
    return save_versioned(
        request,
        case,
        form,
        "casework/end_of_life_form.html",
        {"case": case, "person": case.person},
        _("Ønskene er lagret."),
        reverse("casework:case_detail", args=[case.pk]),
    )


@coordinator_only
def case_close(request, pk):
    case = case_for(request.user, pk, action=None)
    form = CloseCaseForm(request.POST or None, instance=case)
    return save_versioned(
        request,
        case,
        form,
        "casework/case_close.html",
        {"case": case},
        _("Oppfølgingen er avsluttet."),
        reverse("casework:case_detail", args=[case.pk]),
    )


@coordinator_only
@post_only(lambda request, pk: reverse("casework:case_detail", args=[pk]))
def case_phase(request, pk):
    case = case_for(request.user, pk, action=None)  # change_phase logs the write
    form = PhaseForm(request.POST, case=case)
    if not form.is_valid():
        return case_page_with_errors(request, case, form)
    try:
        change_phase(
            request.user,
            case,
            form.cleaned_data["phase"],
            form.cleaned_data["from_date"],
            form.cleaned_data["seen_version"],
        )
    except EditConflict:
        form.add_error(None, CONFLICT)
        return case_page_with_errors(request, case, form)
    messages.success(request, _("Fasen er endret."))
    return redirect("casework:case_detail", pk=case.pk)


@coordinator_only
def relative_add(request, pk):
    case = case_for(request.user, pk, action=None)
    form = RelativeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        add_relative(request.user, case, form.instance, form.cleaned_data["relation"])
        messages.success(request, _("Pårørende er lagt til."))
        return redirect("casework:case_detail", pk=case.pk)
    return form_page(request, "casework/relative_form.html", {"form": form, "case": case}, case)
