"""The directory for people who are logged in: search, read, and maintain offers."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kreftkoordinator.audit.disclosure import suppress
from kreftkoordinator.forms import search_text
from kreftkoordinator.organisation.models import Area, today
from kreftkoordinator.roles import Role, role_required

from .forms import EventForm, OfferForm, OfferSearchForm, search_offers
from .models import Event, Offer

readers = role_required(*Role.values)
maintainers = role_required(Role.COORDINATOR, Role.PROGRAMME, Role.ADMIN)


@readers
def offer_list(request):
    form = OfferSearchForm(request.GET or None)
    offers = Offer.objects.select_related("provider").order_by("title", "pk")
    if form.is_valid():
        offers = search_offers(offers, form.cleaned_data)
    to_verify = Offer.objects.maintained_by(request.user).needing_verification()
    if request.GET.get("kontroll"):
        offers = offers.filter(pk__in=to_verify.values("pk"))
    page = Paginator(offers, 25).get_page(request.GET.get("side"))
    editable = set(
        Offer.objects.maintained_by(request.user)
        .filter(pk__in=[o.pk for o in page])
        .values_list("pk", flat=True)
    )
    return render(
        request,
        "directory/offer_list.html",
        {"form": form, "page": page, "editable": editable, "to_verify": to_verify.count()},
    )


@readers
def offer_detail(request, pk):
    offer = get_object_or_404(
        Offer.objects.select_related("provider", "owner_area").prefetch_related("areas"), pk=pk
    )
    can_edit = Offer.objects.maintained_by(request.user).filter(pk=pk).exists()
    own, elsewhere = _usage(offer, request.user)
    context = {
        "offer": offer,
        "can_edit": can_edit,
        "events": offer.events.upcoming(),
        "used_by_own": own,
        "used_by": suppress(elsewhere),
    }
    return render(request, "directory/offer_detail.html", context)


def _usage(offer: Offer, user) -> tuple[int | None, int]:
    """Distinct people whose cases the offer is linked to. A coordinator sees her own areas'
    count exactly and everyone else's apart, so linking her own people cannot step the other
    figure past five to learn it (differencing); the other figure leaves the areas it counts,
    so it is suppressed by the caller. Other roles see one suppressed national figure."""
    mine = Area.objects.visible_to(user)
    people = offer.service_links.values("case__person").distinct()
    if not user.is_coordinator:
        return None, people.count()
    return (
        people.filter(case__area__in=mine).count(),
        people.exclude(case__area__in=mine).count(),
    )


@maintainers
def offer_edit(request, pk=None):
    offer = get_object_or_404(Offer.objects.maintained_by(request.user), pk=pk) if pk else None
    form = OfferForm(request.POST or None, instance=offer, user=request.user)
    if request.method == "POST" and form.is_valid():
        offer = form.save()
        messages.success(request, _("Tilbudet er lagret."))
        return redirect("directory:offer_detail", pk=offer.pk)
    return render(request, "directory/offer_form.html", {"form": form, "offer": offer})


@maintainers
@require_POST
def offer_verify(request, pk):
    offer = get_object_or_404(Offer.objects.maintained_by(request.user), pk=pk)
    offer.last_verified, offer.updated_by = today(), request.user
    offer.save(update_fields=["last_verified", "updated_by"])
    messages.success(request, _("Tilbudet er merket som kontrollert i dag."))
    return redirect("directory:offer_detail", pk=offer.pk)


@role_required(Role.COORDINATOR)
def offer_choices(request):
    """The picker's list, as an htmx fragment: offers for one of the coordinator's own areas
    matching the query (the service form names the case's area). No personal data is shown,
    so nothing is logged; an area she does not cover answers 404."""
    area = get_object_or_404(
        Area.objects.visible_to(request.user), code=search_text(request.GET, "omrade")
    )
    query = search_text(request.GET, "offer_query")
    offers = Offer.objects.for_area(area).select_related("provider")
    results = list(offers.matching(query)[:10]) if query else []
    return render(
        request,
        "directory/fragments/offer_choices.html",
        {"results": results, "query": query, "name": "offer"},
    )


@role_required(Role.COORDINATOR)
def event_list(request):
    events = (
        Event.objects.filter(area__in=Area.objects.visible_to(request.user))
        .upcoming()
        .select_related("area")
    )
    return render(request, "directory/event_list.html", {"events": events})


@role_required(Role.COORDINATOR)
def event_edit(request, pk=None):
    mine = Event.objects.filter(area__in=Area.objects.visible_to(request.user))
    event = get_object_or_404(mine, pk=pk) if pk else None
    form = EventForm(request.POST or None, instance=event, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Arrangementet er lagret."))
        return redirect("directory:event_list")
    return render(request, "directory/event_form.html", {"form": form, "event": event})
