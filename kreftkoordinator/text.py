"""Text as people type it, and nothing that hides in it: one rule for every form and import.

A name with a right-to-left override or a zero-width space in it can be made to read as another
person's ("Kari" with an invisible character does not match a search for Kari either), and the
coordinator's inbox would show it as it came. So every text is normalised to NFC (the same
letters always the same code points) and refused, with a message that says which character and
where, if it holds a bidirectional control, a zero-width or other invisible formatting
character (a joiner between two emoji is allowed: it makes one emoji of them), or a control
character (a line break and a tab only in text of several lines). The form mixin
(kreftkoordinator/forms.py) and the importer (casework/importing/rows.py) call `plain_text`.
"""

import unicodedata

from django.utils.translation import gettext as _

ZWJ = "\u200d"
VARIATION_SELECTOR = "\ufe0f"
LINE_BREAKS = {"\n", "\r", "\t"}
BIDI_CONTROLS = {"\u061c", "\u200e", "\u200f", *map(chr, range(0x202A, 0x202F))} | {
    *map(chr, range(0x2066, 0x206A))
}


class InvisibleCharacter(ValueError):
    pass


def _is_emoji(character: str) -> bool:
    point = ord(character)
    return (
        0x1F000 <= point <= 0x1FAFF
        or 0x2600 <= point <= 0x27BF
        or 0x2300 <= point <= 0x23FF
        or 0x2B00 <= point <= 0x2BFF
    )


def _joins_emoji(text: str, at: int) -> bool:
    before = text[at - 1] if at else ""
    if before == VARIATION_SELECTOR and at > 1:
        before = text[at - 2]
    after = text[at + 1] if at + 1 < len(text) else ""
    return bool(before and after) and _is_emoji(before) and _is_emoji(after)


def _kind(character: str) -> str | None:
    """Why the character is refused, or None."""
    if character in BIDI_CONTROLS:
        return _("retningsstyring")
    category = unicodedata.category(character)
    if category == "Cc":
        return _("kontrolltegn")
    if category == "Cf" or character == "\u180e":
        return _("formateringstegn")
    return None


def plain_text(value: str, multiline: bool = False) -> str:
    """`value` in NFC, or InvisibleCharacter with a message in Norwegian."""
    text = unicodedata.normalize("NFC", value)
    for at, character in enumerate(text):
        if multiline and character in LINE_BREAKS:
            continue
        if character == ZWJ and _joins_emoji(text, at):
            continue
        kind = _kind(character)
        if kind is not None:
            raise InvisibleCharacter(
                _(
                    "Teksten har et usynlig tegn (%(kind)s, U+%(code)04X) på plass %(place)d. "
                    "Det vises ikke, men kan få teksten til å se ut som noe annet. Skriv "
                    "teksten på nytt, eller lim den inn uten formatering."
                )
                % {"kind": kind, "code": ord(character), "place": at + 1}
            )
    return text
