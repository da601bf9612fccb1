"""The hand-built year the reporting tests are written around (see test_indicators.py)."""

from datetime import date, datetime
from pathlib import Path

import pytest

from kreftkoordinator.casework.importing import import_file
from kreftkoordinator.casework.models import (
    CareTeamMember,
    Case,
    Contact,
    ContactRequest,
    FollowUp,
    Person,
    SystemActivity,
)
from kreftkoordinator.casework.models.cases import CasePhase
from kreftkoordinator.conftest import area
from kreftkoordinator.public.models import SurveyAnswer
from kreftkoordinator.reporting.period import OSLO, Period

DATA = Path(__file__).parent / "data" / "drammen-2025.json"


@pytest.fixture
def drammen_2025(kari, hanne, drammen_position):
    import_file(DATA, kari)
    SystemActivity.objects.create(
        position=drammen_position,
        user=kari,
        on=date(2025, 5, 5),
        kind="meeting_place",
        minutes=90,
        participants=12,
    )
    horten = Person.objects.create(area=area("3901"), name="Horten-pasient")
    case = Case.objects.create(area=horten.area, person=horten, opened_on="2025-03-01")
    Contact.objects.create(
        area=horten.area, case=case, person=horten, at=datetime(2025, 3, 2, 10, tzinfo=OSLO)
    )
    CareTeamMember.objects.create(
        area=horten.area, case=case, role="gp", name="Horten's GP", from_on=date(2025, 3, 1)
    )
    drammen = area("3301")
    for due, done in [
        (date(2025, 3, 1), date(2025, 2, 28)),
        (date(2025, 4, 1), date(2025, 4, 3)),
        (date(2025, 5, 1), None),
        (date(2024, 12, 1), date(2024, 12, 1)),
    ]:
        FollowUp.objects.create(area=drammen, due_on=due, done_on=done, what="Ring")
    for received, handled in (
        (datetime(2025, 6, 1, 9, tzinfo=OSLO), datetime(2025, 6, 2, 9, tzinfo=OSLO)),
        (datetime(2024, 6, 1, 9, tzinfo=OSLO), None),
    ):
        request = ContactRequest.objects.create(area=drammen, name="Siri", role="relative")
        ContactRequest.objects.filter(pk=request.pk).update(
            received_at=received, handled_at=handled
        )
    anne = Case.objects.get(person__name__startswith="Anne")
    CasePhase.objects.create(case=anne, phase="end_of_life", from_date=date(2026, 1, 15))
    for month, matched, others in [
        (date(2025, 3, 1), "more", True),
        (date(2025, 3, 1), "as_expected", None),
        (date(2025, 8, 1), "less", False),
        (date(2024, 8, 1), "none", True),
    ]:
        SurveyAnswer.objects.create(
            area=drammen,
            month=month,
            respondent="patient",
            help_matched=matched,
            helped_with_others=others,
        )
    return Period((area("3301").pk,), 2025, (drammen_position.pk,))
