"""The source-aware checks: what an aligned original says that its English
translation does not (numbers, weekdays and months, sentences, quotation and
question marks, text left untranslated).

Each check reads a SourcePair (provenance.bilingual.pair) and yields Issues:
a span of the English and a span of the original, exact on both sides. The
rules of kind ``source-*`` (provenance.rules.kinds.source) report them.
Every threshold below was tuned on the even-indexed NTREX-128 articles
(benchmarks/source_aware.py) and is a rule parameter.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from itertools import pairwise
from typing import Iterator

from provenance.bilingual import anchors, lexicon
from provenance.bilingual.align import Bead, model_for


@dataclass(frozen=True)
class Issue:
    start: int
    end: int
    source_start: int
    source_end: int
    message: str


def _matched(beads: list[Bead]) -> list[int]:
    """Indices of the beads with a sentence on both sides."""
    return [i for i, b in enumerate(beads) if b.source is not None and b.target is not None]


def _near(beads: list[Bead], i: int, side: str) -> list[tuple[int, int]]:
    """The spans of bead i and its neighbours on one side: an alignment that slips
    by a sentence must not make a number look changed."""
    out = []
    for j in (i - 1, i, i + 1):
        if 0 <= j < len(beads):
            span = beads[j].source if side == "source" else beads[j].target
            if span is not None:
                out.append(span)
    return out


def _short(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


# -- numbers --------------------------------------------------------------------------------------


def numbers(pair, params: dict) -> Iterator[Issue]:
    """A number of the original that the aligned English does not have, or an English number
    the original does not have (digits only on the reported side; words vouch)."""
    al, src, tgt, lang = pair.alignment, pair.text, pair.alignment.target_text, pair.lang
    beads = al.beads
    cache: dict[tuple[str, tuple[int, int]], list] = {}
    min_other = params.get("min_english_value", 100)

    def nums(side: str, span: tuple[int, int]):
        key = (side, span)
        if key not in cache:
            text, code = (src, lang) if side == "source" else (tgt, "en")
            cache[key] = lexicon.numbers(text, span[0], span[1], code)
        return cache[key]

    def near_approx(i: int) -> set[float]:
        return {a for span in _near(beads, i, "target") for a in lexicon.all_approx(nums("target", span))}

    def near_values(i: int, side: str) -> set[float]:
        out: set[float] = set()
        for span in _near(beads, i, side):
            out |= lexicon.all_values(nums(side, span))
        if side == "target":  # "November" vouches for the 11 of "11月"; "2.94 million" for a bare 2.94
            for span in _near(beads, i, side):
                out |= {v for n in nums(side, span) for v in n.base}
                out |= {float(m) for m, _, _ in lexicon.months(tgt, span[0], span[1], "en")}
                out |= _short_years(tgt, span)
        return out

    for i in _matched(beads):
        b = beads[i]
        s_nums, t_nums = nums("source", b.source), nums("target", b.target)
        if not s_nums and not t_nums:
            continue
        t_all, s_all = near_values(i, "target"), near_values(i, "source")
        approx = None
        lost, extra = [], []
        for n in s_nums:
            if not n.digits or n.values & t_all or src[n.start:n.end] in ("00", "۰۰", "٠٠") or _groups_in(src, n, t_all):
                continue  # found, or the "00" of a clock time, or a phone number's groups
            if len(n.parts) > 1 and n.parts <= t_all and re.fullmatch(r"\d{1,2}[.:]\d\d", lexicon.anchors.ascii_digits(src[n.start:n.end])):
                continue  # a time: "11.15" is the English "11:15"
            approx = near_approx(i) if approx is None else approx
            if not any(lexicon.close_to(v, approx) for v in n.values):
                lost.append(n)
        small = []  # English numbers below min_other the original lacks: reported only as one changed
        for n in t_nums:
            # the other way round only for numbers of three digits or more that are not a year or
            # a decade: a small number is often a word, a dual or an ordinal in the original
            if n.digits and _checkable(tgt, n, 0) and not _PERCENT_IDIOM.match(tgt, n.start) and not ((n.values | n.base | _clock_parts(tgt, n) | _as_year(tgt, n)) & s_all) and not _groups_in(tgt, n, s_all) and not any(lexicon.close_to(v, n.approx) for v in s_all):
                (extra if max(n.values) >= min_other else small).append(n)
        # a number of the original the English sentence itself lacks (a neighbour has it: "32" in the
        # headline and "36" in the sentence) stands beside a small English number as one changed
        unmatched = [n for n in _unmatched(s_nums, t_nums, tgt) if n not in lost] if small else []
        targets, sources = extra + small, lost + unmatched
        for k, t in enumerate(targets):  # a changed number: one finding, on both numbers
            if k < len(sources):
                s = sources[k]
                yield Issue(t.start, t.end, s.start, s.end,
                            f"the English has {_short(tgt[t.start:t.end], 30)!r} where the original has {_short(src[s.start:s.end], 30)!r}")
            elif k < len(extra):
                yield Issue(t.start, t.end, b.source[0], b.source[1], f"the number {_short(tgt[t.start:t.end], 30)!r} is not in the original")
        for s in lost[len(targets):]:
            yield Issue(b.target[0], b.target[1], s.start, s.end,
                        f"the original's number {_short(src[s.start:s.end], 30)!r} is not in the English (changed or left out?)")


def _unmatched(s_nums, t_nums, tgt: str) -> list:
    """The original's numbers (in digits) left over when each takes one English number of the
    same sentence with a value in common: "2-2" against "7-2" leaves one 2."""
    free = [n.values | n.base | _clock_parts(tgt, n) for n in t_nums]
    out = []
    for n in s_nums:
        if not n.digits:
            continue
        k = next((j for j, v in enumerate(free) if v is not None and n.values & v), None)
        if k is None:
            out.append(n)
        else:
            free[k] = None
    return out


# "SS19", "'19", "FY2019" aside: two digits glued to letters or after an apostrophe name a year.
_SHORT_YEAR = re.compile(r"(?:(?<=[A-Za-z])|(?<=[A-Za-z]['’])|(?<=\s['’]))(\d\d)\b")
# "100 percent sure": an idiom of certainty, which the original says in words ("absolutely").
_PERCENT_IDIOM = re.compile(r"100(?: ?%| per ?cent)(?! of)")


_YEAR_RANGE = re.compile(r"\b(1[89]|20)\d\d[-–]$")


_TIME = re.compile(r"\d{1,2}(?:[.:]\d\d)?")


def _clock_parts(text: str, n) -> frozenset:
    """The hours and minutes a clock time stands for ("3 p.m." is 15, "4.40" is 4 and 40); not
    the groups of "10,040", which say nothing of 10 or 40."""
    return n.parts if _TIME.fullmatch(lexicon.anchors.ascii_digits(text[n.start:n.end])) else frozenset()


def _as_year(text: str, n) -> set[float]:
    """The years an English two-digit number may be when written as one ("'53", "SS19", the end
    of a range of years "1950-53")."""
    if n.end - n.start != 2:
        return set()
    m = _YEAR_RANGE.search(text, max(0, n.start - 5), n.start)
    if m is not None:
        return {float(int(m.group(1)) * 100 + int(text[n.start:n.end]))}
    return _short_years(text, (max(0, n.start - 2), n.end))


def _short_years(text: str, span: tuple[int, int]) -> set[float]:
    """The years a two-digit year of the English may be: "SS19" vouches for the original's 2019."""
    return {float(c + int(m.group(1))) for m in _SHORT_YEAR.finditer(text, *span) for c in (1900, 2000)}


