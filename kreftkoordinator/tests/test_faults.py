"""When things fail: the database gone in the middle of a request gives a friendly 503 page,
and what the request had begun to write is not left half-saved."""

import pytest
from django.db import OperationalError
from django.urls import reverse

from kreftkoordinator.audit.models import AuditEntry
from kreftkoordinator.casework.models import Case, CasePhase, Person
from kreftkoordinator.conftest import login


@pytest.mark.django_db
def test_the_database_gone_mid_request_is_a_friendly_503_and_nothing_half_saved(
    client, kari, drammen_person, monkeypatch
):
    """Opening a case writes the case, its first phase and an audit entry; the connection dies
    at the audit entry: neither the case nor its phase is left behind."""
    from kreftkoordinator import audit

    def gone(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(audit, "record", gone)
    login(client, kari)
    client.raise_request_exception = False
    response = client.post(
        reverse("casework:case_create", args=[drammen_person.pk]),
        {"kind": "patient", "opened_on": "2026-01-01", "phase": "new_diagnosis"},
    )
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert "Prøv igjen om litt" in response.content.decode()
    assert "ingenting er lagret" in response.content.decode()
    assert not Case.objects.exists() and not CasePhase.objects.exists()
    assert Person.objects.count() == 1 and not AuditEntry.objects.exists()


@pytest.mark.django_db
def test_other_errors_are_not_taken_for_the_database(client, kari, monkeypatch):
    from kreftkoordinator.casework import case_views

    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(case_views, "day_of", broken)
    login(client, kari)
    client.raise_request_exception = False
    assert client.get(reverse("casework:caseload")).status_code == 500
