"""The ``quotes`` kind: double quotation marks that do not pair up.

One scan per document pairs the marks across its prose segments:
  mismatched   a pair opened in one style and closed in the other (`“ Genocide".`),
               or closed with a second opening glyph (`“late“ again`)
  unbalanced   an opening mark never closed, or a closing mark with no opening;
               a quote left open at the end of a paragraph is fine when the next
               paragraph opens a quote (the English convention for long quotes);
               in a text laid out one sentence a line (nearly every paragraph a
               single sentence), a mark at the edge of a line whose partner would
               be on a line before or after is not reported
  displaced    straight marks on the wrong side of their spaces that still pair
               up: `described it as a" grave breach "by the`
  apostrophe   a stray straight quote inside a word or after a plural noun
               ("the Lakers" coach"): an apostrophe typed or converted wrongly
  mixed        the document uses both straight and curly marks (style only)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from provenance.document import CAPTION, HEADING, PARAGRAPH, TITLE
from provenance.lazyre import lazy
from provenance.rules import Hit
from provenance.rules.kinds._context import DocIndex
from provenance.rules.model import Rule

_MARK = lazy("[\"\u201c\u201d\u201e\u00ab\u00bb]")
_OPENING = "\u201c\u201e\u00ab"
_CLOSING = "\u201d\u00bb"
_PROSE = (TITLE, HEADING, CAPTION, PARAGRAPH)
_MAX_SUGGESTION = 300
_MAX_CARRY = 12  # paragraphs without marks a quotation may run through
_MAX_DEPTH = 3  # quotations inside quotations
_MIN_LINES = 8  # paragraphs a text needs before its layout is judged one sentence a line
_LINE_SHARE = 0.9  # share of single-sentence paragraphs that makes it so
_MAX_DISPLACED = 200  # farthest apart the two marks of a displaced pair may be
# A stray straight quote inside a word (d"état) or after a plural (Lakers" coach):
# an apostrophe that a converter or keyboard turned into a double quote.
_APOSTROPHE = lazy(r'[^\W\d_]"[^\W\d_]|[sSzZ]"\s+[^\W\d_]')
# An HTML/XML tag left in the copy (<tweet id="…" author="…">, <a href="…">): the
# quotation marks of its attributes delimit values, they are not prose. A value may
# run over a line break (`date="May 9,\n2016"`).
_TAG_START = lazy(r"<[A-Za-z][\w:.-]*\s+[\w:.-]+\s*=")
_TAG = lazy(r"</?[A-Za-z][\w:.-]*(?:\s+[\w:.-]+(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s<>\"']+))?)*\s*/?>")


@dataclass(frozen=True)
class _Problem:
    mode: str
    start: int
    end: int
    message: str
    suggestion: str | None = None


class QuotesChecker:
    def __init__(self, rule: Rule):
        self.rule = rule
        self.mode = rule.params.get("mode", "mismatched")

    def check(self, doc) -> Iterable[Hit]:
        problems = doc.annotations.get("_quotes")
        if problems is None:
            problems = doc.annotations["_quotes"] = list(_scan(doc))
        index = DocIndex.of(doc)
        for p in problems:
            if p.mode == self.mode:
                seg = index.segment_at(p.start)
                if seg is not None and seg.kind in self.rule.scope:
                    yield Hit(p.start, p.end, p.message, p.suggestion)


def _one_sentence_a_line(segments) -> bool:
    """Whether the text is laid out one sentence a line (a sentence-aligned
    corpus, subtitles, an excerpt of an article): nearly every paragraph holds
    a single sentence. A quotation there runs on over lines that need not be
    present, so a mark at the edge of a line has its partner off the page."""
    paragraphs = [s for s in segments if s.kind == PARAGRAPH]
    if len(paragraphs) < _MIN_LINES:
        return False
    single = sum(len(s.sentences) <= 1 for s in paragraphs)
    return single >= _LINE_SHARE * len(paragraphs)


def _scan(doc) -> Iterable[_Problem]:
    text = doc.text
    segments = [s for s in doc.segments if s.kind in _PROSE]
    lines = _one_sentence_a_line(segments)
    straight: list[int] = []
    curly: list[int] = []
    # Open marks, innermost last. The stack survives the end of a paragraph:
    # a quotation may run on into the next ones (one sentence a line).
    stack: list[tuple[str, int]] = []
    carried = 0
    for seg in segments:
        marks = _prose_marks(text, seg.start, seg.prose_end)
        if not marks:
            if stack:
                carried += 1
                if carried > _MAX_CARRY:
                    yield from (_unclosed(c, at) for c, at in stack)
                    stack = []
            continue
        carried = 0
        skip = -1
        for i, m in enumerate(marks):
            if i == skip:
                continue
            c, at = m.group(), m.start()
            (straight if c == '"' else curly).append(at)
            opening = c in _OPENING or (c == '"' and _straight_opens(text, at, seg.start))
            if opening and c == '"' and stack and text[at - 2 : at] in ("' ", "\u2019 "):
                opening = False  # "… 'a safe bet,' " she said": a closing mark spaced off a single quote
            if c == "\u201d" and not stack and _opens_in_place(text, at, seg.start):
                # "”Thanks, all": a closing glyph where a quotation opens
                yield _Problem("mismatched", at, at + 1, "quotation opened with the closing mark ”; use “", "\u201c")
                stack.append(("\u201c", at))
                continue
            if opening and c == "\u201c" and stack and _closes_in_place(text, at, seg.prose_end):
                # "“late“ again": an opening glyph glued to the end of the quoted words closes the quote
                open_char, open_at = stack.pop()
                yield _mismatch(text, open_at, at)
                continue
            if opening and c == '"' and stack and _spaced_final_close(text, at, seg.prose_end):
                # 'good. "' (ending the paragraph or before a space): a closing mark spaced off its words
                stack.pop()
                yield _Problem("unbalanced", at - 2, at + 1, "closing quotation mark set off by a space from the words it closes", text[at - 2] + '"')
                continue
            if opening:
                if i == 0 and stack and at == seg.start:
                    stack.pop()  # English convention: each paragraph of a long quotation reopens it
                elif len(stack) >= _MAX_DEPTH:
                    yield _unclosed(*stack.pop(0))
                stack.append((c, at))
            elif not stack:
                partner = _displaced_partner(text, marks, i, seg.prose_end) if c == '"' else None
                if partner is not None:
                    skip = partner
                    yield _displaced(text, at, marks[partner].start())
                elif c == '"' and _APOSTROPHE.match(text, at - 1):
                    yield _Problem("apostrophe", at, at + 1, "double quote where an apostrophe belongs", "\u2019")
                elif lines and i == 0 and text[at - 1 : at] in ",.?!":
                    pass  # one sentence a line: a quoted sentence closing, opened on a line before this one
                else:
                    yield _Problem("unbalanced", at, at + 1, f"closing {c} has no opening mark before it")
            else:
                open_char, open_at = stack.pop()
                if (open_char == '"') != (c == '"'):
                    yield _mismatch(text, open_at, at)
    if lines:
        # one sentence a line: a quotation left open at the end closes on a line that is not there
        stack = [(c, at) for c, at in stack if not _opens_last_sentence(text, at)]
    yield from (_unclosed(c, at) for c, at in stack)
    if straight and curly:
        # the rarer style is the intruder; on a tie, the one that came second
        minority = min((straight, curly), key=lambda marks: (len(marks), -marks[0]))
        yield _Problem(
            "mixed",
            minority[0],
            minority[0] + 1,
            f"the article mixes straight (\") and curly (“ ”) double quotes: {len(straight)} straight, {len(curly)} curly",
        )


def _spaced_final_close(text: str, at: int, end: int) -> bool:
    """A straight mark after sentence punctuation and a space, with nothing after it in
    the paragraph ('… good. "') or a space ('… good. " And'): it opens no word, so it
    closes the open quotation."""
    if not text[at + 1 : end].strip():
        return text[at - 2 : at] in (". ", "? ", "! ")
    # mid-paragraph only after a full stop: '… mean? " Clinton asked' is a native typo, rare
    return text[at - 2 : at] == ". " and text[at + 1 : at + 2] == " "


def _closes_in_place(text: str, at: int, end: int) -> bool:
    """A mark glued to the word or punctuation before it, with a space, punctuation
    or the end of the paragraph after it: it stands where a closing mark goes."""
    before = text[at - 1 : at]
    after = text[at + 1 : at + 2]
    return (before.isalnum() or before in ".,?!;:") and (at + 1 >= end or after.isspace() or after in ".,;:?!)")


def _opens_in_place(text: str, at: int, seg_start: int) -> bool:
    """A mark at the start of a paragraph or after a space, glued to the word after it."""
    before = text[at - 1 : at] if at > seg_start else ""
    after = text[at + 1 : at + 3]
    return (before == "" or before.isspace() or before in "(\u202a\u202b\u200e\u200f") and (after[:1].isalnum() or after == " \u2026")


def _opens_last_sentence(text: str, at: int) -> bool:
    """A mark that opens a quoted sentence (at the line start or after a colon)
    running to the end of its line, which ends a sentence: the first sentence
    of a quotation that goes on over the next lines (`said: "It was late.`)."""
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    line = text[at + 1 : end].rstrip()
    if _MARK.search(line) or not line.endswith((".", "?", "!")):
        return False
    before = text[text.rfind("\n", 0, at) + 1 : at].rstrip()
    return before == "" or before.endswith(":")


def _prose_marks(text: str, start: int, end: int) -> list[re.Match]:
    """The quotation marks of a segment, less those inside markup tags, also a
    tag broken over two lines (`<tweet author="@x" date="May 9,` / `2016">`)."""
    marks = list(_MARK.finditer(text, start, end))
    if not marks or ("<" not in text[start:end] and ">" not in text[start:end]):
        return marks
    tags = [(m.start(), m.end()) for m in _TAG.finditer(text, start, end)]
    seg = text[start:end]
    first_close, first_open = seg.find(">"), seg.find("<")
    if first_close >= 0 and (first_open < 0 or first_close < first_open) and "=" in seg[:first_close]:
        tags.append((start, start + first_close + 1))  # the end of a tag begun on the line before
    last_open = seg.rfind("<")
    if last_open >= 0 and ">" not in seg[last_open:] and _TAG_START.match(seg, last_open):
        tags.append((start + last_open, end))  # a tag that goes on on the next line
    if not tags:
        return marks
    return [m for m in marks if not any(a <= m.start() < b for a, b in tags)]


def _straight_opens(text: str, at: int, seg_start: int) -> bool:
    """A straight quote opens when it follows a space, a bracket or a dash (or starts the paragraph)."""
    if at == seg_start:
        return True
    before = text[at - 1]
    if before.isspace() or before in "([{\u2014\u2013-/\u2018\u201c":
        return True
    return False


def _displaced_partner(text: str, marks, i: int, end: int) -> int | None:
    """For a straight mark that closes nothing and has a space after it (`a" grave`),
    the index of the mark that pairs with it the wrong way round (`breach "by`):
    the next mark, straight, with a space before and a word or the end after it,
    and an even number of marks after that one (it opens nothing of its own)."""
    at = marks[i].start()
    if i + 1 >= len(marks) or not text[at + 1 : at + 2].isspace() or not text[at - 1 : at].isalnum():
        return None
    nxt = marks[i + 1].start()
    if marks[i + 1].group() != '"' or nxt - at > _MAX_DISPLACED or not text[nxt - 1].isspace():
        return None
    after = text[nxt + 1 : nxt + 2]
    if not (after.isalnum() or nxt + 1 >= end or after in ".,;:\n"):
        return None
    if (len(marks) - i - 2) % 2:
        return None  # the later mark opens a quotation of its own ("the Lakers" coach said "we…")
    if "\n" in text[at:nxt]:
        return None
    return i + 1


def _displaced(text: str, start: int, close: int) -> _Problem:
    inner = text[start + 1 : close].strip()
    after = text[close + 1 : close + 2]
    suggestion = f' "{inner}"' + (" " if after.isalnum() else "")
    return _Problem(
        "displaced",
        start,
        close + 1,
        "the quotation marks sit on the wrong side of their spaces (a\" … \"b): the quotation opens before "
        "the space and closes after it",
        suggestion,
    )


def _unclosed(char: str, at: int) -> _Problem:
    return _Problem("unbalanced", at, at + 1, f"quotation mark {char} is never closed")


def _mismatch(text: str, start: int, close: int) -> _Problem:
    opened, closed = text[start], text[close]
    inner = text[start + 1 : close].strip()
    if opened == '"':
        suggestion = f"“{inner}”"
    else:
        suggestion = f"{opened}{inner}{_pair(opened)}"
    message = f"quotation opened with {opened} is closed with {closed}"
    if inner != text[start + 1 : close]:
        message += "; the space inside the marks goes too"
    return _Problem("mismatched", start, close + 1, message, suggestion if close - start <= _MAX_SUGGESTION else None)


def _pair(opened: str) -> str:
    return {"\u201c": "\u201d", "\u201e": "\u201c", "\u00ab": "\u00bb"}.get(opened, '"')


def quoted_spans(doc) -> list[tuple[int, int]]:
    """Where the document quotes someone: (start, end) from an opening mark to
    its closing one, paired within each prose segment; a quotation left open
    runs to the end of its segment (a long quotation's paragraphs). Sorted,
    cached on the document. Rules read it to tell the article's own voice from
    what it reports (see ``quoted_severity``)."""
    spans = doc.annotations.get("_quoted")
    if spans is not None:
        return spans
    text = doc.text
    spans = []
    for seg in doc.segments:
        if seg.kind not in _PROSE:
            continue
        stack: list[int] = []
        for m in _prose_marks(text, seg.start, seg.prose_end):
            c, at = m.group(), m.start()
            if c in _OPENING or (c == '"' and not stack and _straight_opens(text, at, seg.start)):
                stack.append(at)
            elif stack:
                opened = stack.pop()
                if not stack:
                    spans.append((opened, at + 1))
        if stack:
            spans.append((stack[0], seg.prose_end))
    spans.sort()
    doc.annotations["_quoted"] = spans
    return spans


def inside_quotation(doc, start: int, end: int) -> bool:
    from bisect import bisect_right

    spans = quoted_spans(doc)
    i = bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]
