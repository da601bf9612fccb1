"""Local offers and events for the demo areas (invented, but of the kinds municipalities have)."""

from datetime import datetime, time, timedelta
from random import Random

from django.utils import timezone

from kreftkoordinator.directory.models import Event, Offer, Provider
from kreftkoordinator.organisation.models import Position, today
from kreftkoordinator.public.models import SurveyAnswer

THEMES = ["Å være pårørende", "Kosthold", "Trening", "Økonomi og NAV"]
LOCAL_OFFERS = [
    (
        "Frisklivssentralen",
        "rehabilitation",
        "Trening i gruppe og veiledning om kosthold og søvn, også under og etter kreftbehandling.",
        "rehabilitation,living_with",
    ),
    (
        "Temakafé om kreft",
        "voluntary",
        "Uformelle møter med kaffe og et tema, for pasienter og "
        "pårørende. Kreftkoordinatoren er til stede.",
        "treatment,rehabilitation,living_with",
    ),
    (
        "Sorggruppe",
        "bereavement",
        "Samtalegruppe for etterlatte, ledet av kreftkoordinatoren og diakonen.",
        "bereavement",
    ),
]


ANSWERS = [
    "Hun så ikke bare mannen min, hun så meg.",
    "Hjalp oss med søknaden til NAV.",
    "Fikk hjemmesykepleien på plass før vi kom hjem.",
    "Var der da vi trengte det.",
    "",
]


def create_directory(rng: Random) -> None:
    day = today()
    for position in Position.objects.prefetch_related("covered_areas").select_related("host_area"):
        host = position.host_area
        provider, _ = Provider.objects.get_or_create(
            name=f"{host.name} kommune", defaults={"kind": "municipal"}
        )
        covered = list(position.covered_areas.all())
        for _ in range(8):  # feedback survey answers (the funder's survey: 9 of 10 got help)
            SurveyAnswer.objects.create(
                area=rng.choice(covered),
                month=(day - timedelta(days=rng.randint(0, 300))).replace(day=1),
                respondent=rng.choice(["patient", "relative"]),
                # About the TNS Gallup survey's shares (6.2): 90 % as expected or more, 64 %
                # helped to get help from others.
                help_matched=rng.choices(["more", "as_expected", "less", "none"], [35, 55, 7, 3])[
                    0
                ],
                helped_with_others=(helped := rng.random() < 0.64),
                others_hospital=helped and rng.random() < 0.5,
                others_home_care=helped and rng.random() < 0.4,
                others_nav=helped and rng.random() < 0.4,
                most_important=rng.choice(ANSWERS),
            )
        for title, category, description, phases in LOCAL_OFFERS:
            offer = Offer.objects.create(
                provider=provider,
                title=f"{title} i {host.name}",
                description=description,
                category=category,
                for_relatives=True,
                owner_area=host,
                phases=f",{phases},",
                phone=position.phone,
                email=position.email,
                last_verified=day - timedelta(days=rng.randint(10, 500)),
            )
            offer.areas.set(covered)
            if category == "voluntary":
                for weeks in (1, 3, 5):
                    start = timezone.make_aware(
                        datetime.combine(
                            day + timedelta(weeks=weeks, days=rng.randint(0, 4)), time(18)
                        )
                    )
                    Event.objects.create(
                        title=f"Temakafé: {rng.choice(THEMES)}",
                        kind="theme_cafe",
                        area=host,
                        place=f"{host.name} bibliotek",
                        starts_at=start,
                        ends_at=start + timedelta(hours=2),
                        offer=offer,
                    )
