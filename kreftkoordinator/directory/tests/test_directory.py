"""The directory: Kari maintains Drammen's offers, Eva the national ones; everyone logged in can
search; an offer not checked for a year is flagged to those who maintain it."""

from datetime import timedelta

import pytest
from django.urls import reverse

from kreftkoordinator.conftest import area, login
from kreftkoordinator.directory.models import Offer, Provider
from kreftkoordinator.directory.starter import load_starter_set
from kreftkoordinator.organisation.models import today


@pytest.fixture
def drammen_offer(db):
    provider = Provider.objects.create(name="Drammen kommune", kind="municipal")
    offer = Offer.objects.create(
        provider=provider,
        title="Temakafé om kreft",
        description="Samtale og kaffe.",
        category="voluntary",
        owner_area=area("3301"),
        for_relatives=True,
        last_verified=today() - timedelta(days=400),
    )
    offer.areas.set([area("3301")])
    return offer


def offer_data(**changes):
    data = {
        "title": "Frisklivssentralen",
        "description": "Trening og kosthold.",
        "category": "rehabilitation",
        "for_patients": "on",
        "owner_area": area("3301").pk,
        "access": "self_referral",
        "languages": "norsk",
        "provider_name": "Drammen kommune",
        "phase_choices": ["rehabilitation", "living_with"],
        "area_codes": "3301",
        "published": "on",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
class TestStarterSet:
    def test_national_offers_ship_with_the_product(self):
        national = Offer.objects.filter(national=True)
        assert national.count() >= 20
        assert {
            "Pleiepenger i livets sluttfase",
            "Kreftlinjen",
            "Vardesenteret",
            "Lærings- og mestringssenter",
        } <= set(national.values_list("title", flat=True))
        assert all(o.last_verified is None for o in national)  # not verified until checked

    def test_loading_again_adds_nothing(self):
        assert load_starter_set() == 0


@pytest.mark.django_db
class TestSearch:
    def test_by_words_area_category_and_target_group(self, client, per, drammen_offer):
        login(client, per)
        url = reverse("directory:offer_list")
        titles = lambda **q: [o.title for o in client.get(url, q).context["page"]]  # noqa: E731
        assert "Temakafé om kreft" in titles(area="Drammen", target="relatives")
        assert "Temakafé om kreft" not in titles(area="3901")
        assert "Kreftlinjen" in titles(area="3901")  # national offers reach every area
        assert titles(q="pleiepenger livets") == ["Pleiepenger i livets sluttfase"]
        assert set(titles(category="bereavement")) == {"Omstillingsstønad", "Barnepensjon"}

    def test_an_unknown_municipality_is_explained(self, client, per):
        login(client, per)
        response = client.get(reverse("directory:offer_list"), {"area": "Atlantis"})
        assert response.context["form"].errors["area"][0].startswith("Finner ingen kommune")

    def test_a_district_finds_oslo_wide_offers(self, client, per, drammen_offer):
        oslo = Offer.objects.create(
            provider=drammen_offer.provider,
            title="Oslo-tilbud",
            description="x",
            category="voluntary",
        )
        oslo.areas.set([area("0301")])
        login(client, per)
        response = client.get(reverse("directory:offer_list"), {"area": "030105"})
        assert "Oslo-tilbud" in [o.title for o in response.context["page"]]


@pytest.mark.django_db
class TestMaintaining:
    def test_kari_adds_an_offer_for_drammen(self, client, kari):
        login(client, kari)
        response = client.post(reverse("directory:offer_create"), offer_data())
        offer = Offer.objects.get(title="Frisklivssentralen")
        assert response.status_code == 302
        assert (offer.owner_area.code, offer.national, offer.phase_list) == (
            "3301",
            False,
            ["rehabilitation", "living_with"],
        )
        assert offer.provider.name == "Drammen kommune"

    def test_kari_may_not_own_an_offer_for_horten(self, client, kari, hanne):
        login(client, kari)
        response = client.post(
            reverse("directory:offer_create"), offer_data(owner_area=area("3901").pk)
        )
        assert "owner_area" in response.context["form"].errors

    def test_where_it_applies_is_required(self, client, kari):
        login(client, kari)
        response = client.post(reverse("directory:offer_create"), offer_data(area_codes=""))
        assert "area_codes" in response.context["form"].errors
        assert 'value="Frisklivssentralen"' in response.content.decode()

    def test_who_may_edit_which_offer(self, client, kari, hanne, eva, ola, per, drammen_offer):
        national = Offer.objects.get(title="Kreftlinjen")
        expected = [
            (kari, drammen_offer, 200),
            (kari, national, 404),
            (hanne, drammen_offer, 404),
            (eva, national, 200),
            (eva, drammen_offer, 404),
            (ola, drammen_offer, 200),
            (per, drammen_offer, 403),
        ]
        for user, offer, status in expected:
            client.logout()
            login(client, user)
            url = reverse("directory:offer_edit", args=[offer.pk])
            assert client.get(url).status_code == status, (user, offer)

    def test_eva_edits_a_national_offer_and_it_stays_national(self, client, eva):
        offer = Offer.objects.get(title="Kreftlinjen")
        login(client, eva)
        response = client.post(
            reverse("directory:offer_edit", args=[offer.pk]),
            offer_data(
                title="Kreftlinjen", provider_name="Kreftforeningen", area_codes="", owner_area=""
            ),
        )
        offer.refresh_from_db()
        assert response.status_code == 302 and offer.national and offer.owner_area is None

    def test_unchecked_offers_are_flagged_and_can_be_verified(self, client, kari, drammen_offer):
        login(client, kari)
        listing = client.get(reverse("directory:offer_list"), {"kontroll": "1"})
        assert [o.title for o in listing.context["page"]] == ["Temakafé om kreft"]
        assert "Bør kontrolleres" in listing.content.decode()
        client.post(reverse("directory:offer_verify", args=[drammen_offer.pk]))
        drammen_offer.refresh_from_db()
        assert drammen_offer.last_verified == today()
        listing = client.get(reverse("directory:offer_list"), {"kontroll": "1"})
        assert listing.context["to_verify"] == 0

    def test_hanne_cannot_verify_drammens_offer(self, client, hanne, drammen_offer):
        login(client, hanne)
        url = reverse("directory:offer_verify", args=[drammen_offer.pk])
        assert client.post(url).status_code == 404
