"""The ``repetition`` kind: a paragraph or sentence that the article says twice.

Translated articles assembled from several wire pieces repeat themselves:
a paragraph word for word, or the opening of an earlier paragraph again
(seed 003). Comparison ignores spacing and quotation-mark style. The later
copy is reported and points back at the first.

params:
  mode: paragraph | prefix | sentence
  min_words: 6        shortest repeat worth reporting
  min_chars: 40       (prefix mode) shortest shared opening
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from provenance.document import PARAGRAPH
from provenance.rules import Hit
from provenance.rules.model import Rule

_QUOTE_STYLE = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
_PREFIX_KEY = 40
_CLOSING = ".!?;:,\"' "


@dataclass(frozen=True)
class _Repeat:
    mode: str
    start: int
    end: int
    first_line: int
    extends: bool = False


def normalize(text: str) -> str:
    return " ".join(text.translate(_QUOTE_STYLE).split())


class RepetitionChecker:
    def __init__(self, rule: Rule):
        p = rule.params
        self.rule = rule
        self.mode = p.get("mode", "paragraph")
        self.min_words = int(p.get("min_words", 6))
        self.min_chars = int(p.get("min_chars", _PREFIX_KEY))

    def check(self, doc) -> Iterable[Hit]:
        key = f"_repeats:{self.min_words}:{self.min_chars}"
        repeats = doc.annotations.get(key)
        if repeats is None:
            repeats = doc.annotations[key] = _find(doc, self.min_words, self.min_chars)
        for r in repeats:
            if r.mode != self.mode:
                continue
            if r.mode == "paragraph":
                message = f"repeats the paragraph at line {r.first_line} word for word"
            elif r.mode == "prefix" and r.extends:
                message = f"repeats the whole paragraph at line {r.first_line} and goes on"
            elif r.mode == "prefix":
                message = f"repeats the opening of the paragraph at line {r.first_line}"
            else:
                message = f"repeats a sentence from line {r.first_line}"
            yield Hit(r.start, r.end, message, None)


def _find(doc, min_words: int, min_chars: int) -> list[_Repeat]:
    text = doc.text
    out: list[_Repeat] = []
    seen: dict[str, int] = {}
    by_key: dict[str, list[tuple[str, int]]] = {}
    covered: set[int] = set()  # indices of paragraphs already reported as repeats
    paragraphs = [s for s in doc.segments if s.kind == PARAGRAPH]
    normalized: dict[int, str] = {}
    for seg in paragraphs:
        norm = normalized[seg.index] = normalize(text[seg.start : seg.end])
        if norm.count(" ") + 1 < min_words:
            continue
        line = doc.line_col(seg.start)[0]
        if norm in seen:
            out.append(_Repeat("paragraph", seg.start, seg.end, seen[norm]))
            covered.add(seg.index)
            continue
        bucket = by_key.setdefault(norm[:min_chars], [])
        if len(norm) >= min_chars:
            for other, other_line in bucket[-50:]:  # bounded: many openings alike stay linear
                shorter, longer = (norm, other) if len(norm) < len(other) else (other, norm)
                stem = shorter.rstrip(_CLOSING)  # "crucial." repeats "crucial, clarifying…"
                if len(stem) >= min_chars and longer.startswith(stem) and _word_boundary(longer, len(stem)):
                    out.append(_Repeat("prefix", seg.start, seg.end, other_line, extends=shorter is other))
                    covered.add(seg.index)
                    break
            bucket.append((norm, line))
        seen[norm] = line
    sentences_seen: dict[str, int] = {}
    for sent in doc.body_sentences():
        whole = sent.segment.sentences
        # a one-sentence paragraph was normalized above already
        norm = normalized[sent.segment.index] if len(whole) == 1 else normalize(text[sent.start : sent.end])
        if norm.count(" ") + 1 < min_words:
            continue
        if norm in sentences_seen and sent.segment.index not in covered:
            out.append(_Repeat("sentence", sent.start, sent.end, sentences_seen[norm]))
        sentences_seen.setdefault(norm, doc.line_col(sent.start)[0])
    return out


def _word_boundary(text: str, at: int) -> bool:
    return at >= len(text) or not text[at].isalnum() or not text[at - 1].isalnum()
