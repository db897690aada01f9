"""Results shared by the documents one process checks: a source phrase's description.

``describe`` of a span's text depends on the text, the lexicon and, in one
branch, on the article's person names (``persons``). A description that did
not look at the person names is the same in every article, so it is kept for
the next article that has the same phrase ("officials", "the ministry",
"Reuters"); one that did is not. The cache belongs to one lexicon object and is
bounded.
"""

from __future__ import annotations

from provenance.attributions.cues import lexicon
from provenance.attributions.sources import Descriptor, describe

#: Phrases kept at most; past this the cache starts again (a process checking a whole archive).
MAX_PHRASES = 50_000

_described: dict[str, Descriptor] = {}
_lexicon: list = [None]


class _Watched:
    """The article's person names, noting whether describe asked about one."""

    __slots__ = ("asked", "persons")

    def __init__(self, persons):
        self.persons = persons
        self.asked = False

    def __contains__(self, token: str) -> bool:
        self.asked = True
        return token in self.persons


def describe_shared(span_text: str, persons) -> Descriptor:
    """``describe(span_text, persons=persons)``, from the cache when it did not depend on persons."""
    lex = lexicon()
    if _lexicon[0] is not lex:  # another lexicon (tests reload it): other descriptions
        _described.clear()
        _lexicon[0] = lex
    d = _described.get(span_text)
    if d is not None:
        return d
    watched = _Watched(persons)
    d = describe(span_text, persons=watched)
    if not watched.asked:
        if len(_described) >= MAX_PHRASES:
            _described.clear()
        _described[span_text] = d
    return d


def clear() -> None:
    """Forget what was kept (benchmarks that time the same texts twice)."""
    _described.clear()
