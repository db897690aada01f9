"""Repeats inside one document: a paragraph word for word, the opening of an
earlier paragraph again, or a sentence already said in another paragraph.

The ``repetition`` rule kind of ``check`` (PV401–PV403) reports these, and
``provenance reuse`` lists them as its same-document pairs, so both always
agree. Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from provenance.reuse.passages import MIN_WORDS, OPENING_CHARS, normalize, opening_key, paragraphs, repeats_opening, words

if TYPE_CHECKING:
    from provenance.document import Document

#: How many earlier paragraphs with the same opening a paragraph is compared
#: with: many openings alike stay linear.
_BUCKET = 50


@dataclass(frozen=True, slots=True)
class Repeat:
    #: "paragraph" (word for word), "prefix" (one is the opening of the other) or "sentence".
    mode: str
    start: int
    end: int
    #: Span and line of the earlier copy.
    first_start: int
    first_end: int
    first_line: int
    #: prefix mode: the later paragraph is the whole earlier one and goes on.
    extends: bool = False


def find_repeats(doc: "Document", min_words: int = MIN_WORDS, min_chars: int = OPENING_CHARS) -> list[Repeat]:
    """The later copy of every repeat, in document order (paragraphs, then sentences)."""
    text = doc.text
    out: list[Repeat] = []
    seen: dict[str, tuple[int, int, int]] = {}
    by_opening: dict[str, list[tuple[str, tuple[int, int, int]]]] = {}
    covered: set[int] = set()  # paragraphs already reported as a whole
    normalized: dict[int, str] = {}  # paragraph index -> normalized text
    for seg, norm, _ in paragraphs(doc, min_words, tokens=False):
        normalized[seg.index] = norm
        here = (seg.start, seg.end, doc.line_col(seg.start)[0])
        if norm in seen:
            out.append(Repeat("paragraph", seg.start, seg.end, *seen[norm]))
            covered.add(seg.index)
            continue
        key = opening_key(norm, min_chars)
        if key is not None:
            bucket = by_opening.setdefault(key, [])
            for other, first in bucket[-_BUCKET:]:
                shorter, longer = (norm, other) if len(norm) < len(other) else (other, norm)
                if repeats_opening(shorter, longer, min_chars):
                    out.append(Repeat("prefix", seg.start, seg.end, *first, extends=shorter is other))
                    covered.add(seg.index)
                    break
            bucket.append((norm, here))
        seen[norm] = here
    sentences_seen: dict[str, tuple[int, int, int]] = {}
    for sent in doc.body_sentences():
        # a one-sentence paragraph was normalized (and found long enough) above
        norm = normalized.get(sent.segment.index) if len(sent.segment.sentences) == 1 else None
        if norm is None:
            norm = normalize(text[sent.start : sent.end])
            if norm.count(" ") < 3 * min_words and len(words(norm)) < min_words:
                continue
        if norm in sentences_seen and sent.segment.index not in covered:
            out.append(Repeat("sentence", sent.start, sent.end, *sentences_seen[norm]))
        sentences_seen.setdefault(norm, (sent.start, sent.end, doc.line_col(sent.start)[0]))
    return out
