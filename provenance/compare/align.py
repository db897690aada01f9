"""Align the paragraphs, then the sentences, of two English texts.

Similarity is chrF with beta = 1 (character n-gram F1, symmetric, from
sacrebleu): two translations of one source paragraph score 77–100 on the
seeds, paragraphs that only share a topic 55 or less. Pairs are taken
greedily, best first, one to one, so a paragraph that moved still aligns; a
pair of paragraphs with no word in common is never scored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from provenance.document import FOOTER, FRONT_MATTER, PARAGRAPH
from provenance.reuse.passages import normalize, words

if TYPE_CHECKING:
    from provenance.document import Document

#: chrF (beta 1) from which two paragraphs are taken as the same paragraph.
PARAGRAPH_THRESHOLD = 60.0
#: Within two aligned paragraphs, sentences correspond at a lower bar.
SENTENCE_THRESHOLD = 40.0
#: Word overlap (Dice) under which a pair is not worth scoring.
_PREFILTER = 0.2


@dataclass(slots=True)
class Unit:
    kind: str
    start: int
    end: int
    line: int
    text: str  # normalized
    words: frozenset[str]
    #: Sentences of a paragraph (spans), empty for other units.
    sentences: list["Unit"]

    def loc(self, doc: "Document") -> dict:
        return {"kind": self.kind, "line": self.line, "start": self.start, "end": self.end, "text": doc.text[self.start : self.end]}


def units(doc: "Document") -> list[Unit]:
    """Every segment but front matter; paragraphs carry their sentences."""
    out = []
    for seg in doc.segments:
        if seg.kind == FRONT_MATTER:
            continue
        sentences = []
        if seg.kind == PARAGRAPH:
            sentences = [_unit(doc, "sentence", s.start, s.end) for s in seg.sentences]
        unit = _unit(doc, seg.kind, seg.start, seg.end)
        if unit.text:
            unit.sentences = [s for s in sentences if s.text]
            out.append(unit)
    return out


def _unit(doc: "Document", kind: str, start: int, end: int) -> Unit:
    text = normalize(doc.text[start:end])
    return Unit(kind, start, end, doc.line_col(start)[0], text, frozenset(words(text)), [])


class Aligner:
    def __init__(self):
        from sacrebleu.metrics import CHRF

        self._chrf = CHRF(beta=1)

    def similarity(self, a: Unit, b: Unit) -> float:
        if not a.words or not b.words:
            return 0.0
        if 2 * len(a.words & b.words) / (len(a.words) + len(b.words)) < _PREFILTER:
            return 0.0
        return self._chrf.sentence_score(a.text, [b.text]).score

    def align(self, left: list[Unit], right: list[Unit], threshold: float) -> list[tuple[int, int, float]]:
        """One-to-one pairs (i, j, similarity), best first taken, sorted by i."""
        scored = []
        for i, a in enumerate(left):
            for j, b in enumerate(right):
                if (a.kind == FOOTER) != (b.kind == FOOTER):
                    continue
                s = self.similarity(a, b)
                if s >= threshold:
                    scored.append((-s, i, j))
        return one_to_one(scored)


def one_to_one(scored: list[tuple[float, int, int]]) -> list[tuple[int, int, float]]:
    """From (-similarity, i, j) candidates, the pairs taken best first with each
    i and each j used once; returned as (i, j, similarity) sorted by i."""
    used_i, used_j, pairs = set(), set(), []
    for neg, i, j in sorted(scored):
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            pairs.append((i, j, -neg))
    return sorted(pairs)
