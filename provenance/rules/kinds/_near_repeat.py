"""Mode ``near`` of the ``doublet`` kind: one prepositional phrase said twice in one clause.

"the raids on farmers during the last two winters on
farmers": a translation that rendered an Arabic clause twice, or merged two
drafts, leaves the same phrase twice in one clause with no conjunction
between. English repeats a phrase inside a clause only across a clause
boundary ("… near the gate, where they waited near the gate"), for
rhetorical parallelism across a comma ("for their homes, for their
land"), or in a speaker's words; each of these is left alone. Measured on the
native controls (PolNeAR train, NTREX English): an infinitive ("to defend
the town before asking others to defend it") is the common native shape, so
the phrase must open with a preposition other than "to".
"""

from __future__ import annotations

import re
from typing import Iterable

from provenance.rules import Hit
from provenance.rules.kinds._context import DocIndex
from provenance.rules.kinds.verbless import finite_forms

#: Words, and every punctuation mark as a token of its own (each breaks the clause).
_TOKEN = re.compile(r"[^\W\d_][\w'\u2019\-]*|\d[\d,]*(?:\.\d+)?|[^\w\s]")
#: The prepositions a repeated phrase may open with ("on farmers … on farmers"); not
#: "to", whose phrase is mostly an infinitive said twice on purpose ("to defend … to defend").
_PREPOSITIONS = frozenset(
    "against in on at for with from of by into onto over under between among about toward towards "
    "upon within without across through throughout behind beyond near inside outside".split()
)
#: Words that open a new clause or a contrast: a repeat across one of them is parallelism, not a doublet.
_BREAK = frozenset(
    "and or but nor yet while whereas who whom whose which that because where when whether if unless "
    "although though not than so as is are was were".split()
)
#: Words that alone do not make a phrase worth reporting ("in the", "of the").
_FUNCTION = frozenset(
    "the a an of in on at to for by with from his her its their our my your this that these those it "
    "them him us all some any each one two more most least such same other".split()
)


def near_repeats(doc, scope: tuple[str, ...], max_words: int = 4, max_gap: int = 10) -> Iterable[Hit]:
    """A phrase of two to ``max_words`` words, opening with a preposition, that recurs after one to
    ``max_gap`` words of the same clause."""
    from provenance.rules.kinds.quotes import inside_quotation

    text = doc.text
    lowered = text.lower()
    if len(lowered) != len(text):
        return  # lower-casing changed offsets (rare scripts): the phrases are English
    index = DocIndex.of(doc)
    forms = finite_forms()
    reach = max_words + max_gap  # the second copy opens at most this many words after the first
    for sent in index.sentences:
        low = _TOKEN.findall(lowered, sent.start, sent.end)
        if not _twice(low) or not _recurs(low, reach):
            continue  # no preposition comes again 3 to ``reach`` words on: no phrase can
        words = _TOKEN.findall(text, sent.start, sent.end)  # the same tokens, in the original case
        low = [w.lower() for w in words]
        spans = None  # the tokens' offsets, read only for a hit
        i = 0
        while i < len(words):
            # the second copy opens with the same preposition, 3 to ``reach`` words on
            hit = (_repeat_at(words, low, i, max_words, max_gap, forms)
                   if low[i] in _PREPOSITIONS and low[i] in low[i + 3 : i + reach + 1] else None)
            if hit is None:
                i += 1
                continue
            n, j = hit
            if spans is None:
                spans = [m.span() for m in _TOKEN.finditer(text, sent.start, sent.end)]
            start, end = spans[i][0], spans[j + n - 1][1]
            i = j + n
            if "\n" in text[start:end]:
                continue  # a headline and the sentence under it
            if inside_quotation(doc, start, end):
                continue  # a speaker's own repetition, quoted as said
            if index.in_scope(start, end, scope) is None:
                continue
            phrase = text[spans[j][0] : end]
            keep = text[start : spans[j - 1][1]]
            yield Hit(
                start,
                end,
                f"“{phrase}” comes twice in one clause (“{text[start:end]}”): the translation probably "
                f"rendered one Arabic phrase twice; keep one",
                keep,
            )


def _twice(low: list[str]) -> bool:
    """Whether some preposition comes twice among the sentence's words (the cheap test first)."""
    seen: set[str] = set()
    for w in low:
        if w in _PREPOSITIONS:
            if w in seen:
                return True
            seen.add(w)
    return False


def _recurs(low: list[str], reach: int) -> bool:
    """Whether some preposition comes again 3 to ``reach`` words after itself, as the second
    copy of a phrase must (the test ``near_repeats`` makes at each word, here in one pass:
    most sentences have a preposition twice, few have it twice that close)."""
    seen: dict[str, list[int]] = {}
    for k, w in enumerate(low):
        if w in _PREPOSITIONS:
            before = seen.get(w)
            if before is None:
                seen[w] = [k]
                continue
            for p in reversed(before):
                if k - p > reach:
                    break
                if k - p >= 3:
                    return True
            before.append(k)
    return False


def _is_verb(word: str, forms: dict[str, str]) -> bool:
    """A verb form that is not also a noun ("remain", "said"; not "reports")."""
    flags = forms.get(word)
    return flags is not None and "n" not in flags


def _repeat_at(words: list[str], low: list[str], i: int, max_words: int, max_gap: int, forms: dict[str, str]) -> tuple[int, int] | None:
    """(phrase length, start of the second copy) for the longest phrase at ``i`` said again within
    ``max_gap`` words, or None."""
    for n in range(max_words, 1, -1):
        phrase = low[i : i + n]
        if len(phrase) < n or any(not w[0].isalpha() or w in _BREAK for w in phrase):
            continue
        if any(words[i + k][0].isupper() for k in range(n)):
            continue  # a name ("in New York … in New York") is repeated for clarity, not by a collapse
        if all(w in _FUNCTION or len(w) < 4 for w in phrase):
            continue  # "of the", "at the": no content word
        for g in range(1, max_gap + 1):
            j = i + n + g
            if j + n > len(low) or low[j - 1] in _BREAK or not low[j - 1][0].isalnum():
                break  # the clause ends (a mark, a conjunction, a relative word) before a second copy
            if low[j - 1] == "to" or _is_verb(low[j - 1], forms):
                break  # "parties in the talks to remain in the talks": a verb opens a predicate of its own
            if low[j : j + n] == phrase:
                return n, j
    return None