def _groups_in(text: str, n, other: set[float]) -> bool:
    """A number written in groups apart ("0800 555 111", a phone number) is vouched for when
    every group but a leading-zero one is on the other side, in any order (a right-to-left
    original may list the groups the other way round)."""
    raw = text[n.start:n.end]
    if not re.search(r"\d[ \u00a0\u202f]\d", raw):
        return False
    groups = [g for g in re.findall(r"\d+", lexicon.anchors.ascii_digits(raw)) if not g.startswith("0")]
    return bool(groups) and all(float(g) in other for g in groups)


def _checkable(text: str, n, minimum: float) -> bool:
    if max(n.values) < minimum:
        return False
    raw = text[n.start:n.end]
    if re.fullmatch(r"(1[89]|20)\d\d", raw):
        return False  # a year: the original may name it otherwise ("the eighties", a calendar of its own)
    return not text[n.end : n.end + 1].isalpha()  # "1980s", "2nd"


# -- weekdays and months --------------------------------------------------------------------------


def dates(pair, params: dict) -> Iterator[Issue]:
    """An English weekday or month that the aligned original names otherwise."""
    al, src, tgt, lang = pair.alignment, pair.text, pair.alignment.target_text, pair.lang
    beads = al.beads
    kinds = (("weekday", lexicon.weekdays, lexicon.WEEKDAY_NAMES), ("month", lexicon.months, lexicon.MONTH_NAMES))
    for i in _matched(beads):
        b = beads[i]
        for what, find, names in kinds:
            english = find(tgt, b.target[0], b.target[1], "en")
            if not english:
                continue
            here = find(src, b.source[0], b.source[1], lang)
            if not here:
                continue  # the original names none here: nothing to compare with
            near = {v for span in _near(beads, i, "source") for v, _, _ in find(src, span[0], span[1], lang)}
            said_here = {v for v, _, _ in here}
            kept = said_here <= {v for v, _, _ in english}
            for v, s, e in english:
                if kept and tgt.startswith(("'s", "’s"), e):
                    continue  # "Friday's loss" beside the original's every weekday: an adjective the original may form otherwise ("пятничное")
                # a neighbour's weekday excuses an alignment slip, unless this sentence's own is gone
                if v not in near or (v not in said_here and not kept):
                    said = ", ".join(dict.fromkeys(names[w - (1 if what == "month" else 0)] for w, _, _ in here))
                    yield Issue(s, e, here[0][1], here[0][2], f"the English says {tgt[s:e]!r} where the original says {said}")


