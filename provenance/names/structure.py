"""What the names layer must not read as a person: places and subheads.

- Places: the glossary's place entries and the gazetteer in places.yaml
  (countries, capitals, cities of Middle East news). A city is not a spelling of
  a surname ("Basra" is not "Basri"), and a run that ends on a city in a headline
  ("Basri Basra visit") is not a person whose surname is the city.
- Subheads: a paragraph of one short sentence ("Troop presence.") is structure
  that labels the next section; its first word is capitalized because it starts
  the line, not because it is a name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

PLACES_PATH = Path(__file__).with_name("places.yaml")
#: A paragraph of at most this many words and one sentence is a subhead.
SUBHEAD_WORDS = 4
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@lru_cache(maxsize=1)
def _gazetteer() -> frozenset[str]:
    from provenance import cache, yamlguard

    data = cache.parsed("places", PLACES_PATH.read_bytes(), yamlguard.load) or {}
    return frozenset(p.casefold() for p in data.get("places", []))


def place_words(glossary) -> frozenset[str]:
    """Case-folded place names, whole and word by word (one-word forms are what
    surname checks compare): the gazetteer plus the glossary's place entries."""
    cached = getattr(glossary, "_place_words", None)
    if cached is None:
        words = set(_gazetteer())
        for e in glossary.entries:
            if e.type == "place":
                for form in e.all_forms():
                    f = form.casefold()
                    words.add(f)
                    words.add(re.sub(r"^(?:al|el)-", "", f))
        for w in list(words):
            words.update(w.split())
        cached = frozenset(words)
        glossary._place_words = cached
    return cached


def is_place(word: str, places: frozenset[str]) -> bool:
    w = word.casefold()
    for suffix in ("'s", "’s"):
        if w.endswith(suffix):
            w = w[: -len(suffix)]
    return w in places or re.sub(r"^(?:al|el)-", "", w) in places


def subhead_spans(doc) -> list[tuple[int, int]]:
    """(start, end) of the paragraphs that are subheads: one sentence of at most
    SUBHEAD_WORDS words, with a segment before and after it."""
    from provenance.document import PARAGRAPH

    cached = doc.annotations.get("_names_subheads")
    if cached is not None:
        return cached
    out = []
    segs = doc.segments
    text = doc.text
    for i, seg in enumerate(segs):
        if seg.kind != PARAGRAPH or i == 0 or i == len(segs) - 1 or len(seg.sentences) > 1:
            continue
        if seg.end - seg.start > 60:
            continue
        if len(_WORD.findall(text[seg.start : seg.end])) <= SUBHEAD_WORDS:
            out.append((seg.start, seg.end))
    doc.annotations["_names_subheads"] = out
    return out
