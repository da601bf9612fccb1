from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kreftkoordinator.roles import Role, role_required

from .access import case_for
from .forms.transfers import TransferForm
from .models import Notification
from .models.versioned import EditConflict
from .pages import CONFLICT, coordinator_only, form_page
from .transfers import transfer_case


@coordinator_only
def case_transfer(request, pk):
    case = case_for(request.user, pk, action=None)
    form = TransferForm(request.POST or None, case=case)
    if request.method == "POST" and form.is_valid():
        to_area = form.cleaned_data["to_area"][0]
        try:
            transfer_case(
                request.user,
                case,
                to_area,
                form.cleaned_data["reason"],
                form.cleaned_data["seen_version"],
            )
        except EditConflict:
            form.add_error(None, CONFLICT)
        else:
            messages.success(
                request,
                _("Oppfølgingen er overført til %(area)s, og koordinatoren der er varslet.")
                % {"area": to_area.name},
            )
            return redirect("casework:case_detail", pk=case.pk)
    return form_page(request, "casework/case_transfer.html", {"form": form, "case": case}, case)


@role_required(*Role.values)
@require_POST
def notification_read(request, pk):
    """Anyone's own notifications (a coordinator's transfers, a leader's or programme officer's
    grant reminders); another user's is not found."""
    notification = get_object_or_404(Notification, pk=pk, user=request.user)
    notification.read_at = timezone.now()
    notification.save(update_fields=["read_at"])
    url = notification.url
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}):
        return redirect(url)
    return redirect("home")
