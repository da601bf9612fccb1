"""The pages anyone can use without logging in. They show positions, offers and events, never
anything about a person; a contact request is stored for the coordinators and only thanked for."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as ICalEvent

from kreftkoordinator.accounts.models import coordinators_covering
from kreftkoordinator.casework.requests import receive_contact_request
from kreftkoordinator.directory.forms import OfferSearchForm, search_offers
from kreftkoordinator.directory.models import Event, Offer
from kreftkoordinator.forms import search_text
from kreftkoordinator.languages import speak_for
from kreftkoordinator.organisation.models import Area, AreaKind, Assignment, Position, today

from .coverage import HEIGHT, WIDTH, coverage, markers, outline
from .forms import ContactForm, EventSearchForm, FindForm, positions_named
from .next_steps import next_steps
from .ratelimit import (
    contact_accepted,
    contact_allowed,
    inbox_full,
    inbox_received,
    tell_once_inbox_full,
)


def front(request):
    return render(request, "public/front.html", {"form": FindForm()})


def positions_for(area: Area):
    """Positions in force today that cover the area, each with who holds it today."""
    return positions_with_holders(Position.objects.active_on(today()).filter(covered_areas=area))


def positions_with_holders(queryset):
    day = today()
    positions = list(queryset.prefetch_related("covered_areas").order_by("kind", "name"))
    holders = {
        a.position_id: a.user
        for a in Assignment.objects.valid_on(day)
        .filter(position__in=positions)
        .select_related("user")
        .order_by("kind")
    }
    for position in positions:
        position.holder = holders.get(position.pk)  # type: ignore[attr-defined]
    return positions


def find(request):
    form = FindForm(request.GET or None)
    context: dict[str, object] = {"form": form}
    if form.is_valid() and isinstance(form.cleaned_data["municipality"], str):
        # A region's name: the positions called so, each with the areas it covers.
        context["named"] = positions_with_holders(
            positions_named(form.cleaned_data["municipality"])
        )
        context["region"] = form.cleaned_data["municipality"]
    elif form.is_valid() and form.cleaned_data["municipality"].ambiguous:
        context["suggestions"] = form.cleaned_data["municipality"].suggestions
    elif form.is_valid():
        found = form.cleaned_data["municipality"]
        area = found.area
        if area.code == "0301":  # Oslo: the coordinators work in the city districts
            context["districts"] = (
                Area.objects.current().filter(kind=AreaKind.DISTRICT, parent=area).order_by("name")
            )
        speak_for(request, area)
        positions = positions_for(area)
        municipal = [p for p in positions if p.kind == "municipal"]
        hospital = [p for p in positions if p.kind == "hospital"]
        context.update(area=area, found=found, municipal=municipal, hospital=hospital)
        if not municipal and "districts" not in context:
            context.update(next_steps(area, hospital))
    return render(request, "public/find.html", context)


def contact(request):
    named = search_text(request.GET, "kommune")
    about = Area.objects.find(named) if named else None
    speak_for(request, about)
    form = ContactForm(
        request.POST or None, initial={"municipality": about.name if about else named}
    )
    if request.method == "POST" and form.is_valid():
        sender = form.cleaned_data.get("phone") or form.cleaned_data.get("email", "").lower()
        if not contact_allowed(request, sender):
            # Nothing typed is lost: the form again, with why.
            form.add_error(
                None,
                _(
                    "Det er sendt mange forespørsler herfra den siste timen. Prøv igjen om en "
                    "stund, eller ring kommunen direkte. Det du skrev, står her fortsatt."
                ),
            )
            return render(request, "public/contact.html", {"form": form}, status=429)
        if form.is_robot:
            return redirect("public:contact_thanks")
        area = form.cleaned_data["municipality"]
        speak_for(request, area)
        coordinators = coordinators_covering(area)
        if not coordinators:
            form.add_error(
                "municipality",
                _(
                    "Det er ingen kreftkoordinator registrert i %(area)s ennå. Ta kontakt med "
                    "kommunen direkte."
                )
                % {"area": area.name},
            )
        elif inbox_full(request, area):
            tell_once_inbox_full(request, area, coordinators)
            form.add_error(
                None,
                _(
                    "Det ligger allerede flere forespørsler herfra som kreftkoordinatoren ikke "
                    "har svart på. Ring kommunen direkte, eller prøv igjen når du har fått svar. "
                    "Det du skrev, står her fortsatt."
                ),
            )
            return render(request, "public/contact.html", {"form": form}, status=429)
        else:
            received = receive_contact_request(area, form.cleaned_data, coordinators)
            contact_accepted(request, sender)
            inbox_received(request, area, received)
            # The thanks in the language the form was in, for a visitor who chose none.
            return redirect(reverse("public:contact_thanks") + f"?kommune={area.code}")
    return render(request, "public/contact.html", {"form": form})


def contact_thanks(request):
    named = search_text(request.GET, "kommune")
    speak_for(request, Area.objects.find(named) if named else None)
    return render(request, "public/thanks.html")


def offers(request):
    """Offers for someone living in a municipality: by category, target group and words."""
    form = OfferSearchForm(request.GET or None)
    found = Offer.objects.published().select_related("provider").order_by("title", "pk")
    if form.is_valid():
        found = search_offers(found, form.cleaned_data)
        speak_for(request, form.cleaned_data["area"])
    page = Paginator(found, 20).get_page(request.GET.get("side"))
    return render(request, "public/offers.html", {"form": form, "page": page})


def offer(request, pk):
    shown = get_object_or_404(
        Offer.objects.published()
        .select_related("provider", "owner_area")
        .prefetch_related("areas"),
        pk=pk,
    )
    speak_for(request, shown.owner_area)
    return render(request, "public/offer.html", {"offer": shown, "events": shown.events.upcoming()})


def events(request):
    """Meeting places, theme cafés and courses ahead, in one municipality (and the others its
    coordinator covers) or everywhere."""
    form = EventSearchForm(request.GET or None)
    upcoming = Event.objects.filter(published=True).upcoming().select_related("area")
    area = None
    if form.is_valid() and form.cleaned_data["municipality"]:
        area = form.cleaned_data["municipality"]
        speak_for(request, area)
        upcoming = upcoming.for_area(area)
    upcoming = upcoming[:100]
    return render(request, "public/events.html", {"form": form, "events": upcoming, "area": area})


def event(request, pk):
    shown = get_object_or_404(
        Event.objects.filter(published=True).select_related("area", "offer"), pk=pk
    )
    speak_for(request, shown.area)
    return render(request, "public/event.html", {"event": shown})


def events_ical(request, code):
    """An iCalendar feed (RFC 5545) of an area's events, to subscribe to in a calendar app: a
    UID under our own domain, DTSTAMP, SEQUENCE that goes up when an event changes, and a
    cancelled event kept with STATUS:CANCELLED so that calendars take it away."""
    area = get_object_or_404(Area.objects.current().serviceable(), code=code)
    speak_for(request, area)
    site = settings.SITE_URL.rstrip("/")
    domain = urlsplit(site).hostname or "kreftkoordinator"
    calendar = Calendar()
    calendar.add("prodid", "-//Kreftkoordinator//NO")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Møteplasser og kurs i %(area)s") % {"area": area.name})
    for shown in Event.objects.filter(published=True).upcoming().for_area(area):
        item = ICalEvent()
        item.add("uid", f"event-{shown.pk}@{domain}")
        item.add("dtstamp", shown.updated_at)
        item.add("last-modified", shown.updated_at)
        item.add("sequence", shown.sequence)
        item.add("status", "CANCELLED" if shown.cancelled else "CONFIRMED")
        item.add("summary", shown.title)
        item.add("dtstart", shown.starts_at)
        item.add("dtend", shown.ends_at)
        item.add("location", shown.place)
        item.add("description", shown.description)
        item.add("url", site + reverse("public:event", args=[shown.pk]))
        calendar.add_component(item)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="kreftkoordinator-{area.code}.ics"'
    return response


def coverage_map(request):
    """Which municipalities have a coordinator, which share one, since which year."""
    rows = coverage()
    counts = {
        status: sum(1 for r in rows if r.status == status)
        for status in ("own", "shared", "partly", "none")
    }
    # Counted as every page counts coverage (`AreaQuerySet.coverage_units`): a city by districts.
    counts["units"] = sum(r.districts[1] if r.districts else 1 for r in rows)
    counts["units_covered"] = sum(
        r.districts[0] if r.districts else r.status != "none" for r in rows
    )
    return render(
        request,
        "public/coverage.html",
        {
            "rows": rows,
            "covered": [r for r in rows if r.status != "none"],
            "counts": counts,
            "outline": outline(),
            "markers": markers(rows),
            "width": WIDTH,
            "height": HEIGHT,
        },
    )
