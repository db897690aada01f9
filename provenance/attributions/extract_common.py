"""What the extractor's parts share: word lists, compiled patterns, the raw
result types (``Raw``, ``RawLink``) and small token helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from provenance.attributions.cues import NOUN_FIRST, QUOTES, lexicon
from provenance.attributions.tokens import Tokens
from provenance.lazyre import lazy

BOUNDARY = frozenset(
    "that which who whom whose while whereas as when where if because since although though after before "
    "until unless than but nor amid despite whether so once what according how why".split()
)
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
_ED_VERB = lazy(r"[a-z]{3,}ed$")
_CLEAN_LEAD = re.compile(
    r"(?:(?:according\s+to|what|that\s+which)\s+)?(?:(?:was|were|has\s+been|had\s+been|is|are)\s+)?"
    r"(?:reported|said|stated|announced|published|broadcast|quoted|cited)\s+by\s+",
    re.IGNORECASE,
)
_ACCORDING_LEAD = re.compile(r"according\s+to\s+", re.IGNORECASE)
#: The words a match of _CLEAN_LEAD or _ACCORDING_LEAD opens with (_np_span tries them only after one).
_CLEAN_LEAD_WORDS = frozenset("according what that was were has had is are reported said stated announced published broadcast quoted cited".split())
_TIME_PREFIXES = ("on", "early", "late", "last", "this", "next", "earlier")
_DAY_WORDS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight", "week", "month", "year")
_ADVERBS = (
    "also", "again", "afterwards", "afterward", "earlier", "later", "too", "previously", "separately", "publicly", "privately",
    "repeatedly", "recently", "further", r"last\s+week", r"last\s+month", r"last\s+year", r"this\s+week", "overnight",
    r"in\s+part", r"on\s+(?:his|her|its|their)\s+part", r"for\s+(?:his|her|its|their)\s+part", r"in\s+turn",
)  # fmt: skip
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

_ONLY_CLOSERS = lazy(r"[.!?\"'”’)\]]*")
_REQUIRED_WORD: dict[str, re.Pattern] = {}


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
    #: (start, end) of the cue that introduces this link ("said" for the source in
    #: "Reuters reported that a source said …"); None when the text has none
    #: (a dateline, an outlet told, a link named by a relay without a verb).
    cue: tuple[int, int] | None = None


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
    if low in lex.verbs and not lex.verbs[low].participle and low not in NOUN_FIRST:
        # "nine states asked", "the claims were": an -s cue form after a number, determiner or "of" is a plural noun
        return not (low[-1] == "s" and j > 0 and (toks.low[j - 1] in _BEFORE_PLURAL or toks.low[j - 1].isdigit()))
    if low.endswith("ed") and _ED_VERB.match(low) and low not in ADJ_ED and not low.endswith("eed"):
        nxt = toks.low[j + 1] if j + 1 < len(toks.low) else ""
        return nxt != "by"
    return False


#: Words after which an -s form is a plural noun, not a verb ("that states" is a relative clause's verb).
_BEFORE_PLURAL = (DETERMINERS - {"that", "this", "one"}) | frozenset("five six seven eight nine ten dozen of".split())


def _reason_within(text: str, s: int, e: int) -> re.Match | None:
    """A stated reason for anonymity in text[s:e] (lex.reason_re.search), not searched
    for where none of its words is."""
    lex = lexicon()
    return lex.reason_re.search(text, s, e) if lex.reason_gate.may_match_within(text, s, e) else None


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


#: Words in -ing that are adjectives before a noun ("Leading Democrats, …, said"), not an opening participle.
_ADJECTIVAL_ING = frozenset(
    "leading visiting ruling governing remaining opposing competing existing incoming outgoing striking working "
    "ailing rising growing sitting serving founding presiding voting participating neighboring neighbouring "
    "surrounding warring dissenting reigning".split()
)
#: Words in -ed that open a participial phrase when a preposition or an adverb follows ("Pressed on the issue,").
_ED_OPENER_NEXT = frozenset("by on about with for in at to after during over again later".split())


def _participial_opener(toks: Tokens, lo: int, comma: int) -> bool:
    """toks[lo:comma] is a participial phrase that opens the sentence ("Citing two aides,", "Speaking to
    reporters on Monday,", "Pressed on the issue,"): the subject follows the comma."""
    if comma - lo < 2:
        return False
    word, low, nxt = toks.text[lo], toks.low[lo], toks.text[lo + 1]
    after = lo + 2 if toks.low[lo + 1] in _DAY_WORDS and comma - lo > 2 else lo + 1  # "Pressed Tuesday on the issue,"
    if not word[:1].isupper() or len(low) < 5 or not (nxt[:1].islower() or after > lo + 1):
        return False
    if low.endswith("ing"):
        return low not in _ADJECTIVAL_ING
    return low.endswith("ed") and toks.low[after] in _ED_OPENER_NEXT


def _drop_intro(toks: Tokens, lo: int, hi: int, text: str) -> tuple[int, str | None]:
    """Where a subject toks[lo:hi] starts once opening adverbials ("On the other hand,",
    "Yesterday, Friday,") are removed, and the medium they name."""
    lex = lexicon()
    texts, lows = toks.text, toks.low
    medium = None
    commas = "," in texts  # most subjects have none: no search (and no ValueError) per step then
    while lo < hi:
        first = lows[lo]
        comma = None
        if commas:
            try:
                comma = texts.index(",", lo, hi)
            except ValueError:
                pass
        if comma is not None and not (first in _CONNECTIVE_OPENERS and lo + 1 < hi and lows[lo + 1] in PRONOUNS):
            # "But he focused on …, saying": a conjunction opens the clause itself, not a phrase the comma closes
            if first in lex.intro_words or _is_time_chunk(toks, lo, comma) or (comma - lo == 1 and first in lex.time_words) or _participial_opener(toks, lo, comma):
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
    first = toks.low[lo]
    if s == toks.start[lo] and first.isascii() and first not in _CLEAN_LEAD_WORDS:
        # a match opens with one of its words and a space, so that word is the token at s; an ASCII token
        # matches one case-insensitively only if its lower case is one ("ſaid" and the like go to the pattern)
        return (s, e) if s < e else None
    m = _CLEAN_LEAD.match(text, s, e)
    if m:
        s = m.end()
    m = _ACCORDING_LEAD.match(text, s, e)
    if m:
        s = m.end()
    return (s, e) if s < e else None
