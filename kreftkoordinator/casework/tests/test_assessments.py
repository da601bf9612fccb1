"""Kartlegging after Pakkeforløp hjem: the thermometer, the 13 topics, what matters; shown beside
the previous assessment and as open needs on the case page."""

from datetime import timedelta

import pytest
from django.urls import reverse

from kreftkoordinator.casework.models import Assessment, Topic
from kreftkoordinator.conftest import login
from kreftkoordinator.organisation.models import today


def assessment_data(**changes):
    data = {
        "assessed_on": str(today()),
        "checkpoint": "sp2",
        "distress": "6",
        "what_matters": "Å være hjemme med barnebarna",
    }
    for topic in Topic.values:
        data[f"level_{topic}"] = ""
        data[f"note_{topic}"] = ""
    data.update(changes)
    return data


@pytest.mark.django_db
class TestAssessment:
    def test_record_an_assessment(self, client, kari, drammen_case):
        login(client, kari)
        response = client.post(
            reverse("casework:assessment_create", args=[drammen_case.pk]),
            assessment_data(level_finances="2", note_finances="Søker AAP", level_nutrition="0"),
        )
        assessment = Assessment.objects.get()
        assert response.status_code == 302
        assert (assessment.checkpoint, assessment.distress) == ("sp2", 6)
        assert assessment.levels() == {"finances": 2, "nutrition": 0}
        page = client.get(reverse("casework:case_detail", args=[drammen_case.pk])).content.decode()
        assert "Økonomi og bolig: stort behov – Søker AAP" in page
        assert "Ernæring" not in page.split("Åpne behov")[1].split("Pårørende")[0]

    def test_shown_beside_the_previous_one(self, client, kari, drammen_case):
        login(client, kari)
        url = reverse("casework:assessment_create", args=[drammen_case.pk])
        client.post(
            url,
            assessment_data(
                assessed_on=str(today() - timedelta(days=20)), checkpoint="sp1", level_mental="2"
            ),
        )
        form_page = client.get(url)
        assert form_page.context["previous"].checkpoint == "sp1"
        assert "Stort behov" in form_page.content.decode()
        client.post(url, assessment_data(level_mental="1"))
        latest = Assessment.objects.order_by("-assessed_on").first()
        detail = client.get(reverse("casework:assessment_detail", args=[latest.pk]))
        row = next(r for r in detail.context["rows"] if r["label"] == "Psykisk helse")
        assert (row["now"], row["before"]) == ("Noe behov", "Stort behov")

    @pytest.mark.parametrize(
        "changes,field",
        [
            ({"distress": "11"}, "distress"),
            ({"distress": "-1"}, "distress"),
            ({"level_mental": "7"}, "level_mental"),
            ({"assessed_on": str(today() + timedelta(days=1))}, "assessed_on"),
            ({"assessed_on": "2000-01-01"}, "assessed_on"),
        ],
    )
    def test_bad_input_is_refused_and_kept(self, client, kari, drammen_case, changes, field):
        login(client, kari)
        response = client.post(
            reverse("casework:assessment_create", args=[drammen_case.pk]),
            assessment_data(**changes),
        )
        assert response.status_code == 200 and field in response.context["form"].errors
        assert "Å være hjemme med barnebarna" in response.content.decode()
        assert not Assessment.objects.exists()