# -- omissions and additions -----------------------------------------------------------------------


def _zl(ls: int, lt: int, lang: str) -> float:
    """How far the English length is from what the length model expects for the original's."""
    c, s2 = model_for(lang)
    mean = (ls + lt / c) / 2
    return (lt - ls * c) / math.sqrt(max(mean, 1.0) * s2)


def _z(bead: Bead, lang: str) -> float:
    return _zl(bead.source[1] - bead.source[0], bead.target[1] - bead.target[0], lang)


def _length(spans, k: int) -> int:
    return spans[k][1] - spans[k][0]


def _lone_part(bead: Bead, mine, other, lang: str, params: dict, sign: int, texts=None) -> int | None:
    """In a 2-1 bead (sign -1: two sentences of the original, one English) or a 1-2 bead
    (sign +1): the index of the sentence with no counterpart, when the pair's lengths say
    the single side translates only the other sentence (merged too short or long, one part fitting)."""
    i, j = bead.source_sentences if sign < 0 else bead.target_sentences
    if j - i != 2:
        return None
    single = (bead.target[1] - bead.target[0]) if sign < 0 else (bead.source[1] - bead.source[0])
    both = sum(_length(mine, k) for k in (i, i + 1))
    z = _zl(both, single, lang) if sign < 0 else _zl(single, both, lang)
    if z * sign <= _merge_z(params, lang):
        return None
    for keep, lone in ((i, i + 1), (i + 1, i)):
        zk = _zl(_length(mine, keep), single, lang) if sign < 0 else _zl(single, _length(mine, keep), lang)
        if abs(zk) < params.get("part_z", 1.5) and _length(mine, lone) >= params.get("min_chars", 15):
            if texts is not None and _own_anchor(texts, mine, lone, keep, bead, lang, sign):
                return None  # the lone sentence's own name or number is in the single side: translated
            return lone
    return None


def _merge_z(params: dict, lang: str) -> float:
    """merge_z, or the language's own (merge_z_lang): an original without Latin names or cognates
    (Chinese) gives the aligner no anchor to tell a merge from a sentence left out, so a smaller
    shortfall of the English already counts."""
    return params.get("merge_z_lang", {}).get(lang, params.get("merge_z", 1.5))


def _english_vouches(tgt: str, spans) -> tuple[set[float], set[float]]:
    """(values, approximate values) the English of these spans vouches for: its numbers scaled and
    bare, months as numbers, two-digit years; unit conversions approximately."""
    values: set[float] = set()
    approx: set[float] = set()
    for span in spans:
        nums = lexicon.numbers(tgt, span[0], span[1], "en")
        values |= lexicon.all_values(nums) | {v for n in nums for v in n.base}
        values |= {float(m) for m, _, _ in lexicon.months(tgt, span[0], span[1], "en")} | _short_years(tgt, span)
        approx |= lexicon.all_approx(nums)
    return values, approx


