"""The starter set of national offers shipped with the product (data/national-offers.json)."""

import json
from pathlib import Path
from typing import Any

STARTER_FILE = Path(__file__).parent / "data" / "national-offers.json"


def load_starter_set(Provider: Any = None, Offer: Any = None) -> int:
    """Create the national offers that are not there yet (by title). Models may be historical."""
    if Provider is None or Offer is None:
        from .models import Offer, Provider
    document = json.loads(STARTER_FILE.read_text(encoding="utf-8"))
    created = 0
    for item in document["offers"]:
        if Offer.objects.filter(title=item["title"], national=True).exists():
            continue
        spec = item["provider"]
        provider, _ = Provider.objects.get_or_create(
            name=spec["name"], defaults={"kind": spec["kind"], "website": spec.get("website", "")}
        )
        phases = item["phases"]
        Offer.objects.create(
            provider=provider,
            title=item["title"],
            description=item["description"],
            category=item["category"],
            access=item["access"],
            for_patients=item["for_patients"],
            for_relatives=item["for_relatives"],
            for_children=item["for_children"],
            phases=f",{','.join(phases)}," if phases else "",
            national=True,
            website=item["website"],
            published=True,
        )
        created += 1
    return created
