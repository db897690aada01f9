"""The speaker span: the subject to the left of a cue (``left_subject``),
with appositives, titles, datelines, relative clauses and reasons for
anonymity."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from provenance.attributions.cues import CLOSE_QUOTES, QUOTES, lexicon
from provenance.attributions.tokens import Tokens, is_cap, tokenize
from provenance.attributions.extract_common import (
    ADVERBIAL_OPENERS,
    BOUNDARY,
    COMMON_VERBS,
    DETERMINERS,
    PRONOUNS,
    RawLink,
    _drop_intro,
    _find_opener,
    _is_verb,
    _match_paren,
    _np_span,
    _reason_within,
    _strip,
)
from provenance.lazyre import lazy

LEFT_WINDOW = 240
SUBORDINATORS = frozenset("while whereas as when if because since although though after before until unless once".split())
# Patterns of the hot paths, compiled once here rather than looked up in re's
# cache on every call (some 90,000 lookups per megabyte of text).
_RELATIVE_BEFORE_REASON = lazy(r"\s(?:who|that)\s*$")
# A dateline or agency slug that opens a paragraph: "CAIRO (AP) —", "LOS ANGELES --",
# "Washington (AFP) -", "(Reuters) -", "Occupied Jerusalem-WAFA-", "PARIS, Aug 31 (Reuters) -"
# (a date after the place). Its agency is an outlet link.
_DATELINE_DATE = r"(?:,?[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?"
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’]+(?:[ ,]+[A-Z][A-Za-z.'’]+){0,3}" + _DATELINE_DATE + r"[ \t]*(?:\((?P<agency>[A-Z][\w .&/-]{0,30}?)\)[ \t]*)?"
    r"|(?:[A-Z][\w.'’]+(?:[ ,]+[A-Z][\w.'’]+){0,3}" + _DATELINE_DATE + r"[ \t]*)?\((?P<agency2>[A-Z][\w .&/-]{0,30}?)\)[ \t]*)"
    r"(?:[-–—]{1,2})[ \t]*(?=[A-Z“\"])"
    r"|(?:[A-Z][\w'’]+(?: [A-Z][\w'’]+){0,3})-(?P<slug>[A-Z]{2,10})-[ \t]*(?=[A-Z])"
)
#: Every match of _DATELINE holds a dash (each alternative consumes one): none in a span, no dateline.
_DATELINE_DASH = lazy("[-–—]")


#: Tokens a quoted title inside an aside may span, its marks included ("author of “Dry Land,”").
TITLE_QUOTE_TOKENS = 12


def _mark_len(texts: list[str], x: int) -> int:
    """How many tokens the quotation mark ending at token x takes: 1 (“, ", ”), 2 (a doubled
    apostrophe, ''), 0 for none."""
    if texts[x] in QUOTES:
        return 1
    return 2 if texts[x] == "'" and x > 0 and texts[x - 1] == "'" else 0


def _titled_aside(texts: list[str], i: int) -> int | None:
    """The comma that opens an aside ending at token i (a comma, or a closing mark after the comma
    inside it) and holding one short quotation whose opening mark follows a word ("host of “Morning
    Talk,”", "citing ''the magic of it,''", "author of "Dry Land," a novel,"); None when there is none
    (the plain asides are _find_opener's)."""
    n = _mark_len(texts, i)
    if n:
        if i - n < 1 or texts[i - n] != ",":
            return None
        k = i - n - 1
    elif texts[i] == ",":
        k = i - 1
    else:
        return None
    quotes = 1 if n else 0
    opening = None
    close_at = i
    while k >= 0 and i - k < 40:
        m = _mark_len(texts, k)
        t = texts[k]
        if m:
            quotes += 1
            if quotes > 2:
                return None
            if quotes == 2:
                opening = k - m + 1
                if opening < 1 or not texts[opening - 1][:1].isalnum() or (close_at - opening) > TITLE_QUOTE_TOKENS:
                    return None  # a quotation at the start or after punctuation: what was said, not a title
            else:
                close_at = k
            k -= m
            continue
        if t in ";:" or t in "-–—":
            return None
        if t == "," and quotes != 1:
            if opening is None or any(low.lower() in COMMON_VERBS for low in texts[k + 1 : opening]):
                return None  # "Reed is ''working the phones,'' said Bell": a clause, not an aside
            return k
        k -= 1
    return None


#: Adverbs that stand between an auxiliary and its verb ("has long said", "would ever admit",
#: "has sometimes acknowledged"): never the subject; the lexicon's pre-cue adverbs skip the auxiliary.
_MID_ADVERBS = frozenset("long ever sometimes usually generally consistently".split())
#: Phrases that do the same ("have in the past said", "have in fact reported"), read backwards.
_MID_PHRASES = (("past", "the", "in"), ("fact", "in"), ("turn", "in"), ("private", "in"), ("public", "in"))
_MID_PHRASE_ENDS = frozenset(phrase[0] for phrase in _MID_PHRASES)
#: A negated auxiliary before the cue ("it doesn't tell", "they don’t necessarily tell").
_NEGATED_AUX = lazy(r"(?:do|does|did|has|have|had|would|will|wo|could|can|ca|should|is|are|was|were)n['’]t")
#: A pronoun with a contracted auxiliary ("he's said", "they’ve suggested", "who’ve said"): the
#: subject is the pronoun.
_CONTRACTED = lazy(r"(he|she|it|they|we|i|you|who|which|that)['’](?:s|ve|d|ll|re)")


def _mid_phrase(lows: list[str], i: int) -> int:
    """How many tokens a phrase of _MID_PHRASES ending at token i takes (0 for none)."""
    if lows[i] not in _MID_PHRASE_ENDS:  # asked at every token of phase A: one set test for most
        return 0
    for phrase in _MID_PHRASES:
        n = len(phrase)
        if i + 1 >= n and all(lows[i - k] == w for k, w in enumerate(phrase)):
            return n
    return 0


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
        if low in lex.pre_cue_adverbs or low in lex.time_words or (low[-2:] == "ly" and _ly_adverb(texts[i], low, lex)):
            i -= 1
            if low in lex.time_words and i >= 0 and lows[i] in ("on", "early", "late"):
                i -= 1  # "The minister on Tuesday accused"
            continue
        if (low in _MID_ADVERBS or (low[-1:] == "t" and _NEGATED_AUX.fullmatch(low))) and i > 0 and texts[i - 1][:1].isalnum():
            i -= 1
            continue
        if skip := _mid_phrase(lows, i):
            i -= skip
            continue
        if (k := _titled_aside(texts, i)) is not None:
            # an aside holding a short quoted title: "Mr. Reed, citing ''the magic of it,'' said" (skipped), "Ann
            # Bell, host of “Morning Talk,” said" or "Bell, author of "Dry Land," a novel, said" (the name before it)
            first = lows[k + 1]
            i = k - 1
            if first in ADVERBIAL_OPENERS or (first.endswith("ing") and texts[k + 1][:1].islower()):
                continue
            break
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
                    out.relays.append(RawLink(*span, cue=(toks.start[j + 1], toks.end[j + 1])))
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
    contracted = _CONTRACTED.fullmatch(last) if "'" in last or "’" in last else None  # each match holds an apostrophe
    if contracted:
        last = contracted.group(1)
        if last not in ("who", "which", "that"):
            start = toks.start[i]
            out.span = (start, start + len(last))
            out.before = toks.end[i - 1] if i > 0 else start
            return out
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
    np_start = _drop_time_lead(toks, np_start, i + 1)
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


#: Words that may open a time phrase before a subject ("On Monday he said", "Last week the mayor said").
_TIME_LEAD_WORDS = frozenset("on in during last this next early late earlier later".split())
#: Time words that stand alone for a day or a part of it (a month only after a preposition: "May said").
_DAY_TIMES = frozenset("monday tuesday wednesday thursday friday saturday sunday yesterday today tonight week weekend month year morning afternoon evening night".split())


def _subject_opens(texts: list[str], lows: list[str], k: int) -> bool:
    return texts[k][:1].isupper() or lows[k] in PRONOUNS or lows[k] in DETERMINERS


def _drop_time_lead(toks: Tokens, lo: int, hi: int) -> int:
    """Where a subject toks[lo:hi] starts past a time phrase that opens it: one without a comma ("On
    Monday he", "Monday night Tom Reed", "Last week the mayor", "In March the mayor"), or one a comma
    closes that ends in a day ("Tuesday about the levy, Bell" and "the levy Tuesday, Bell" after
    "Asked"). A day is no part of a speaker."""
    texts, lows = toks.text, toks.low
    lex = lexicon()
    k, timed, prefixed = lo, -1, lo > 0 and lows[lo - 1] in _TIME_LEAD_WORDS  # "In March": _drop_intro took "In"
    while k < hi - 1:
        low = lows[k]
        if low in _DAY_TIMES or (prefixed and low in lex.time_words) or (timed >= 0 and texts[k].isdigit()):
            timed = k
        elif low in _TIME_LEAD_WORDS and timed < 0:
            prefixed = True
        else:
            break
        k += 1
    if timed >= 0 and k == timed + 1 and k < hi and _subject_opens(texts, lows, k):
        return k
    if hi - lo > 3 and (lows[lo] in _DAY_TIMES or texts[lo][:1].islower()):
        for c in range(lo + 1, min(hi - 1, lo + 10)):
            if texts[c] == ",":
                if lows[c - 1] in _DAY_TIMES or lows[lo] in _DAY_TIMES and texts[lo + 1][:1].islower():
                    return c + 1 if _subject_opens(texts, lows, c + 1) else lo
                break
    return lo


#: Nouns in -ly that may stand right before a cue as (part of) its subject ("the family said").
_LY_NOUNS = frozenset("family ally rally assembly supply bully belly monopoly anomaly tally folly homily".split())


def _ly_adverb(word: str, low: str, lex) -> bool:
    """A lower-case word in -ly right before the cue is an adverb ("it quietly declared",
    "she wryly tells"), not the subject."""
    return (
        len(low) > 4 and low.endswith("ly") and word[:1].islower() and low not in _LY_NOUNS
        and low not in lex.outlet_nouns and low not in lex.organization_nouns and low not in lex.anonymous_nouns
    )


def _cut_dateline(text: str, out: Subject) -> None:
    """A subject that opens its paragraph with a dateline starts after it; the agency is a link."""
    s, e = out.span
    if _DATELINE_DASH.search(text, s, e) is None:  # most subjects: the match (tried over all its alternatives) cannot succeed
        return
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
            if txt == "." and not (j > 0 and (texts[j - 1] in lexicon().title_words or len(texts[j - 1]) == 1 or _abbreviation(texts[j - 1]) or texts[j - 1] in _MONTHS_ABBREVIATED)):
                break
            if txt == ",":
                if j == i and i > 0 and (texts[i - 1][:1].isalnum() or (texts[i - 1] == "." and i > 1 and _abbreviation(texts[i - 2]))):
                    j -= 1  # the comma that closes an appositive before the cue ("Tom Reed, the manager, said")
                    continue
                if j + 1 <= i and j > 0 and texts[j + 1] in lexicon().name_abbreviations and is_cap(texts[j - 1]):
                    j -= 1  # "Erie, Pa.": a place and its state
                    continue
                if postposed and comma_split is None:
                    # "…, the spokesman said": an appositive only after a short name ("Tom Reed, R-Ky., said",
                    # "Ann Bell, 67, said" too).
                    if j + 1 > i or not (lows[j + 1] in DETERMINERS or texts[j + 1][:1].islower() or texts[j + 1].isdigit() or _PARTY_STATE.match(texts[j + 1])):
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
            if low in ("who", "which") and _relative_clause_of_subject(toks, j, i):
                j -= 1  # "others who want to ban it said", "the union which represents them said": the clause is the subject's
                continue
            if low in BOUNDARY and txt[:1].islower() or (low in BOUNDARY and j == 0 and low in SUBORDINATORS):
                if low in SUBORDINATORS and comma_split is not None and _opens_sentence(texts, j):
                    return comma_split + 1
                break
            if txt[:1].isupper() and low in SUBORDINATORS and _opens_sentence(texts, j):
                if comma_split is not None:
                    return comma_split + 1
                break
        if j == i and j > 0 and low.endswith("ed") and texts[j - 1][:1].isalpha() and lows[j - 1] not in PRONOUNS and lows[j - 1] not in ("that", "which", "who"):
            j -= 1  # "those surveyed say", "voters polled said": right before the cue, a participle of the noun phrase
            continue
        if _is_verb(toks, j):
            if j > 0 and lows[j - 1] in ("that", "which", "who"):
                j -= 2
                continue
            if (k := _relative_before(toks, j)) is not None:
                j = k - 1  # "leaders who’d rather be working …", "members who have long said": a relative clause
                continue
            if j > 1 and lows[j - 1] in COMMON_VERBS and lows[j - 2] in ("that", "which", "who"):
                j -= 3
                continue
            return (split + 1) if split is not None else j + 1
        if low in PRONOUNS and j < i and txt[:1].islower():
            return j + 1  # "he" ends a preceding clause
        j -= 1
    return j + 1


#: A relative pronoun with a contracted auxiliary ("who’d", "who's", "who’ve").
_CONTRACTED_WHO = lazy(r"who['’](?:d|s|ve|ll|re)")


def _relative_clause_of_subject(toks: Tokens, j: int, i: int) -> bool:
    """Token j is "who" or "which" after a word of a noun phrase and opens a relative clause whose
    subject it is ("others who want to ban it", not "the man who the police said"): the clause
    belongs to the subject before it."""
    texts, lows = toks.text, toks.low
    if j == 0 or j + 1 > i or not texts[j - 1][:1].isalnum() or lows[j - 1] in BOUNDARY or lows[j - 1] in PRONOUNS:
        return False
    nxt = texts[j + 1]
    return nxt[:1].islower() and nxt.isalpha() and lows[j + 1] not in DETERMINERS and lows[j + 1] not in PRONOUNS


def _relative_before(toks: Tokens, j: int) -> int | None:
    """The index of a relative pronoun at most two lower-case words before the verb at token j
    ("who’d rather be", "which has long been"), or None."""
    texts, lows = toks.text, toks.low
    for k in range(j - 1, max(-1, j - 4), -1):
        low = lows[k]
        if _CONTRACTED_WHO.fullmatch(low) or (k < j - 1 and low in ("who", "which")):
            return k if k > 0 and texts[k - 1][:1].isalnum() and lows[k - 1] not in BOUNDARY else None
        if not (texts[k].isalpha() and texts[k][:1].islower()) or low in BOUNDARY:
            return None
    return None


#: Months a period abbreviates ("GAZA, Sept. 3 (WAFA) –"): the period ends no sentence.
_MONTHS_ABBREVIATED = frozenset("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
#: A party and state after a US politician's name: "R-Ky", "D-N.Y", "I-Vt".
_PARTY_STATE = lazy(r"[RDI]-[A-Z][\w.]*$")


def _abbreviation(word: str) -> bool:
    """A state abbreviation or name suffix that a period does not end ("R-Ky.", "Pa.", "Jr.")."""
    return word.rpartition("-")[2] in lexicon().name_abbreviations


#: The words _walk_np tests one by one (all others go on to the verb and pronoun tests).
_WALK_WORDS = frozenset(("and", "or", "as", "according")) | BOUNDARY | SUBORDINATORS


def _opens_sentence(texts: list[str], j: int) -> bool:
    return j == 0 or all(t in QUOTES for t in texts[:j])


# -- where the main clause of a sentence starts (for "X did …, saying …") -------------------------

#: The last word of an opening time phrase: "Hours later,", "Eight years ago,", "The day before,".
_TIME_ENDS = frozenset("later ago earlier before after afterward afterwards".split())
#: Words that open a clause or phrase before the subject: "When asked …,", "Back in 1999,", "Like X,".
_OPENING_WORDS = SUBORDINATORS | frozenset("back like unlike asked".split())
MAX_OPENINGS = 4


def _dateline_end(toks: Tokens, text: str) -> int:
    """The token after a dateline that opens the sentence ("WASHINGTON —", "PARIS, Aug 31 (Reuters) -",
    "LA CROSSE, Wisc. —"): a word in capitals, then only capitalized words, numbers and parentheses
    up to a dash; or one with its agency ("Washington (AFP) –", "(Reuters) -" after a split at "Fla.").
    0 when there is none."""
    texts = toks.text
    if texts and texts[0][:1].isupper() or texts and texts[0] == "(":
        m = _DATELINE.match(text, toks.start[0])
        if m is not None and (m.group("agency") or m.group("agency2") or m.group("slug")):
            return next((k for k, s in enumerate(toks.start) if s >= m.end()), 0)  # the agency's dateline, mixed case too
    if not texts or not (len(texts[0]) > 1 and texts[0].isupper() and texts[0].isalpha()):
        return 0
    for k in range(1, min(len(texts), 14)):
        word = texts[k]
        if word in "-–—" or word == "--":
            return k + 1
        if word[:1].islower():
            return 0
    return 0


def main_clause_start(toks: Tokens, text: str) -> int:
    """Index of the token where the main clause of a sentence opens, past a dateline and the opening
    clauses and phrases a comma closes ("When asked whom she backed,", "Walking to the car,",
    "Hours later,", "At an event in Ames, Iowa, on Sunday,")."""
    texts, lows = toks.text, toks.low
    n = len(texts)
    first = _dateline_end(toks, text)
    place_may_follow = False
    for _ in range(MAX_OPENINGS):
        dropped, _medium = _drop_intro(toks, first, n, text)
        if dropped > first and texts[dropped - 1] == "," and dropped > 1:
            place_may_follow = texts[dropped - 2][:1].isupper()
        first = dropped
        if first >= n:
            return first
        try:
            comma = texts.index(",", first, min(n, first + 40))
        except ValueError:
            return first
        word, low = texts[first], lows[first]
        participle = word[:1].isupper() and len(low) > 4 and low.endswith(("ing", "ed")) and first + 1 < n and texts[first + 1][:1].islower()
        timed = comma - first <= 6 and lows[comma - 1] in _TIME_ENDS
        place = place_may_follow and comma - first <= 3 and all(texts[k][:1].isupper() or texts[k] == "." for k in range(first, comma))
        if not (low in _OPENING_WORDS or participle or timed or place):
            return first
        # a place after a comma goes on the phrase before it ("in Ames, Iowa,")
        place_may_follow = texts[comma - 1][:1].isupper()
        first = comma + 1
    return first


#: ", said Lee Tan, who …": a capitalized name (with its titles) right after the cue, closed by a comma,
#: the sentence's end or a relative clause.
_INVERTED_NAME = re.compile(r"\s+((?:[A-Z][\w'’\-]*\.?\s+){0,3}[A-Z][\w'’\-]+)(?=\s*[,.;]|\s+(?:who|whose|of)\b)")


#: ", said the firm's chief, …", ", said an official who …": a determiner, at most three words and a
#: head noun of a role or an anonymous source, closed like _INVERTED_NAME.
_INVERTED_ROLE = lazy(r"\s+(?:the|an?)\s+(?:[\w'’\-]+\s+){0,3}?([a-z][\w\-]+)(?=\s*[,.;]|\s+(?:who|whose|of)\b)")
#: ", said lobbyist and strategist Tom Black, …": lower-case descriptors before a name of two words or more.
_INVERTED_TITLED = lazy(r"\s+(?!(?:the|a|an|that|this|it|he|she|they|we|i|on|in|at|to|by|for|with|from|during|after|before|about|over|since|until|while|when)\b)(?:[a-z][\w\-]+\s+(?:and\s+)?){1,4}(?:[A-Z][\w'’\-]*\.?\s+){1,3}[A-Z][\w'’\-]+(?=\s*[,.;]|\s+(?:who|whose)\b)")


def inverted_speaker(text: str, start: int, cue_start: int, cue_end: int, end: int, *, names_only: bool = False) -> bool:
    """The cue follows a comma and precedes a name (", said Lee Tan, who teaches …"), a role
    (", said the firm's chief, Ann Bell", ", said an official who …") or descriptors and a name
    (", said lobbyist Tom Black"): that speaker after it speaks, not the end of the clause before
    the comma ("…, since cases were decided by votes, said Lee Tan"). ``names_only`` (the subject on
    the left opens the sentence: "Reed, 45, said voters in Ohio …"): only a capitalized name."""
    if text[max(start, cue_start - 2) : cue_start].strip() != ",":
        return False
    lex = lexicon()
    m = _INVERTED_NAME.match(text, cue_end, end)
    if m is not None:
        return m.group(1).split()[0].lower() not in lex.time_words
    if names_only:
        return False
    m = _INVERTED_ROLE.match(text, cue_end, end)
    if m is not None:
        head = m.group(1)
        return head in lex.role_nouns or head in lex.anonymous_nouns or head.rstrip("s") in lex.anonymous_nouns
    return _INVERTED_TITLED.match(text, cue_end, end) is not None


#: Words after which a pronoun opens a clause of its own ("though she praised X and said").
_CLAUSE_OPENERS = frozenset("though although but when while whereas because since if once which".split())


def clause_subject_before(text: str, start: int, cue_start: int) -> tuple[int, int] | None:
    """The pronoun that opens the clause a coordinated cue belongs to ("Bell, though she praised
    the plan and said …", "…, but he hasn't endorsed her or conceded …"), or the name before ", who"
    ("…, Tom told Ann Bell, who opened the door and said …"): the nearest pronoun after
    a subordinator or "but", with no quotation, parenthesis, colon or semicolon between; None when
    there is none."""
    toks = tokenize(text, max(start, cue_start - LEFT_WINDOW), cue_start)
    texts, lows = toks.text, toks.low
    comma = False
    for k in range(len(texts) - 1, 0, -1):
        t = texts[k]
        if t in QUOTES or t in ";:()" or (t == "," and k == len(texts) - 1):
            return None
        comma = comma or t == ","
        if lows[k] in PRONOUNS and texts[k][:1].islower() | (lows[k] == "i") and lows[k - 1] in _CLAUSE_OPENERS:
            return toks.start[k], toks.end[k]
        if lows[k] == "who" and texts[k - 1] == "," and not comma:  # not "Bell, who is a teacher, and said"
            # "Ann Bell, who answered the door and said …": the name the relative clause is about
            n = k - 2
            while n >= 0 and texts[n][:1].isupper() and texts[n] not in QUOTES and k - 2 - n < 4:
                n -= 1
            return (toks.start[n + 1], toks.end[k - 2]) if n + 1 <= k - 2 and n + 1 > 0 else None
        if lows[k] in PRONOUNS:
            return None  # the nearest pronoun is not a clause's opening: the main clause's subject speaks
    return None

