"""Sentence alignment of a source text and its English translation.

Gale–Church (1993) dynamic programming over sentences, beads 1–1, 1–2, 2–1,
1–0 and 0–1, with a per-language-pair length model (ratio of English to
source characters: mean and variance, estimated on NTREX, see lengths.json)
sharpened by anchors: numbers in any digit system, question marks and
quotation marks that agree or disagree across the bead, word skeletons (names,
cognates; an English name none of the original's words matches costs
NAME_MISS), paragraph breaks and a heading line's break (a cut on one side
only costs PARA_MISS), and a 2-1 (1-2) bead one sentence of which has anchors
of its own in the other side while the other has none costs SPLIT more (a
sentence left out, or added, beside a 1-1 bead). An English sentence whose
names and numbers the original has nowhere, and whose names no other English
sentence repeats (an orphan), costs ORPHAN less to leave unaligned (0-1).
"""

from __future__ import annotations

import json
import math
import re
import statistics
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from provenance.bilingual import anchors, split

# Prior probabilities of the bead types (Gale & Church 1993, table 5).
BEAD_PRIOR = {(1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089 / 2, (1, 2): 0.089 / 2}
# 3-1 and 1-3 (not in Gale & Church's table): lines run together where a line lacks its final stop
# (a subheading, a quotation without its period), or one long sentence translated by three. A tenth
# of a 2-1 bead's prior (0.002-0.005 gave the same findings on the even NTREX articles; 0.01 more).
BEAD_PRIOR.update({(3, 1): 0.089 / 20, (1, 3): 0.089 / 20})
BEAD_COST = {k: -math.log(v) for k, v in BEAD_PRIOR.items()}
NUMBER_MATCH = -1.5  # each number found on both sides: evidence for the bead
NUMBER_MISS = 1.0  # each number on one side only
MARK_MISS = 1.0  # a question mark on one side only
QUOTE_MISS = 1.0  # a quotation mark on one side only (translators keep quotations far more often than not)
WORD_MATCH = -0.5  # each word skeleton (a name, a cognate) found on both sides
NAME_MISS = 3.0  # a bead whose English has names none of which the original's words match (an unrelated sentence whose length fits)
NAME_MISS_UNREAD = 0.5  # ... when all those names are the article's (in two English sentences or more): a spelling the skeletons do not read, no sign of a wrong pairing
WORD_CAP = 4  # at most this many count: long sentences share more by chance
CALENDAR_MATCH = -1.0  # each weekday or month named on both sides (translators keep them: PV1002 relies on it)
NULL_LENGTH = 0.15  # the share of the length model's cost a 1-0 or 0-1 bead pays
PARA_MISS = 3.0  # a cut between beads that is a paragraph break on one side only
SPLIT = 3.0  # a 2-1 (1-2) bead one sentence of which shares no anchor with the English (the original)
ORPHAN = -2.5  # a 0-1 bead of an orphan English sentence (_orphans): log of about 50 % inserted / 4 % translated
DEFAULT_MODEL = (1.0, 0.5)
CALIBRATE_MIN = 20  # Alignment.article_model: 1-1 beads of at least this many source units give the pair's ratio
CALIBRATE_BEADS = 4  # ... and at least this many of them, else the language's model stands
CALIBRATE_PRIOR = 5  # ... the spread counts as many beads of the model's own (z spread 1) as this


@dataclass(frozen=True)
class Bead:
    """One alignment unit: source sentences [si, sj) and English sentences [ti, tj),
    with their character offsets (None for an empty side) and a cost (lower is better)."""

    source: tuple[int, int] | None
    target: tuple[int, int] | None
    source_sentences: tuple[int, int]
    target_sentences: tuple[int, int]
    cost: float

    @property
    def kind(self) -> str:
        return f"{self.source_sentences[1] - self.source_sentences[0]}-{self.target_sentences[1] - self.target_sentences[0]}"

    @property
    def score(self) -> float:
        """exp(-cost) relative to a perfect 1-1 bead, in (0, 1]."""
        return round(min(1.0, math.exp(-(self.cost - BEAD_COST[(1, 1)]))), 4)


@lru_cache(maxsize=1)
def length_models() -> dict[str, tuple[float, float]]:
    data = json.loads(resources.files("provenance.bilingual").joinpath("lengths.json").read_text("utf-8"))
    return {lang: (v["mean"], v["variance"]) for lang, v in data["pairs"].items()}


# Scripts whose length the model counts in units, not characters (lengths.json says which unit):
# Chinese writes a Latin name or a number as English does, one English character each where a Han
# character stands for about three (on the even NTREX lines the spread of the log length ratio falls
# from 0.242 to 0.207 so counted); punctuation and spaces carry less than a Han character.
_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
_COPIED = re.compile("[A-Za-z0-9]")
UNIT_WEIGHTS = {"zh": (1.0, 1 / 3, 0.5)}  # (a Han character, a Latin letter or digit, anything else)


def length_units(text: str, start: int, end: int, lang: str) -> float:
    """The length of text[start:end] as the length model counts it: characters, or for a language
    of UNIT_WEIGHTS its weighted characters (the English side is "en": characters)."""
    weights = UNIT_WEIGHTS.get(lang)
    if weights is None:
        return end - start
    han = len(_HAN.findall(text, start, end))
    copied = len(_COPIED.findall(text, start, end))
    return weights[0] * han + weights[1] * copied + weights[2] * (end - start - han - copied)


def model_for(lang: str) -> tuple[float, float]:
    return length_models().get(lang, DEFAULT_MODEL)


def _norm_sf(z: float) -> float:
    return 0.5 * math.erfc(z / math.sqrt(2))


def length_z(ls: float, lt: float, ratio: float, s2: float) -> float:
    """How far the English length ``lt`` is from ``ratio`` times the original's ``ls``, in standard
    deviations of the length model (variance ``s2`` per unit of the mean length)."""
    mean = (ls + lt / ratio) / 2
    return (lt - ls * ratio) / math.sqrt(max(mean, 1.0) * s2)


def length_cost(ls: int, lt: int, model: tuple[float, float]) -> float:
    """-log P(match | lengths): a two-sided normal tail of the length difference."""
    c, s2 = model
    if ls == 0 and lt == 0:
        return 0.0
    delta = length_z(ls, lt, c, s2)
    p = 2 * _norm_sf(abs(delta))
    return -math.log(max(p, 1e-12))


@dataclass
class _Side:
    text: str
    spans: list[tuple[int, int]]
    lang: str
    english: bool

    def __post_init__(self):
        self.lengths = [length_units(self.text, s, e, "en" if self.english else self.lang) for s, e in self.spans]
        self.numbers = [anchors.readings(self.text, s, e) for s, e in self.spans]
        self.marks = [anchors.marks(self.text, s, e) for s, e in self.spans]
        words = anchors.english_words if self.english else anchors.source_words
        self.words = [words(self.text, s, e, self.lang) for s, e in self.spans]
        # The English's names alone (capitalized words), for NAME_MISS; the original's words stand in.
        # (Without cognates the English's words are its names already.)
        cognates = self.english and self.lang in anchors.COGNATE_LANGS
        self.names = [anchors.english_words(self.text, s, e, "") for s, e in self.spans] if cognates else self.words
        self.calendar = [_calendar_words(self.text, s, e, "en" if self.english else self.lang) for s, e in self.spans]
        self._groups: dict[tuple[int, int], tuple] = {}
        self.orphans = [False] * len(self.spans)  # set by align_spans on the English side (_orphans)
        self.unread: frozenset = frozenset()  # set by align_spans on the English side (_unread)
        # cuts[k]: does a paragraph start at sentence k (k == len: the end of the text)? A heading
        # line's break counts as one: a title above its first sentence is no part of it.
        self.cuts = [k == 0 or bool(_BLANK.search(self.text, self.spans[k - 1][1], self.spans[k][0]))
                     or split.heading_break(self.text, self.spans[k - 1][1], self.spans[k][0]) for k in range(len(self.spans))] + [True]

    def group(self, i: int, j: int):
        key = (i, j)
        if key not in self._groups:
            if j - i == 1:
                self._groups[key] = (self.lengths[i], self.numbers[i], self.marks[i][0], self.words[i], self.names[i], self.marks[i][1],
                                     self.calendar[i])
            else:
                nums = frozenset().union(*self.numbers[i:j]) if j > i else frozenset()
                words = frozenset().union(*self.words[i:j]) if j > i else frozenset()
                names = frozenset().union(*self.names[i:j]) if j > i else frozenset()
                self._groups[key] = (sum(self.lengths[i:j]), nums, any(m[0] for m in self.marks[i:j]), words, names,
                                     any(m[1] for m in self.marks[i:j]), frozenset().union(*self.calendar[i:j]) if j > i else frozenset())
        return self._groups[key]


_BLANK = re.compile(r"\n[ \t]*\n")


def _calendar_words(text: str, start: int, end: int, lang: str) -> frozenset:
    """The weekdays and months a sentence names, as ("d", 0-6) and ("m", 1-12)."""
    from provenance.bilingual import lexicon

    return frozenset([("d", v) for v, _, _ in lexicon.weekdays(text, start, end, lang)]
                     + [("m", v) for v, _, _ in lexicon.months(text, start, end, lang)])


def anchor_cost(src, tgt) -> float:
    _, sn, sq, sw, _, squote, scal = src
    _, tn, tq, tw, tnames, tquote, tcal = tgt
    both = len(sn & tn)
    # Readings are sets of candidate values: count misses by the smaller side's surplus.
    cost = NUMBER_MATCH * both + NUMBER_MISS * max(0, min(len(sn), len(tn)) - both) + NUMBER_MISS * 0.5 * abs(len(sn) - len(tn))
    if sq != tq:
        cost += MARK_MISS
    if squote != tquote:
        cost += QUOTE_MISS
    shared = len(sw & tw)
    if tnames and sw and not sw & tnames:
        cost += NAME_MISS  # the English names someone or somewhere the original's words do not: likely not its translation
    return cost + WORD_MATCH * min(WORD_CAP, shared) + CALENDAR_MATCH * len(scal & tcal)


def own_shares(side: "_Side", k: int, other_k: int, group) -> frozenset:
    """The anchors (numbers, word skeletons) sentence k of one side shares with the other side's
    group and its neighbour other_k lacks: a name both sentences repeat is evidence for neither."""
    mine = (side.numbers[k] & group[1]) - side.numbers[other_k]
    words = (side.words[k] & group[3]) - side.words[other_k]
    return frozenset(mine) | frozenset(words)


def split_cost(two: "_Side", i: int, one) -> float:
    """A 2-1 (or 1-2) bead one sentence of which has anchors of its own in the single side and the
    other shares none at all is more likely a sentence left out (or added) beside a 1-1 bead than
    a merge."""
    a, b = own_shares(two, i, i + 1, one), own_shares(two, i + 1, i, one)
    return SPLIT if bool(a) != bool(b) else 0.0


def _cut_cost(src: "_Side", tgt: "_Side", i: int, j: int, ni: int, nj: int, prev) -> float:
    """PARA_MISS for the cut at the end of a bead (i, j) -> (ni, nj) that is a paragraph break on
    one side only. A null bead (1-0, 0-1) has one position on its empty side: a break there matches
    a break at either end of it (a sentence dropped at a paragraph's end is no paragraph mismatch),
    so the charge the previous bead made at its start is taken back."""
    if ni > i and nj > j:
        return PARA_MISS if src.cuts[ni] != tgt.cuts[nj] else 0.0
    fixed = src.cuts[i] if ni == i else tgt.cuts[j]
    start, end = (tgt.cuts[j], tgt.cuts[nj]) if ni == i else (src.cuts[i], src.cuts[ni])
    if not fixed:
        return PARA_MISS if end else 0.0
    if end and not start and prev is not None and prev[0] < i and prev[1] < j:
        return -PARA_MISS  # the previous (full) bead paid for the start's mismatch
    return 0.0 if start or end else PARA_MISS


def bead_cost(src: "_Side", tgt: "_Side", i: int, ni: int, j: int, nj: int, model) -> float:
    """The cost of a bead of source sentences [i, ni) and English [j, nj), paragraph cuts aside."""
    prior = BEAD_COST[(ni - i, nj - j)]
    sg, tg = src.group(i, ni), tgt.group(j, nj)
    if ni > i and nj > j:
        c = prior + length_cost(sg[0], tg[0], model) + anchor_cost(sg, tg)
        if tg[4] and sg[3] and not sg[3] & tg[4] and tg[4] <= tgt.unread:
            c -= NAME_MISS - NAME_MISS_UNREAD  # the names are the article's, read in no word of the original: unreadable, not unrelated
        if ni - i == 2:
            c += split_cost(src, i, tg)
        elif nj - j == 2:
            c += split_cost(tgt, j, sg)  # the mirror: an English sentence added beside a 1-1 bead
        elif nj - j == 3 and any(tgt.orphans[j:nj]):
            c -= ORPHAN  # an orphan is likely added: a 1-3 bead would hide it where a 0-1 bead shows it
        return c
    # A 1-0 / 0-1 bead: the length of an unmatched sentence against nothing, and its numbers.
    c = prior + length_cost(sg[0], tg[0], model) * NULL_LENGTH + NUMBER_MISS * len(sg[1] | tg[1])
    if nj > j and tgt.orphans[j]:
        c += ORPHAN  # names and numbers of its own, found nowhere else: likely added, not translated
    return c


@lru_cache(maxsize=1)
def _calendar() -> frozenset[str]:
    """Skeletons of the English weekdays and months: capitalized, but words the original translates."""
    from provenance.bilingual.lexicon import MONTH_NAMES, WEEKDAY_NAMES
    from provenance.bilingual.names import skeleton

    return frozenset(skeleton(w) for w in WEEKDAY_NAMES + MONTH_NAMES)


def _orphans(src: "_Side", tgt: "_Side", lang: str) -> list[bool]:
    """Per English sentence: has it names or numbers, the whole original none of them, and the
    rest of the English none of its names? A translation's names and numbers are in its original,
    and a name mostly recurs in its article; a sentence from elsewhere's are not (even NTREX:
    2-5 % of the English sentences, 9 % in Chinese; half of those inserted from other articles)."""
    words = frozenset().union(*src.words) if src.words else frozenset()
    numbers = frozenset().union(*src.numbers) if src.numbers else frozenset()
    count: dict[str, int] = {}
    for names in tgt.names:
        for k in names:
            count[k] = count.get(k, 0) + 1
    calendar = _calendar()
    out = []
    for names, nums in zip(tgt.names, tgt.numbers):
        names = names - calendar
        alone = all(count[k] == 1 for k in names)
        out.append(bool(names or nums) and alone and not names & words and not nums & numbers)
    return out


def _unread(tgt: _Side) -> frozenset:
    """English names in two sentences or more: the article's own (a sentence from elsewhere names
    its own, once: _orphans), so a bead whose names are all of these and match no word of its
    original most likely spells them in a way the skeletons do not read."""
    count: dict[str, int] = {}
    for names in tgt.names:
        for k in names:
            count[k] = count.get(k, 0) + 1
    return frozenset(k for k, n in count.items() if n >= 2)


def successors(i: int, j: int, n: int, m: int):
    """The positions (ni, nj) a bead from (i, j) reaches, in BEAD_COST's order, within (n, m)."""
    for di, dj in BEAD_COST:
        if i + di <= n and j + dj <= m:
            yield i + di, j + dj


def step_cost(src: "_Side", tgt: "_Side", i: int, j: int, ni: int, nj: int, prev, bead: float) -> float:
    """A step of the alignment from (i, j) to (ni, nj): the bead's cost (bead_cost), its cut's
    (_cut_cost, prev the step before) and PARA_MISS for a bead across a paragraph break of one
    side only."""
    c = bead + _cut_cost(src, tgt, i, j, ni, nj, prev)
    if ni - i >= 2 and nj - j == 1 and any(src.cuts[i + 1:ni]) or nj - j >= 2 and ni - i == 1 and any(tgt.cuts[j + 1:nj]):
        c += PARA_MISS
    return c


def align_spans(src_text: str, src_spans, tgt_text: str, tgt_spans, lang: str) -> list[Bead]:
    """Beads covering every sentence of both sides, in order."""
    src, tgt = _Side(src_text, list(src_spans), lang, False), _Side(tgt_text, list(tgt_spans), lang, True)
    n, m = len(src.spans), len(tgt.spans)
    model = model_for(lang)
    tgt.orphans = _orphans(src, tgt, lang)
    tgt.unread = _unread(tgt)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            base = cost[i][j]
            if base == inf:
                continue
            for ni, nj in successors(i, j, n, m):
                c = step_cost(src, tgt, i, j, ni, nj, back[i][j], bead_cost(src, tgt, i, ni, j, nj, model))
                if base + c < cost[ni][nj]:
                    cost[ni][nj] = base + c
                    back[ni][nj] = (i, j, c)
    beads = []
    i, j = n, m
    while (i, j) != (0, 0):
        pi, pj, c = back[i][j]
        beads.append(Bead(
            source=(src.spans[pi][0], src.spans[i - 1][1]) if i > pi else None,
            target=(tgt.spans[pj][0], tgt.spans[j - 1][1]) if j > pj else None,
            source_sentences=(pi, i), target_sentences=(pj, j), cost=c,
        ))
        i, j = pi, pj
    return beads[::-1]


@dataclass
class Alignment:
    source_text: str
    target_text: str
    source_lang: str
    source_sentences: list[tuple[int, int]]
    target_sentences: list[tuple[int, int]]
    beads: list[Bead]

    @cached_property
    def article_model(self) -> tuple[float, float]:
        """(ratio, spread) of this pair's own 1-1 beads: the median English/original length ratio and
        the spread of their z-scores under it, for the checks to read a bead's length against the
        pair's translator rather than the language's average (translators differ: on the even NTREX
        articles one writes 10 % longer than the model throughout, another 10 % shorter)."""
        c, s2 = model_for(self.source_lang)
        pairs = [(length_units(self.source_text, b.source[0], b.source[1], self.source_lang), b.target[1] - b.target[0])
                 for b in self.beads if b.kind == "1-1"]
        ratios = [lt / ls for ls, lt in pairs if ls >= CALIBRATE_MIN]  # a short line's ratio is noise
        if len(ratios) < CALIBRATE_BEADS:
            return c, 1.0
        ratio = statistics.median(ratios)  # a bead left out or added does not move it
        sq = sum(length_z(ls, lt, ratio, s2) ** 2 for ls, lt in pairs)
        # the spread shrunk toward the model's (CALIBRATE_PRIOR beads' worth): a short article's own says
        # little; never wider than the model's: a wide one is lines run together, no looser translator
        return ratio, min(1.0, math.sqrt((sq + CALIBRATE_PRIOR) / (len(pairs) + CALIBRATE_PRIOR)))

    @cached_property
    def sides(self) -> tuple[_Side, _Side]:
        """The aligner's view of both sides (lengths, anchors, orphans), for the checks to price a
        bead the aligner did not make (bead_cost): built once per alignment."""
        lang = self.source_lang
        src = _Side(self.source_text, list(self.source_sentences), lang, False)
        tgt = _Side(self.target_text, list(self.target_sentences), lang, True)
        tgt.orphans = _orphans(src, tgt, lang)
        tgt.unread = _unread(tgt)
        return src, tgt

    @cached_property
    def bead_costs(self) -> dict:
        """bead_cost of beads the checks price ((i, ni, j, nj) -> cost), filled as they ask: the
        readings of one sentence's window overlap the next one's."""
        return {}

    @cached_property
    def orphans(self) -> list[bool]:
        """_orphans of each English sentence, for the checks: computed once per alignment."""
        return self.sides[1].orphans


def all_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    spans = []
    for s, e in split.paragraphs(text):
        spans.extend(split.sentences(text, s, e, lang))
    return spans


def align_texts(source_text: str, target_text: str, source_lang: str) -> Alignment:
    """Split both texts into paragraphs and sentences and align the sentences."""
    ss = all_sentences(source_text, source_lang)
    ts = all_sentences(target_text, "en")
    return Alignment(source_text, target_text, source_lang, ss, ts, align_spans(source_text, ss, target_text, ts, source_lang))
