"""Evidence about a bead for PV1003/PV1004 (check_omissions): its lengths against the language's
length model (_zl) or the pair's own (_zc, Alignment.article_model), and its anchors (numbers,
word skeletons, quotation marks) on either side."""

from __future__ import annotations

import re

from provenance.bilingual import anchors
from provenance.bilingual.align import Bead, _calendar, length_units, length_z, model_for


def _zl(ls: int, lt: int, lang: str) -> float:
    """How far the English length is from what the length model expects for the original's."""
    c, s2 = model_for(lang)
    return length_z(ls, lt, c, s2)


def _zc(pair, ls: float, lt: float) -> float:
    """_zl against the pair's own ratio and spread (Alignment.article_model): a translator who writes
    longer or shorter throughout moves every bead's z alike, hiding a sentence left out or making
    a merge look like one."""
    ratio, spread = pair.alignment.article_model
    _, s2 = model_for(pair.lang)
    return length_z(ls, lt, ratio, s2) / spread


def _z(pair, bead: Bead) -> float:
    return _zl(_src_len(pair, bead.source), bead.target[1] - bead.target[0], pair.lang)


def _length(spans, k: int) -> int:
    return spans[k][1] - spans[k][0]


def _src_len(pair, span) -> float:
    """A span of the original as the length model counts it (align.length_units)."""
    return length_units(pair.alignment.source_text, span[0], span[1], pair.lang)


def _chars(pair, spans, k: int, sign: int) -> float:
    """Sentence k of the original (sign -1) or of the English (+1) in English characters, as min_chars
    counts them: the original's length units times the language's ratio (thirteen Chinese characters
    make a sentence of some forty English ones, no dateline)."""
    return _src_len(pair, spans[k]) * model_for(pair.lang)[0] if sign < 0 else _length(spans, k)


def _units(pair, sign: int):
    """(length of the two-sentence side's sentence k, length of the single side's span) for a 2-1
    bead (sign -1: the original has two) or a 1-2 (+1), as the length model counts them."""
    if sign < 0:
        return (lambda spans, k: _src_len(pair, spans[k])), (lambda span: span[1] - span[0])
    return _length, (lambda span: _src_len(pair, span))


def _global_fit(pair, bead: Bead, mine, keep: int, lang: str, params: dict, sign: int) -> bool:
    """Would the language's length model (merge_z, part_z) alone find the bead's sentence `keep`
    the one translated (the test before calibrated)?"""
    i = bead.source_sentences[0] if sign < 0 else bead.target_sentences[0]
    part, whole = _units(pair, sign)
    single = whole(bead.target if sign < 0 else bead.source)
    both = sum(part(mine, k) for k in (i, i + 1))
    z = _zl(both, single, lang) if sign < 0 else _zl(single, both, lang)
    zk = _zl(part(mine, keep), single, lang) if sign < 0 else _zl(single, part(mine, keep), lang)
    return z * sign > _merge_z(params, lang) and abs(zk) < params.get("part_z", 1.5)


_QUOTE_MARK = re.compile("[\"“”«»„「」『』]")


def _anchors_elsewhere(pair, bead: Bead, mine, lone: int, sign: int) -> bool:
    """Has sentence `lone` an anchor the single side of its bead and of the beads either side lack:
    a number, telling word skeletons (_telling; the weekdays' and months' aside: a lower-case cognate
    of a Latin-script original matches no English name), or quotation marks? A sentence
    left out (or added) takes its names, numbers and quotations with it; one merged keeps them."""
    al, lang = pair.alignment, pair.lang
    beads = al.beads
    two, one = (al.source_text, al.target_text) if sign < 0 else (al.target_text, al.source_text)
    k = beads.index(bead)
    nums, words, quoted = set(), set(), False
    for n in (k - 1, k, k + 1):
        span = (beads[n].target if sign < 0 else beads[n].source) if 0 <= n < len(beads) else None
        if span is not None:
            on, ow = _anchors_of(one, span, lang, sign < 0)
            nums |= on
            words |= ow
            quoted |= n == k and bool(_QUOTE_MARK.search(one, span[0], span[1]))
            if sign < 0:  # the English's cognates too (a Latin or Cyrillic original's common words are some)
                words |= anchors.english_words(one, span[0], span[1], lang)
    ln, lw = _anchors_of(two, mine[lone], lang, sign > 0)
    lone_quoted = bool(_QUOTE_MARK.search(two, mine[lone][0], mine[lone][1]))
    return bool(ln - nums) or bool(lw - words - _calendar()) or (lone_quoted and not quoted)


def _merge_z(params: dict, lang: str) -> float:
    """merge_z, or the language's own (merge_z_lang): an original without Latin names or cognates
    (Chinese) gives the aligner no anchor to tell a merge from a sentence left out, so a smaller
    shortfall of the English already counts."""
    return params.get("merge_z_lang", {}).get(lang, params.get("merge_z", 1.5))


def _foreign(pair, nums, words, sign: int) -> bool:
    """Has a sentence numbers or names (nums, words: its anchors) that the whole other text lacks?
    A sentence from elsewhere names its own people and places; a translator's split repeats the
    article's, or names none."""
    al, lang = pair.alignment, pair.lang
    other = al.source_text if sign > 0 else al.target_text
    on, ow = _anchors_of(other, (0, len(other)), lang, sign < 0)
    return bool((nums - on) or (words - ow - _calendar()))


def _anchors_of(text: str, span, lang: str, english: bool):
    """Numbers and word skeletons of a span; on the English side names only (capitalized words),
    cognates of common words matching by chance too often to vouch for a translation."""
    nums = anchors.readings(text, span[0], span[1])
    if english:
        return nums, anchors.english_words(text, span[0], span[1], "")
    return nums, anchors.source_words(text, span[0], span[1], lang)


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


def _telling(words) -> bool:
    """Word skeletons that tell a translation across scripts: one of five consonants or more, or two
    of four (a skeleton of three or four matches some word of a long sentence by chance: on the even
    articles 'nrt', 'krt', 'brst' matched unrelated neighbours)."""
    return any(len(w) >= 5 for w in words) or sum(len(w) >= 4 for w in words) >= 2
