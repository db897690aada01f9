"""Sentence boundaries inside one paragraph.

A boundary is sentence punctuation, any closing quotes or brackets attached to
it, whitespace, then something that can open a sentence. The token before the
punctuation decides the hard cases: titles ("Gen.", "Mr.") never end a
sentence, initials ("W.") do not either, and abbreviations that often close a
sentence ("U.S.", "Inc.", "etc.") end one only when the next word is a usual
sentence opener. Decimals ("3.5") and dotted names never reach the check
because no whitespace follows their period.
"""

from __future__ import annotations

import re

# Titles and abbreviations that are followed by more of the same sentence.
NEVER_FINAL = frozenset(
    """
    mr mrs ms messrs dr prof gen lt col maj capt cpt sgt cmdr cdr adm brig gov sen sens rep reps
    pres supt insp rev fr st mt ft vol vols fig figs ch pp art sec dept
    approx est ca cf vs v e.g i.e al res ret mme mlle hon
    """.split()
)

# Abbreviations that are as likely to end a sentence as to sit inside one.
MAYBE_FINAL = frozenset(
    "etc inc ltd co corp jr sr plc llc bros a.m p.m u.s u.k u.n e.u u.s.a d.c".split()
)

# A month's abbreviation sits inside a date before its day or year ("Sept. 30", "Oct. 3 (NNA)",
# "Jan. 2019"); before a word it ends a sentence ("after enlisting in Sept. He was arrested").
MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())

SENTENCE_OPENERS = frozenset(
    """
    a an the he she it they we i you this that these those there here his her its their our
    but and so yet or nor in on at for as after before while when if although though since
    meanwhile however also according earlier later last next on mr mrs ms dr
    """.split()
)

_BOUNDARY = re.compile(
    r"""(?P<punct>[.!?\u2026]+)            # sentence punctuation, ellipsis included
        (?P<close>["'\u201d\u2019\u00bb)\]]*)  # quotes or brackets closing with it
        (?P<space>\s+)
        (?=["'\u201c\u2018\u00ab(\[]*[^\W_a-z])  # an opener: not lower case
    """,
    re.VERBOSE,
)

_WORD_BEFORE = re.compile(r"[\w.\-\u2019']+$")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences in text[start:end].

    Offsets index ``text``; each span is stripped of surrounding whitespace.
    """
    if end is None:
        end = len(text)
    spans: list[tuple[int, int]] = []
    cursor = start
    for m in _BOUNDARY.finditer(text, start, end):
        punct_start = m.start("punct")
        if m.group("punct") == "." and not _is_boundary(text, cursor, punct_start, m.end()):
            continue
        _append(text, spans, cursor, m.start("space"))
        cursor = m.end()
    _append(text, spans, cursor, end)
    return spans


def _is_boundary(text: str, sentence_start: int, dot: int, next_start: int) -> bool:
    before = _WORD_BEFORE.search(text, max(sentence_start, dot - 40), dot)
    if before is None:
        return True
    token = before.group().lstrip("'\u2019-").lower()
    if not token:
        return True
    if token in ("no", "nos"):
        return not text[next_start : next_start + 1].isdigit()  # "No. 5" but "No. It is not."
    if token in NEVER_FINAL:
        return False
    if len(token) == 1 and token.isalpha() and text[before.start()].isupper():
        return False  # an initial: "George W. Bush"
    if token in MONTHS:
        return not re.match(r"\s*\d", text[next_start : next_start + 3])
    if token in MAYBE_FINAL or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
        nxt = re.match(r"[\"'\u201c\u2018(\[]*([A-Za-z]+)", text[next_start : next_start + 30])
        return bool(nxt) and nxt.group(1).lower() in SENTENCE_OPENERS
    return True


def _append(text: str, spans: list[tuple[int, int]], s: int, e: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if s < e:
        spans.append((s, e))
