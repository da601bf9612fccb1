"""Keyboard only (WCAG 2.1.1, 2.4.1, 2.4.7): the skip link comes first and lands in the main
content, a relative sends a contact request without a mouse, and a coordinator reaches the
quick contact and saves it with the keyboard alone; what has focus can be seen."""

from django.urls import reverse

from kreftkoordinator.casework.models import Contact, ContactRequest

from .conftest import STATUS_RUN

# The success criteria these tests check, for the accessibility statement (conftest.STATUS).
CRITERIA = {"2.1.1": "Tastatur", "2.4.1": "Hoppe over blokker", "2.4.7": "Synlig fokus"}


def focused(page) -> str:
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return (e.id || e.name || e.textContent || e.tagName).trim(); }"
    )


def tab_to(page, target: str, limit: int = 80) -> None:
    """Tab until the element with this id, name or text has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page) == target:
            return
    raise AssertionError(f"{target} was never reached with Tab")


def test_the_skip_link_comes_first_and_lands_in_the_content(in_browser):
    def steps(page):
        page.goto(reverse("public:find"))
        page.keyboard.press("Tab")
        first = focused(page)
        # Hidden until it has focus, then on screen: the focus can be seen.
        box = page.evaluate("() => document.activeElement.getBoundingClientRect().toJSON()")
        page.keyboard.press("Enter")
        return first, box, page.evaluate("() => document.activeElement.id")

    first, box, landed = in_browser(None, steps)
    assert first == "Hopp til hovedinnholdet"
    assert box["width"] > 10 and box["height"] > 10 and box["top"] >= 0 and box["left"] >= 0
    assert landed == "main"
    STATUS_RUN.add_keyboard("2.4.1", "the skip link comes first and lands in the content")
    STATUS_RUN.add_keyboard("2.4.7", "the skip link can be seen when it has focus")


def test_a_relative_sends_a_request_with_the_keyboard_alone(in_browser, sigrid):
    def steps(page):
        page.goto(reverse("public:contact"))
        tab_to(page, "id_name")
        page.keyboard.type("Siri Moe")
        tab_to(page, "id_phone")
        page.keyboard.type("987 65 432")
        tab_to(page, "id_municipality")
        page.keyboard.type("Vang")
        tab_to(page, "id_role_0")
        page.keyboard.press("ArrowDown")  # from «Pasient» to «Pårørende»
        tab_to(page, "id_consent")
        page.keyboard.press("Space")
        tab_to(page, "Send")
        page.keyboard.press("Enter")
        page.wait_for_url("**" + reverse("public:contact_thanks") + "?kommune=3454")
        return page.url

    assert in_browser(None, steps).endswith(reverse("public:contact_thanks") + "?kommune=3454")
    assert ContactRequest.objects.get().role == "relative"
    STATUS_RUN.add_keyboard("2.1.1", "a relative sends a contact request with the keyboard alone")


def test_kari_records_a_contact_with_the_keyboard_alone(in_browser, kari, drammen_case):
    def steps(page):
        page.goto(reverse("casework:case_detail", args=[drammen_case.pk]))
        tab_to(page, "Ny kontakt")  # the navigation's comes first, the case's after it
        tab_to(page, "Ny kontakt")
        page.keyboard.press("Enter")
        page.wait_for_url("**/kontakt/**")
        tab_to(page, "id_participants_0")
        page.keyboard.press("Space")
        tab_to(page, "id_kinds_0")
        page.keyboard.press("Space")
        tab_to(page, "Lagre kontakten")
        page.keyboard.press("Enter")
        page.wait_for_url("**" + reverse("casework:case_detail", args=[drammen_case.pk]))
        return page.url

    in_browser(kari, steps)
    contact = Contact.objects.get(case=drammen_case)
    assert contact.with_patient and contact.supportive
    STATUS_RUN.add_keyboard("2.1.1", "a coordinator records a contact with the keyboard alone")
