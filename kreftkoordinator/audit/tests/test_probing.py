"""Hanne probes Drammen's ids (issue 27, finding 6): before, every try was a refused entry in a
Drammen person's access log, without end (155 in the review). Now ten an hour are logged, the
administrators hear of it at the tenth, further tries are refused outright and leave nothing in
people's logs, and innsyn shows a run of refusals as one row."""

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from kreftkoordinator.audit.models import Action, AuditEntry
from kreftkoordinator.conftest import login


@pytest.mark.django_db
@override_settings(REFUSED_READS_PER_HOUR=3)
def test_hanne_is_stopped_and_ola_told(client, hanne, kari, ola, drammen_person):
    login(client, hanne)
    url = reverse("casework:person_detail", args=[drammen_person.pk])
    answers = [client.get(url).status_code for _ in range(6)]
    assert answers == [404, 404, 404, 403, 403, 403]
    refused = AuditEntry.objects.filter(user=hanne, action=Action.REFUSED)
    assert refused.count() == 3 and {e.person_id for e in refused} == {drammen_person.pk}
    [notice] = mail.outbox
    assert notice.to == [ola.email] and "hanne" in notice.body
    assert f"/administrasjon/brukere/{hanne.pk}/aktivitet/" in notice.body
    # Hanne's own persons are still hers.
    assert client.get(reverse("casework:person_list")).status_code == 200
    # Kari's innsyn for the person: one row for Hanne's three tries.
    login(client, kari)
    page = client.get(reverse("casework:person_access_log", args=[drammen_person.pk]))
    rows = [r for r in page.context["rows"] if r[0].action == Action.REFUSED]
    assert [(r[0].user, r[1]) for r in rows] == [(hanne, 3)]
    assert "(3 forsøk)" in page.content.decode()
