"""One article's attributions, in document order, as report dicts."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from provenance.attributions.chains import Mention, Resolver, compose, main_subject, quote_type
from provenance.attributions.finders import lowered_text
from provenance.attributions.extract import Raw, Scan, extract_sentence
from provenance.attributions.memo import describe_shared
from provenance.attributions.sources import describe, person_name
from provenance.document import CAPTION, HEADING, PARAGRAPH, TITLE
from provenance.lazyre import lazy

SCANNED = (TITLE, HEADING, CAPTION, PARAGRAPH)
# The word boundary is asserted after the capital ("(?<=\b[A-Z])", the same test): a pattern that
# opens with "\b" gives re no first character to skip ahead to, so it is tried at every character.
_CAPS_RUN = re.compile(r"[A-Z](?<=\b[A-Z])[\w'’\-]+(?:\s+(?:(?:al|bin|ibn|abu|de|van|von|el)[\s-])?[A-Z][\w'’\-]+){1,5}\b")
# A character no run of capitalized words can hold: runs never cross one.
#: A pronoun with a contracted auxiliary as a whole link ("He’s", "they've"): the speaker is the pronoun.
_CONTRACTED_PRONOUN = lazy(r"(he|she|they|we|i|you)['’](?:s|ve|d|ll|re)", re.IGNORECASE)
_OUTSIDE_CAPS_RUN = lazy(r"[^\w'’\-\s]")


def _after_last_outside(text: str, at: int) -> int:
    """The offset after the last character before at that no run can hold (0 if none)."""
    hi = at
    while hi > 0:
        lo = max(0, hi - 256)
        m = _OUTSIDE_CAPS_RUN.search(text[lo:hi][::-1])  # the nearest one first
        if m:
            return hi - m.start()
        hi = lo
    return 0


@dataclass
class Result:
    attributions: list[dict]
    #: sentence index of each attribution (same order)
    sentences: list[int]
    #: (start, end) of the reason for anonymity of each anonymous link: (attribution, link) -> span
    reasons: dict[tuple[int, int], tuple[int, int]]
    #: Where extraction stopped because the text is denser in attributions
    #: than news (``MAX_DENSITY``); None: the whole text was analysed.
    truncated_at: int | None = None


def _person_tokens(text: str, names, start: int = 0, end: int | None = None) -> frozenset[str]:
    out: set[str] = set()
    for m in _CAPS_RUN.finditer(text, start, len(text) if end is None else end):
        words = m.group().split()
        if any(w.endswith(("'s", "’s")) for w in words[:-1]):
            continue
        while words and words[0] in ("The", "A", "An", "In", "On", "At", "For", "But", "And", "According", "While", "As", "This", "That"):
            words = words[1:]
        name = person_name(words) if len(words) >= 2 else None
        if name:
            out.update(w.lower() for w in name.split() if len(w) > 1)
    for mention in names or []:
        if getattr(mention, "type", None) == "person":
            for part in (getattr(mention, "canonical", None) or "", getattr(mention, "text", "") or ""):
                out.update(w.lower() for w in part.split() if w[:1].isupper())
    return frozenset(out)


class _LazyPersons:
    """Tokens of person names in the article (``_person_tokens``), looked up on demand.

    A token (lower case) is looked for only around where it occurs: a run of
    capitalized words never crosses a character outside _CAPS_RUN's, so the
    runs between two such characters are the ones a scan of the whole text
    finds there, and a name word spelled like the token lies in one of them.
    That takes the lower-cased text to line up with the text character for
    character (``lowered``; and no capital sigma, whose lower case depends
    on what follows); otherwise, or with names from the names layer, the
    whole text is scanned once.
    """

    def __init__(self, text: str, names):
        self.text = text
        self.names = names
        self._tokens: frozenset[str] | None = None
        self._low: str | None = None
        self._answers: dict[str, bool] = {}
        self._by_segment: dict[int, frozenset[str]] = {}

    def __contains__(self, token: str) -> bool:
        if self._tokens is None and not self.names and token:
            if self._low is None:
                self._low = (lowered_text(self.text) if "Σ" not in self.text else None) or ""  # the scan's, kept
            if self._low:
                answer = self._answers.get(token)
                if answer is None:
                    answer = self._answers[token] = self._occurs_in_a_name(token)
                return answer
        if self._tokens is None:
            self._tokens = _person_tokens(self.text, self.names)
        return token in self._tokens

    def _occurs_in_a_name(self, token: str) -> bool:
        low = self._low
        at = low.find(token)
        while at != -1:
            if token in self._segment_tokens(at):
                return True
            at = low.find(token, at + 1)
        return False

    def _segment_tokens(self, at: int) -> frozenset[str]:
        """Person tokens of the runs between the characters outside runs around offset at."""
        text = self.text
        start = _after_last_outside(text, at)
        tokens = self._by_segment.get(start)
        if tokens is None:
            stop = _OUTSIDE_CAPS_RUN.search(text, at)
            tokens = self._by_segment[start] = _person_tokens(text, None, start, stop.start() if stop else len(text))
        return tokens


class _Subjects(dict):
    """Sentence index → the mention opening it; sentences without attribution are described on demand."""

    def __init__(self, text: str, describe_span):
        super().__init__()
        self.text = text
        self.describe_span = describe_span
        self.pending: dict[int, object] = {}

    def get(self, index, default=None):
        if index in self.pending:
            sent = self.pending.pop(index)
            subj = main_subject(self.text, sent.start, sent.end)
            if subj is not None:
                d = self.describe_span(subj)
                self[index] = Mention(-1, index, subj[0], subj[1], self.text[subj[0] : subj[1]], d.kind or "", d.canonical, d)
        return super().get(index, default)


def _mentions_in(names, starts, start: int, end: int) -> list:
    if not names:
        return []
    i = bisect_left(starts, start)
    out = []
    while i < len(names) and names[i].start < end:
        if names[i].end <= end:
            out.append(names[i])
        i += 1
    return out


def _same_link(out: list[dict], start: int, end: int) -> dict | None:
    """The first link spanning start:end in the latest of the last three attributions that has one."""
    for attribution in reversed(out[-3:]):
        for link in attribution["chain"]:
            if link["start"] == start and link["end"] == end:
                return link
    return None


_TITLE_WORD = lazy(r"[^\W\d_][\w'’\-]{3,}")
_TITLE_MAX_WORDS = 25
#: A first line that opens with one to five capitalized words and a colon ("Ann Bell: …", "Dr. Ray Tan: …").
_HEADLINE_SPEAKER = lazy(r"\s*(?:[A-Z][\w.'’\-]*\s+){0,4}[A-Z][\w.'’\-]*:\s+\S")
#: Labels, not speakers, before a headline's colon.
_NOT_HEADLINE_SPEAKERS = ("The Latest:", "Update:", "UPDATE:", "Watch:", "WATCH:", "Breaking:", "BREAKING:", "Live:", "Video:", "Photos:", "Opinion:", "Analysis:")


def _untagged_headline(doc):
    """The first segment when it is a headline the document took for a paragraph (one
    short line, most longer words capitalized: "Mayor Says Bridge Will Reopen."), else None."""
    segments = doc.segments
    if not segments or segments[0].kind != PARAGRAPH or any(s.kind == TITLE for s in segments):
        return None
    first = segments[0]
    body = doc.text[first.start : first.end]
    if "\n" in body.strip() or len(body.split()) > _TITLE_MAX_WORDS:
        return None
    if _HEADLINE_SPEAKER.match(body) and not body.lstrip().startswith(_NOT_HEADLINE_SPEAKERS):
        return first  # "Bell: 'The bridge will reopen.'": a speaker and a colon open a headline in any case
    words = _TITLE_WORD.findall(body)
    caps = sum(1 for w in words if w[:1].isupper())
    return first if len(words) >= 2 and caps * 3 >= len(words) * 2 else None  # Title Case: two thirds capitalized
#: Attributions per 100 characters of the text read so far beyond which
#: extraction stops. News runs below 0.71 over a whole article (the densest of
#: 897: PolNeAR, seeds, translated); text built of nothing but "X said Y said"
#: clauses runs at 5 and costs a third of a millisecond per cue, so it is cut
#: here rather than analysed at 0.05 MB/s.
MAX_DENSITY = 1.0
#: Attributions any stretch of text may have before the density counts.
MIN_BUDGET = 32


def budget(position: int) -> int:
    """Attributions allowed before the sentence that starts at ``position``."""
    return MIN_BUDGET + int(position * MAX_DENSITY / 100)


def build(doc, names=None) -> Result:
    text = doc.text
    headline_segment = _untagged_headline(doc)
    truncated_at: int | None = None
    if names:
        names = sorted((n for n in names if hasattr(n, "start") and hasattr(n, "end")), key=lambda n: (n.start, n.end))
    starts = [n.start for n in names] if names else []
    persons = _LazyPersons(text, names)
    scan = Scan(text)
    described: dict[str, object] = {}

    def describe_cached(span_text: str, mentions: list):
        if mentions:
            return describe(span_text, names=mentions, persons=persons)
        d = described.get(span_text)
        if d is None:
            d = described[span_text] = describe_shared(span_text, persons)  # the same in every article unless persons were asked
        return d

    resolver = Resolver(text, persons)
    out: list[dict] = []
    sentence_of: list[int] = []
    reasons: dict[tuple[int, int], tuple[int, int]] = {}
    subjects = _Subjects(text, lambda span: describe_cached(text[span[0] : span[1]], _mentions_in(names, starts, *span)))
    mentions = resolver.mentions
    for sent in doc.sentences:
        kind = sent.segment.kind
        if kind not in SCANNED:
            continue
        if len(out) >= MIN_BUDGET and len(out) >= budget(sent.start):  # the budget is never below MIN_BUDGET: asked only past it
            truncated_at = sent.start  # the rest of the text is not analysed
            break
        raws = extract_sentence(text, sent.start, sent.end, headline=kind != PARAGRAPH or sent.segment is headline_segment, scan=scan)
        raws = compose(text, raws, sent.start, sent.end) if raws else []
        if not raws:
            if kind == PARAGRAPH and len(resolver.attributions) > 0:
                subjects.pending[sent.index] = sent
            continue
        line = doc.line_col(sent.start)[0]
        for raw in raws:
            index = len(out)
            chain = []
            # (start, end) -> (kind, canonical, resolves_to, descriptor) of the links met in this attribution
            seen: dict[tuple[int, int], tuple] = {}
            innermost = None
            last = len(raw.links) - 1
            for k, link in enumerate(raw.links):
                start, end = link.start, link.end
                if 3 <= end - start <= 7 and (m := _CONTRACTED_PRONOUN.fullmatch(text, start, end)) is not None:  # its matches' lengths
                    end = m.end(1)  # "He’s suggesting …": the speaker is the pronoun, not its contracted auxiliary
                span_text = text[start:end]
                known = seen.get((start, end))
                if known is None:
                    # a link repeated from the attribution before (a participle) keeps its resolution
                    same = _same_link(out, start, end)
                    if same is not None:
                        known = (same["kind"], same["canonical"], same["resolves_to"], describe_cached(span_text, []))
                    else:
                        desc = describe_cached(span_text, _mentions_in(names, starts, start, end) if names else [])
                        known = (*resolver.resolve(index, sent.index, start, end, desc, raw.medium, subjects=subjects), desc)
                    seen[(start, end)] = known
                link_kind, canonical, resolves_to, desc = known
                lc = link.cue
                link_cue = {"text": text[lc[0] : lc[1]], "start": lc[0], "end": lc[1]} if lc is not None else None
                chain.append({"text": span_text, "start": start, "end": end, "kind": link_kind, "canonical": canonical, "resolves_to": resolves_to, "cue": link_cue})
                innermost = Mention(index, sent.index, start, end, span_text, link_kind, canonical, desc, raw.medium, innermost=(k == last))
                mentions.append(innermost)
                if link.reason:
                    reasons[(index, k)] = link.reason
            resolver.attributions.append((sent.index, innermost))
            cue_s, cue_e = raw.cue
            content = raw.content
            out.append(
                {
                    "line": line,
                    "start": sent.start,
                    "end": sent.end,
                    "cue": {"text": text[cue_s:cue_e], "start": cue_s, "end": cue_e},
                    "chain": chain,
                    "content": {"text": text[content[0] : content[1]], "start": content[0], "end": content[1]} if content else None,
                    "quote": quote_type(text, content, scan.quote_marks),
                }
            )
            sentence_of.append(sent.index)
        subjects[sent.index] = resolver.attributions[-1][1] if resolver.attributions else None
    return Result(out, sentence_of, reasons, truncated_at)


__all__ = ["Raw", "Result", "build"]
