"""The team around the person: add a member, change or end her period."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .access import case_for, team_member_for
from .careteam import add_team_member, change_team_member
from .forms.careteam import CareTeamMemberForm
from .pages import coordinator_only, form_page

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
