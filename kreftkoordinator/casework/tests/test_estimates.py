"""Kari's estimate of what her work on Anne's case avoided (issue 29, point 4): a number per
question, or empty for «vet ikke»; one a year, for a year the case was open."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from kreftkoordinator.audit.models import Action, AuditEntry
from kreftkoordinator.casework.models import Case, Estimate
from kreftkoordinator.conftest import login
from kreftkoordinator.organisation.models import today


def post(client, case, **data):
    return client.post(reverse("casework:estimate_edit", args=[case.pk]), data)


@pytest.mark.django_db
def test_kari_estimates_this_year_and_changes_it_later(client, kari, drammen_case):
    login(client, kari)
    year = today().year
    page = client.get(reverse("casework:case_detail", args=[drammen_case.pk])).content.decode()
    assert "Ingen anslag for hva arbeidet sparte ennå." in page
    response = post(
        client,
        drammen_case,
        year=year,
        short_term_days_avoided="3,5",
        home_care_hours_saved_per_week="",
    )
    assert response.status_code == 302
    estimate = Estimate.objects.get()
    assert (estimate.year, estimate.short_term_days_avoided) == (year, Decimal("3.5"))
    assert estimate.home_care_hours_saved_per_week is None  # «vet ikke»
    assert AuditEntry.objects.filter(action=Action.CREATE, object_type="casework.estimate").exists()
    page = client.get(reverse("casework:case_detail", args=[drammen_case.pk])).content.decode()
    assert f"Anslag {year}:" in page and "3,5 døgn korttidsopphold unngått" in page
    assert "hjemmetjeneste: vet ikke" in page
    post(
        client,
        drammen_case,
        year=year,
        short_term_days_avoided="2",
        nursing_home_weeks_deferred="1",
    )
    estimate = Estimate.objects.get()  # the same year's estimate, changed
    assert (estimate.short_term_days_avoided, estimate.nursing_home_weeks_deferred) == (2, 1)
    assert AuditEntry.objects.filter(action=Action.UPDATE, object_type="casework.estimate").exists()


@pytest.mark.django_db
def test_bad_estimates_are_refused_and_what_was_typed_kept(client, kari, drammen_case):
    login(client, kari)
    response = post(
        client,
        drammen_case,
        year=today().year,
        short_term_days_avoided="-2",
        nursing_home_weeks_deferred="60",
        home_care_hours_saved_per_week="mange",
    )
    page = response.content.decode()
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {
        "short_term_days_avoided",
        "nursing_home_weeks_deferred",
        "home_care_hours_saved_per_week",
    }
    assert "Skriv et tall fra 0 til 52" in errors["nursing_home_weeks_deferred"][0]
    assert 'value="mange"' in page
    Case.objects.filter(pk=drammen_case.pk).update(opened_on=date(2024, 3, 1))
    response = post(client, drammen_case, year=2019, short_term_days_avoided="1")
    assert "Velg et år oppfølgingen var åpen, fra 2024 til" in response.content.decode()
    assert not Estimate.objects.exists()


@pytest.mark.django_db
def test_a_closed_case_is_estimated_for_its_closing_year(client, kari, drammen_case):
    Case.objects.filter(pk=drammen_case.pk).update(
        opened_on=date(2024, 3, 1), closed_on=date(2025, 5, 1), closing_reason="no_need"
    )
    login(client, kari)
    page = client.get(reverse("casework:estimate_edit", args=[drammen_case.pk]))
    assert page.context["year"] == 2025 and page.context["years"] == [2024, 2025]
    response = post(client, drammen_case, year=today().year, short_term_days_avoided="1")
    assert "Velg et år oppfølgingen var åpen, fra 2024 til 2025." in response.content.decode()
