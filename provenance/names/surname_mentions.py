"""Bare surnames: one capitalized word of the prose equal to the last word of an
unlisted full name the document mentions ("Liu" after "Jack Liu") resolves to
that name; and the lone capitalized words and their places, which PV805 reads.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from provenance.names.name_mention import NameMention
from provenance.names.name_words import BREAKERS, LO, UP
from provenance.names.prose import prose

#: One capitalized word (surname candidates).
_CAPWORD = re.compile(rf"[{UP}][{LO}]+(?:[{UP}][{LO}]+)?(?:['’][{LO}]+)?(?:-[{UP}{LO}][{LO}]+)*(?![\w-])")


def _overlaps(covered: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_right(covered, (start, 10**12))
    if i > 0 and covered[i - 1][1] > start:
        return True
    return i < len(covered) and covered[i][0] < end


def occurrences(doc, word: str, covered: list[tuple[int, int]], particle: bool = False) -> list[tuple[int, int]]:
    """Where a capitalized word stands alone (possessive allowed) in the prose, outside the covered spans;
    ``particle``: also behind a lower-case article ("al-Zeidan"), which the span then includes."""
    text = prose(doc)
    out = []
    for m in _alone(word).finditer(text):
        s, e = m.start(), m.end()
        if particle and s >= 3 and text[s - 3 : s] in ("al-", "el-"):
            s -= 3
        if s and _joined(text[s - 1]):
            continue  # inside a longer word, or after a hyphen or a point
        if not _overlaps(covered, s, e):
            out.append((s, e))
    return out


@lru_cache(maxsize=8192)
def _alone(word: str) -> re.Pattern:
    """The word, then no more word (a possessive allowed). It starts with the word itself, so that
    re searches for it as a literal; the character before is tested by ``_joined`` (a pattern that
    starts with a look-behind is tried at every position of the text: the cost of a batch's surnames)."""
    return re.compile(rf"{re.escape(word)}(?=(?:['’]s)?(?![\w-]))")


def _joined(ch: str) -> bool:
    """A character after which a word is not alone: what the regex \\w matches (letters, digits,
    underscore), an apostrophe, a point or a hyphen."""
    return ch.isalnum() or ch in "_'’.-"


def lone_words(doc) -> list[str]:
    """The distinct capitalized words of the prose outside glossary mentions (surname
    candidates), stop words left out."""
    words = set(_CAPWORD.findall(prose(doc)))
    return sorted(w for w in words if len(w) >= 3 and not w.isupper() and w.lower() not in BREAKERS)


def surname_mentions(doc, fulls: list[NameMention], covered) -> list[NameMention]:
    """Bare surnames of unlisted full names ("Sinwar" after "Yehia Sinwar")."""
    by_last: dict[str, list[NameMention]] = {}
    for m in fulls:
        if m.type != "person":
            continue
        last = m.text.split()[-1]
        for key in {last, re.sub(r"^(?:al|el)-", "", last, flags=re.I)}:
            if key.lower() not in BREAKERS:
                by_last.setdefault(key, []).append(m)
    if not by_last:
        return []
    taken = sorted(covered + [(m.start, m.end) for m in fulls])
    out = []
    for word, cands in sorted(by_last.items()):
        for s, e in occurrences(doc, word, taken):
            before = [m for m in cands if m.start < s]
            full = before[-1] if before else min(cands, key=lambda m: m.start)
            out.append(
                NameMention(s, e, doc.text[s:e], doc.line_col(s)[0], None, full.text, "unknown", "person", "surname",
                            None, None, None, full.text, full.start, 1)
            )
    return out
