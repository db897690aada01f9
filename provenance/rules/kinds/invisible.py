"""The ``invisible`` kind: zero-width and bidirectional control characters.

Text copied out of Arabic content systems carries right-to-left marks, bidi
embeddings and zero-width joiners. They are invisible in an editor, break
searches and name matching, and can reorder what a reader sees.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from provenance.rules import Hit
from provenance.rules.model import Rule

_INVISIBLE = re.compile(
    "[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\ufeff\u00ad"
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f]+"
)
_BIDI = set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c")


def has_unusual_characters(doc) -> bool:
    """One scan, shared with the foreign-script check: is anything outside
    Latin letters, digits, punctuation and the usual spaces in the text?"""
    found = doc.annotations.get("_unusual")
    if found is None:
        found = doc.annotations["_unusual"] = _UNUSUAL.search(doc.text) is not None
    return found


# Latin-1 and the general-punctuation quotes, dashes and ellipsis: plain English news.
_UNUSUAL = re.compile("[^\t\n\r\x20-\x7e\u00a0-\u00ac\u00ae-\u024f\u2010-\u2027\u2030-\u205e\u20ac]")


def describe(ch: str) -> str:
    name = unicodedata.name(ch, "CONTROL CHARACTER")
    return f"U+{ord(ch):04X} {name}"


class InvisibleCharacterChecker:
    def __init__(self, rule: Rule):
        self.rule = rule

    def check(self, doc) -> Iterable[Hit]:
        if not has_unusual_characters(doc):
            return
        for m in _INVISIBLE.finditer(doc.text):
            run = m.group()
            kinds = sorted({describe(c) for c in run})
            bidi = any(c in _BIDI for c in run)
            what = "bidirectional control" if bidi else "invisible character"
            many = f"{len(run)} characters: " if len(run) > 1 else ""
            yield Hit(m.start(), m.end(), f"{what} ({many}{', '.join(kinds[:3])}) left in the text; remove it", "")
