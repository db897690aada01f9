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
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from provenance.attributions.cues import CLOSE_QUOTES, MEDIUM_PREPOSITIONS, QUOTES, TOKEN, Tokens, is_cap, lexicon, lowered, tokenize, trie_pattern, verified

LEFT_WINDOW = 240
RIGHT_WINDOW = 240
MAX_CONTENT = 4000  # characters: a longer content span is cut (at a word end)
MAX_PER_SENTENCE = 64

BOUNDARY = frozenset(
    "that which who whom whose while whereas as when where if because since although though after before "
    "until unless than but nor amid despite whether so once what according how why".split()
)
SUBORDINATORS = frozenset("while whereas as when if because since although though after before until unless once".split())
NP_PREPOSITIONS = frozenset("of for in at from to with on by near inside within among under over across close familiar involved regarding about against between including representing".split())
DETERMINERS = frozenset("a an the this that these those his her its their our my your one two three four several some many multiple other another both each all no any same".split())
COMMON_VERBS = frozenset(
    """is was were are am be been being has have had will would can could may might must should shall does did do
    met left held took made gave went came sent began won lost fled fell hit shot struck brought bought caught fought
    thought kept led felt found built spent stood ran rose saw knew grew threw drew broke spoke chose drove got put set
    let paid sold heard meant sat became comes come goes seems seem appears appear remains remain continues
    """.split()
)
ADJ_ED = frozenset(
    """informed leaked unnamed unidentified concerned involved affiliated related based named elected united armed
    detained wounded displaced injured alleged advanced experienced qualified respected trusted unconfirmed renowned
    retired reserved specialized specialised organized organised registered limited interested prepared coordinated
    unified occupied besieged embattled beleaguered disputed annexed dedicated sanctioned listed licensed hundred
    so-called senior-ranked high-ranked ranked-and-file skilled talented unaffiliated aggrieved bereaved kidnapped
    abducted jailed imprisoned accused""".split()
)
ADVERBIAL_OPENERS = frozenset(
    """in at on during for according after before while via through from by last this earlier later speaking
    writing talking addressing responding referring commenting who which whose that where when as with without
    despite amid following under since until like unlike among also however meanwhile""".split()
)
PRONOUNS = frozenset("he she it they we i".split())
#: Cue forms that are also plural nouns ("212 warranty claims").
AMBIGUOUS_S = frozenset("claims notes states shows stresses reports reveals warns denies indicates".split())
_ED_VERB = re.compile(r"[a-z]{3,}ed$")
_COLON_SPEAKER_MAX = 8
_CLEAN_LEAD = re.compile(
    r"(?:(?:according\s+to|what|that\s+which)\s+)?(?:(?:was|were|has\s+been|had\s+been|is|are)\s+)?"
    r"(?:reported|said|stated|announced|published|broadcast|quoted|cited)\s+by\s+",
    re.IGNORECASE,
)
_ACCORDING_LEAD = re.compile(r"according\s+to\s+", re.IGNORECASE)
_BLOCKED_AFTER = {
    "claim": re.compile(r"\s+(?:the\s+)?(?:responsibility|lives?|victory|the\s+life|credit|asylum|the\s+title|a\s+seat|damages)\b", re.I),
    "add": re.compile(r"\s+(?:\d|to\s+(?:the|a|an|its|his|her|their)\b(?!\s+\w+\s+(?:that|:)))", re.I),
    "report": re.compile(r"\s+(?:for|to\s+work|to\s+the\s+police|back|on\s+the)\b", re.I),
    "show": re.compile(r"\s+(?:up|off|how)\b", re.I),
    "consider": re.compile(r"\s+(?:whether|how|options?|the\s+(?:request|proposal|bill|case))\b", re.I),
    "reply": re.compile(r"\s+(?:to|in\s+kind)\b", re.I),
    "vow": re.compile(r"\s+(?:not\s+)?to\b", re.I),
    "announce": re.compile(r"\s+(?:his|her|their|its)\s+(?:resignation|retirement|candidacy)\b", re.I),
}
#: Words before a cue that make it no attribution ("when asked his plea").
_BLOCKED_BEFORE = {"ask": frozenset(("when", "if", "as", "being", "was", "were", "is", "are"))}
_TIME_PREFIXES = ("on", "early", "late", "last", "this", "next", "earlier")
_DAY_WORDS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight", "week", "month", "year")
_ADVERBS = (
    "also", "again", "afterwards", "afterward", "earlier", "later", "too", "previously", "separately", "publicly", "privately",
    "repeatedly", "recently", "further", r"last\s+week", r"last\s+month", r"last\s+year", r"this\s+week", "overnight",
    r"in\s+part", r"on\s+(?:his|her|its|their)\s+part", r"for\s+(?:his|her|its|their)\s+part", r"in\s+turn",
)  # fmt: skip
_AGED_NAME = re.compile(r"\d{1,3}-year-old\s+[A-Z]")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december")
_SKIP_RIGHT = [
    # "on Friday", "last week"; a month only after a preposition or "late"
    # ("in late August", "on March 3, 2024"; never "said May would resign")
    re.compile(
        r"\s*(?:(?:" + "|".join(_TIME_PREFIXES) + r")?\s*(?:" + "|".join(_DAY_WORDS) + r")"
        r"|(?:in|during|on|early|late|last|next|this)\s+(?:(?:early|late|mid-?)\s*)?(?:" + "|".join(_MONTHS) + r")"
        r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?)(?:\s+(?:morning|afternoon|evening|night))?\b",
        re.I,
    ),
    re.compile(r"\s*(?:" + "|".join(_ADVERBS) + r")\b", re.I),
]
# The two above one after the other, in one match: each needs a word, so each
# either matches something or nothing, and what follows an optional group
# never makes re take back what the group matched.
_SKIP_RIGHT_BOTH = re.compile("".join(f"(?:{rx.pattern})?" for rx in _SKIP_RIGHT), re.I)
# What anything _skip_adverbials skips opens with, after spaces: a word of the
# patterns above or of a medium's preposition, a comma or a dash. Where none
# is, a cue is followed by nothing to skip (most often: "said that").
_SKIPPABLE = re.compile(
    r"\s*(?:[,\-–—]|" + trie_pattern(sorted({*_TIME_PREFIXES, *_DAY_WORDS, *_MONTHS, *(re.match("[a-z]+", a).group() for a in _ADVERBS), *MEDIUM_PREPOSITIONS})) + ")",
    re.I,
)

