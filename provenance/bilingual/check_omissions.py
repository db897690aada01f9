"""PV1003 and PV1004: sentences of the original left out of the English, and English sentences
with no counterpart, read from the alignment's beads and the length model. Thresholds tuned on
the even-indexed NTREX-128 articles; rule parameters."""

from __future__ import annotations

import math
from collections.abc import Iterator

from provenance.bilingual import anchors, lexicon, split
from provenance.bilingual.align import _BLANK, Bead, model_for
from provenance.bilingual.check_common import Issue, _near, _short
from provenance.bilingual.check_numbers import _short_years

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


def _lone_across_break(pair, b: Bead, params: dict) -> int | None:
    """In a 2-1 bead whose two sentences of the original lie either side of a paragraph break (or a
    heading line's break): the sentence the English does not fit, when it fits the other alone
    (|z| below break_part_z). Translators keep paragraphs and headings; the aligner merges across a break
    only when a sentence there (a heading, most often) has no English of its own, so the fit may be
    looser (break_part_z, as number_part_z) than a merge inside a paragraph needs."""
    al, src, lang = pair.alignment, pair.text, pair.lang
    si, sj = b.source_sentences
    if sj - si != 2 or b.target is None:
        return None
    ss = al.source_sentences
    a1, c0 = ss[si][1], ss[si + 1][0]
    if not (_BLANK.search(src, a1, c0) or split.heading_break(src, a1, c0)):
        return None
    single = b.target[1] - b.target[0]
    fits = sorted((abs(_zl(_length(ss, keep), single, lang)), keep, lone) for keep, lone in ((si, si + 1), (si + 1, si)))
    zk, keep, lone = fits[0]
    if zk >= params.get("break_part_z", 2.5) or _length(ss, lone) < params.get("min_chars", 15):
        return None
    if _own_anchor((src, al.target_text), ss, lone, keep, b, lang, -1):
        return None  # the lone sentence's own name or number is in the English: merged, not left out
    return lone


def _added_across_break(pair, b: Bead, params: dict) -> int | None:
    """The mirror of _lone_across_break for PV1004: in a 1-2 bead whose two English sentences lie
    either side of a paragraph or heading break, the one the original does not fit, when it fits
    the other alone (|z| below break_part_z) and the lone one has no name or number of the original."""
    al, lang = pair.alignment, pair.lang
    ti, tj = b.target_sentences
    if tj - ti != 2 or b.source is None:
        return None
    ts, tgt = al.target_sentences, al.target_text
    a1, c0 = ts[ti][1], ts[ti + 1][0]
    if not (_BLANK.search(tgt, a1, c0) or split.heading_break(tgt, a1, c0)):
        return None
    single = b.source[1] - b.source[0]
    fits = sorted((abs(_zl(single, _length(ts, keep), lang)), keep, lone) for keep, lone in ((ti, ti + 1), (ti + 1, ti)))
    zk, keep, lone = fits[0]
    if zk >= params.get("break_part_z", 2.5) or _length(ts, lone) < params.get("min_chars", 15):
        return None
    if _own_anchor((tgt, al.source_text), ts, lone, keep, b, lang, 1):
        return None  # the lone sentence's own name or number is in the original: translated
    return lone


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
        if params.get("short_absorb") and -sign * alone > params.get("merge_z", 1.5) and sign * merged < params.get("part_z", 1.5):
            return True  # the neighbour falls short even with it (a 1-3 the aligner cannot bead): its original has room for it
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
            if lone is None and params.get("across_break", True):
                lone = _lone_across_break(pair, b, params)
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
            if lone is None and params.get("across_break"):
                lone = _added_across_break(pair, b, params)
            if lone is not None:
                s, e = al.target_sentences[lone]
                yield Issue(s, e, b.source[0], b.source[1], "this sentence seems to have no counterpart in the original (the original fits the other one alone)")
            elif _z(b, pair.lang) > max_z:
                yield Issue(b.target[0], b.target[1], b.source[0], b.source[1],
                            f"the English is far longer than the original here (z = {_z(b, pair.lang):.1f}): something may be added")
