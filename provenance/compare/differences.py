"""Numbers and names that one side of an aligned pair has and the other lacks.

Numbers are digit sequences, thousands separators dropped ("8,800" = "8800").
Names are runs of capitalized words; a capitalized word that the same side
also writes in lower case ("The", "Prime"), or a usual sentence opener, is an
ordinary word, and so is a lone capitalized word opening a sentence that its
document never capitalizes inside a sentence and that is no given name
("Collective." split off "genocide"; the names layer's test). A run is
reported when one of its capitalized words appears
nowhere on the other side, in any case, singular or plural ("Bill Burns"
against "William Burns"; not "Palestinians" against "Palestinian").

With a glossary, names are compared as entities: a run that holds a glossary
form of an entity the other side also names (in any of its forms) is not a
difference ("Islamic Resistance Movement" against "Hamas"), and two different
forms of one entity are listed as `spelled_differently` ("Bill Burns" /
"William Burns").
"""

from __future__ import annotations

import re
from collections import Counter

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CAPITALIZED = re.compile(r"[A-Z][\w'\u2019]*(?:-[A-Za-z][\w'\u2019]*)*")
_LOWER = re.compile(r"\b[a-z][\w'\u2019]*")
_WORD = re.compile(r"[^\W\d_][\w'\u2019]*")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+$")
#: What may stand between two words of one name: a space, or a particle
#: ("Mohammed bin Abdulrahman", "Izz al-Din").
_JOIN = re.compile(r" (?:(?:al|bin|ibn|abu|bint|el|de|van|von|of)[ -])?")
#: Sentence openers that are not names even where the text never writes them in lower case.
_OPENERS = frozenset(
    """a an the he she it they we i you his her its their this that these those there here
    on in at of for from by with to as after before while when since if but and or so yet
    according meanwhile however also yesterday today tomorrow earlier later""".split()
)


def numbers(text: str) -> Counter:
    return Counter(re.sub(r",(?=\d{3}\b)", "", n) for n in _NUMBER.findall(text))


def name_runs(text: str, ordinary: set[str]) -> list[str]:
    """Runs of capitalized words (with particles and single spaces between), as written."""
    return [text[s:e] for s, e in name_spans(text, ordinary)]


def name_spans(text: str, ordinary: set[str], document: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of each run of capitalized words; with the text's whole
    document, not the lone words that open a sentence as ordinary words do."""
    runs: list[tuple[int, int]] = []
    for m in _CAPITALIZED.finditer(text):
        if m.group().lower() in ordinary:
            continue
        if runs and _JOIN.fullmatch(text, runs[-1][1], m.start()):
            runs[-1] = (runs[-1][0], m.end())
        else:
            runs.append((m.start(), m.end()))
    if document is not None:
        runs = [(s, e) for s, e in runs if not _ordinary_opener(text, s, e, document)]
    return runs


def _ordinary_opener(text: str, start: int, end: int, document: str) -> bool:
    from provenance.names.name_runs import capitalized_elsewhere
    from provenance.names.name_words import is_given_name

    word = text[start:end]
    if " " in word or not (start == 0 or _SENTENCE_END.search(text, max(0, start - 6), start)):
        return False
    return not capitalized_elsewhere(document, word, {}) and not is_given_name(word)


def _stem(word: str) -> str:
    return word.lower().replace("\u2019", "'").removesuffix("'s").removesuffix("s")


def differences(hypothesis: str, reference: str, glossary=None, documents: tuple[str, str] | None = None) -> dict:
    """documents: the whole texts the two passages come from (for sentence openers)."""
    nh, nr = numbers(hypothesis), numbers(reference)
    doc_h, doc_r = documents or (None, None)
    spans_h = name_spans(hypothesis, _OPENERS | set(_LOWER.findall(hypothesis)), doc_h)
    spans_r = name_spans(reference, _OPENERS | set(_LOWER.findall(reference)), doc_r)
    words_h = {_stem(w) for w in _WORD.findall(hypothesis)}
    words_r = {_stem(w) for w in _WORD.findall(reference)}
    entities_h, entities_r = _entities(hypothesis, glossary), _entities(reference, glossary)

    def missing(text: str, spans, other_words: set[str], mine: dict, other_entities: dict) -> list[str]:
        out = set()
        for s, e in spans:
            run = text[s:e]
            if not any(_stem(w) not in other_words for w in _WORD.findall(run) if w[0].isupper()):
                continue
            named_here = {entry for entry, forms in mine.items() if any(fs < e and s < fe for fs, fe, _ in forms)}
            if named_here and named_here <= set(other_entities):
                continue  # the other side names the same entity, in another form
            out.add(run)
        return sorted(out)

    spelled = set()
    for entry in set(entities_h) & set(entities_r):
        forms_h = {f for _, _, f in entities_h[entry]}
        forms_r = {f for _, _, f in entities_r[entry]}
        spelled |= {(h, r) for h in forms_h - forms_r for r in forms_r - forms_h}
    spelled = sorted(spelled)
    names = {
        "only_hypothesis": missing(hypothesis, spans_h, words_r, entities_h, entities_r),
        "only_reference": missing(reference, spans_r, words_h, entities_r, entities_h),
    }
    if glossary is not None:
        names["spelled_differently"] = [{"hypothesis": h, "reference": r} for h, r in spelled]
    return {
        "numbers": {
            "only_hypothesis": sorted((nh - nr).elements()),
            "only_reference": sorted((nr - nh).elements()),
        },
        "names": names,
    }


def _entities(text: str, glossary) -> dict[str, list[tuple[int, int, str]]]:
    """Glossary entry id -> the (start, end, form) of its forms in the text."""
    if glossary is None:
        return {}
    from provenance.names.glossary_forms import glossary_hits

    out: dict[str, list[tuple[int, int, str]]] = {}
    for hit in glossary_hits(text, glossary):
        for entry in {ref.entry for ref in hit.refs}:
            out.setdefault(entry, []).append((hit.start, hit.end, text[hit.start : hit.end]))
    return out