# Patterns of the hot paths, compiled once here rather than looked up in re's
# cache on every call (some 90,000 lookups per megabyte of text).
_RELATIVE_BEFORE_REASON = re.compile(r"\s(?:who|that)\s*$")
_OPTIONAL_DELIMITER = re.compile(r"\s*(?:,\s*|[-–—]\s*)?")
_MEDIUM_TAIL = re.compile(r"(?:\s+(?:with|to|on|in|at|from|by)\s+[^,;:\"“”\-–—]{1,80}?)?(?=\s*(?:[,;:\"“”\-–—]|that\b|$))")
_INTERVIEW_WORD = re.compile(r"\b(?:interview|told|with|to)\b", re.I)
_DASH_AHEAD = re.compile(r"\s*[-–—]")
_ASIDE_OPENER = re.compile(r"\s*([-–—]|,)\s*")
_TO_LISTENER = re.compile(r"\s+to\s+(?=\S)")
_THE = re.compile(r"(?:the|The)\s+")
_SPACES = re.compile(r"\s+")
_CITING = re.compile(r"\s*,\s*(citing|quoting)\s+")
_CITED_NP = re.compile(r"[^,;:.\"“”]{1,150}")
_CONTENT_LEAD = re.compile(r"\s*(?:,\s*)?(?:that\b|:|,)?\s*")
_CLOSERS = ".!?\"'”’)]"
_ONLY_CLOSERS = re.compile(r"[.!?\"'”’)\]]*")
_CLAUSE_AFTER_COMMA = re.compile(
    r",\s*(?:[a-z]+ing\b|according\s+to|as\s+(?:quoted|reported)\s+by|and\b|but\b|as\b|while\b|when\b|though\b|although\b|after\b|before\b|with\b|without\b|in\s+(?:a|an|the)\b|who\b|which\b|whose\b)"
)
_QUOTE_AFTER_COMMA = re.compile(r",\s*[\"“]")
_OUTLET_LIKE = re.compile(
    r"(?:(?:the|The)\s+)?(?:[\w'’.\-]+\s+){0,5}?"
    r"(?:[A-Z]{2,6}-TV|[A-Z][\w\-]*\.(?:com|net|org|co\.uk)|Channel\s+\d+|(?:[A-Z][\w'’\-]*\s+)*(?:News|Radio|TV|Television|Times|Post|Journal|Telegraph|Herald|Tribune|Gazette|Mail|Express|Daily|Programme|Program)\b"
    r"|(?:[\w'’\-]+\s+){0,3}(?:newspaper|news\s+website|website|news\s+agency|News\s+Agency|channel|radio|television|daily|correspondent|reporter)\b)"
)
_NOT_AN_OUTLET = re.compile(r"(?:the\s+)?(?:reporters|journalists|a\s+news\s+conference|a\s+press\s+conference)\b", re.I)
_OUTLET_NP_TAIL = re.compile(
    r"(?:['’]s)?(?:\s+(?:[A-Z][\w\-]*|\d+)(?:['’]s)?)*(?:\s+(?:news\s+website|website|newspaper|channel|correspondent|programme|program|radio|television|agency|daily))?(?:\s*\([^()]{1,20}\))?"
)
_AUDIENCE_THAT = re.compile(r"[^\"“”:;.]{0,160}?\bthat\b")
_RELATIVE_END = re.compile(r"[\s,]*(?:who|that)?\s*$")
_WORD_BEFORE_CUE = re.compile(r"([\w'’.\-]+)\)?\s+(?:also\s+|now\s+|still\s+)?$")
_POSSESSIVE_S = re.compile(r"['’]s$")
_QUOTE_MARK = re.compile(r"[\"“”«»]")
_ANY_QUOTE_MARK = re.compile("[" + QUOTES + "]")
_COLON = re.compile(":")
_UNSPECIFIED_WORD = re.compile(r"reports|a\s+report|information")
_UNSPECIFIED_LEAD = re.compile(r"\s*(?:that|of|indicating|suggesting|saying|about)\b\s*")
_CAPITALIZED_OPENER = re.compile(r"\s*(?:[A-Z][\w\s]{0,40},\s*)?")
_OPTIONAL_COMMA = re.compile(r"\s*,?\s*")
_COMMA_RELATIVE = re.compile(r",\s*(?:who|which)\b")
_COMMA_GAP = re.compile(r"\s*,\s*")
# r"([\w']+)\s+$" searched in a window tries every start; matched at the start of
# the reversed window it finds the same word (reversed) in one step.
_PREVIOUS_WORD_REVERSED = re.compile(r"\s+([\w']+)")
_FREE_RELATIVE = re.compile(r"\bwhat\s+(?:[\w'’-]+\s+){1,2}$")
_THAT_CLAUSE_AHEAD = re.compile(
    r"\s*(?:,[^,]{0,60},\s*)?(?:that\b|:|,?\s*[\"“]"
    # a clause without "that": a short subject, then a modal or "is/was" ("suggested the city should pay")
    r"|(?:(?:the|a|an|his|her|their|its)\s+)?(?:[\w'’\-]+\s+){0,3}?(?:should|would|could|will|can|might|must|was|is|were|are|had|has)\s)"
)
_PARTICIPLE_LEAD = re.compile(r"(?:,[\"”’']?|[-–—]|\b(?:after|before|while|when|by|in|also|earlier|later|then|again|further|and)|\b(?:after|while|before)\s+\w+ly)\s*$")
_BY_OR_IN_END = re.compile(r"\b(?:by|in)\s*$")
_AS_SAYING = re.compile(r"\s*,?\s*as\s+(?:saying|having\s+said|telling\s+\w+)\b\s*(?:that\b|:|,)?\s*")
_REQUIRED_WORD: dict[str, re.Pattern] = {}
_SHORT_LISTENER = re.compile(r"\s+(?:[A-Z][\w'’.\-]*|the|a|an|his|her|their)(?:\s+[\w'’.\-]+){0,3}\s*[.!?]?\s*$")
_NAME_END = re.compile(r"(?<![\w'’.])(?:[A-Z][\w'’\-]*\.?\s+){1,3}[A-Z][a-z][\w'’\-]*$")  # a name (with its titles) that ends at the colon
_QUESTION_BEFORE = re.compile(r"[?!][\"”]\s*$")
_QUOTE_AHEAD = re.compile(r"\s*[,:]\s*[\"“]")
_POSTPOSED_OPENER = re.compile(
    r"(?:a|an|one|another|two|three|several|some|many|its|their|our|former|then|longtime|fellow|veteran|top|senior|retired|outgoing|acting|interim)\s+\S"
    # "said pollster Frank Luntz", "said election lawyer Joe Birkenstock": a lower-case title before a name
    r"|(?!(?:on|in|at|to|by|with|from|for|during|after|before|that|this|last|also|then|earlier|later|recently|it|he|she|they|we|i|you)\b)(?:[a-z][\w\-]*\s+){1,3}[A-Z][a-z]"
)
# "with 30 percent of voters saying", "with three in 10 saying": the share is the source of the participle
_SHARE_BEFORE = re.compile(
    r"\bwith\s+((?:(?:about|nearly|almost|some|only|just|roughly|more\s+than|fewer\s+than|less\s+than)\s+)?"
    r"(?:\d[\d,.]*\s*(?:percent|%)|(?:one|two|three|four|five|six|seven|eight|nine|\d)\s+in\s+(?:\d+|ten|five|four|three))"
    r"(?:\s+of\s+[\w'’\- ]{1,40}?)?)\s+$"
)
# A dateline or agency slug that opens a paragraph: "CAIRO (AP) —", "LOS ANGELES --",
# "Washington (AFP) -", "(Reuters) -", "Occupied Jerusalem-WAFA-". Its agency is an outlet link.
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’]+(?:[ ,]+[A-Z][A-Za-z.'’]+){0,3}[ \t]*(?:\((?P<agency>[A-Z][\w .&/-]{0,30}?)\)[ \t]*)?"
    r"|(?:[A-Z][\w.'’]+(?:[ ,]+[A-Z][\w.'’]+){0,3}[ \t]*)?\((?P<agency2>[A-Z][\w .&/-]{0,30}?)\)[ \t]*)"
    r"(?:[-–—]{1,2})[ \t]*(?=[A-Z“\"])"
    r"|(?:[A-Z][\w'’]+(?: [A-Z][\w'’]+){0,3})-(?P<slug>[A-Z]{2,10})-[ \t]*(?=[A-Z])"
)


def _required_word(word: str) -> re.Pattern:
    """ "described X as Y": the word that must follow a cue within a few words."""
    rx = _REQUIRED_WORD.get(word)
    if rx is None:
        rx = _REQUIRED_WORD[word] = re.compile(rf"[^.;:\"“”]{{0,80}}?\b{word}\b")
    return rx


@dataclass(slots=True)
class RawLink:
    start: int
    end: int
    #: (start, end) of a stated reason for anonymity, when there is one.
    reason: tuple[int, int] | None = None


@dataclass(slots=True)
class Raw:
    """An attribution before its links are classified and resolved."""

    cue: tuple[int, int]
    kind: str  # verb | participle | according | unspecified | statement | colon
    links: list[RawLink]
    content: tuple[int, int] | None
    #: Start of the whole construction (subject, cue or content, whichever is first).
    span_start: int
    postposed: bool = False
    #: The subject is the one of the attribution before it in the sentence
    #: (participles, "... and said").
    inherits: bool = False
    medium: str | None = None
    #: Set when the subject is a relative pronoun or an elided subject.
    dropped: bool = False
    outer: list[RawLink] = field(default_factory=list)


# -- helpers ---------------------------------------------------------------------------


def _strip(text: str, s: int, e: int, chars: str = " \t\r\n,;:-–—") -> tuple[int, int]:
    while s < e and text[s] in chars:
        s += 1
    while e > s and text[e - 1] in chars:
        e -= 1
    return s, e


def _is_verb(toks: Tokens, j: int) -> bool:
    if not toks.text[j][:1].islower():
        return False
    low = toks.low[j]
    if low in COMMON_VERBS:
        return True
    lex = lexicon()
    if low in lex.verbs and not lex.verbs[low].participle:
        return True
    if low.endswith("ed") and _ED_VERB.match(low) and low not in ADJ_ED and not low.endswith("eed"):
        nxt = toks.low[j + 1] if j + 1 < len(toks.low) else ""
        return nxt != "by"
    return False


def _reason_within(text: str, s: int, e: int) -> re.Match | None:
    """A stated reason for anonymity in text[s:e] (lex.reason_re.search), not searched
    for where none of its words is."""
    lex = lexicon()
    return lex.reason_re.search(text, s, e) if lex.reason_gate.may_match(text[s:e]) else None


def _find_opener(texts: list[str], i: int, limit: int = 40) -> int | None:
    """Index of the delimiter that opens the aside closed by texts[i] (a comma or a dash)."""
    closer = texts[i]
    dashes = "-–—"
    for j in range(i - 1, max(-1, i - limit), -1):
        t = texts[j]
        if closer in dashes and t in dashes:
            return j
        if closer == "," and t == ",":
            return j
        if t in QUOTES or t in ";:" or (closer == "," and t in dashes):
            return None
    return None


def _match_paren(texts: list[str], i: int) -> int | None:
    depth = 0
    for j in range(i, max(-1, i - 60), -1):
        if texts[j] == ")":
            depth += 1
        elif texts[j] == "(":
            depth -= 1
            if depth == 0:
                return j
    return None


_TIME_CHUNK_WORDS = frozenset(("on", "last", "this", "early", "late", "the", "of", ","))
_CONNECTIVE_OPENERS = frozenset(("meanwhile", "however", "but", "and", "also", "yet", "so", "moreover", "then", "thus", "indeed", "still", "now"))
_NOT_A_SUBJECT_START = NP_PREPOSITIONS | {"and", "or", "but", "according"}


def _is_time_chunk(toks: Tokens, lo: int, hi: int) -> bool:
    """toks[lo:hi] is a time ("on Friday", "last week", "12 March")."""
    time_words = lexicon().time_words
    texts, lows = toks.text, toks.low
    for k in range(lo, hi):
        low = lows[k]
        if not (low in time_words or texts[k].isdigit() or low in _TIME_CHUNK_WORDS):
            return False
    return lo < hi


def _drop_intro(toks: Tokens, lo: int, hi: int, text: str) -> tuple[int, str | None]:
    """Where a subject toks[lo:hi] starts once opening adverbials ("On the other hand,",
    "Yesterday, Friday,") are removed, and the medium they name."""
    lex = lexicon()
    texts, lows = toks.text, toks.low
    medium = None
    while lo < hi:
        first = lows[lo]
        try:
            comma = texts.index(",", lo, hi)
        except ValueError:
            comma = None
        if comma is not None:
            if first in lex.intro_words or _is_time_chunk(toks, lo, comma) or (comma - lo == 1 and first in lex.time_words):
                m = lex.medium_re.match(text, toks.start[lo])
                if m and m.end() <= toks.end[comma - 1]:
                    medium = "statement" if "statement" in m.group().lower() else medium
                lo = comma + 1
                continue
        if first in _CONNECTIVE_OPENERS:
            lo += 1
            continue
        break
    while lo < hi and (lows[lo] in _NOT_A_SUBJECT_START or texts[lo] in ",-–—"):
        lo += 1
    return lo, medium


def _np_span(text: str, toks: Tokens, lo: int, hi: int) -> tuple[int, int] | None:
    """The span of toks[lo:hi] without what cannot open a source ("reported by", "according to")."""
    if lo >= hi:
        return None
    s, e = _strip(text, toks.start[lo], toks.end[hi - 1])
    m = _CLEAN_LEAD.match(text, s, e)
    if m:
        s = m.end()
    m = _ACCORDING_LEAD.match(text, s, e)
    if m:
        s = m.end()
    return (s, e) if s < e else None


# -- subject to the left of a cue --------------------------------------------------------


@dataclass(slots=True)
class Subject:
    span: tuple[int, int] | None = None
    reason: tuple[int, int] | None = None
    relays: list[RawLink] = field(default_factory=list)
    medium: str | None = None
    coordinated: bool = False
    relative: bool = False
    #: Offset where the text before the subject ends (the content of a postposed cue).
    before: int | None = None
    #: The subject follows a closing quotation mark or a comma that ends a clause.
    after_quote: bool = False
    #: The agency of a dateline the subject opened with ("CAIRO (AP) — The minister").
    dateline: RawLink | None = None


def left_subject(text: str, lo: int, cue_start: int, *, postposed: bool = False) -> Subject:
    lex = lexicon()
    toks = tokenize(text, max(lo, cue_start - LEFT_WINDOW), cue_start)
    texts, lows = toks.text, toks.low
    out = Subject()
    i = len(texts) - 1
    # Phase A: what may stand between the subject and the cue.
    while i >= 0:
        low = lows[i]
        if low in lex.pre_cue_adverbs or low in lex.time_words:
            i -= 1
            if low in lex.time_words and i >= 0 and lows[i] in ("on", "early", "late"):
                i -= 1  # "The minister on Tuesday accused"
            continue
        if texts[i] in ",-–—":
            j = _find_opener(texts, i)
            if j is None:
                if texts[i] == ",":
                    out.before = toks.start[i]
                    return out
                break
            if j + 1 == i:  # nothing inside
                i = j - 1
                continue
            first = lows[j + 1]
            chunk_s, chunk_e = toks.start[j + 1], toks.end[i - 1]
            if first in ("but", "and") and texts[i] == ",":
                out.coordinated = True
                return out
            if first in lex.relay_participles and i - j > 2:
                span = _np_span(text, toks, j + 2, i)
                if span:
                    out.relays.append(RawLink(*span))
                i = j - 1
                continue
            m = _reason_within(text, chunk_s, chunk_e)
            if m:
                out.reason = _strip(text, m.start(), m.end())
                i = j - 1
                continue
            if first in ADVERBIAL_OPENERS or first in lex.time_words or (first.endswith("ing") and texts[j + 1][:1].islower()):
                m = lex.medium_re.match(text, chunk_s)
                if m and "statement" in m.group().lower():
                    out.medium = "statement"
                i = j - 1
                continue
            break  # an appositive: part of the subject
        break
    if i < 0:
        return out
    last = lows[i]
    if last in ("and", "but", "or") or (texts[i] == "," and i > 0 and lows[i - 1] in ("and", "but")):
        out.coordinated = True
        return out
    if last in ("which", "who") or (last == "that" and i > 0 and texts[i - 1] == ","):
        out.relative = True
        k = i - 1
        if k >= 0 and texts[k] == ",":
            k -= 1
        if k < 0:
            return out
        start = _walk_np(toks, k, postposed=False)
        out.span = _np_span(text, toks, _drop_intro(toks, start, k + 1, text)[0], k + 1)
        return out
    start = min(_walk_np(toks, i, postposed=postposed), i + 1)
    np_start, medium = _drop_intro(toks, start, i + 1, text)
    out.medium = out.medium or medium
    if start > 0:
        prev = texts[start - 1]
        out.before = toks.start[start - 1] if prev in ",;:" else toks.end[start - 1]
        out.after_quote = prev in CLOSE_QUOTES or (prev == "," and start > 1 and texts[start - 2] in CLOSE_QUOTES)
    else:
        out.before = toks.start[0] if texts else cue_start
    out.span = _np_span(text, toks, np_start, i + 1)
    if out.span and (text[out.span[0]].isupper() or text[out.span[0]] == "(") and (out.span[0] == 0 or text[out.span[0] - 1] == "\n"):
        _cut_dateline(text, out)
    # The reason for anonymity may close the subject itself ("a diplomat who spoke on condition of anonymity").
    if out.span and out.reason is None:
        m = _reason_within(text, out.span[0], out.span[1])
        if m and m.start() > out.span[0]:
            out.reason = _strip(text, m.start(), m.end())
            cut = text.rfind(",", out.span[0], m.start())
            rel = _RELATIVE_BEFORE_REASON.search(text[out.span[0] : m.start()])
            end = out.span[0] + rel.start() if rel else (cut if cut > out.span[0] else m.start())
            out.span = _strip(text, out.span[0], end) if end > out.span[0] else out.span
    return out


def _cut_dateline(text: str, out: Subject) -> None:
    """A subject that opens its paragraph with a dateline starts after it; the agency is a link."""
    s, e = out.span
    m = _DATELINE.match(text, s, e)
    if m is None or m.end() >= e:
        return
    group = next((g for g in ("agency", "agency2", "slug") if m.group(g)), None)
    if group:
        out.dateline = RawLink(m.start(group), m.end(group))
    out.span = (m.end(), e)


def _walk_np(toks: Tokens, i: int, *, postposed: bool) -> int:
    """Index of the first token of the noun phrase that ends at token i."""
    texts, lows = toks.text, toks.low
    j = i
    split: int | None = None
    comma_split: int | None = None
    while j >= 0:
        txt, low = texts[j], lows[j]
        if not txt[0].isalnum():  # punctuation: none of the words below
            if txt == ")":
                k = _match_paren(texts, j)
                if k is None:
                    break
                j = k - 1
                continue
            if txt in "([]{};:!?" or txt in QUOTES:
                break
            if txt in "'‘’" and not (j > 0 and toks.end[j - 1] == toks.start[j] and lows[j - 1].endswith("s")):
                break
            if txt == "." and not (j > 0 and (texts[j - 1] in lexicon().title_words or len(texts[j - 1]) == 1)):
                break
            if txt == ",":
                if j == i and i > 0 and texts[i - 1][:1].isalnum():
                    j -= 1  # the comma that closes an appositive before the cue ("Tom Reed, the manager, said")
                    continue
                if postposed and comma_split is None:
                    # "…, the spokesman said": an appositive only after a short name.
                    if j + 1 > i or not (lows[j + 1] in DETERMINERS or texts[j + 1][:1].islower()):
                        return j + 1
                    k = j - 1
                    while k >= 0 and is_cap(texts[k]) and texts[k] not in QUOTES:
                        k -= 1
                    if j - 1 - k < 1 or j - 1 - k > 5 or (k >= 0 and texts[k] not in QUOTES + ",;:(" and lows[k] not in BOUNDARY):
                        return j + 1
                split = j
                if comma_split is None:
                    comma_split = j
                j -= 1
                continue
            if txt in "-–—":
                k = j - 1
                while k >= 0 and texts[k] not in "-–—" and j - k < 30:
                    k -= 1
                if k >= 0 and texts[k] in "-–—" and j - k < 30:
                    j = k - 1
                    continue
                split = j
                j -= 1
                continue
            if txt == "&":
                split = j
                j -= 1
                continue
        if low in _WALK_WORDS:  # words that end, split or skip a noun phrase
            if low in ("and", "or"):
                split = j
                j -= 1
                continue
            if low == "as" and ((j > 0 and lows[j - 1] == "such") or (j + 1 <= i and lows[j + 1] == "well")):
                j -= 1
                continue
            if low == "according":
                return comma_split + 1 if comma_split is not None else min(j + 2, i + 1)
            if low in BOUNDARY and txt[:1].islower() or (low in BOUNDARY and j == 0 and low in SUBORDINATORS):
                if low in SUBORDINATORS and comma_split is not None and _opens_sentence(texts, j):
                    return comma_split + 1
                break
            if txt[:1].isupper() and low in SUBORDINATORS and _opens_sentence(texts, j):
                if comma_split is not None:
                    return comma_split + 1
                break
        if _is_verb(toks, j):
            if j > 0 and lows[j - 1] in ("that", "which", "who"):
                j -= 2
                continue
            if j > 1 and lows[j - 1] in COMMON_VERBS and lows[j - 2] in ("that", "which", "who"):
                j -= 3
                continue
            return (split + 1) if split is not None else j + 1
        if low in PRONOUNS and j < i and txt[:1].islower():
            return j + 1  # "he" ends a preceding clause
        j -= 1
    return j + 1


#: The words _walk_np tests one by one (all others go on to the verb and pronoun tests).
_WALK_WORDS = frozenset(("and", "or", "as", "according")) | BOUNDARY | SUBORDINATORS


def _opens_sentence(texts: list[str], j: int) -> bool:
    return j == 0 or all(t in QUOTES for t in texts[:j])


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
                    s, e = _strip(text, m.end() + len(inner) - len(inner.lstrip()) + len(first), close)
                    if s < e:
                        info.relays.append(RawLink(s, e))
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
    rest = text[pos:stop]
    tail = rest.strip()
    # ", citing X," / ", quoting X," / "quoting X" at the end
    m = _CITING.match(text, pos, stop) if tail[:1] == "," else None
    if m:
        close = _CITED_NP.match(text, m.end(), stop)
        if close:
            s, e = _strip(text, close.start(), close.end())
            info.relays.append(RawLink(s, e))
            pos = close.end()
            rest = text[pos:stop]
            tail = rest.strip()
    m = _CONTENT_LEAD.match(rest)
    content_start = pos + (m.end() if m else 0)
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


# -- the extractor ---------------------------------------------------------------------------


def _negated(text: str, lo: int, cue_start: int) -> bool:
    before = text[max(lo, cue_start - 40) : cue_start]
    lex = lexicon()
    return lex.negator_gate.may_match(before) and lex.negator_re.search(before) is not None


def _source_before(text: str, lo: int, pos: int) -> bool:
    m = _WORD_BEFORE_CUE.search(text[max(lo, pos - 60) : pos])
    if not m:
        return False
    w = m.group(1)
    lex = lexicon()
    low = _POSSESSIVE_S.sub("", w.lower())
    return w[:1].isupper() or low in PRONOUNS or low in lex.anonymous_nouns or low in lex.organization_nouns or low in lex.document_nouns or low in lex.role_nouns or low in lex.outlet_nouns


def quoted_spans(text: str, start: int, end: int, quote_marks: list[int] | None = None) -> list[tuple[int, int]]:
    """Balanced quotations in text[start:end] (curly and straight marks may be mixed);
    quote_marks: the offsets of every quotation mark in text, in order, when known."""
    if quote_marks is None:
        marks = [m.start() for m in _QUOTE_MARK.finditer(text, start, end)]
    else:  # all of QUOTES: "„" opens no quotation here
        first = bisect_left(quote_marks, start)
        marks = [i for i in quote_marks[first : bisect_left(quote_marks, end, first)] if text[i] != "„"]
    spans = []
    open_at = None
    for i in marks:
        c = text[i]
        if c in "“«":
            open_at = i
        elif c in "”»":
            if open_at is not None:
                spans.append((open_at, i + 1))
                open_at = None
        elif open_at is None:
            if i == start or not text[i - 1].isalnum():
                open_at = i
        else:
            spans.append((open_at, i + 1))
            open_at = None
    return spans


def _in_connective(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a <= s and e <= b for a, b in spans)


def _content_end(text: str, start: int, end: int) -> int:
    s, e = _strip(text, start, end, " \t\r\n")
    while e > s and text[e - 1] in ".,;:!?" and not (e - 2 >= s and text[e - 2] in QUOTES):
        e -= 1
    if e > s and text[e - 1] in ".,;" and e - 2 >= s and text[e - 2] in QUOTES:
        e -= 1
    return max(s, e)


class Scan:
    """The cue patterns run once over a whole document; sentences take their share."""

    def __init__(self, text: str):
        lex = lexicon()
        self.text = text
        #: ``lowered(text)``: None when a case-insensitive match is not a plain one in it
        self.low = low = lowered(text)
        #: where a cue may start (its first word, at a word start), for headlines' cues in any case
        self._cue_starts: list[int] | None = None
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
        self.quote_marks = [m.start() for m in _ANY_QUOTE_MARK.finditer(text)]
        # Every match, with the list it belongs to, in the order of their starts (each list
        # is in that order already): a sentence takes its share with one bisection.
        self._matches = sorted(((m.start(), kind, n, m) for kind, name in enumerate(self.KINDS) for n, m in enumerate(getattr(self, name))), key=lambda x: x[:3])
        self._starts = [x[0] for x in self._matches]
        # Where anything that opens an attribution starts: a sentence with none of them is skipped at once.
        self._openers = sorted([m.start() for name in ("cues", "according", "unspecified", "statement") for m in getattr(self, name)] + self.colons)

    KINDS = ("cues", "according", "unspecified", "statement", "connectives")

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


def extract_sentence(text: str, start: int, end: int, *, headline: bool = False, scan: Scan | None = None) -> list[Raw]:
    """Attributions in text[start:end], one sentence, in cue order."""
    lex = lexicon()
    if scan is None:
        scan = Scan(text[: end])
    if not headline and not scan.may_open(start, end):
        return []
    cue_matches, according, unspecified, statements, connective_matches = scan.share(start, end)
    if headline:
        cue_matches = scan.any_case_cues(start, end)
    colon = scan.has_colon(start, end)
    if not (cue_matches or according or unspecified or statements or colon):
        return []
    connectives = [(m.start(), m.end()) for m in connective_matches]
    if cue_matches or according:  # the only ones checked against connectives and quotations
        connectives += [(a + 1, b - 1) for a, b in quoted_spans(text, start, end, scan.quote_marks)]
    found: list[Raw] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

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
        if not free(m.start(), m.end()) or _in_connective(connectives, m.start(), m.end()):
            continue
        raw = _according(text, start, end, m)
        if raw:
            found.append(raw)
            taken.append((m.start(), m.end()))
    for m in cue_matches:
        if len(found) >= MAX_PER_SENTENCE:
            break
        if not free(m.start(), m.end()) or _in_connective(connectives, m.start(), m.end()):
            continue
        raw = _verb_cue(text, start, end, m, headline=headline)
        if raw:
            found.append(raw)
            taken.append((m.start(), m.end()))
    if colon:
        raw = _colon(text, start, end, headline=headline, found=found)
        if raw:
            found.append(raw)
    found.sort(key=lambda r: r.cue)
    return found


def _content(text: str, s: int | None, end: int) -> tuple[int, int] | None:
    if s is None or s >= end:
        return None
    e = _content_end(text, s, min(end, s + MAX_CONTENT))
    if s + MAX_CONTENT < end:
        sp = text.rfind(" ", s, e)
        e = sp if sp > s else e
    s, e = _strip(text, s, e, " \t\r\n")
    return (s, e) if s < e else None


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


def _verb_cue(text: str, start: int, end: int, m: re.Match, *, headline: bool) -> Raw | None:
    lex = lexicon()
    form = " ".join(m.group().lower().split())
    info = lex.verbs.get(form)
    if info is None:
        return None
    word = m.group()
    if not word[:1].islower() and not headline:
        # "Said" is also a name; a capitalized cue opens a sentence only in headlines.
        if not (info.participle and m.start() == start):
            return None
    if _negated(text, start, m.start()):
        return None
    if form in AMBIGUOUS_S and not _source_before(text, start, m.start()):
        return None
    prev = _PREVIOUS_WORD_REVERSED.match(text[max(start, m.start() - 20) : m.start()][::-1])
    prev_word = prev.group(1)[::-1].lower() if prev else ""
    if not info.participle and prev_word in lex.passive_aux and not (info.lemma == "say" and prev_word in ("is",)):
        return None
    if prev_word == "the" or prev_word == "to" and info.lemma in ("say", "tell", "report"):
        return None
    if prev_word in _BLOCKED_BEFORE.get(info.lemma, ()):
        return None
    before = text[max(start, m.start() - 30) : m.start()]
    if "what" in before and _FREE_RELATIVE.search(before):
        return None  # "what he described as", "what carmakers say are"
    blocked = _BLOCKED_AFTER.get(info.lemma)
    if blocked and blocked.match(text, m.end(), end) and not (info.participle and info.lemma == "add"):
        return None
    if info.requires and not _required_word(info.requires).match(text, m.end(), end):
        return None
    if info.that_only and not _THAT_CLAUSE_AHEAD.match(text, m.end(), end):
        return None
    if info.relay == "as saying":
        return _quoted(text, start, end, m)
    if info.participle:
        return _participle(text, start, end, m, info)
    after = after_cue(text, m.end(), end, audience=info.audience)
    subj = left_subject(text, start, m.start(), postposed=after.ends)
    links: list[RawLink] = []
    postposed = False
    content: tuple[int, int] | None
    inherits = False
    if subj.coordinated:
        inherits = True
        span_start = m.start()
    elif subj.span is None:
        # "…," said Karl Schamotta, chief market strategist at Corpay.
        span, reason, consumed = right_np(text, m.end(), end, allow_commas=True)
        if span is None or not (
            text[span[0]].isupper()
            or text[span[0] : span[0] + 4].lower() in ("the ", "a ", "an ")
            or text[span[0] : span[0] + 3].lower() in ("his", "her")
            or (not info.document_subject and _POSTPOSED_OPENER.match(text, span[0], span[1]))  # "said one New Hampshire Democrat", "said former Sen. Ray Tan"
            or _AGED_NAME.match(text, span[0], span[1])  # "said 23-year-old Rahm"
        ):
            if not (subj.before is not None and info.lemma in ("say", "add", "tell", "continue", "write")):
                return None
            return None
        links.append(RawLink(*span, reason=reason))
        postposed = True
        cs, ce = _strip(text, start, subj.before if subj.before is not None else m.start())
        content = (cs, _content_end(text, cs, ce)) if cs < ce else None
        span_start = start
        info_after = after_cue(text, consumed, end, audience=False)
        if info_after.relays:
            links += info_after.relays
        return Raw((m.start(), m.end()), "verb", links, content, span_start, postposed=True)
    else:
        links.append(RawLink(*subj.span, reason=subj.reason or after.reason))
        span_start = subj.span[0]
    if subj.span and not subj.after_quote and text[start:subj.span[0]].strip() == "" and _QUESTION_BEFORE.search(text, max(0, start - 4), start):
        subj.after_quote = True  # '"Can you explain that?" | Boyle asked.': the sentence split after the question
    if info.postposed_only and not (after.ends and subj.after_quote):
        if not (subj.after_quote and _SHORT_LISTENER.match(text, m.end(), end)) and not (subj.span and _QUOTE_AHEAD.match(text, m.end(), end)):
            return None  # '"…?" Boyle asked Trump.' and 'Jim Lehrer asked, "…"' are cues; 'asked the court to' is not
        if subj.after_quote:
            after.ends = True
    if info.document_subject and not _looks_document(text, subj.span):
        return None
    if info.audience and after.outlet is None and after.content_start is None and not (after.ends and subj.after_quote):
        return None  # '"…," Tom Reed told CNBC.': the quotation before is the content
    links += subj.relays + after.relays
    if after.outlet is not None:
        links.insert(0, after.outlet)
    if subj.dateline is not None:
        links.insert(0, subj.dateline)
    if (after.ends or after.continues_quote) and subj.before is not None and not inherits and subj.span is not None and subj.before > start:
        postposed = True
        cs, ce = _strip(text, start, subj.before)
        if after.continues_quote:
            content = (cs, _content_end(text, cs, end))
        else:
            content = (cs, _content_end(text, cs, ce)) if cs < ce else None
        span_start = start
    else:
        content = _content(text, after.content_start, end)
    raw = Raw((m.start(), m.end()), "verb", links, content, span_start, postposed=postposed, inherits=inherits, medium=subj.medium or after.medium, dropped=subj.relative)
    return raw


def _looks_document(text: str, span: tuple[int, int] | None) -> bool:
    if span is None:
        return False
    from provenance.attributions.sources import head_noun

    return head_noun(text[span[0] : span[1]]) in lexicon().document_nouns


def _participle(text: str, start: int, end: int, m: re.Match, info) -> Raw | None:
    before = text[max(start, m.start() - 30) : m.start()]
    share = _SHARE_BEFORE.search(text, max(start, m.start() - 80), m.start()) if info.lemma == "say" else None
    if share:
        after = after_cue(text, m.end(), end, audience=False)
        content = _content(text, after.content_start, end)
        if content is None:
            return None
        return Raw((m.start(), m.end()), "participle", [RawLink(share.start(1), share.end(1))], content, share.start(1))
    if not _PARTICIPLE_LEAD.search(before) and m.start() != start:
        return None
    if _BY_OR_IN_END.search(before) and info.lemma not in ("say",):
        return None
    after = after_cue(text, m.end(), end, audience=info.audience)
    content = _content(text, after.content_start, end)
    if content is None:
        return None
    links = list(after.relays)
    if after.outlet is not None:
        links.insert(0, after.outlet)
    return Raw((m.start(), m.end()), "participle", links, content, m.start(), inherits=True, medium=after.medium)


def _quoted(text: str, start: int, end: int, m: re.Match) -> Raw | None:
    lex = lexicon()
    obj, reason, consumed = right_np(text, m.end(), end, stop_as=True)
    tail = _AS_SAYING.match(text, consumed, end)
    if tail is None:  # "quoted Mr. Ivanov, the deputy minister, as saying": an appositive
        obj, reason, consumed = right_np(text, m.end(), end, stop_as=True, allow_commas=True)
        tail = _AS_SAYING.match(text, consumed, end)
    if obj is None or tail is None:
        return None
    subj = left_subject(text, start, m.start())
    links: list[RawLink] = []
    inherits = subj.coordinated
    if subj.span:
        links.append(RawLink(*subj.span, reason=subj.reason))
    elif not inherits:
        return None
    links += subj.relays
    links.append(RawLink(*obj, reason=reason))
    content = _content(text, tail.end(), end)
    span_start = subj.span[0] if subj.span else m.start()
    del lex
    return Raw((m.start(), m.end()), "verb", links, content, span_start, inherits=inherits)


def _colon(text: str, start: int, end: int, *, headline: bool, found: list[Raw]) -> Raw | None:
    """ "Jack Liu: It is wrong to assume failure", 'Police: Man arrested', 'X: "…"'."""
    from provenance.attributions.sources import speaker_like

    colon = text.find(":", start, end)
    if colon <= start:
        return None
    if any(r.cue[0] < colon for r in found if r.kind != "colon"):
        return None
    after = text[colon + 1 : end].lstrip()
    if not after:
        return None
    if not headline and after[:1] not in "\"“'‘":
        return None
    s, e = _strip(text, start, colon, " \t\"“”'")
    toks = tokenize(text, s, e)
    if toks and len(toks) > _COLON_SPEAKER_MAX and not headline:
        # "… surprised the pollster Ray Tan: “…”": the noun phrase that ends at the colon, when it names a person
        name = _NAME_END.search(text, s, e)
        if name is None:
            return None
        s = name.start()
        toks = tokenize(text, s, e)
    if any(low in ("said", "says", "told", "added") for low in toks.low):
        return None
    if not speaker_like(text[s:e]):
        return None
    if any(r.cue[0] > colon and r.kind == "verb" and r.span_start <= colon + 3 for r in found):
        return None
    cs = colon + 1 + (len(text[colon + 1 : end]) - len(text[colon + 1 : end].lstrip()))
    return Raw((colon, colon + 1), "colon", [RawLink(s, e)], _content(text, cs, end), s)
