"""What follows a cue: adverbials and media skipped, listeners and outlets
("told Axios"), relays after the cue, where the content starts
(``after_cue``), and the noun phrase right of a cue (``right_np``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from provenance.attributions.cues import MEDIUM_PREPOSITIONS, QUOTES, lexicon
from provenance.attributions.finders import trie_pattern
from provenance.attributions.tokens import TOKEN, is_cap, tokenize
from provenance.attributions.extract_common import (
    ADVERBIAL_OPENERS,
    DETERMINERS,
    PRONOUNS,
    RawLink,
    _ADVERBS,
    _CLEAN_LEAD,
    _DAY_WORDS,
    _MONTHS,
    _ONLY_CLOSERS,
    _SKIP_RIGHT,
    _TIME_PREFIXES,
    _reason_within,
    _strip,
)
from provenance.lazyre import lazy

RIGHT_WINDOW = 240
# The two patterns of _SKIP_RIGHT one after the other, in one match: each needs a word, so each
# either matches something or nothing, and what follows an optional group
# never makes re take back what the group matched.
_SKIP_RIGHT_BOTH = lazy("".join(f"(?:{rx.pattern})?" for rx in _SKIP_RIGHT), re.I)
# What anything _skip_adverbials skips opens with, after spaces: a word of the
# patterns of _SKIP_RIGHT or of a medium's preposition, a comma or a dash. Where none
# is, a cue is followed by nothing to skip (most often: "said that").
_SKIPPABLE = lazy(
    r"\s*(?:[,\-–—]|" + trie_pattern(sorted({*_TIME_PREFIXES, *_DAY_WORDS, *_MONTHS, *(re.match("[a-z]+", a).group() for a in _ADVERBS), *MEDIUM_PREPOSITIONS})) + ")",
    re.I,
)
_OPTIONAL_DELIMITER = lazy(r"\s*(?:,\s*|[-–—]\s*)?")
_MEDIUM_TAIL = lazy(r"(?:\s+(?:with|to|on|in|at|from|by)\s+[^,;:\"“”\-–—]{1,80}?)?(?=\s*(?:[,;:\"“”\-–—]|that\b|$))")
_INTERVIEW_WORD = lazy(r"\b(?:interview|told|with|to)\b", re.I)
_DASH_AHEAD = lazy(r"\s*[-–—]")
_ASIDE_OPENER = lazy(r"\s*([-–—]|,)\s*")
_TO_LISTENER = lazy(r"\s+to\s+(?=\S)")
_THE = lazy(r"(?:the|The)\s+")
_SPACES = lazy(r"\s+")
_CITING = lazy(r"\s*,\s*(citing|quoting)\s+")
_CITED_NP = lazy(r"[^,;:.\"“”]{1,150}")
_CONTENT_LEAD = lazy(r"\s*(?:,\s*)?(?:that\b|:|,)?\s*")
_CLOSERS = ".!?\"'”’)]"
_CLAUSE_AFTER_COMMA = lazy(
    r",\s*(?:[a-z]+ing\b|according\s+to|as\s+(?:quoted|reported)\s+by|and\b|but\b|as\b|while\b|when\b|though\b|although\b|after\b|before\b|with\b|without\b|in\s+(?:a|an|the)\b|who\b|which\b|whose\b)"
)
_QUOTE_AFTER_COMMA = lazy(r",\s*[\"“]")
_OUTLET_LIKE = lazy(
    r"(?:(?:the|The)\s+)?(?:[\w'’.\-]+\s+){0,5}?"
    r"(?:[A-Z]{2,6}-TV|[A-Z][\w\-]*\.(?:com|net|org|co\.uk)|Channel\s+\d+|(?:[A-Z][\w'’\-]*\s+)*(?:News|Radio|TV|Television|Times|Post|Journal|Telegraph|Herald|Tribune|Gazette|Mail|Express|Daily|Programme|Program)\b"
    r"|(?:[\w'’\-]+\s+){0,3}(?:newspaper|news\s+website|website|news\s+agency|News\s+Agency|channel|radio|television|daily|correspondent|reporter)\b)"
)
_NOT_AN_OUTLET = lazy(r"(?:the\s+)?(?:reporters|journalists|a\s+news\s+conference|a\s+press\s+conference)\b", re.I)
_OUTLET_NP_TAIL = lazy(
    r"(?:['’]s)?(?:\s+(?:[A-Z][\w\-]*|\d+)(?:['’]s)?)*(?:\s+(?:news\s+website|website|newspaper|channel|correspondent|programme|program|radio|television|agency|daily))?(?:\s*\([^()]{1,20}\))?"
)
_AUDIENCE_THAT = lazy(r"[^\"“”:;.]{0,160}?\bthat\b")
_RELATIVE_END = lazy(r"[\s,]*(?:who|that)?\s*$")

#: A time adverbial: a weekday (not its possessive: "Thursday's speeches"), "yesterday", "last week", a month
#: after a preposition ("on March 3"); case-sensitive for names so "may" stays a word; a bare weekday before a
#: capitalized word is part of a name ("the Sunday Herald").
_DAY_NAMES = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
_TIME_ADVERBIAL = (
    r"(?:(?:[Oo]n|[Ee]arly|[Ll]ate|[Ll]ast|[Tt]his|[Nn]ext|[Ee]arlier)\s+(?:" + _DAY_NAMES + r")|(?:" + _DAY_NAMES + r")(?!\s+[A-Z]))(?![\w'’])"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:yesterday|today|tonight|overnight)\b(?![\w'’])"
    r"|(?:last|this|next|earlier\s+this)\s+(?:week|month|year|weekend)\b"
    r"|(?:on|in|during|early|late|last|next|this)\s+(?:(?:early|late|mid-?)\s*)?(?:" + _MONTH_NAMES + r")\b"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?"
)
_TIME_AT = lazy(r"\s*(?:" + _TIME_ADVERBIAL + r")")
#: What ends a noun phrase on its right: a time adverbial, or a place one ("here", "at a news conference").
_NP_ADVERBIAL = lazy(r"\s+(?:" + _TIME_ADVERBIAL + r"|here\b|at\s+(?:a|an|the)\s+(?:news|press)\s+conference\b)")


def time_adverbial(text: str, pos: int, end: int) -> int | None:
    """Where a time adverbial right at pos ends ("said Monday that", "said on Tuesday"), or None."""
    m = _TIME_AT.match(text, pos, end)
    return m.end() if m else None


def cut_adverbial(text: str, s: int, e: int) -> tuple[int, int]:
    """A noun phrase without the time or place adverbial that trails it ("the council on Monday")."""
    m = _NP_ADVERBIAL.search(text, s, e)
    return _strip(text, s, m.start()) if m and m.start() > s else (s, e)


# -- what follows a cue -----------------------------------------------------------------


@dataclass(slots=True)
class After:
    content_start: int | None = None
    outlet: RawLink | None = None
    relays: list[RawLink] = field(default_factory=list)
    medium: str | None = None
    reason: tuple[int, int] | None = None
    #: Nothing but adverbials follow: the content is before the cue.
    ends: bool = False
    #: A quotation continues after the cue ("…," he said, "and …").
    continues_quote: bool = False


def _skip_adverbials(text: str, pos: int, end: int, info: After) -> tuple[int, bool]:
    """Where the adverbials after pos end, and whether skipping stopped because
    nothing more could be skipped (skipping again from there changes nothing)."""
    lex = lexicon()
    if not _SKIPPABLE.match(text, pos, end):
        return pos, True
    for _ in range(8):
        moved = False
        skipped = _SKIP_RIGHT_BOTH.match(text, pos, end).end()
        if skipped > pos:
            pos = skipped
            moved = True
        m = _OPTIONAL_DELIMITER.match(text, pos, end)
        after_delim = m.end()
        m = lex.medium_re.match(text, after_delim, end)
        if m:
            if "statement" in m.group().lower() or "release" in m.group().lower():
                info.medium = "statement"
            tail = _MEDIUM_TAIL.match(text, m.end(), end)
            stop = tail.end() if tail else m.end()
            o = lex.outlet_re.search(text, m.start(), stop)
            if o and _INTERVIEW_WORD.search(text[m.start() : o.start()]):
                info.outlet = RawLink(o.start(), o.end())
            pos = stop
            m2 = _DASH_AHEAD.match(text, pos, end)
            if m2 and text[after_delim - 1 : after_delim].strip() in ("-", "–", "—") or (m2 and _DASH_AHEAD.match(text[m.start() - 3 : m.start()])):
                pos = m2.end()
            moved = True
            continue
        # dash or comma asides right after the cue: "said - on Saturday -", ", in a statement,"
        m = _ASIDE_OPENER.match(text, pos, end)
        if m:
            closer = m.group(1)
            close = text.find(closer if closer != "," else ",", m.end(), min(end, m.end() + 160))
            if close != -1:
                inner = text[m.end() : close]
                first = inner.split()[0].lower() if inner.split() else ""
                r = _reason_within(text, m.end(), close)
                if r:
                    info.reason = _strip(text, r.start(), r.end())
                    pos = close + 1
                    moved = True
                    continue
                if first in lex.relay_participles:
                    word = m.end() + len(inner) - len(inner.lstrip())
                    s, e = _strip(text, word + len(first), close)
                    if s < e:
                        info.relays.append(RawLink(s, e, cue=(word, word + len(first))))
                    pos = close + 1
                    moved = True
                    continue
                if closer != "," and (first in ADVERBIAL_OPENERS or first in lex.time_words):
                    pos = close + 1
                    moved = True
                    continue
        if not moved:
            return pos, True
    return pos, False


def after_cue(text: str, cue_end: int, end: int, *, audience: bool, relay_as: bool = False) -> After:
    """Where the content starts after a cue, and the links named there."""
    lex = lexicon()
    info = After()
    stop = min(end, cue_end + RIGHT_WINDOW)
    pos, settled = _skip_adverbials(text, cue_end, stop, info)
    skipped_to = pos
    # "added to Reuters", "revealed to Al Jazeera Net", "told Axios"
    m = _TO_LISTENER.match(text, pos, stop) if not audience else None
    if m:
        det = _THE.match(text, m.end(), stop)
        o = lex.outlet_re.match(text, det.end() if det else m.end(), stop) or _outlet_like(text, m.end(), stop)
        if o:
            info.outlet = RawLink(*_outlet_np(text, m.end(), o.end(), stop))
            pos = info.outlet.end
    if audience:
        m = _SPACES.match(text, pos, stop)
        obj_start = m.end() if m else pos
        det = _THE.match(text, obj_start, stop)
        o = lex.outlet_re.match(text, det.end() if det else obj_start, stop) or _outlet_like(text, obj_start, stop)
        if o:
            info.outlet = RawLink(*_outlet_np(text, obj_start, o.end(), stop))
            pos = info.outlet.end
        else:
            pos = _skip_audience(text, obj_start, stop)
    if not (settled and pos == skipped_to):
        pos, _ = _skip_adverbials(text, pos, stop, info)
    tail = text[pos:stop].strip()
    # ", citing X," / ", quoting X," / "quoting X" at the end
    m = _CITING.match(text, pos, stop) if tail[:1] == "," else None
    if m:
        close = _CITED_NP.match(text, m.end(), stop)
        if close:
            s, e = _strip(text, close.start(), close.end())
            info.relays.append(RawLink(s, e, cue=(m.start(1), m.end(1))))
            pos = close.end()
            tail = text[pos:stop].strip()
    m = _CONTENT_LEAD.match(text, pos, stop)  # in the text, not a copy of its rest (every part is optional)
    content_start = m.end() if m else pos
    first = tail[:1]
    if not tail or (first in _CLOSERS and _ONLY_CLOSERS.fullmatch(tail)):
        info.ends = True
    elif first == "," and _CLAUSE_AFTER_COMMA.match(tail):  # both patterns open with a comma
        info.ends = True
    elif first == "," and _QUOTE_AFTER_COMMA.match(tail):
        info.continues_quote = True
    info.content_start = content_start if content_start < end else None
    return info


def _outlet_like(text: str, pos: int, stop: int):
    """An outlet named by pattern: "KSWB-TV", "the X news website", "Channel 12", "LiverpoolFC.com"."""
    m = _OUTLET_LIKE.match(text, pos, stop)
    if m and not _NOT_AN_OUTLET.match(text[pos : m.end()]):
        return m
    return None


def _outlet_np(text: str, s: int, e: int, stop: int) -> tuple[int, int]:
    """Extend an outlet name over a following possessive or program ("BBC Radio 4's Today programme")."""
    m = _OUTLET_NP_TAIL.match(text, e, stop)
    if m:
        e = m.end()
    return _strip(text, s, e)


def _skip_audience(text: str, pos: int, stop: int) -> int:
    """Skip the listener of "told" up to "that", or over one short noun phrase."""
    m = _AUDIENCE_THAT.match(text, pos, stop)
    if m and "," not in text[pos : m.start() + 1].split(" that")[0][-1:]:
        return m.end() - 4
    toks = tokenize(text, pos, min(stop, pos + 120))
    texts, lows, count = toks.text, toks.low, len(toks)
    k = 0
    if k < count and lows[k] in DETERMINERS:
        k += 1
    n = 0
    while k < count and n < 6:
        word, low = texts[k], lows[k]
        if word in ",;:" or word in QUOTES:
            break
        if low in PRONOUNS or low in ("the", "a", "an") and n > 0:
            break
        if low in ("in", "at", "on") and n > 0:
            break
        k += 1
        n += 1
        if word[:1].islower() and not (k < count and is_cap(texts[k]) and lows[k] not in PRONOUNS):
            break
    while k < count and lows[k] in ("on", "at", "in") and k + 1 < count and (lows[k + 1] in lexicon().time_words or is_cap(texts[k + 1])):
        k += 2
        while k < count and is_cap(texts[k]) and lows[k] not in PRONOUNS:
            k += 1
    return toks.end[k - 1] if k > 0 else pos


def right_np(text: str, pos: int, end: int, *, stop_as: bool = False, allow_commas: bool = False) -> tuple[tuple[int, int] | None, tuple[int, int] | None, int]:
    """The noun phrase that starts at pos: (span, reason, end of what was consumed)."""
    lex = lexicon()
    stop = min(end, pos + RIGHT_WINDOW)
    # The phrase usually ends a few tokens in: tokens are read one at a time
    # (with one of lookahead) rather than all of the window at once.
    tokens = TOKEN.finditer(text, pos, stop)
    current = next(tokens, None)
    first = last = None  # the first and the last token of the phrase
    depth = 0
    while current is not None:
        word = current.group()
        low = word.lower()
        following = next(tokens, None)
        if word == "(":
            depth += 1
        elif word == ")":
            if depth == 0:
                break
            depth -= 1
        elif depth:
            pass
        elif word in ";:" or word in QUOTES or word in "!?":
            break
        elif word == ".":
            # "said Sen. Jane Doe", "Lt. Gen. Ray Tan", "John Q. Public": a title or an initial goes on
            if not (last is not None and last.end() == current.start() and following is not None and following.group()[:1].isupper()
                    and (last.group() in lex.title_words or (len(last.group()) == 1 and last.group().isupper()))):
                break
        elif word == ",":
            if not allow_commas:
                break
            nxt = following.group().lower() if following is not None else ""
            if nxt in ("who", "which", "whose", "adding", "saying", "according", "and", "but", "as", "while", "citing", "quoting") or nxt.endswith("ing"):
                break
        elif low == "as" and stop_as:
            break
        elif low in ("that",) and first is not None:
            break
        elif low in ("who", "which", "whose") and not allow_commas:
            break
        if first is None:
            first = current
        last = current
        current = following
    if first is None:
        return None, None, pos
    s, e = _strip(text, first.start(), last.end())
    reason = None
    m = _reason_within(text, s, e)
    if m:
        reason = _strip(text, m.start(), m.end())
        e2 = m.start()
        rel = _RELATIVE_END.search(text[s:e2])
        e = s + (rel.start() if rel else e2 - s)
        s, e = _strip(text, s, e)
    m = _CLEAN_LEAD.match(text, s, e)
    if m:
        s = m.end()
    return ((s, e) if s < e else None), reason, last.end()


#: "asked by a reporter whether …", "Asked by Tom Reed if …": the one asking, up to the question word.
_ASKED_BY_AGENT = lazy(r"\s+(?:(?:first|later|again|also)\s+)?by\s+(?=[A-Z]|(?:the|a|an|his|her|its|their)\s)")
_QUESTION_WORD = lazy(r"\s+(?:whether|if|how|why|what|which|who|when|where|about|to)\b")


def asker(text: str, pos: int, end: int) -> tuple[int, int] | None:
    """The agent of "asked by X whether …" (pos: the end of "asked"), without the question; or None."""
    by = _ASKED_BY_AGENT.match(text, pos, end)
    if by is None:
        return None
    span, _, _ = right_np(text, by.end(), end, allow_commas=False)
    if span is None:
        return None
    cut = _QUESTION_WORD.search(text, span[0], span[1])
    s, e = span[0], cut.start() if cut else span[1]
    return (s, e) if e > s else None
