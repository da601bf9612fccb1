"""Kartlegging: a new assessment beside the previous one, and one assessment against the one
before it."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .access import assessment_for, case_for
from .forms.assessments import AssessmentForm
from .models import Assessment, NeedLevel, Topic
from .pages import coordinator_only, form_page
from .workflows import record_assessment


def _previous(case, before=None):
    qs = Assessment.objects.filter(case=case).prefetch_related("needs")
    if before is not None:
        qs = qs.filter(assessed_on__lte=before.assessed_on).exclude(pk=before.pk)
    return qs.order_by("-assessed_on", "-pk").first()


def _rows(current: dict[str, int], previous: dict[str, int] | None):
    labels = dict(NeedLevel.choices)
    return [
        {
            "label": label,
            "now": labels.get(current[topic]) if topic in current else None,
            "before": labels.get(previous[topic]) if previous and topic in previous else None,
        }
        for topic, label in Topic.choices
    ]


@coordinator_only
def assessment_create(request, case_pk):
    case = case_for(request.user, case_pk, action=None)
    previous = _previous(case)
    form = AssessmentForm(request.POST or None, case=case)
    if request.method == "POST" and form.is_valid():
        assessment = record_assessment(request.user, case, form.cleaned_data, form.needs())
        messages.success(request, _("Kartleggingen er lagret."))
        return redirect("casework:assessment_detail", pk=assessment.pk)
    before = previous.levels() if previous else {}
    labels = dict(NeedLevel.choices)
    rows = [
        (label, level, note, labels.get(before[topic]) if topic in before else None)
        for label, level, note, topic in form.topic_rows()
    ]
    return form_page(
        request,
        "casework/assessment_form.html",
        {"form": form, "case": case, "previous": previous, "rows": rows},
        case,
    )


@coordinator_only
def assessment_detail(request, pk):
    assessment = assessment_for(request.user, pk)
    previous = _previous(assessment.case, before=assessment)
    rows = _rows(assessment.levels(), previous.levels() if previous else None)
    notes = {n.topic: n.note for n in assessment.needs.all() if n.note}
    for row, (topic, _label) in zip(rows, Topic.choices, strict=True):
        row["note"] = notes.get(topic, "")
    return render(
        request,
        "casework/assessment_detail.html",
        {"assessment": assessment, "previous": previous, "rows": rows, "case": assessment.case},
    )
