"""The code lists of docs/terminology.md, in bokmål, nynorsk and English as the catalogues have
them. `./dev terminology` writes that part of the glossary; a test checks that it is still what
the catalogues say, so a term translated one way in the glossary is translated so everywhere."""

from __future__ import annotations

from django.apps import apps
from django.utils import translation

START = "<!-- code lists: written by ./dev terminology -->"
END = "<!-- end of code lists -->"
# Lists that are not words: languages named in themselves, percentages, yes and no.
SKIPPED = {("accounts.User", "language"), ("grants.Agreement", "fte")}


def code_lists() -> list[tuple[str, list[tuple[str, str, str, str]]]]:
    """(model.field, [(code, bokmål, nynorsk, English)]) for every field with choices, each
    list once (a phase is a phase on a case and in its history)."""
    found, seen = [], set()
    for config in apps.get_app_configs():
        if not config.name.startswith("kreftkoordinator"):
            continue
        for model in config.get_models():
            for field in model._meta.get_fields():
                choices = getattr(field, "flatchoices", None) or []
                key = (model._meta.label, field.name)
                if not getattr(field, "choices", None) or key in SKIPPED:
                    continue
                codes = tuple(str(code) for code, _label in choices)
                if codes in seen:
                    continue
                seen.add(codes)
                rows = []
                for code, label in choices:
                    nb, nn, en = (_said(label, language) for language in ("nb", "nn", "en"))
                    rows.append((str(code), nb, nn, en))
                found.append((f"{model._meta.label}.{field.name}", rows))
    return found


def _said(label, language: str) -> str:
    with translation.override(language):
        return str(label)


def markdown() -> str:
    lines = [START, ""]
    for name, rows in code_lists():
        lines += [f"### `{name}`", "", "| code | bokmål | nynorsk | English |", "|---|---|---|---|"]
        lines += [f"| `{code}` | {nb} | {nn} | {en} |" for code, nb, nn, en in rows]
        lines.append("")
    return "\n".join([*lines, END])