def _lone_by_number(pair, i: int, params: dict) -> int | None:
    """In a 2-1 bead whose lengths alone do not decide: the sentence of the original with a number
    (in digits) that neither the English nor its neighbours have, when the English fits the other
    sentence alone (|z| below part_z) and falls short of both. A translator who merges two
    sentences keeps their numbers; one who leaves a sentence out loses its number with it."""
    al, src, lang = pair.alignment, pair.text, pair.lang
    b = al.beads[i]
    si, sj = b.source_sentences
    if sj - si != 2 or b.target is None:
        return None
    single = b.target[1] - b.target[0]
    if _zl(sum(_length(al.source_sentences, k) for k in (si, si + 1)), single, lang) >= params.get("number_merge_z", 0.0):
        return None
    values, approx = _english_vouches(al.target_text, _near(al.beads, i, "target"))
    for keep, lone in ((si, si + 1), (si + 1, si)):
        if abs(_zl(_length(al.source_sentences, keep), single, lang)) >= params.get("number_part_z", 2.5):
            continue
        s, e = al.source_sentences[lone]
        if e - s < params.get("min_chars", 15):
            continue
        lost = [n for n in lexicon.numbers(src, s, e, lang) if n.digits and not n.values & values
                and not any(lexicon.close_to(v, approx) for v in n.values)]
        if lost:
            return lone
    return None


def _anchors_of(text: str, span, lang: str, english: bool):
    """Numbers and word skeletons of a span; on the English side names only (capitalized words),
    cognates of common words matching by chance too often to vouch for a translation."""
    if english:
        return anchors.readings(text, span[0], span[1]), anchors.english_words(text, span[0], span[1], "")
    return anchors.readings(text, span[0], span[1]), anchors.source_words(text, span[0], span[1], lang)


def _own_anchor(texts, mine, lone: int, keep: int, bead: Bead, lang: str, sign: int) -> bool:
    """Does sentence `lone` of the two-sentence side share a number or word skeleton with the single
    side that sentence `keep` lacks? (texts: (two side's text, single side's text).)"""
    two, one = texts
    english_two = sign > 0
    single = bead.target if sign < 0 else bead.source
    ln, lw = _anchors_of(two, mine[lone], lang, english_two)
    kn, kw = _anchors_of(two, mine[keep], lang, english_two)
    on, ow = _anchors_of(one, single, lang, not english_two)
    return bool((ln & on) - kn) or bool((lw & ow) - kw)


def _absorbed(beads, i: int, lang: str, sign: int, params: dict) -> bool:
    """A 1-0 bead (sign -1; 0-1: +1) whose sentence a neighbouring bead's other side translates
    too: that side is too long for its own sentence alone (z beyond merge_z) and fits it with
    this one (|z| below part_z), a merge the aligner did not make."""
    b = beads[i]
    extra = (b.source[1] - b.source[0]) if sign < 0 else (b.target[1] - b.target[0])
    for k in (i - 1, i + 1):
        if not 0 <= k < len(beads) or beads[k].source is None or beads[k].target is None:
            continue
        ls, lt = beads[k].source[1] - beads[k].source[0], beads[k].target[1] - beads[k].target[0]
        alone = _zl(ls, lt, lang)
        merged = _zl(ls + extra, lt, lang) if sign < 0 else _zl(ls, lt + extra, lang)
        if -sign * alone > params.get("merge_z", 1.5) and abs(merged) < params.get("part_z", 1.5):
            return True
    return False


def _nearest(beads, i: int, side: str):
    """(span, True when it comes before bead i) of the nearest other bead with a span on
    ``side`` ("source" or "target"), looking back first; (None, False) when there is none."""
    for j in range(i - 1, -1, -1):
        if getattr(beads[j], side):
            return getattr(beads[j], side), True
    for j in range(i + 1, len(beads)):
        if getattr(beads[j], side):
            return getattr(beads[j], side), False
    return None, False


