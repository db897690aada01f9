"""Credit lines that are structure, not prose: translation credits and bylines.

- Translation credits: "Translated by Jane Roe", "Edited translation from
  Al-Ahram", "Translated from the Arabic edition", "This article was translated
  from Arabic by ..." -> parts ``translator`` and ``source`` (the outlet or
  edition translated from).
- Bylines: "By Jane Roe", "By Staff, Agencies", "Written by: Jane Roe", and the
  machine translation of Arabic كتب ("wrote") before a name, "Books – Jane Roe:"
  -> one part ``by`` per name.

Each parser takes one line and returns ``(role, start, end)`` offsets into it,
or None when the line is not such a credit. Offsets are exact: the caller adds
the line's start.
"""

from __future__ import annotations

import re

Part = tuple[str, int, int]

#: A credit line is short: past this many words it is a sentence.
MAX_WORDS = 16

_TRANSLATION = re.compile(
    r"^[(\[]?\s*(?:(?:this|the)\s+(?:article|story|report|text|piece)\s+(?:was|is|has\s+been)\s+)?"
    r"(?:(?:edited|unofficial|machine|automatic|abridged)\s+)?(?:translated|translation)(?:\s+and\s+edited)?\b\s*",
    re.I,
)
_BY = re.compile(r"\bby\s+", re.I)
_FROM = re.compile(r"\b(?:from|of)\s+", re.I)
_END = " \t.)]"
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")

_BYLINE = re.compile(
    r"^(?:(?:written|reported|reporting|story|words|text)\s+by|by)\s*:?\s+(?=\S)"
    r"|^(?:books|wrote|writes|written)\s*[–—:-]\s*(?=\S)",
    re.I,
)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|/|\||\band\b)\s*")
#: Lower-case words a name in a byline may hold.
_NAME_PARTICLES = frozenset("al el bin ibn bint abu de da di du van von der den la le al- el-".split())


def _trim(line: str, s: int, e: int) -> tuple[int, int]:
    while s < e and line[s] in " \t:–—-":
        s += 1
    while e > s and line[e - 1] in _END + ":,;":
        e -= 1
    return s, e


def parse_translation(line: str) -> list[Part] | None:
    """Parts of a translation credit line, or None."""
    if len(_WORD.findall(line)) > MAX_WORDS:
        return None
    m = _TRANSLATION.match(line)
    if m is None:
        return None
    rest = m.end()
    parts: list[Part] = []
    if line[rest : rest + 1] == ":":  # "Translation: Jane Roe"
        s, e = _trim(line, rest + 1, len(line))
        return [("translator", s, e)] if e > s and _named(line[s:e], "translator") else None
    by = _BY.search(line, rest)
    frm = _FROM.match(line, rest) or (_FROM.search(line, by.end()) if by else None)
    if by is None and frm is None:
        return None
    if by is not None and by.start() > rest and (frm is None or frm.start() != rest):
        return None  # words between "translated" and "by" that are no source: a sentence
    marks = sorted([("translator", by)] * (by is not None) + [("source", frm)] * (frm is not None), key=lambda p: p[1].start())
    for i, (role, mk) in enumerate(marks):
        end = marks[i + 1][1].start() if i + 1 < len(marks) else len(line)
        s, e = _trim(line, mk.end(), end)
        if e <= s or not _named(line[s:e], role):
            return None
        parts.append((role, s, e))
    return parts


def _named(value: str, role: str) -> bool:
    """A translator is a name (every word capitalized); a source holds a capitalized word."""
    words = value.split()
    if role == "translator":
        return all(w[0].isupper() or w.lower() in _NAME_PARTICLES or w.lower().startswith(("al-", "el-")) for w in words)
    return len(words) <= 8 and any(w[0].isupper() for w in words)


def parse_byline(line: str) -> list[Part] | None:
    """One ``by`` part per name of a byline, or None."""
    m = _BYLINE.match(line)
    if m is None or len(_WORD.findall(line)) > 10:
        return None
    s, e = _trim(line, m.end(), len(line))
    if e <= s or line.rstrip().endswith((".", "!", "?")) and not re.search(r"\b[A-Z]\.$", line.rstrip()):
        return None
    parts: list[Part] = []
    pos = s
    for piece in _NAME_SPLIT.split(line[s:e]) + [None]:
        if piece is None:
            break
        start = line.index(piece, pos) if piece else pos
        pos = start + len(piece)
        if not piece:
            continue
        words = piece.split()
        if not words or not all(w[0].isupper() or w.lower() in _NAME_PARTICLES or w.lower().startswith(("al-", "el-")) for w in words):
            return None
        parts.append(("by", start, start + len(piece)))
    return parts or None
