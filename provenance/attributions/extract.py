"""Per-sentence extraction: cues, their source spans and content spans.

Rule-based over a small window around each cue (no parser): the subject is
found by walking left from the cue over a noun phrase, the content by
skipping what may stand between the cue and the reported words (time,
"in a statement", the listener of "told"), and postposed attributions
("…, officials said.") by looking at what follows the cue. Relay
constructions ("X quoted Y as saying", "Y told X", "X reported, citing Y")
give several links at once; ``compose`` then stacks an attribution whose
content opens with another one ("according to X, Y said …").

Everything returned is an offset into the document text; windows are
bounded, so a very long sentence costs time linear in its cues.

This module holds the orchestration (``extract_sentence``: which cues a
sentence has and in what order they are tried), the sentence openers
("Asked whether …, she said", "Noting that …, Reed said"), "according to"
and the unspecified sources ("there were reports that"). Where the rest is:

- ``verb_cue``: a reporting verb matched by the lexicon and the gates it
  passes (base forms, negation, "-s" forms that are nouns, blocked senses,
  a that-only verb without "that", postposed and apposed speakers);
- ``constructions``: a verb cue in the passive ("was confirmed by the
  clinic"), as a participle (", adding that", "is telling voters that",
  "with 41 percent saying") and the relay "X quoted Y as saying";
- ``speaker``: the speaker span left of a cue; ``following``: what follows a
  cue (content start, listeners, outlets, "citing X"); ``compound``: verb
  groups and that-less objects; ``punctuation``: colon and dash cues;
  ``scan``: the document scan, quotations and content spans;
  ``extract_common``: what they share.
"""

from __future__ import annotations

import re

from provenance.attributions.cues import VerbInfo, lexicon
from provenance.attributions.extract_common import Raw, RawLink, _ONLY_CLOSERS, _strip
from provenance.attributions.following import after_cue, asker, right_np
from provenance.attributions.punctuation import _SIGNED_QUOTE, _colon, _has_dash, _signature
from provenance.attributions.scan import Scan, _content, _content_end, _in_connective, quoted_spans
from provenance.attributions.speaker import left_subject
from provenance.attributions.verb_cue import _ASKED_WHETHER, _verb_cue
from provenance.lazyre import lazy

__all__ = ["Raw", "Scan", "extract_sentence", "quoted_spans"]

MAX_PER_SENTENCE = 64
_UNSPECIFIED_WORD = lazy(r"reports|a\s+report|information")
_UNSPECIFIED_LEAD = lazy(r"\s*(?:that|of|indicating|suggesting|saying|about)\b\s*")
_CAPITALIZED_OPENER = lazy(r"\s*(?:[A-Z][\w\s]{0,40},\s*)?")
_OPTIONAL_COMMA = lazy(r"\s*,?\s*")
_COMMA_RELATIVE = lazy(r",\s*(?:who|which)\b")
_COMMA_GAP = lazy(r"\s*,\s*")
_ASKED_OPENING = lazy(r"\s*[\"“]?(Asked)\b")
_ASKED_BY = lazy(r"\s+(?:by|on|during|in|at|later|again|specifically|repeatedly|(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday)\b")
#: A capitalized word that opens a sentence, after any quotation mark.
_OPENING_WORD = lazy(r"[\"“]?\s*(?=[A-Z][a-z]{2,}ing\s+[a-z])")