def omissions(pair, params: dict) -> Iterator[Issue]:
    """A sentence of the original with no English (a 1-0 bead, or one sentence of a 2-1 bead
    whose English fits the other alone), or an aligned English far shorter than its original
    (the length model's z-score below -max_z)."""
    al, src = pair.alignment, pair.text
    beads = al.beads
    min_chars = params.get("min_chars", 15)
    max_z = params.get("max_z", 4.0)
    for i, b in enumerate(beads):
        if b.target is None and b.source is not None:
            if b.source[1] - b.source[0] < min_chars:
                continue  # a dateline or a one-word heading
            if _absorbed(beads, i, pair.lang, -1, params):
                continue
            anchor, before = _nearest(beads, i, "target")
            if anchor is None:
                continue
            where = "after this sentence" if before else "before this sentence"
            yield Issue(anchor[0], anchor[1], b.source[0], b.source[1],
                        f"a sentence of the original has no translation {where}: {_short(src[b.source[0]:b.source[1]])!r}")
        elif b.target is not None and b.source is not None:
            lone = _lone_part(b, al.source_sentences, al.target_sentences, pair.lang, params, -1, (src, al.target_text))
            if lone is None:
                lone = _lone_by_number(pair, i, params)
            if lone is not None:
                s, e = al.source_sentences[lone]
                yield Issue(b.target[0], b.target[1], s, e,
                            f"a sentence of the original seems left out here (the English fits the other one alone): {_short(src[s:e])!r}")
            elif _z(b, pair.lang) < -max_z:
                yield Issue(b.target[0], b.target[1], b.source[0], b.source[1],
                            f"the English is far shorter than the original here (z = {_z(b, pair.lang):.1f}): part of it may be left out")


def additions(pair, params: dict) -> Iterator[Issue]:
    """An English sentence with no counterpart in the original (a 0-1 bead, or one English
    sentence of a 1-2 bead whose original fits the other alone), or one far longer."""
    al = pair.alignment
    beads = al.beads
    min_chars = params.get("min_chars", 15)
    max_z = params.get("max_z", 4.0)
    for i, b in enumerate(beads):
        if b.source is None and b.target is not None:
            if b.target[1] - b.target[0] < min_chars or _absorbed(beads, i, pair.lang, 1, params):
                continue
            near, _ = _nearest(beads, i, "source")
            if near is None:
                continue
            yield Issue(b.target[0], b.target[1], near[0], near[1], "this sentence has no counterpart in the original")
        elif b.target is not None and b.source is not None:
            lone = _lone_part(b, al.target_sentences, al.source_sentences, pair.lang, params, 1, (al.target_text, al.source_text))
            if lone is not None:
                s, e = al.target_sentences[lone]
                yield Issue(s, e, b.source[0], b.source[1], "this sentence seems to have no counterpart in the original (the original fits the other one alone)")
            elif _z(b, pair.lang) > max_z:
                yield Issue(b.target[0], b.target[1], b.source[0], b.source[1],
                            f"the English is far longer than the original here (z = {_z(b, pair.lang):.1f}): something may be added")


# -- quotation and question marks -----------------------------------------------------------------

_QUOTE = re.compile("[\"“”«»„「」『』‘]|(?<![^\\W_])'(?=[^\\W\\d_])")
_QUESTION = re.compile("[?؟？]")
_NOSPACE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


def _quote_marks(text: str, start: int, end: int) -> list[int]:
    """Offsets of the quotation marks in text[start:end]; a straight " between two
    letters (Hebrew acronyms: צה"ל) is not one, nor an apostrophe ("don't", "students'")."""
    out = []
    for m in _QUOTE.finditer(text, start, end):
        p = m.start()
        inside = 0 < p < len(text) - 1 and text[p - 1].isalpha() and text[p + 1].isalpha()
        if not inside:
            out.append(p)
    return out


def _words(s: str) -> int:
    cjk = len(_NOSPACE.findall(s))
    return len(s.split()) + cjk // 2


_OPENING = "“«„「『‘"
_CLOSING = "”»」』’"
_SINGLE = "‘’‚'"
_CJK_PUNCT = re.compile("[，。！？、：；,.!?:;]")


def _opens(text: str, p: int) -> bool:
    """Does the mark at p open a quotation (else it closes one)?"""
    c = text[p]
    if c in _OPENING:
        return True
    if c in _CLOSING:
        return False
    return p == 0 or text[p - 1].isspace() or text[p - 1] in "([{:—–-،,"


