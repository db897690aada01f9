"""Lookups over a Document that several rule kinds share, computed once per document."""

from __future__ import annotations

from bisect import bisect_right

from provenance.document import Document, Segment, Sentence

_OPENERS = "\"'\u201c\u2018\u00ab([ "


class DocIndex:
    """Position lookups: which segment or sentence holds an offset."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.segments = doc.segments
        self._seg_starts = [s.start for s in doc.segments]
        self.sentences = doc.sentences
        self._sent_starts = [s.start for s in doc.sentences]
        #: Whether a `document`-scope context condition matches the text, by pattern.
        self.document_matches: dict = {}

    @classmethod
    def of(cls, doc: Document) -> "DocIndex":
        index = doc.annotations.get("_index")
        if index is None:
            index = doc.annotations["_index"] = cls(doc)
        return index

    def segment_at(self, offset: int) -> Segment | None:
        i = bisect_right(self._seg_starts, offset) - 1
        if i >= 0 and offset < self.segments[i].end:
            return self.segments[i]
        return None

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect_right(self._sent_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def starts_sentence(self, offset: int) -> bool:
        sent = self.sentence_at(offset)
        if sent is None:
            return False
        lead = self.doc.text[sent.start : offset]
        return all(c in _OPENERS for c in lead)

    def in_scope(self, start: int, end: int, scope: tuple[str, ...]) -> Segment | None:
        """The segment holding [start, end) when its kind is in scope and the
        span stays in its prose (a caption's credit is not prose)."""
        seg = self.segment_at(start)
        if seg is None or seg.kind not in scope or end > seg.prose_end:
            return None
        return seg


def capitalize_first(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s
