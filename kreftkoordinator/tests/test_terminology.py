"""docs/terminology.md keeps the terms: its code lists are what the catalogues say in bokmål,
nynorsk and English (`./dev terminology` writes them), and every domain term is in all three."""

from pathlib import Path

import pytest

from kreftkoordinator.terminology import END, START, code_lists, markdown

NAMES = {
    "NAV",
    "Vardesenteret",
    "Video",
    "Hospice",
    "Administrator",
    "Nynorsk",
    "Bokmål",
    "Plan",
    "PDF",
}
GLOSSARY = Path(__file__).resolve().parents[2] / "docs" / "terminology.md"


@pytest.mark.django_db
def test_the_code_lists_are_what_the_catalogues_say():
    text = GLOSSARY.read_text()
    written = text[text.index(START) : text.index(END) + len(END)]
    assert written == markdown(), "run ./dev terminology"


def test_every_code_label_is_translated_into_both():
    for name, rows in code_lists():
        for code, nb, nn, en in rows:
            assert nn and en, (name, code)
            # English differs from bokmål except for names and loanwords.
            assert en != nb or nb in NAMES, (name, code)


def test_the_domain_terms_have_all_three_languages():
    text = GLOSSARY.read_text()
    table = text[text.index("## Domain terms") : text.index("## Code lists")]
    rows = [line for line in table.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) > 40
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert all(cells[:3]), row