def _quotation(text: str, marks: list[int], span: tuple[int, int], min_words: int, latin_source: bool) -> tuple[int, int] | None:
    """The longest quoted stretch inside the span of at least ``min_words`` words, from a
    mark to its partner, or from a lone mark to the span's edge (a quotation that runs on);
    a title in Latin letters quoted in a text of another script is the work's own name, and
    a short quoted Chinese phrase without punctuation a name ("“国家气象局”"), not a quotation."""
    best = None
    pairs = list(zip(marks[0::2], marks[1::2]))
    if len(marks) % 2:
        lone = marks[-1]
        if lone == span[0] and text[lone + 1 : lone + 2].isspace():
            pass  # "“ Während …": the closing mark of the sentence before, split off with it
        else:
            pairs.append((lone, span[1]) if _opens(text, lone) else (span[0] - 1, lone))
    for a, b in pairs:
        inner = text[a + 1 : b]
        if (a < span[0] or b >= span[1]) and not inner.strip(" \u00a0,.;:!?—–-"):
            continue
        n = _words(inner)
        if n < min_words:
            continue
        if n < 5 and all(w[:1].isupper() for w in inner.split()):
            continue  # «Манчестер Сити», “Welsh Parliament Members”: a name or a title, not a quotation
        if _NOSPACE.search(inner) and not _CJK_PUNCT.search(inner) and len(inner) < 16:
            continue
        letters = [c for c in inner if c.isalpha()]
        if not latin_source and letters and sum(c.isascii() for c in letters) > len(letters) / 2:
            continue
        if best is None or b - a > best[1] - best[0]:
            best = (max(a, span[0]), min(b + 1, span[1]))
    return best


def _inside(text: str, paragraphs: list[tuple[int, int]]):
    """A function: is this offset inside a quotation (marks counted from its paragraph's start)?"""
    from bisect import bisect_right

    marks = _quote_marks(text, 0, len(text))
    starts = [s for s, _ in paragraphs]

    def inside(offset: int) -> bool:
        k = bisect_right(starts, offset) - 1
        floor = starts[k] if k >= 0 else 0
        return sum(1 for m in marks if floor <= m < offset) % 2 == 1

    return inside


_CAPITALIZED = re.compile(r"(?<![^\W\d_])[A-Z][^\W\d_]{2,}")
_ANY_WORD = re.compile(r"[^\W\d_]{3,}")


def _romanized_name(src: str, quoted: tuple[int, int], tgt: str, target: tuple[int, int]) -> bool:
    """Are at least half the words of the quoted stretch (those of three consonants or more)
    capitalized words of the English sentence, by the consonant skeleton of their romanization?
    One word alike is not enough: a quoted remark may name someone."""
    from provenance.bilingual.names import skeleton

    english = {skeleton(m.group()) for m in _CAPITALIZED.finditer(tgt, *target)}
    words = [k for k in (skeleton(m.group()) for m in _ANY_WORD.finditer(src, *quoted)) if len(k) >= 3]
    return bool(words) and 2 * sum(k in english for k in words) >= len(words)


def quotations(pair, params: dict) -> Iterator[Issue]:
    """Quoted in the original and unquoted in the English (or, with ``reverse``, the other way
    round); a question of the original that the English states."""
    from provenance.bilingual.split import paragraphs

    al, src, tgt = pair.alignment, pair.text, pair.alignment.target_text
    beads = al.beads
    min_words = params.get("min_words", 2)
    reverse = params.get("reverse", False)
    latin = pair.lang in ("tr", "fr", "de", "es")
    english_inside = _inside(tgt, paragraphs(tgt))
    for i in _matched(beads):
        b = beads[i]
        sq = [p for p in _quote_marks(src, *b.source) if src[p] not in _SINGLE]  # a Hebrew geresh (צ‘לסי) is no quotation mark
        tq = _quote_marks(tgt, *b.target)
        quoted = _quotation(src, sq, b.source, min_words, latin) if not tq and not english_inside(b.target[0]) else None
        if quoted is not None and _words(src[quoted[0]:quoted[1]]) < params.get("min_speech_words", 4) and _romanized_name(src, quoted, tgt, b.target):
            quoted = None  # «توود بالين», „רו נגד ווייד“: a name the English writes capitalized, not speech
        if quoted is not None:
            yield Issue(b.target[0], b.target[1], quoted[0], quoted[1],
                        "the original quotes this, the English has no quotation marks")
        elif reverse and tq and not sq:
            quoted = _quotation(tgt, tq, b.target, min_words, True)
            if quoted is not None:
                yield Issue(quoted[0], quoted[1], b.source[0], b.source[1], "the English quotes what the original does not")
        s_question = list(_QUESTION.finditer(src, *b.source))
        if s_question and not any(_QUESTION.search(tgt, *span) for span in _near(beads, i, "target")):
            q = s_question[-1]
            yield Issue(b.target[0], b.target[1], q.start(), q.end(), "a question in the original is a statement in the English")