def extract_sentence(text: str, start: int, end: int, *, headline: bool = False, scan: Scan | None = None) -> list[Raw]:
    """Attributions in text[start:end], one sentence, in cue order."""
    if scan is None:
        scan = Scan(text[: end])
    has_dash = _has_dash(text, start, end)  # both signatures need a dash in the sentence
    dash = _SIGNED_QUOTE.search(text, start, end) if has_dash else None
    if dash is not None and (signed := _signature(text, dash.start(1), end)) is not None:
        return [signed]  # '"…."  - Ann Bell.'
    if has_dash and text[start : start + 2].lstrip()[:1] in "-–—" and (signed := _signature(text, start, end)) is not None:
        return [signed]
    opening = _asked_opening(text, start, end) if not headline and text.find("Asked", start, end) >= 0 else None
    if opening is not None:  # "Asked whether ..., the senator said": capitalized, so not among the cues
        return sorted([*extract_sentence(text, opening.cue[1], end, scan=scan), opening], key=lambda r: r.cue)
    space = text.find(" ", start, start + 24)  # the first word ends in -ing: the only ones that may open with a participle
    lead = _opening_participle(text, start, end) if not headline and space > start + 4 and text[space - 3 : space] == "ing" else None
    if lead is not None:  # "Noting that …, Reed said": capitalized, so not among the cues
        return sorted([*extract_sentence(text, lead.cue[1], end, scan=scan), lead], key=lambda r: r.cue)
    if not headline and not scan.may_open(start, end):
        return []
    cue_matches, according, unspecified, statements, connective_matches = scan.share(start, end)
    if headline:
        cue_matches = scan.any_case_cues(start, end)
    colon = scan.has_colon(start, end)
    if not (cue_matches or according or unspecified or statements or colon):
        return []
    # (a comprehension is a function call: none over an empty list, asked per sentence)
    connectives = [(m.start(), m.end()) for m in connective_matches] if connective_matches else []
    if cue_matches or according:  # the only ones checked against connectives and quotations
        if quoted := quoted_spans(text, start, end, scan.quote_marks):
            connectives += [(a + 1, b - 1) for a, b in quoted]
        quotations = scan.quotations  # a quotation over several sentences: the quoted person's own words
        if quotations.spans:
            inside = quotations.inside
            cue_matches = [m for m in cue_matches if not inside(m.start(), m.end())]
            according = [m for m in according if not inside(m.start(), m.end())] if according else according
    found: list[Raw] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        for a, b in taken:  # a loop, not any() over a generator: asked once or twice per cue, of a short list
            if a < e and s < b:
                return False
        return True

    # Multi-word cues first: they contain verbs that must not count twice.
    for m in statements:
        if len(found) >= MAX_PER_SENTENCE:
            break
        subj = left_subject(text, start, m.start())
        if subj.span:
            after = after_cue(text, m.end(), end, audience=False)
            found.append(Raw((m.start(), m.end()), "statement", [RawLink(*subj.span, reason=subj.reason)], _content(text, after.content_start, end), subj.span[0], medium="statement"))
            taken.append((m.start(), m.end()))
    for m in unspecified:
        if True:
            if not free(m.start(), m.end()):
                continue
            word = _UNSPECIFIED_WORD.search(m.group())
            link = RawLink(m.start() + word.start(), m.start() + word.end()) if word else RawLink(m.start(), m.end())
            c = _UNSPECIFIED_LEAD.match(text, m.end(), end)
            cs = c.end() if c else m.end()
            found.append(Raw((m.start(), m.end()), "unspecified", [link], _content(text, cs, end), m.start()))
            taken.append((m.start(), m.end()))
    for m in according:
        if taken and not free(m.start(), m.end()) or connectives and _in_connective(connectives, m.start(), m.end()):  # no call for an empty list
            continue
        raw = _according(text, start, end, m)
        if raw:
            found.append(raw)
            taken.append((m.start(), m.end()))
    for m in cue_matches:
        if len(found) >= MAX_PER_SENTENCE:
            break
        if taken and not free(m.start(), m.end()) or connectives and _in_connective(connectives, m.start(), m.end()):  # no call for an empty list
            continue
        raw = _verb_cue(text, start, end, m, headline=headline)
        if raw:
            found.append(raw)
            taken.append((m.start(), m.end()))
    if colon:
        raw = _colon(text, start, end, headline=headline, found=found)
        if raw:
            found.append(raw)
    if len(found) > 1:
        found.sort(key=_cue_of)
    return found


def _cue_of(raw: Raw) -> tuple[int, int]:
    return raw.cue


def _asked_opening(text: str, start: int, end: int) -> Raw | None:
    """A sentence that opens with "Asked" and its question ("Asked if ...", "Asked on Monday whether ...")."""
    m = _ASKED_OPENING.match(text, start, end)
    if m is None or not _ASKED_WHETHER.match(text, m.end(), end) and not _ASKED_BY.match(text, m.end(), end):
        return None
    if (who := asker(text, m.end(), end)) is not None:  # "Asked by Tom Reed if …": the one asking speaks
        return Raw((m.start(1), m.end(1)), "verb", [RawLink(*who)], _content(text, who[1], end), m.start(1), postposed=True)
    return Raw((m.start(1), m.end(1)), "participle", [], _content(text, m.end(), end), m.start(1), inherits=True)


def _opening_participle(text: str, start: int, end: int) -> Raw | None:
    """A participle of the lexicon that opens the sentence ("Noting that the levy failed, Reed …",
    "Acknowledging the loss, the mayor …"): its speaker is the subject of the main clause (compose)."""
    lead = _OPENING_WORD.match(text, start, end)
    if lead is None:
        return None
    m = lexicon().cue_re_any_case.match(text, lead.end(), end)
    if m is None or not lexicon().verbs.get(" ".join(m.group().lower().split()), VerbInfo("")).participle:
        return None
    raw = _verb_cue(text, lead.end(), end, m, headline=False)
    return raw if raw is not None and raw.kind == "participle" else None


def _according(text: str, start: int, end: int, m: re.Match) -> Raw | None:
    span, reason, consumed = right_np(text, m.end(), end, allow_commas=False)
    if span is None:
        return None
    # "according to what was reported by the Israeli media"
    before = text[start : m.start()]
    if before.strip(" ,\"“”'") == "" or _CAPITALIZED_OPENER.fullmatch(before):
        # sentence-initial: the content follows
        rest = _OPTIONAL_COMMA.match(text, consumed, end)
        content = _content(text, rest.end() if rest else consumed, end)
        return Raw((m.start(), m.end()), "according", [RawLink(*span, reason=reason)], content, m.start())
    cstart = start
    s, e = _strip(text, cstart, m.start())
    tail = text[consumed:end].strip()
    if tail and not _ONLY_CLOSERS.fullmatch(tail) and not tail.startswith(","):
        content = _content(text, consumed, end)
    else:
        content = (s, _content_end(text, s, e)) if s < e else None
    if tail.startswith(",") and not _COMMA_RELATIVE.match(tail):
        nxt = _COMMA_GAP.match(text, consumed, end)
        if nxt and nxt.end() < end and len(text[start : m.start()].strip(" ,")) < 3:
            content = _content(text, nxt.end(), end)
    return Raw((m.start(), m.end()), "according", [RawLink(*span, reason=reason)], content if content and content[0] < content[1] else None, s if content else m.start(), postposed=True)
