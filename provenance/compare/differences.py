"""Numbers and names that one side of an aligned pair has and the other lacks.

Numbers are digit sequences, thousands separators dropped ("8,800" = "8800").
Names are runs of capitalized words; a capitalized word that the same side
also writes in lower case ("The", "Prime"), or a usual sentence opener, is an
ordinary word. A run is reported when one of its capitalized words appears
nowhere on the other side, in any case, singular or plural ("Bill Burns"
against "William Burns"; not "Palestinians" against "Palestinian").
"""

from __future__ import annotations

import re
from collections import Counter

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CAPITALIZED = re.compile(r"[A-Z][\w'\u2019]*(?:-[A-Za-z][\w'\u2019]*)*")
_LOWER = re.compile(r"\b[a-z][\w'\u2019]*")
_WORD = re.compile(r"[^\W\d_][\w'\u2019]*")
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
    runs: list[tuple[int, int]] = []
    for m in _CAPITALIZED.finditer(text):
        if m.group().lower() in ordinary:
            continue
        if runs and _JOIN.fullmatch(text, runs[-1][1], m.start()):
            runs[-1] = (runs[-1][0], m.end())
        else:
            runs.append((m.start(), m.end()))
    return [text[s:e] for s, e in runs]


def _stem(word: str) -> str:
    return word.lower().replace("\u2019", "'").removesuffix("'s").removesuffix("s")


def differences(hypothesis: str, reference: str) -> dict:
    nh, nr = numbers(hypothesis), numbers(reference)
    names_h = name_runs(hypothesis, _OPENERS | set(_LOWER.findall(hypothesis)))
    names_r = name_runs(reference, _OPENERS | set(_LOWER.findall(reference)))
    words_h = {_stem(w) for w in _WORD.findall(hypothesis)}
    words_r = {_stem(w) for w in _WORD.findall(reference)}

    def missing(names: list[str], other: set[str]) -> list[str]:
        return sorted({n for n in names if any(_stem(w) not in other for w in _WORD.findall(n) if w[0].isupper())})

    return {
        "numbers": {
            "only_hypothesis": sorted((nh - nr).elements()),
            "only_reference": sorted((nr - nh).elements()),
        },
        "names": {"only_hypothesis": missing(names_h, words_r), "only_reference": missing(names_r, words_h)},
    }
