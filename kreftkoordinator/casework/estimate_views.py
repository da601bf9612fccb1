"""The coordinator's estimate for a case and a year (at closing, or once a year)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from kreftkoordinator.organisation.models import today

from .access import case_for
from .forms.estimates import EstimateForm
from .models import Estimate
from .pages import coordinator_only, form_page
from .workflows import record_estimate


def _year(request, case) -> int:
    """The year asked for (`?ar=`), else the year the case closed, else this year."""
    text = (request.POST or request.GET).get("year") or request.GET.get("ar") or ""
    if text.strip().isdigit() and len(text.strip()) == 4:
        return int(text)
    return (case.closed_on or today()).year


@coordinator_only
def estimate_edit(request, case_pk):
    case = case_for(request.user, case_pk, action=None)
    year = _year(request, case)
    instance = Estimate.objects.filter(case=case, year=year).first() or Estimate(year=year)
    form = EstimateForm(request.POST or None, instance=instance, case=case)
    if request.method == "POST" and form.is_valid():
        record_estimate(request.user, form.instance)
        messages.success(request, _("Anslaget for %(year)s er lagret.") % {"year": year})
        return redirect("casework:case_detail", pk=case.pk)
    years = range(case.opened_on.year, min((case.closed_on or today()).year, today().year) + 1)
    context = {"form": form, "case": case, "year": year, "years": list(years)}
    return form_page(request, "casework/estimate_form.html", context, case)
