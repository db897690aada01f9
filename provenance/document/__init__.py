"""The Document model: decoded text, its structure and offsets.

Every analyzer reads a Document and reports spans as 0-based, end-exclusive
character offsets into ``Document.text`` (the decoded text, byte-order mark
removed, line endings untouched). Lines and columns are 1-based and count
characters; only "\\n" ends a line.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from provenance.document.decode import Decoded, InputError, decode_bytes
from provenance.document.segment import (
    BODY_KINDS,
    BYLINE,
    CAPTION,
    FOOTER,
    FRONT_MATTER,
    HEADING,
    PARAGRAPH,
    STRUCTURE_KINDS,
    TITLE,
    segment,
)
from provenance.document.sentences import split_sentences

__all__ = [
    "BODY_KINDS",
    "BYLINE",
    "CAPTION",
    "FOOTER",
    "FRONT_MATTER",
    "HEADING",
    "PARAGRAPH",
    "STRUCTURE_KINDS",
    "TITLE",
    "Document",
    "InputError",
    "Segment",
    "Sentence",
]

#: A whitespace-separated piece with no letter or digit ("—", "+") is not a word.
_NOT_A_WORD = re.compile(r"(?<!\S)[^\w\s]+(?!\S)")


@dataclass(slots=True, eq=False)
class Sentence:
    start: int
    end: int
    segment: "Segment"
    #: Position among all sentences of the document.
    index: int = 0

    @property
    def kind(self) -> str:
        return self.segment.kind

    @property
    def is_body(self) -> bool:
        return self.segment.kind in BODY_KINDS


@dataclass(slots=True, eq=False)
class Segment:
    kind: str
    start: int
    end: int
    index: int
    sentences: list[Sentence] = field(default_factory=list)
    #: Captions: (start, end) of the credit inside the closing parentheses.
    credit: tuple[int, int] | None = None
    #: Footer: (start, end) of the credit text after "Source:".
    footer_value: tuple[int, int] | None = None
    #: Credit lines: "source", "translation" or "byline", and their parts
    #: (role, start, end) with role translator, source or by.
    credit_kind: str | None = None
    credit_parts: tuple[tuple[str, int, int], ...] = ()

    @property
    def is_body(self) -> bool:
        return self.kind in BODY_KINDS

    @property
    def prose_end(self) -> int:
        """End of the prose part: a caption stops before its credit."""
        if self.credit is None:
            return self.end
        return self.credit[0] - 1  # the opening parenthesis


class Document:
    """An article: text plus segments and sentences with exact offsets."""

    def __init__(
        self,
        text: str,
        path: str = "<text>",
        *,
        encoding: str = "utf-8",
        encoding_detected: bool = False,
        sha256: str | None = None,
        markdown: bool | None = None,
    ):
        from provenance.document.markup import is_markdown, prepare

        self.markdown = is_markdown(path) if markdown is None else markdown
        prepared = prepare(text, self.markdown)
        #: The file's text as decoded: what findings report and fixes edit.
        self.source = text
        #: The analysis text: ``source`` with markup and suppression comments
        #: blanked to spaces (same length, same offsets); what analyzers read.
        self.text = prepared.text
        self._blocks = prepared.blocks
        #: Suppression comments (``provenance.document.markup.Directive``) and malformed ones.
        self.directives = prepared.directives
        self.directive_problems = prepared.problems
        self.path = path
        self.encoding = encoding
        self.encoding_detected = encoding_detected
        self.sha256 = sha256 or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.segments: list[Segment] = []
        self.sentences: list[Sentence] = []
        #: Analyzer layers store their annotations here, keyed by layer name.
        self.annotations: dict[str, Any] = {}
        self._build()

    # -- construction -------------------------------------------------------
    @classmethod
    def from_bytes(cls, raw: bytes, path: str = "<bytes>") -> "Document":
        decoded: Decoded = decode_bytes(raw)
        return cls(
            decoded.text,
            path,
            encoding=decoded.encoding,
            encoding_detected=decoded.detected,
            sha256=hashlib.sha256(raw).hexdigest(),
        )

    @classmethod
    def from_path(cls, path: str | Path) -> "Document":
        """Read a regular file (special files are refused before any read, and
        files over the read limit of ``provenance.safeio``); InputError otherwise."""
        from provenance.safeio import read_input

        return cls.from_bytes(read_input(path), str(path))

    def _build(self) -> None:
        text = self.text
        for i, unit in enumerate(segment(text, self._blocks)):
            seg = Segment(unit.kind, unit.start, unit.end, i, credit=unit.credit, footer_value=unit.footer_value,
                          credit_kind=unit.credit_kind, credit_parts=unit.credit_parts)
            if seg.kind == PARAGRAPH:
                spans = split_sentences(text, seg.start, seg.end)
            elif seg.kind in (TITLE, HEADING, CAPTION):
                end = seg.prose_end
                while end > seg.start and text[end - 1].isspace():
                    end -= 1
                spans = [(seg.start, end)] if end > seg.start else []
            else:
                spans = []
            for s, e in spans:
                sent = Sentence(s, e, seg, len(self.sentences))
                seg.sentences.append(sent)
                self.sentences.append(sent)
            self.segments.append(seg)

    # -- offsets ------------------------------------------------------------
    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of a character offset."""
        i = bisect_right(self._line_starts, offset) - 1
        return i + 1, offset - self._line_starts[i] + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Offsets of a 1-based line, newline (and a CR before it) excluded."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.text)
        if end > start and self.text[end - 1] == "\r":
            end -= 1
        return start, end

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    # -- views --------------------------------------------------------------
    def body_sentences(self) -> Iterator[Sentence]:
        return (s for s in self.sentences if s.segment.kind in BODY_KINDS)

    def segments_of(self, *kinds: str) -> list[Segment]:
        return [s for s in self.segments if s.kind in kinds]

    def segment_at(self, offset: int) -> Segment | None:
        i = bisect_right(self.segments, offset, key=lambda s: s.start) - 1
        if i >= 0 and offset < self.segments[i].end:
            return self.segments[i]
        return None

    @property
    def title(self) -> Segment | None:
        return next((s for s in self.segments if s.kind == TITLE), None)

    def word_count(self) -> int:
        """Whitespace-separated tokens with a letter or digit ("U.S." and "8,800" are one word each)."""
        return len(self.text.split()) - len(_NOT_A_WORD.findall(self.text))

    def span_text(self, start: int, end: int) -> str:
        return self.source[start:end]

    def __repr__(self) -> str:
        return f"<Document {self.path!r} {len(self.text)} chars, {len(self.segments)} segments>"
