"""Unlisted names: runs of capitalized words in the prose, outside the glossary mentions.

A run is two capitalized words or more, possibly joined by Arabic and European
name particles (al-, el-, bin, ibn, Abu, Abd, Umm, de, van...). Titles
(President, Sheikh, Gen.), possessives ('s), sentence-initial ordinary words,
days, months, demonyms and capitalized institution words (Council, Ministry,
Strip...) are kept out. A run is typed ``person`` when there is evidence (a
known given name, a particle, a title before it).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from provenance.names.name_mention import NameMention
from provenance.names.name_words import (
    INSTITUTION_WORDS,
    JOIN,
    JOIN_WORDS,
    LO,
    NAMEWORD,
    PARTICLES,
    STOP_WORDS,
    TITLE_WORDS,
    UP,
    is_given_name,
)
from provenance.names.prose import Sentences, prose

if TYPE_CHECKING:
    from provenance.names.glossary import Glossary

#: Two capitalized words or more, possibly joined by particles. It starts with a capital
#: (no look-behind, so the regex engine can skip ahead to capitals; what precedes the
#: match is checked after).
_RUN = re.compile(
    rf"[{UP}](?:[{LO}]+(?:[{UP}][{LO}]+)?(?:['’][{LO}]+)?(?:-[{UP}{LO}][{LO}]+)*\.?|\.)"
    rf"(?:[ \t]+(?:{JOIN}[ \t]+)*{NAMEWORD})+(?![\w-])"
)
_NOT_BEFORE = frozenset("'’.-_")

_TOKEN = re.compile(rf"{NAMEWORD}|\b{JOIN}\b")

#: Token flags: a possessive or a full stop ends the name ("Netanyahu's office", "... Lew. Liu").
_ENDS = 1
_INITIAL = 2


def _tokens(run: str, base: int) -> list[tuple[int, int, str, int]]:
    out = []
    for m in _TOKEN.finditer(run):
        word = m.group()
        s, e = base + m.start(), base + m.end()
        flags = 0
        if word.endswith("."):
            if len(word) == 2:
                flags = _INITIAL
            elif word[:-1].lower() not in TITLE_WORDS:
                word, e, flags = word[:-1], e - 1, _ENDS
        if word.endswith(("'s", "’s")):
            word, e, flags = word[:-2], e - 2, _ENDS
        elif word.endswith(("'", "’")):
            word, e, flags = word[:-1], e - 1, _ENDS
        out.append((s, e, word, flags))
    return out


def name_runs(doc, glossary: "Glossary", covered: list[tuple[int, int]]) -> list[NameMention]:
    """Unlisted names: runs of two capitalized words or more outside the glossary mentions."""
    text = doc.text
    masked = prose(doc, covered)
    sentences = None
    person_first = _glossary_first_words(glossary)
    out: list[NameMention] = []
    elsewhere: dict[str, bool] = {}
    pos = 0
    search = _RUN.search
    while True:
        m = search(masked, pos)
        if m is None:
            break
        before = masked[m.start() - 1] if m.start() else " "
        if before.isalnum() or before in _NOT_BEFORE:
            pos = m.start() + 1  # it started inside a word ("U.S. Sen. ..."): look again just after
            continue
        pos = m.end()
        if sentences is None:
            sentences = Sentences(doc)
        toks = _tokens(m.group(), m.start())
        for piece, titled in _split_run(toks, sentences, text, elsewhere, person_first):
            words = [w for _, _, w in piece if w.lower() not in JOIN_WORDS]
            if len(words) < 2:
                continue
            start, end = piece[0][0], piece[-1][1]
            person = titled or _person_evidence(words, person_first)
            out.append(
                NameMention(start, end, text[start:end], doc.line_col(start)[0], None, None, "unknown",
                            "person" if person else None, "name", None, None, None, None, None, len(words))
            )
    return out


def _glossary_first_words(glossary: "Glossary") -> frozenset[str]:
    cached = getattr(glossary, "_person_first_words", None)
    if cached is None:
        words = set()
        for e in glossary.entries:
            if e.type == "person":
                for f in e.all_forms():
                    first = f.split()[0].lower()
                    if first not in PARTICLES:
                        words.add(first)
        cached = frozenset(words)
        glossary._person_first_words = cached
    return cached


def capitalized_elsewhere(text: str, word: str, cache: dict[str, bool]) -> bool:
    """Is the word written capitalized inside a sentence somewhere (so it is a name)?"""
    hit = cache.get(word)
    if hit is None:
        hit = cache[word] = re.search(rf"[\w,;:] +{re.escape(word)}\b", text) is not None
    return hit


def _split_run(toks, sentences: Sentences, text: str, elsewhere: dict[str, bool], person_first: frozenset[str]):
    """Pieces of a run of capitalized words that can be names, and whether a title preceded each.

    Titles, stop words (days, months, demonyms...) and acronyms split a run; an
    institution word (Council, Strip, University...) splits it and takes the
    piece just before it along (Tel Aviv University is not a person).
    """
    pieces: list[tuple[list, bool]] = []
    current: list = []
    titled = False

    def close(next_titled: bool = False, institutional: bool = False) -> None:
        nonlocal current, titled
        if current and not institutional:
            pieces.append((current, titled))
        current = []
        titled = next_titled

    for i, (s, e, w, flags) in enumerate(toks):
        low = w.lower().rstrip(".")
        if low in INSTITUTION_WORDS:
            close(institutional=True)
            continue
        if low in TITLE_WORDS or low in STOP_WORDS or (w.isupper() and len(w) > 1):
            close(next_titled=low in TITLE_WORDS)
            continue
        if not current and low in JOIN_WORDS:
            continue
        if not current and i + 1 < len(toks) and not flags and sentences.initial(s):
            # "Meanwhile Hamas", "Yesterday Abu Ubaida": an ordinary word starting the sentence
            if low not in person_first and low not in PARTICLES and not is_given_name(w) and not capitalized_elsewhere(text, w, elsewhere):
                continue
        current.append((s, e, w.rstrip(".") if flags & _INITIAL == 0 else w))
        if flags & _ENDS:
            close()
    close()
    out = []
    for piece, was_titled in pieces:
        while piece and piece[-1][2].lower() in JOIN_WORDS:
            piece = piece[:-1]
        if piece:
            out.append((piece, was_titled))
    return out


def _person_evidence(words: list[str], person_first: frozenset[str]) -> bool:
    first = words[0]
    low = first.lower()
    if low in person_first or low in PARTICLES or is_given_name(first):
        return True
    return any(w.lower() in PARTICLES or w.lower().startswith(("al-", "el-")) for w in words[1:])
