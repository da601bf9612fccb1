"""What a person means by the place she types: a municipality or district by number or name, a
postcode, a place that is not a municipality (Fagernes, Knarvik), or a name misspelt or cut short.

The order, first that answers: an area number; a postcode (`Place`, from Bring's register);
the name, ignoring case, spaces and hyphens ("Nord Aurdal"); a place name; then names that
begin with the text, then names like it (rapidfuzz). One area is the answer; several are the
"Mente du …?" suggestions, so "Ski" never silently becomes Skien.

rapidfuzz rather than PostgreSQL's trigrams: the same matching on SQLite and PostgreSQL, no
extension to install, and the candidates are few (about 370 areas and the register's place
names), held in memory per process and read again when either table changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.db.models import Count, Max
from rapidfuzz import fuzz, process

from .models import Area, Place, today

# How alike a name must be (rapidfuzz's ratio, 0-100) to be offered, and how far ahead of the
# next the best must be to be taken as the answer without asking.
LIKE = 80
CLEAR_LEAD = 8
SUGGESTIONS = 5


@dataclass
class Found:
    area: Area | None = None
    suggestions: list[Area] = field(default_factory=list)
    place: str = ""  # the place or postcode the area was found by, to say so
    corrected: bool = False  # found by a name like the one typed: say which

    @property
    def ambiguous(self) -> bool:
        return self.area is None and bool(self.suggestions)


def area_or_refusal(text: str) -> Area:
    """The one area the text means, or a form error that says which it could be."""
    found = find(text)
    if found.area is not None:
        return found.area
    raise refusal(text, found)


def refusal(text: str, found: Found):
    """The form error for a text that names no one area: which it could be, or that none is."""
    from django import forms
    from django.utils.translation import gettext as _

    if found.suggestions:
        return forms.ValidationError(
            _("Flere kommuner passer til «%(text)s». Mente du %(names)s?")
            % {"text": text, "names": listed(found.suggestions)}
        )
    return forms.ValidationError(
        _("Finner ingen kommune eller bydel som heter eller har nummer «%(text)s».")
        % {"text": text}
    )


def with_county(area: Area) -> str:
    """ "Våler (Innlandet)": the name, told apart by its county where the name does not."""
    if area.parent is None or "(" in area.name:
        return area.name
    return f"{area.name} ({area.parent.name})"


def listed(areas: list[Area]) -> str:
    """ "Skien (Telemark), Skiptvet (Østfold) eller Ski" for a question."""
    from django.utils.translation import gettext as _

    names = [with_county(a) for a in areas]
    if len(names) == 1:
        return names[0]
    return _("%(first)s eller %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def key(text: str) -> str:
    """A name as it is compared: lower case, without spaces, hyphens and dots."""
    return re.sub(r"[\s\-.'’]+", "", text.strip().lower())


def folded(text: str) -> str:
    """The key as typed on a keyboard without æ, ø and å: "baerum" for Bærum."""
    return key(text).replace("æ", "ae").replace("ø", "o").replace("å", "a")


def spellings(name: str) -> set[str]:
    """The keys a name is found by: the whole, each of its forms ("Trondheim - Tråante"), and
    "Frogner" for "Bydel Frogner"."""
    forms = {name, *name.split(" - ")}
    forms |= {re.sub(r"^bydel\s+", "", f, flags=re.IGNORECASE) for f in forms}
    return {key(f) for f in forms if f.strip()}


def find(text: str) -> Found:
    text = text.strip()
    if not text:
        return Found()
    areas = Area.objects.current().serviceable()
    if text.isdigit():
        area = areas.filter(code=text).first()
        if area:
            return Found(area)
        by_post = _places().codes.get(text)
        if by_post:
            return Found(areas.filter(pk=by_post[1]).first(), place=f"{text} {by_post[0]}")
        return Found()
    names = _names(areas)
    typed = key(text)
    exact = names.by_key.get(typed, [])
    if exact:
        return _one_or_many(areas, exact)
    places = _places().by_key.get(typed, [])
    if places:
        found = _one_or_many(areas, [pk for _name, pk in places])
        found.place = places[0][0]
        return found
    begins = sorted({pk for k, pks in names.by_key.items() if k.startswith(typed) for pk in pks})
    if begins and len(typed) >= 2:
        return _one_or_many(areas, begins, ask=True)
    return _like(areas, names, typed)


def _one_or_many(areas, pks: list[int], ask: bool = False) -> Found:
    found = list(areas.filter(pk__in=pks).select_related("parent").order_by("name", "code"))
    if len(found) == 1 and not ask:
        return Found(found[0])
    if len(found) == 1:
        return Found(found[0], corrected=True)
    return Found(suggestions=found[:SUGGESTIONS])


def _like(areas, names: _Names, typed: str) -> Found:
    """Names like the text: the best alone if it is clearly best, else the best few to ask."""
    candidates: dict[str, list[int]] = {}
    for spelling, pks_ in names.by_key.items():
        for form in (spelling, folded(spelling)):
            candidates.setdefault(form, []).extend(pks_)
    for spelling, entries in _places().by_key.items():
        candidates.setdefault(folded(spelling), []).extend(pk for _n, pk in entries)
    scored = process.extract(
        folded(typed), list(candidates), scorer=_alike, limit=20, score_cutoff=LIKE
    )
    pks: list[int] = []
    scores: dict[int, float] = {}
    for candidate, score, _index in scored:
        for pk in candidates[candidate]:
            if pk not in scores:
                pks.append(pk)
                scores[pk] = score
    if not pks:
        return Found()
    ranked = sorted(pks, key=lambda pk: -scores[pk])
    if len(ranked) == 1 or scores[ranked[0]] - scores[ranked[1]] >= CLEAR_LEAD:
        return Found(areas.select_related("parent").get(pk=ranked[0]), corrected=True)
    by_pk = {a.pk: a for a in areas.filter(pk__in=ranked).select_related("parent")}
    return Found(suggestions=[by_pk[pk] for pk in ranked if pk in by_pk][:SUGGESTIONS])


def _alike(typed: str, name: str, **_kwargs) -> float:
    """How alike, 0-100: the whole names; and, for a name longer than what was typed, the best
    part of it ("aurdal" in "nordaurdal"), a little below a whole match."""
    score = fuzz.ratio(typed, name)
    if len(name) > len(typed) >= 4:
        score = max(score, fuzz.partial_ratio(typed, name) * 0.9)
    return score


@dataclass(frozen=True)
class _Names:
    by_key: dict[str, list[int]]


def _names(areas) -> _Names:
    """Read afresh each time: some 370 short rows, and a rename (import-areas) shows at once."""
    by_key: dict[str, list[int]] = {}
    for pk, name in areas.values_list("pk", "name"):
        for spelling in spellings(name):
            if pk not in by_key.setdefault(spelling, []):
                by_key[spelling].append(pk)
    return _Names(by_key)


@dataclass(frozen=True)
class _Places:
    by_key: dict[str, list[tuple[str, int]]]  # place name -> (as written, area)
    codes: dict[str, tuple[str, int]]  # postcode -> (place name, area)


def _places() -> _Places:
    """The register, read once per import: every import adds rows above the last one before
    it removes the old (place_import.py), so the highest id changes with each."""
    state = Place.objects.aggregate(n=Count("pk"), last=Max("pk"))
    return _places_for(state["n"], state["last"], today())


@lru_cache(maxsize=4)
def _places_for(_n, _last, _day) -> _Places:
    by_key: dict[str, list[tuple[str, int]]] = {}
    codes: dict[str, tuple[str, int]] = {}
    current = set(Area.objects.current().values_list("pk", flat=True))
    for postcode, name, area in Place.objects.values_list("postcode", "name", "area_id"):
        if area not in current:
            continue
        shown = name.title()
        if postcode:
            codes[postcode] = (shown, area)
        entries = by_key.setdefault(key(name), [])
        if all(a != area for _n, a in entries):
            entries.append((shown, area))
    return _Places(by_key, codes)
