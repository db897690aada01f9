"""The artifacts layer: runs every enabled rule whose kind lives in code.

Phrase rules are the bulk of the packs and Python's regex engine is slow on
case-insensitive alternations, so the layer first finds every phrase rule's
anchors in one Aho-Corasick pass over the lower-cased text and runs each
phrase rule only on the segments that hold one of its anchors.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict

from provenance.rules import LAYER_KIND, checker_for
from provenance.rules.kinds.phrase import PhraseChecker


class RulesAnalyzer:
    name = "rules"

    def __init__(self, config, ruleset):
        self.ruleset = ruleset
        self.checkers = [(rule, checker_for(rule)) for rule in ruleset.enabled.values() if rule.kind != LAYER_KIND]
        self.anchored = {
            i: c for i, (_, c) in enumerate(self.checkers) if isinstance(c, PhraseChecker) and c.anchors is not None
        }
        self.automaton = _automaton(self.anchored) if self.anchored else None

    @classmethod
    def enabled(cls, config) -> bool:
        return True

    def signature(self) -> str | None:
        return None  # the rule packs are already in the report signature

    def analyze(self, doc, report, emit) -> None:
        spans = self._anchored_spans(doc)
        for i, (rule, checker) in enumerate(self.checkers):
            if spans is not None and i in self.anchored:
                hits = checker.check(doc, spans.get(i, []))
            else:
                hits = checker.check(doc)
            for hit in hits:
                source = None if hit.source_start is None else (hit.source_start, hit.source_end)
                emit(rule.code, hit.start, hit.end, hit.message, hit.suggestion, source)

    def _anchored_spans(self, doc) -> dict[int, list[tuple[int, int]]] | None:
        """Per anchored checker, where to search: windows around its anchors
        (when it knows how far a match reaches) or the segments holding them."""
        if self.automaton is None:
            return None
        lowered = doc.text.lower()
        if len(lowered) != len(doc.text):
            return None  # lower-casing changed offsets (rare scripts): scan everything
        segments = doc.segments
        starts = [s.start for s in segments]
        found: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for last, (first, rules) in self.automaton.iter(lowered):
            start, end = last - first, last + 1
            seg = bisect_right(starts, start) - 1
            if seg < 0 or end > segments[seg].end:
                continue
            seg_start, seg_end = segments[seg].start, segments[seg].end
            for i in rules:
                window = self.anchored[i].window
                if window is None:
                    found[i].append((seg_start, seg_end))
                else:
                    # room on the right for the lookaheads at a match's end
                    found[i].append((max(seg_start, start - window), min(seg_end, end + window + _LOOKAHEAD)))
        return {i: _merged(spans) for i, spans in found.items()}

    def finish(self, files):
        return None


_LOOKAHEAD = 40


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones joined, so no text is searched twice."""
    spans.sort()
    out = [spans[0]]
    for s, e in spans[1:]:
        if s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _automaton(anchored: dict[int, PhraseChecker]):
    import ahocorasick

    by_anchor: dict[str, set[int]] = defaultdict(set)
    for i, checker in anchored.items():
        for anchor in checker.anchors:
            by_anchor[anchor].add(i)
    automaton = ahocorasick.Automaton()
    for anchor, rules in by_anchor.items():
        # (offset of the anchor's first character from its last, rules)
        automaton.add_word(anchor, (len(anchor) - 1, tuple(sorted(rules))))
    automaton.make_automaton()
    return automaton
