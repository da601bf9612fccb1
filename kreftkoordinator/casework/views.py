from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render

from kreftkoordinator import audit
from kreftkoordinator.accounts.access import role_required
from kreftkoordinator.accounts.models import Role
from kreftkoordinator.audit.models import Action, AuditEntry
from kreftkoordinator.audit.scoping import get_visible_or_404

from .models import Person

coordinator_only = role_required(Role.COORDINATOR)


@coordinator_only
def person_list(request):
    query = request.GET.get("q", "").strip()
    persons = Person.objects.visible_to(request.user).select_related("area")
    if query:
        persons = persons.filter(Q(name__icontains=query) | Q(phone__contains=query))
    page = Paginator(persons, 50).get_page(request.GET.get("side"))
    audit.record(request, Action.VIEW, object_type="casework.person", reason="personliste")
    return render(request, "casework/person_list.html", {"page": page, "query": query})


@coordinator_only
def person_detail(request, pk):
    person = get_visible_or_404(Person.objects.select_related("area"), request, pk=pk)
    return render(request, "casework/person_detail.html", {"person": person})


@coordinator_only
def person_access_log(request, pk):
    """Innsyn: who has looked at this person's records, when and why (DESIGN 3, rule 5)."""
    person = get_visible_or_404(
        Person.objects.select_related("area"), request, pk=pk, reason="innsynslogg"
    )
    entries = AuditEntry.objects.filter(person_id=person.pk).select_related("user", "area")
    page = Paginator(entries, 100).get_page(request.GET.get("side"))
    return render(request, "casework/person_access_log.html", {"person": person, "page": page})
