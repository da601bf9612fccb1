"""Every page in nynorsk has no bokmål left: each page of each role, and the public pages, are
opened in nynorsk and searched for words that only bokmål has. What people wrote (the
directory's offers, a coordinator's notes) stays in the language its author wrote it in and is
taken out first: the starter set of national offers is bokmål, as the funder writes it."""

import html
import re
from collections.abc import Sequence

import pytest
from django.urls import reverse

from kreftkoordinator.accounts.tests.test_role_gating import PAGES, world  # noqa: F401
from kreftkoordinator.conftest import login

# Words bokmål has and nynorsk writes otherwise (ikkje, kva, korleis, heime, berre, nokon, ...).
BOKMAL_ONLY = {
    "ikke",
    "hva",
    "hvordan",
    "hjemme",
    "bare",
    "noen",
    "noe",
    "hvis",
    "hvem",
    "hvor",
    "hvilke",
    "jeg",
    "uten",
    "ennå",
    "mer",
    "fikk",
    "kommer",
    "sykehus",
    "sykehuset",
    "tjeneste",
    "tjenester",
    "pårørende",
    "hjem",
    "disse",
    "dere",
    "hennes",
    "fra",
    "ble",
    "tilbudet",
    "skrevet",
    "lagret",
    "endret",
    "opprettet",
    "avsluttet",
    "mangler",
    "finnes",
    "brukere",
    "ansatte",
    "oppgaver",
    "kontakter",
    "henvisning",
    "søke",
}
DOCUMENTS = {"grants:letter", "grants:statement", "reporting:submitted"}
PUBLIC = [
    ("home", {}),
    ("public:find", {"municipality": "Drammen"}),
    ("public:contact", {}),
    ("public:contact_thanks", {}),
    ("public:offers", {"q": "kurs"}),
    ("public:events", {}),
    ("public:survey_code", {}),
    ("public:coverage", {}),
    ("public:accessibility", {}),
    ("public:innsyn", {}),
    ("reporting:definitions", {}),
    ("accounts:login", {}),
]
SCRIPT = re.compile(r"<(script|style)\b.*?</\1>", re.S)
TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"[a-zæøåé]+")


def written_by_people() -> list[str]:
    from kreftkoordinator.directory.models import Offer, Provider

    texts = [*Offer.objects.values_list("title", flat=True)]
    texts += Offer.objects.values_list("description", flat=True)
    texts += Provider.objects.values_list("name", flat=True)
    return sorted({html.escape(t) for t in texts if t}, key=len, reverse=True)


def bokmal_words(content: str, written: Sequence[str] = ()) -> set[str]:
    for text in written:
        content = content.replace(text, " ")
    # Attributes a reader meets too: labels for screen readers, placeholders, titles.
    spoken = " ".join(re.findall(r'(?:aria-label|placeholder|title|alt)="([^"]*)"', content))
    text = html.unescape(TAG.sub(" ", SCRIPT.sub(" ", content)) + " " + spoken).lower()
    return set(WORD.findall(text)) & BOKMAL_ONLY


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_staff_page_in_nynorsk(client, world, name):  # noqa: F811
    who, args = PAGES[name]
    user = world["users"][sorted(who)[0]]
    user.language = "nn"
    user.save()
    login(client, user)
    # A document for a municipality is in its language form; the writer chooses nynorsk.
    query = {"lang": "nn"} if name in DOCUMENTS else {}
    response = client.get(reverse(name, args=args(world) if args else None), query)
    assert response.status_code == 200 and response["Content-Language"] == "nn"
    if name in UPLOADED:
        return
    assert bokmal_words(response.content.decode(), written_by_people()) == set(), name


# Files as a coordinator uploaded them: in whatever language they were written.
UPLOADED = {"casework:document_download"}


@pytest.mark.django_db
@pytest.mark.parametrize("name, query", PUBLIC)
def test_every_public_page_in_nynorsk(client, world, name, query):  # noqa: F811
    response = client.get(reverse(name), {**query, "lang": "nn"})
    assert response.status_code == 200 and response["Content-Language"] == "nn"
    assert bokmal_words(response.content.decode(), written_by_people()) == set(), name


def test_the_word_check_finds_bokmal():
    assert bokmal_words("<p>Vi har <b>ikke</b> det</p>") == {"ikke"}
    assert bokmal_words('<p aria-label="Hva">Kva</p>') == {"hva"}
    assert bokmal_words("<p>Vi har ikkje det, kva no?</p>") == set()


@pytest.mark.django_db
def test_the_public_pages_of_one_record_in_nynorsk(client, world):  # noqa: F811
    from datetime import timedelta

    from django.utils import timezone

    from kreftkoordinator.directory.models import Event
    from kreftkoordinator.public.models import SurveyInvitation

    area = world["case"].area
    event = Event.objects.create(
        title="Temakafé",
        kind="theme_cafe",
        area=area,
        place="Biblioteket",
        starts_at=timezone.now() + timedelta(days=3),
        ends_at=timezone.now() + timedelta(days=3, hours=2),
        offer=world["offer"],
    )
    _invitation, token = SurveyInvitation.objects.create_with_token(area)
    for url in (
        reverse("public:offer", args=[world["offer"].pk]),
        reverse("public:event", args=[event.pk]),
        reverse("public:survey", args=[token]),
    ):
        response = client.get(url, {"lang": "nn"})
        assert response.status_code == 200 and response["Content-Language"] == "nn"
        assert bokmal_words(response.content.decode(), written_by_people()) == set(), url
