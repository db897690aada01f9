"""Quotations that run over several sentences of a paragraph.

``quoted_spans`` (scan.py) sees one sentence at a time, so a sentence that
lies wholly inside a longer quotation ('“The vote is close. Tom said he would
wait. We will see,” Bell said.') or that opens a quotation it does not close
has its reporting verbs taken as cues, although they are the quoted person's
own words ("Tom said", "I said", "you told me"). ``paragraph_quotations``
finds those quotations once per document; a cue inside one reports nothing of
the article's own (the quotation's speaker is reported by the tag around it),
and PolNeAR, which marks each token in at most one attribution, never marks it.

Marks: curly and straight double quotes (mixed styles such as '"…”' are
common in wire copy) and the doubled apostrophe of the New York Times style
(''…''). A quotation still open at the end of its paragraph runs to that end
(the convention for a quotation over several paragraphs: each paragraph opens
with a mark and only the last one closes).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from provenance.lazyre import lazy

#: A double quotation mark, or two apostrophes (''…''); not an inch mark after a digit (5'10").
_MARK = re.compile(r"(?<![0-9])(?:''|[\"“”«»])")
#: The characters of the one-character marks of _MARK.
_MARK_CHARS = "\"“”«»"


def char_offsets(text: str, chars: str) -> list[int]:
    """The offsets of the characters of chars in text, in order: ``[m.start() for m in
    re.finditer("[" + chars + "]", text)]``, found by str.find (re scans a set of
    non-ASCII characters some five times slower)."""
    out: list[int] = []
    for ch in chars:
        i = text.find(ch)
        while i >= 0:
            out.append(i)
            i = text.find(ch, i + 1)
    out.sort()
    return out


def _marks(text: str, mark_offsets: list[int] | None = None):
    """(start, end, mark) of each match of _MARK in text, in order, as ``_MARK.finditer`` gives them;
    mark_offsets: ``char_offsets(text, _MARK_CHARS)`` when known (the document scan has them).

    The places a match may start are found by str.find: each one-character mark, and each pair of
    apostrophes (a lone one is no mark). The lookbehind that opens _MARK would have re try the
    pattern at every character, and re scans a set of characters some five times slower than
    str.find does one."""
    starts = char_offsets(text, _MARK_CHARS) if mark_offsets is None else list(mark_offsets)
    i = text.find("''")
    while i >= 0:
        starts.append(i)
        i = text.find("''", i + 1)
    starts.sort()
    pos = 0  # where finditer goes on after the last match
    for i in starts:
        if i < pos:
            continue
        if i and "0" <= text[i - 1] <= "9":  # the lookbehind: after a digit, no mark starts here
            continue
        c = "''" if text[i] == "'" else text[i]
        pos = i + len(c)
        yield i, pos, c


#: A markup tag (<tweet author="…">): its quotes are an attribute's, not a quotation's.
_TAG = lazy(r"<[^<>\n]*>")


def paragraph_quotations(text: str, mark_offsets: list[int] | None = None) -> list[tuple[int, int]]:
    """(start, end) of every quotation in ``text``, marks included, paired within each
    paragraph (a line); one left open runs to the end of its paragraph. mark_offsets: see ``_marks``."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    line_end = -1
    tags = [(t.start(), t.end()) for t in _TAG.finditer(text)] if "<" in text else []
    tag_starts = [a for a, _ in tags]
    for i, j, c in _marks(text, mark_offsets):
        if tags and (k := bisect_right(tag_starts, i) - 1) >= 0 and i < tags[k][1]:
            continue
        if i > line_end:  # a new paragraph: a quotation left open ran to the end of the last one
            if open_at is not None:
                spans.append((open_at, line_end))
                open_at = None
            nl = text.find("\n", i)
            line_end = len(text) if nl < 0 else nl
        if open_at is None:
            if c in "”»" or _closes(text, i, j):
                continue  # a closer with nothing open: a quotation from an earlier paragraph or a stray mark
            open_at = i
        elif c == "“" and i > 0 and text[i - 1].isspace() and i + 1 < len(text) and not text[i + 1].isspace():
            open_at = i  # a second opener: the first was a stray mark, the quotation starts here
        else:
            spans.append((open_at, j))
            open_at = None
    if open_at is not None:
        spans.append((open_at, line_end))
    return spans


def _closes(text: str, i: int, j: int) -> bool:
    """A straight mark that can only close: after a word or a stop, before a space, a stop or the end ('there," she')."""
    return i > 0 and not text[i - 1].isspace() and text[i - 1] not in "([" and (j >= len(text) or text[j].isspace() or text[j] in ".,;:!?)")


class QuoteRegions:
    """``paragraph_quotations`` of a document, asked for the span around an offset."""

    def __init__(self, text: str, mark_offsets: list[int] | None = None):
        self.spans = paragraph_quotations(text, mark_offsets)
        self._starts = [s for s, _ in self.spans]

    def inside(self, start: int, end: int) -> bool:
        """Whether text[start:end] lies inside a quotation (its marks excluded)."""
        i = bisect_right(self._starts, start) - 1
        return i >= 0 and self.spans[i][0] < start and end < self.spans[i][1]