# -- untranslated ---------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+|\d+")


def _tokens(text: str, start: int, end: int) -> list[str]:
    out = []
    for m in _WORD.finditer(text, start, end):
        w = m.group().casefold()
        if _NOSPACE.search(w):
            out.extend(w)  # Chinese: characters are the units
        else:
            out.append(w)
    return out


def _bigrams(tokens: list[str]) -> set[tuple[str, str]]:
    return set(pairwise(tokens))


def _is_latin(c: str) -> bool:
    return c.isascii() or unicodedata.name(c, "").startswith("LATIN")


def _token_spans(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    out = []
    for m in _WORD.finditer(text, start, end):
        w = m.group().casefold()
        if _NOSPACE.search(w):
            out.extend((c, m.start() + i, m.start() + i + 1) for i, c in enumerate(w))
        else:
            out.append((w, m.start(), m.end()))
    return out


def _english(text: str, start: int, end: int, share: float, capitals: bool = True) -> bool:
    """Are most words of text[start:end] common English words or (``capitals``) capitalized
    (names, acronyms)? Not for German, which capitalizes every noun."""
    from provenance.rules.kinds._romanized_model import model

    words = _WORD.findall(text, start, end)  # words of any script: a Hebrew run with "CNN" in it is not English
    if not words:
        return False
    common = model().common
    english = sum(1 for w in words if w.isascii() and (w.lower() in common or (capitals and w[0].isupper())))
    return english >= share * len(words)  # "eleştirdi", "était": not English words



def untranslated(pair, params: dict) -> Iterator[Issue]:
    """Text copied from the original into the English: a run of at least ``min_run`` words
    (Chinese: ``min_run_chars`` characters) each pair of which occurs in the original, or a
    sentence most of whose letters are in the original's (non-Latin) script."""
    al, src, tgt = pair.alignment, pair.text, pair.alignment.target_text
    min_run = params.get("min_run", 6)
    min_run_chars = params.get("min_run_chars", 8)
    min_share = params.get("min_share", 0.5)
    src_sentences = al.source_sentences
    src_bigrams = [_bigrams(_tokens(src, s, e)) for s, e in src_sentences]
    every = set().union(*src_bigrams) if src_bigrams else set()
    for s, e in al.target_sentences:
        toks = _token_spans(tgt, s, e)
        runs, k = [], 0
        while k < len(toks) - 1:  # maximal runs of tokens whose every pair is the original's
            j = k
            while j + 1 < len(toks) and (toks[j][0], toks[j + 1][0]) in every:
                j += 1
            if j > k:
                need = min_run_chars if _NOSPACE.search(toks[k][0]) else min_run
                if j - k + 1 >= need:
                    runs.append((toks[k][1], toks[j][2], j - k + 1))
            k = j + 1
        letters = [c for c in tgt[s:e] if c.isalpha()]
        foreign = sum(1 for c in letters if not _is_latin(c))
        if not runs and letters and foreign >= 8 and foreign / len(letters) >= min_share:
            runs.append((s, e, 0))
        for rs, re_, n in runs:
            if n and _english(tgt, rs, re_, params.get("english_share", 0.8), pair.lang != "de"):
                continue  # an English name or title the original quotes as it is ("AI Superpowers: China, …")
            grams = _bigrams(_tokens(tgt, rs, re_))
            best = max(range(len(src_sentences)), key=lambda i: (len(grams & src_bigrams[i]), -i), default=None)
            if best is None:
                continue
            ss, se = src_sentences[best]
            why = f"{n} words as in the original" if n else "in the original's script"
            yield Issue(rs, re_, ss, se, f"text of the original left untranslated ({why})")


CHECKS = {
    "numbers": numbers,
    "dates": dates,
    "omissions": omissions,
    "additions": additions,
    "quotations": quotations,
    "untranslated": untranslated,
}
