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

LEFT_WINDOW = 240
SUBORDINATORS = frozenset("while whereas as when if because since although though after before until unless once".split())
# Patterns of the hot paths, compiled once here rather than looked up in re's
# cache on every call (some 90,000 lookups per megabyte of text).
_RELATIVE_BEFORE_REASON = re.compile(r"\s(?:who|that)\s*$")
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


#: Adverbs that stand between an auxiliary and its verb ("has long said", "would ever admit",
#: "has sometimes acknowledged"): never the subject; the lexicon's pre-cue adverbs skip the auxiliary.
_MID_ADVERBS = frozenset("long ever sometimes usually generally consistently".split())
#: Phrases that do the same ("have in the past said", "have in fact reported"), read backwards.
_MID_PHRASES = (("past", "the", "in"), ("fact", "in"), ("turn", "in"), ("private", "in"), ("public", "in"))
_MID_PHRASE_ENDS = frozenset(phrase[0] for phrase in _MID_PHRASES)
#: A negated auxiliary before the cue ("it doesn't tell", "they don’t necessarily tell").
_NEGATED_AUX = re.compile(r"(?:do|does|did|has|have|had|would|will|wo|could|can|ca|should|is|are|was|were)n['’]t")
#: A pronoun with a contracted auxiliary ("he's said", "they’ve suggested", "who’ve said"): the
#: subject is the pronoun.
_CONTRACTED = re.compile(r"(he|she|it|they|we|i|you|who|which|that)['’](?:s|ve|d|ll|re)")


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
        if low in lex.pre_cue_adverbs or low in lex.time_words or _ly_adverb(texts[i], low, lex):
            i -= 1
            if low in lex.time_words and i >= 0 and lows[i] in ("on", "early", "late"):
                i -= 1  # "The minister on Tuesday accused"
            continue
        if (low in _MID_ADVERBS or _NEGATED_AUX.fullmatch(low)) and i > 0 and texts[i - 1][:1].isalnum():
            i -= 1
            continue
        if skip := _mid_phrase(lows, i):
            i -= skip
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
    contracted = _CONTRACTED.fullmatch(last)
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
            if j > 1 and lows[j - 1] in COMMON_VERBS and lows[j - 2] in ("that", "which", "who"):
                j -= 3
                continue
            return (split + 1) if split is not None else j + 1
        if low in PRONOUNS and j < i and txt[:1].islower():
            return j + 1  # "he" ends a preceding clause
        j -= 1
    return j + 1


#: Months a period abbreviates ("GAZA, Sept. 3 (WAFA) –"): the period ends no sentence.
_MONTHS_ABBREVIATED = frozenset("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
#: A party and state after a US politician's name: "R-Ky", "D-N.Y", "I-Vt".
_PARTY_STATE = re.compile(r"[RDI]-[A-Z][\w.]*$")


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


def _dateline_end(toks: Tokens) -> int:
    """The token after a dateline that opens the sentence ("WASHINGTON —", "PARIS, Aug 31 (Reuters) -",
    "LA CROSSE, Wisc. —"): a word in capitals, then only capitalized words, numbers and parentheses
    up to a dash. 0 when there is none."""
    texts = toks.text
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
    first = _dateline_end(toks)
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


def inverted_speaker(text: str, start: int, cue_start: int, cue_end: int, end: int) -> bool:
    """The cue follows a comma and precedes a name (", said Lee Tan, who teaches …"): the name
    after it speaks, not the end of the clause before the comma ("…, since cases were decided by
    votes, said Lee Tan")."""
    if text[max(start, cue_start - 2) : cue_start].strip() != ",":
        return False
    m = _INVERTED_NAME.match(text, cue_end, end)
    return m is not None and m.group(1).split()[0].lower() not in lexicon().time_words
