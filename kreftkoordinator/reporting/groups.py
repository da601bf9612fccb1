"""The indicators in groups, as the annual report reads them: who the coordinator met, how she
worked and with what effect, following the evaluation's chapters 4 and 6 and the model's inputs
of chapter 7. The page, the leader's table and the files show them in this order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

GROUPS: list[tuple[Promise, tuple[str, ...]]] = [
    (
        _("Pasienter, pårørende og kontakter"),
        (
            "patients_followed",
            "patients_new",
            "relatives_followed",
            "children_as_relatives",
            "phases_at_year_end",
            "contacts",
            "contacts_without_case",
            "contact_minutes",
            "contacts_by_mode",
            "contacts_by_kind",
            "first_contact_sources",
            "share_first_contact_at_discharge",
            "share_home_care_at_first_contact",
        ),
    ),
    (
        _("Kartlegging og tilgjengelighet"),
        (
            "assessments_sp1",
            "assessments_sp2",
            "assessments_sp3",
            "share_new_patients_with_sp1",
            "follow_ups_on_time",
            "contact_requests",
            "contact_request_answer_hours",
        ),
    ),
    (
        _("Tidsbruk"),
        (
            "minutes_direct",
            "share_minutes_direct",
            "minutes_coordination",
            "share_minutes_coordination",
            "minutes_system",
            "share_minutes_system",
            "minutes_competence",
            "share_minutes_competence",
            "share_direct_patient",
        ),
    ),
    (
        _("Tjenester og samarbeid"),
        (
            "services_connected",
            "share_services_not_without_coordinator",
            "share_short_term_stay",
            "share_hospice",
            "share_hospital",
            "share_home_care",
            "cases_with_care_team",
            "care_team_by_role",
            "cases_with_individual_plan",
            "system_activities",
            "system_activity_participants",
            "routines_in_force",
        ),
    ),
    (
        _("Grunnlag for den økonomiske modellen"),
        (
            "delayed_discharge_days",
            "hospital_stays_ready_for_discharge",
            "hospital_stays_home_earlier_answered",
            "patients_home_earlier",
            "estimates_short_term_answered",
            "short_term_days_avoided",
            "estimates_nursing_home_answered",
            "nursing_home_weeks_deferred",
            "estimates_home_care_answered",
            "home_care_hours_saved_per_week",
        ),
    ),
    (
        _("Livets siste tid"),
        (
            "deaths",
            "share_died",
            "home_deaths",
            "home_deaths_facilitated",
            "home_deaths_needed_coordinator",
            "deaths_wish_known",
            "deaths_at_wished_place",
            "share_deaths_at_wished_place",
        ),
    ),
    (
        _("Brukerundersøkelsen"),
        ("survey_answers", "share_survey_help_as_expected", "share_survey_helped_with_others"),
    ),
]

ORDER = [key for _label, keys in GROUPS for key in keys]
GROUP_OF = {key: label for label, keys in GROUPS for key in keys}


def grouped(rows: Sequence[Sequence[Any]]) -> list[tuple[str, list]]:
    """Rows whose first item is an indicator, as (group label, its rows) in the groups' order."""
    by_key = {row[0].key: row for row in rows}
    return [
        (str(label), [by_key[k] for k in keys if k in by_key])
        for label, keys in GROUPS
        if any(k in by_key for k in keys)
    ]
