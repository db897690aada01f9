"""The document scan and the spans every cue needs: the cue patterns located
once per document (``Scan``, each sentence takes its share), balanced
quotations (``quoted_spans``, which also knows a quotation that opened in an
earlier sentence) and the end of a content span (``_content``,
``_content_end``)."""

from __future__ import annotations

import re
from bisect import bisect_left

from provenance.attributions import finders
from provenance.attributions.cues import QUOTES, lexicon
from provenance.attributions.extract_common import _strip
from provenance.attributions.finders import verified
from provenance.attributions.quote_regions import QuoteRegions, char_offsets
from provenance.lazyre import lazy

MAX_CONTENT = 4000  # characters: a longer content span is cut (at a word end)

_QUOTE_MARK = lazy(r"[\"“”«»]")

_ANY_QUOTE_MARK = lazy("[" + QUOTES + "]")

_COLON = lazy(":")


def quoted_spans(text: str, start: int, end: int, quote_marks: list[int] | None = None) -> list[tuple[int, int]]:
    """Balanced quotations in text[start:end] (curly and straight marks may be mixed);
    quote_marks: the offsets of every quotation mark in text, in order, when known."""
    if quote_marks is None:
        marks = [m.start() for m in _QUOTE_MARK.finditer(text, start, end)]
    else:  # all of QUOTES: "„" opens no quotation here
        first = bisect_left(quote_marks, start)
        last = bisect_left(quote_marks, end, first)
        marks = [i for i in quote_marks[first:last] if text[i] != "„"] if last > first else []  # most sentences: no mark, no comprehension
    spans = []
    open_at = None
    for n, i in enumerate(marks):
        c = text[i]
        if c in "“«":
            open_at = i
        elif c in "”»":
            if open_at is not None:
                spans.append((open_at, i + 1))
                open_at = None
            elif n == 0:  # a quotation that opened in an earlier sentence closes here: 'work," Bell said'
                spans.append((start, i + 1))
        elif open_at is None:
            if not spans and n == 0 and i > start and text[i - 1] in ".,!?;" and (i + 1 >= end or text[i + 1].isspace()):
                spans.append((start, i + 1))  # '… good work," Bell said, adding: "…"': the earlier sentence's quotation closes
            elif i == start or not text[i - 1].isalnum():
                open_at = i
        else:
            spans.append((open_at, i + 1))
            open_at = None
    return spans


def _in_connective(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    for a, b in spans:  # a loop, not any() over a generator: asked per cue, of a short list
        if a <= s and e <= b:
            return True
    return False


def _content_end(text: str, start: int, end: int) -> int:
    s, e = _strip(text, start, end, " \t\r\n")
    while e > s and text[e - 1] in ".,;:!?" and not (e - 2 >= s and text[e - 2] in QUOTES):
        e -= 1
    if e > s and text[e - 1] in ".,;" and e - 2 >= s and text[e - 2] in QUOTES:
        e -= 1
    return max(s, e)


def _content(text: str, s: int | None, end: int) -> tuple[int, int] | None:
    if s is None or s >= end:
        return None
    e = _content_end(text, s, min(end, s + MAX_CONTENT))
    if s + MAX_CONTENT < end:
        sp = text.rfind(" ", s, e)
        e = sp if sp > s else e
    s, e = _strip(text, s, e, " \t\r\n")
    return (s, e) if s < e else None


class Scan:
    """The cue patterns run once over a whole document; sentences take their share."""

    def __init__(self, text: str):
        lex = lexicon()
        self.text = text
        #: ``lowered(text)``: None when a case-insensitive match is not a plain one in it
        self.low = low = finders.lowered_text(text)  # kept: the gates read the same text's lower case
        #: where a cue may start (its first word, at a word start), for headlines' cues in any case
        self._cue_starts: list[int] | None = None
        self._quotations: QuoteRegions | None = None
        if low is not None and lex.openers is not None:
            # one pass over the text for the words every pattern's matches open with
            starts = lex.openers.starts(text, low)
            cues, according, *unspecified, statement, connectives = (verified(rx, text, at, 0, len(text)) for rx, at in zip(lex.openers.patterns, starts))
            self._cue_starts = starts[0]
        else:
            cues = lex.cue_finder.find(text)
            according = lex.according_finder.find(text, low)
            unspecified = [f.find(text, low) for f in lex.unspecified_finders]
            statement = lex.statement_finder.find(text, low)
            connectives = lex.connective_finder.find(text, low)
        self.cues = cues
        self.according = according
        self.unspecified = sorted((m for found in unspecified for m in found), key=lambda m: m.start())
        self.statement = statement
        self.connectives = connectives
        self.colons = [m.start() for m in _COLON.finditer(text)]
        #: offsets of the double quotation marks (QUOTES, "„" included), for quotations and quote types
        self.quote_marks = char_offsets(text, QUOTES)
        # Every match, with the list it belongs to, in the order of their starts (each list
        # is in that order already): a sentence takes its share with one bisection.
        # (start, kind, n) is never the same twice, so the tuples sort by it without a key (and never compare m).
        self._matches = sorted([(m.start(), kind, n, m) for kind, name in enumerate(self.KINDS) for n, m in enumerate(getattr(self, name))])
        self._starts = [x[0] for x in self._matches]
        # Where anything that opens an attribution starts: a sentence with none of them is skipped at once.
        self._openers = sorted([m.start() for name in ("cues", "according", "unspecified", "statement") for m in getattr(self, name)] + self.colons)

    KINDS = ("cues", "according", "unspecified", "statement", "connectives")

    @property
    def quotations(self) -> QuoteRegions:
        """The quotations over several sentences of a paragraph (computed when first asked)."""
        if self._quotations is None:
            text = self.text  # _MARK_CHARS are QUOTES but "„" (tests/test_attributions_speed.py)
            self._quotations = QuoteRegions(text, [i for i in self.quote_marks if text[i] != "„"])
        return self._quotations

    def share(self, start: int, end: int) -> tuple[list, list, list, list, list]:
        """The matches of each pattern (in KINDS order) that lie within text[start:end], in order."""
        lists: tuple[list, list, list, list, list] = ([], [], [], [], [])
        i = bisect_left(self._starts, start)
        matches = self._matches
        while i < len(matches) and matches[i][0] < end:
            _, kind, _, m = matches[i]
            if m.end() <= end:
                lists[kind].append(m)
            i += 1
        return lists

    def may_open(self, start: int, end: int) -> bool:
        """Whether a cue, "according to", an unspecified or statement cue or a colon starts in text[start:end]."""
        i = bisect_left(self._openers, start)
        return i < len(self._openers) and self._openers[i] < end

    def any_case_cues(self, start: int, end: int) -> list[re.Match]:
        """Cues in text[start:end] in any case (headlines): ``cue_re_any_case.finditer(text, start, end)``."""
        lex = lexicon()
        if self._cue_starts is None:
            return lex.cue_any_case_finder.find_within(self.text, start, end)
        # A cue in any case opens with a cue's first word in the lower-cased text.
        starts = self._cue_starts
        i = bisect_left(starts, start)
        return verified(lex.cue_re_any_case, self.text, starts[i : bisect_left(starts, end, i)], start, end)

    def has_colon(self, start: int, end: int) -> bool:
        i = bisect_left(self.colons, start)
        return i < len(self.colons) and self.colons[i] < end
