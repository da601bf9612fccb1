"""The model's words (labels, the evaluation's sources and justifications) are bokmål, as the
evaluation writes them. Each is marked with `gettext_noop`, the name `./dev messages` looks for,
so that it is in the nynorsk and English catalogues; the pages and documents show it through
Django's gettext in the reader's language (economics/words.py: `said`). The model itself stays
plain Python and returns the words as written."""


def gettext_noop(message: str) -> str:
    return message
