"""Names translated as words (rule PV807): "Khaled Beautiful" for Khaled Jamil,
"Light al-Hassan" for Nour al-Hassan.

An English word that is the meaning of an Arabic given name (meanings.yaml) is
reported only with Arabic-name evidence beside it, because Hope, Rich, Young or
Bliss are surnames in English-language news:

- an Arabic given name just before it ("Khaled Beautiful", "Khaled beautiful Hassan");
- an Arabic particle just after it ("Light al-Hassan", "Victory bin Ali") or, for a
  word that is no English name, an Arabic given name ("Generous Ahmed");
- the same person named with the name elsewhere in the document or in the
  glossary ("Nour Merhi" on line 3, "Light Merhi" on line 9);
- a lower-case word between a role and a name the article repeats on its own
  ("the MP for the bloc hope Merhi, ... Merhi said"): the English word sits
  where the given name goes.

The suggestion is the romanized name (the first one meanings.yaml lists).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from provenance.lazyre import lazy

MEANINGS_PATH = Path(__file__).with_name("meanings.yaml")


class Meaning(NamedTuple):
    word: str
    names: tuple[str, ...]
    arabic: str
    english_name: bool
    capitalized: bool


@lru_cache(maxsize=1)
def meanings() -> dict[str, Meaning]:
    from provenance import cache, yamlguard

    data = cache.parsed("meanings", MEANINGS_PATH.read_bytes(), yamlguard.load) or {}
    out = {}
    for word, spec in (data.get("meanings") or {}).items():
        out[word.lower()] = Meaning(word.lower(), tuple(spec["names"]), spec.get("arabic", ""), bool(spec.get("english_name")),
                                    bool(spec.get("capitalized")))
    return out


_PREV = lazy(r"(?<![\w'’-])([A-Z][\w'’-]*)[ \t]+$")
_NEXT = lazy(r"[ \t]+((?:[Aa]l|[Ee]l)-[A-Z][\w'’-]*|bin|ibn|bint|Bin|Ibn|Abu|Abou|Umm|Abdul|Abdel|Abd|[A-Z][\w'’-]*)(?![\w'’-])")
_PARTICLE = lazy(r"^(?:(?:[Aa]l|[Ee]l)-[A-Z]|(?:bin|ibn|bint|Bin|Ibn|Abu|Abou|Umm|Abdul|Abdel|Abd)$)")
#: Role words that stand where a name follows (the MP ..., the deputy ...).
_ROLES = frozenset({"MP", "MPs", "Deputy", "Minister", "Spokesman", "Spokeswoman", "Governor", "Ambassador", "Representative", "Senator"})
#: Words that make a lower-case meaning word a verb or an ordinary word ("we hope Merhi ...").
_NOT_BETWEEN = frozenset("said says told added stated i we they you he she who which that and or but to will would can could may might should must also still not do does did".split())


#: Romanized names that are also English words: no evidence on their own ("Just Said").
_ENGLISH_WORDS = frozenset({"said", "sad", "ala", "isa", "esa", "raid", "wail", "sayed", "aly"})


def _arabic_given(word: str) -> bool:
    from provenance.names.given_names import group_of
    from provenance.names.normalize import fold, letters

    w = fold(word).strip()
    if w in _ENGLISH_WORDS:
        return False
    return bool(w) and word[:1].isupper() and group_of(letters(w.replace("-", ""))) is not None


def _english_given(word: str) -> bool:
    from provenance.names.name_words import english_first_names

    return word.lower() in english_first_names()


def _bare(word: str) -> str:
    return re.sub(r"['’]s$", "", word)


def find(doc, glossary, regions) -> list[tuple[int, int, str, str, str]]:
    """(start, end, word, suggestion, message) of each name translated as a word."""
    text = doc.text
    table = meanings()
    out = []
    for s, e, rs, re_ in _occurrences(doc, table, regions):
        word = text[s:e]
        meaning = table[word.lower()]
        cap = word[0].isupper()
        if not cap and meaning.capitalized:
            continue
        if cap and meaning.capitalized and _initial(text, s, rs):
            continue  # "Just" starting a sentence or a headline is the ordinary word
        pm = _PREV.search(text, max(rs, s - 40), s)
        prev = pm.group(1) if pm else None
        nm = _NEXT.match(text, e, re_)
        nxt = nm.group(1) if nm else None
        after = text[nm.end() : nm.end() + 1] if nm else ""
        why = _evidence(glossary, text, meaning, cap, prev, nxt, after, s, rs)
        if why is None and not cap and prev and _closes_name(meaning, prev, nxt, text, e, re_):
            why = f"follows the Arabic given name {prev} and ends the name"
        if why is None:
            continue
        name = meaning.names[0]
        gloss = f"{name} ({meaning.arabic}, “{meaning.word}”)" if meaning.arabic else name
        out.append((s, e, word, name, f"“{word}” {why}: it reads like the name {gloss} translated as a word; write the name"))
    return out


def _occurrences(doc, table: dict[str, Meaning], regions) -> list[tuple[int, int, int, int]]:
    """(start, end, region start, region end) of each meaning word, lower case or
    capitalized, standing alone inside a region: one Aho-Corasick pass over the
    lower-cased text."""
    from bisect import bisect_right

    from provenance.names.glossary_forms import lowered

    text = doc.text
    starts = [r[0] for r in regions]
    hits = []
    for end, word in _automaton().iter(lowered(text)):
        j = end + 1
        i = j - len(word)
        k = bisect_right(starts, i) - 1
        if (k >= 0 and j <= regions[k][1] and text[i + 1 : j] == word[1:] and (i == 0 or not _joined(text[i - 1], True))
                and (j == len(text) or not _joined(text[j], False))):
            hits.append((i, j, regions[k][0], regions[k][1]))
    return hits


@lru_cache(maxsize=1)
def _automaton():
    import ahocorasick

    auto = ahocorasick.Automaton()
    for word in meanings():
        auto.add_word(word, word)
    auto.make_automaton()
    return auto


def _joined(c: str, before: bool) -> bool:
    """Does the character glue a word to its neighbour (so the meaning word is part of a longer one)?"""
    return c.isalnum() or c in "_'’-" or (before and c == ".")


def _evidence(glossary, text: str, meaning: Meaning, cap: bool, prev: str | None, nxt: str | None, after: str, s: int, rs: int) -> str | None:
    """Why the word is a name, or None."""
    from provenance.names.name_words import BREAKERS

    # the same person named with the name: in the document or the glossary
    fulls = []
    if nxt and nxt[:1].isupper() and nxt.lower() not in BREAKERS:
        fulls += [f"{name} {_bare(nxt)}" for name in meaning.names]
    if prev and prev.lower() not in BREAKERS:
        fulls += [f"{prev} {name}" for name in meaning.names]
    for full in fulls:
        if re.search(rf"(?<![\w-]){re.escape(full)}(?![\w-])", text):
            return f"stands where the article elsewhere writes “{full}”"
        entry = glossary.entry_for_form(full)
        if entry is not None and entry.type == "person":
            return f"stands where the glossary has {entry.canonical}"
    if prev and _arabic_given(prev) and (cap or (nxt and nxt[:1].isupper())):
        # "Ali Rich" may be an English name; "Khaled Rich" is not
        if not meaning.english_name or not _english_given(prev):
            return f"follows the Arabic given name {prev}"
    if cap and nxt:
        if _PARTICLE.match(nxt):
            return f"comes before the Arabic name part {nxt}"
        if not meaning.english_name and _arabic_given(nxt):
            return f"comes before the Arabic given name {nxt}"
    # the name in apposition ("... hope Merhi, Thursday, that"), not a verb's subject ("hope Merhi wins")
    if not cap and nxt and nxt[:1].isupper() and after in (",", ")") and _role_before(text, s, rs) and _repeated_name(text, _bare(nxt)):
        return f"stands between a role and the name {_bare(nxt)}, which the article repeats"
    return None


#: A speech verb right after a name ("Mohammed generous said"): the word before it ends the speaker's name.
_SPEECH_AFTER = lazy(r"[ \t]+(?:said|says|told|added|stated|explained|stressed|confirmed|noted|affirmed|announced|declared|warned|pointed\s+out)\b")


def _closes_name(meaning: Meaning, prev: str, nxt: str | None, text: str, e: int, re_: int) -> bool:
    """A lower-case meaning word between an Arabic given name and the speech verb or a name
    particle ("Mohammed generous said", "Ali light al-Tamimi"): English puts no bare noun or
    adjective there, so the word is the rest of the name translated."""
    if meaning.english_name or not _arabic_given(prev):
        return False  # "hope", "faith" are also ordinary verbs and nouns after a name ("Ali hope said" is rare, "Omar faith" too)
    if nxt and _PARTICLE.match(nxt):
        return True
    return bool(_SPEECH_AFTER.match(text, e, re_))


def _role_before(text: str, s: int, rs: int) -> bool:
    """A role word (MP, Deputy...) a few lower-case words before the offset, in the same sentence."""
    words = re.findall(r"[\w'’-]+|[.!?;:,\"“”]", text[max(rs, s - 60) : s])[-6:]
    for w in reversed(words):
        if w in _ROLES:
            return True
        if not w.islower() or w in _NOT_BETWEEN:
            return False
    return False


def _repeated_name(text: str, name: str) -> bool:
    """The capitalized name stands alone elsewhere in the article and is never an ordinary word."""
    if len(name) < 3 or re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", text):
        return False
    return sum(1 for _ in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)) >= 2


def _initial(text: str, s: int, rs: int) -> bool:
    """Does the offset start its region or a sentence?"""
    before = text[max(rs, s - 5) : s].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?:\n" or s - rs <= 5 and not before.strip()
