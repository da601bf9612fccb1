"""Server-time benchmark for the public pages with a full directory: tops the offers up to
`--offers` (default 5 000, spread over all municipalities), then times each page in-process."""

from pathlib import Path
from random import Random

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.urls import reverse

from kreftkoordinator.directory.models import Category, Offer, Provider
from kreftkoordinator.organisation.models import Area
from kreftkoordinator.timing import measure

KINDS = ["Temakafé", "Trening", "Samtalegruppe", "Kurs"]


class Command(BaseCommand):
    help = "Time the public pages (p50/p95) with a directory of 5 000 offers."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=200)
        parser.add_argument("--offers", type=int, default=5000)

    def handle(self, *args, **options):
        settings.DEBUG = False
        Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
        self._fill(options["offers"])
        client = Client(SERVER_NAME="localhost")
        offer = Offer.objects.published().order_by("pk").first()
        if offer is None:
            raise CommandError("No offers.")
        n = options["requests"]
        self.stdout.write(
            f"Database: {connection.vendor}. {Offer.objects.count()} offers, "
            f"{Area.objects.count()} areas."
        )
        pages = [
            ("Front page", reverse("home"), {}),
            ("Find a coordinator (Vang)", reverse("public:find"), {"municipality": "Vang"}),
            ("Offers for Drammen", reverse("public:offers"), {"area": "Drammen"}),
            (
                "Offers for Drammen, a category",
                reverse("public:offers"),
                {"area": "Drammen", "category": "voluntary"},
            ),
            ("Offers, word search", reverse("public:offers"), {"q": "kreft"}),
            ("An offer", reverse("public:offer", args=[offer.pk]), {}),
            ("Meeting places (Vang)", reverse("public:events"), {"municipality": "Vang"}),
            ("Calendar feed (Vang)", reverse("public:events_ical", args=["3454"]), {}),
            ("Contact form", reverse("public:contact"), {}),
            ("Coverage map", reverse("public:coverage"), {}),
        ]
        self.stdout.write("| page | p50 ms | p95 ms | max ms | queries |")
        self.stdout.write("|---|---|---|---|---|")
        for name, url, query in pages:

            def get(name=name, url=url, query=query):
                response = client.get(url, query)
                if response.status_code != 200:
                    raise CommandError(f"{name}: status {response.status_code}")

            row = measure(name, n, get, warm_up=5)
            self.stdout.write(
                f"| {name} | {row.p50:.1f} | {row.p95:.1f} | {row.worst:.1f} | {row.queries} |"
            )

    def _fill(self, target: int) -> None:
        missing = target - Offer.objects.count()
        if missing <= 0:
            return
        rng = Random(5000)  # noqa: S311 -- synthetic data, not security
        areas = list(Area.objects.current().serviceable())
        provider, _ = Provider.objects.get_or_create(
            name="Benchmark-tilbyder", defaults={"kind": "voluntary_centre"}
        )
        offers = Offer.objects.bulk_create(
            [
                Offer(
                    provider=provider,
                    title=f"Tilbud {i}: {rng.choice(KINDS)}",
                    description="Et tilbud om kreft og hverdag.",
                    category=rng.choice(Category.values),
                    for_relatives=rng.random() < 0.5,
                    phases=",treatment,",
                )
                for i in range(missing)
            ]
        )
        through = Offer.areas.through
        through.objects.bulk_create(
            [through(offer_id=o.pk, area_id=rng.choice(areas).pk) for o in offers]
        )
        self.stdout.write(f"Added {missing} synthetic offers.")
