"""No invisible character makes one name read as another (issue 27, finding 5).

Before, the public form took "Siri Moe" with a right-to-left override or a zero-width space in
it, and Sigrid's inbox showed it as it came. Now every text field (the form mixin) and every
imported text (casework/importing/rows.py) is NFC and refuses them, with a clear message."""

import json
from copy import deepcopy

import pytest
from django.urls import reverse

from kreftkoordinator.casework.importing import CaseworkImportError, import_file
from kreftkoordinator.casework.models import ContactRequest, Person
from kreftkoordinator.casework.tests.test_import import EXAMPLE
from kreftkoordinator.public.tests.test_public import request_data, valdres  # noqa: F401
from kreftkoordinator.text import InvisibleCharacter, plain_text

REFUSED = {
    "right-to-left override": "Siri \u202eeoM",
    "left-to-right mark": "Siri\u200e Moe",
    "isolate": "Siri \u2067Moe\u2069",
    "zero-width space": "Si\u200bri Moe",
    "zero-width non-joiner": "Siri\u200c Moe",
    "joiner between letters": "Si\u200dri Moe",
    "word joiner": "Siri\u2060Moe",
    "byte order mark": "\ufeffSiri Moe",
    "soft hyphen": "Si\u00adri Moe",
    "C0 control": "Siri\x07 Moe",
    "C1 control": "Siri\x85 Moe",
    "delete": "Siri\x7f Moe",
    "line break in one line": "Siri\nMoe",
}


@pytest.mark.parametrize("text", REFUSED.values(), ids=REFUSED.keys())
def test_each_kind_is_refused_with_where_it_is(text):
    with pytest.raises(InvisibleCharacter, match=r"U\+[0-9A-F]{4}\) på plass \d+"):
        plain_text(text)


def test_what_people_write_is_kept():
    family = "Hilsen fra oss \U0001f468\u200d\U0001f469\u200d\U0001f467"
    heart = "\u2764\ufe0f\u200d\U0001f525"
    assert plain_text(family) == family and plain_text(heart) == heart
    assert plain_text("Første linje\r\nandre\tlinje", multiline=True) == (
        "Første linje\r\nandre\tlinje"
    )
    assert plain_text("Ka\u030are Ødegård") == "Kåre Ødegård"  # decomposed å becomes one


@pytest.mark.django_db
class TestTheContactForm:
    @pytest.mark.parametrize("text", list(REFUSED.values())[:6])
    def test_a_hidden_character_in_the_name_is_refused_and_the_rest_kept(
        self,
        client,
        valdres,  # noqa: F811
        text,
    ):
        response = client.post(reverse("public:contact"), request_data(name=text))
        assert response.status_code == 200
        [message] = response.context["form"].errors["name"]
        assert "usynlig tegn" in message and "Skriv teksten på nytt" in message
        assert "Mor trenger hjelp." in response.content.decode()
        assert not ContactRequest.objects.exists()

    def test_a_message_of_several_lines_is_fine_and_stored_as_nfc(
        self,
        client,
        valdres,  # noqa: F811
    ):
        response = client.post(
            reverse("public:contact"),
            request_data(name="Ka\u030are Moe", message="Mor er syk.\r\nRing etter kl. 15."),
        )
        assert response.status_code == 302
        stored = ContactRequest.objects.get()
        assert stored.name == "Kåre Moe" and "\n" in stored.message


@pytest.mark.django_db
def test_the_import_reports_the_row_and_imports_nothing(tmp_path, kari):
    document = deepcopy(EXAMPLE)
    document["people"].append({"ref": "p9", "area": "3301", "name": "Anne\u202e Hansen"})
    path = tmp_path / "import.json"
    path.write_text(json.dumps(document, ensure_ascii=False))
    before = Person.objects.count()
    with pytest.raises(CaseworkImportError) as caught:
        import_file(path, kari)
    [error] = [e for e in caught.value.errors if "U+202E" in e]
    assert "linje" in error and "«name»" in error
    assert Person.objects.count() == before
