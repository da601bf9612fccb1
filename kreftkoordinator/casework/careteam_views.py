"""The team around the person: add a member, change or end her period, hold a
responsibility-group meeting."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .access import case_for, team_member_for
from .careteam import add_team_member, change_team_member, hold_meeting
from .forms.careteam import CareTeamMemberForm
from .forms.meetings import MeetingForm
from .pages import coordinator_only, form_page, position_for

TEMPLATE = "casework/team_member_form.html"


@coordinator_only
def team_member_add(request, case_pk):
    case = case_for(request.user, case_pk, action=None)
    form = CareTeamMemberForm(request.POST or None, case=case)
    if request.method == "POST" and form.is_valid():
        add_team_member(request.user, form.instance)
        messages.success(request, _("%(member)s er lagt til i teamet.") % {"member": form.instance})
        return redirect("casework:case_detail", pk=case.pk)
    return form_page(request, TEMPLATE, {"form": form, "case": case}, case)


@coordinator_only
def team_member_edit(request, pk):
    member = team_member_for(request.user, pk)
    case = member.case
    form = CareTeamMemberForm(request.POST or None, instance=member, case=case)
    if request.method == "POST" and form.is_valid():
        change_team_member(request.user, form.instance)
        messages.success(request, _("Endringene er lagret."))
        return redirect("casework:case_detail", pk=case.pk)
    return form_page(request, TEMPLATE, {"form": form, "case": case}, member)


@coordinator_only
def meeting_add(request, case_pk):
    case = case_for(request.user, case_pk, action=None)
    form = MeetingForm(request.POST or None, case=case)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        steps = form.steps()
        hold_meeting(
            request.user,
            case,
            data["at"],
            data["duration_minutes"],
            list(data["members"]),
            data["decisions"],
            steps,
            with_patient=data["with_patient"],
            with_relative=data["with_relative"],
            position=position_for(request.user, case.area_id),
        )
        n = len(steps)
        messages.success(
            request,
            ngettext(
                "Møtet er registrert, med %(n)d ny oppgave.",
                "Møtet er registrert, med %(n)d nye oppgaver.",
                n,
            )
            % {"n": n},
        )
        return redirect("casework:case_detail", pk=case.pk)
    return form_page(request, "casework/meeting_form.html", {"form": form, "case": case}, case)
