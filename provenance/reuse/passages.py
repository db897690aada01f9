"""Passages and how two of them compare: one normalization and one set of
comparisons for the ``repetition`` rule of ``check`` (within a document) and
for ``provenance reuse`` / the article index (across documents).

Standard library only: the rules layer imports this on every ``check``.

- ``normalize``: spacing and quotation-mark style do not count; case and
  words do. Two passages are *verbatim* copies when their normalized texts are
  equal.
- ``words`` / ``shingles``: lower-cased word tokens and their k-word
  shingles, the sets that Jaccard similarity and containment are measured on.
- ``repeats_opening``: one passage is the opening of another (a paragraph cut
  short, or a paragraph that goes on after a copy of another).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from provenance.document import Document
    from provenance.reuse.settings import ReuseSettings

_QUOTE_STYLE = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
#: Punctuation a cut-short copy may end on where the longer one goes on.
_CLOSING = ".!?;:,\"' "

#: Word shingle size for Jaccard and containment.
SHINGLE = 3
#: Shortest shared opening (characters) that counts as a repeat.
OPENING_CHARS = 40
#: Shortest passage (words) worth comparing.
MIN_WORDS = 6


def normalize(text: str) -> str:
    return " ".join(text.translate(_QUOTE_STYLE).split())


def words(normalized: str) -> list[str]:
    return _WORD.findall(normalized.lower())


def shingles(tokens: list[str], k: int = SHINGLE) -> frozenset[str]:
    if len(tokens) <= k:
        return frozenset([" ".join(tokens)]) if tokens else frozenset()
    return frozenset(" ".join(tokens[i : i + k]) for i in range(len(tokens) - k + 1))


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def containment(a: frozenset, b: frozenset) -> float:
    """How much of the smaller set lies in the larger one."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def opening_key(normalized: str, min_chars: int = OPENING_CHARS) -> str | None:
    """Passages that may repeat each other's opening share this key."""
    return normalized[:min_chars] if len(normalized) >= min_chars else None


def repeats_opening(shorter: str, longer: str, min_chars: int = OPENING_CHARS) -> bool:
    """True when normalized ``shorter`` is the opening of ``longer``, up to the
    punctuation where one stops and the other goes on ("crucial." opens
    "crucial, clarifying that…")."""
    stem = shorter.rstrip(_CLOSING)
    return len(stem) >= min_chars and longer.startswith(stem) and _word_boundary(longer, len(stem))


def _word_boundary(text: str, at: int) -> bool:
    return at >= len(text) or not text[at].isalnum() or not text[at - 1].isalnum()


@dataclass(slots=True)
class Passage:
    """A paragraph or body sentence of a document, with its comparison forms."""

    doc: int  # position of the document in the run
    kind: str  # "paragraph" | "sentence"
    start: int
    end: int
    line: int
    column: int
    normalized: str
    tokens: list[str]
    #: For a sentence: index of its paragraph among the document's passages.
    parent: int | None = None
    _shingles: frozenset[str] | None = None

    @property
    def shingles(self) -> frozenset[str]:
        if self._shingles is None:
            self._shingles = shingles(self.tokens)
        return self._shingles


@dataclass(slots=True)
class Pair:
    a: int  # passage indices, a before b
    b: int
    match: str
    jaccard: float
    containment: float
    cosine: float | None = None


def classify(a: Passage, b: Passage, settings: "ReuseSettings") -> Pair | None:
    """The exact re-check of a candidate pair (indices filled in by the caller)."""
    sa, sb = a.shingles, b.shingles
    j, c = jaccard(sa, sb), containment(sa, sb)
    if a.normalized == b.normalized:
        return Pair(0, 0, "verbatim", 1.0, 1.0)
    if j >= settings.threshold:
        return Pair(0, 0, "near-duplicate", j, c)
    shorter, longer = sorted((a.normalized, b.normalized), key=len)
    if c >= settings.containment or repeats_opening(shorter, longer):
        return Pair(0, 0, "partial", j, c)
    return None


def extract(doc: "Document", doc_index: int = 0, min_words: int = MIN_WORDS) -> list[Passage]:
    """Paragraphs of at least ``min_words`` words, each followed by its sentences
    when it has more than one (a one-sentence paragraph is its own sentence)."""
    out: list[Passage] = []
    for seg, norm, tokens in paragraphs(doc, min_words):
        out.append(_passage(doc, doc_index, "paragraph", seg.start, seg.end, norm, tokens))
        parent = len(out) - 1
        if len(seg.sentences) > 1:
            for sent in seg.sentences:
                s_norm = normalize(doc.text[sent.start : sent.end])
                s_tokens = words(s_norm)
                if len(s_tokens) >= min_words:
                    out.append(_passage(doc, doc_index, "sentence", sent.start, sent.end, s_norm, s_tokens, parent))
    return out


def paragraphs(doc: "Document", min_words: int = MIN_WORDS, tokens: bool = True) -> Iterator[tuple]:
    """(segment, normalized text, word tokens or None) of each body paragraph
    long enough to compare. With ``tokens=False`` a paragraph of three times
    ``min_words`` space-separated pieces counts as long enough without being
    tokenized (the in-document check runs on every ``check``)."""
    from provenance.document import PARAGRAPH

    for seg in doc.segments:
        if seg.kind != PARAGRAPH:
            continue
        norm = normalize(doc.text[seg.start : seg.end])
        if not tokens and norm.count(" ") >= 3 * min_words:
            yield seg, norm, None
            continue
        found = words(norm)
        if len(found) >= min_words:
            yield seg, norm, found if tokens else None


def _passage(doc, doc_index, kind, start, end, norm, tokens, parent=None) -> Passage:
    line, column = doc.line_col(start)
    return Passage(doc_index, kind, start, end, line, column, norm, tokens, parent)
