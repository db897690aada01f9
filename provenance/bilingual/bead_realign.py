"""The aligner's costs for readings it did not choose (PV1004): a 0-1 bead's English and its
neighbour's swapped (_swappable), and the best alignment of a window of beads with one English
sentence left with no counterpart (left_out_cost, _left_out). An English sentence from elsewhere
takes an original's place when its length fits as well, and the shift runs on until a merge
absorbs it; read with the sentence left out, the window costs little more than the aligner's own
reading, where leaving out a translation costs several units."""

from __future__ import annotations

from provenance.bilingual import anchors
from provenance.bilingual.align import bead_cost, model_for, step_cost, successors
from provenance.bilingual.bead_evidence import _anchors_of

WINDOW = 3  # beads either side of the sentence's own that the other reading may realign


def left_out_cost(pair, t: int, window: int = WINDOW) -> float | None:
    """The extra cost of the best alignment of the beads around English sentence t (window beads
    either side of its own) in which t is a 0-1 bead, over the aligner's cost of those beads; None
    when t is no sentence of a bead with an original (a 0-1 bead already), or when that reading
    leaves more sentences of the original with no English than the aligner's does (a sentence
    added takes no translation's place: its neighbours' originals are all translated)."""
    al = pair.alignment
    beads = al.beads
    k = next((n for n, b in enumerate(beads) if b.target_sentences[0] <= t < b.target_sentences[1]), None)
    if k is None or beads[k].source is None:
        return None
    lo, hi = max(0, k - window), min(len(beads), k + window + 1)
    s0, t0 = beads[lo].source_sentences[0], beads[lo].target_sentences[0]
    s1, t1 = beads[hi - 1].source_sentences[1], beads[hi - 1].target_sentences[1]
    now = sum(b.cost for b in beads[lo:hi])
    src, tgt = al.sides
    model = model_for(pair.lang)
    priced = al.bead_costs
    prev = (beads[lo - 1].source_sentences[0], beads[lo - 1].target_sentences[0], beads[lo - 1].cost) if lo else None
    inf = float("inf")
    cost = {(s0, t0): 0.0}
    back = {(s0, t0): prev}
    for i in range(s0, s1 + 1):
        for j in range(t0, t1 + 1):
            base = cost.get((i, j), inf)
            if base == inf:
                continue
            for ni, nj in successors(i, j, s1, t1):
                if j <= t < nj and (ni, nj) != (i, j + 1):
                    continue  # sentence t only in a 0-1 bead
                key = (i, ni, j, nj)
                if key not in priced:
                    priced[key] = bead_cost(src, tgt, i, ni, j, nj, model)
                c = step_cost(src, tgt, i, j, ni, nj, back[(i, j)], priced[key])
                if base + c < cost.get((ni, nj), inf):
                    cost[(ni, nj)] = base + c
                    back[(ni, nj)] = (i, j, c)
    if (s1, t1) not in cost:
        return None
    dropped, at = 0, (s1, t1)
    while at != (s0, t0):
        i, j, _ = back[at]
        dropped += at[1] == j  # a 1-0 bead of the other reading
        at = (i, j)
    if dropped > sum(b.target is None for b in beads[lo:hi]):
        return None  # the other reading leaves an original with no English: no better reading, a bead as bad either way
    return cost[(s1, t1)] - now


def _swap_cost(pair, i: int, k: int) -> float:
    """How much more the aligner's cost model asks for the other reading of a 0-1 bead i beside a
    1-1 bead k: bead k's original translated by bead i's English and bead k's English left with no
    counterpart (align.bead_cost, the cut between them aside). Near zero, the lengths and anchors
    cannot tell which of the two English sentences is the one with no counterpart."""
    al = pair.alignment
    src, tgt = al.sides
    model = model_for(pair.lang)
    b, c = al.beads[i], al.beads[k]
    s = c.source_sentences[0]
    x, y = b.target_sentences[0], c.target_sentences[0]
    now = bead_cost(src, tgt, s, s + 1, y, y + 1, model) + bead_cost(src, tgt, s, s, x, x + 1, model)
    other = bead_cost(src, tgt, s, s + 1, x, x + 1, model) + bead_cost(src, tgt, s, s, y, y + 1, model)
    return other - now


def _swappable(pair, i: int, params: dict) -> int | None:
    """The 1-1 bead beside a 0-1 bead i, in the same English paragraph, whose English the aligner
    could as well have left out instead (_swap_cost below swap_margin: bead i's English fits that
    original as well by length and anchors), else None. An English sentence with no counterpart
    takes its neighbour's original as often as not when neither has a name or number to tell them
    apart (tuned NTREX articles, fresh injections: a third of the sentences added and missed)."""
    margin = params.get("swap_margin")
    if margin is None:
        return None
    al = pair.alignment
    beads, (_, tgt) = al.beads, al.sides
    best = None
    for k in (i - 1, i + 1):
        if not 0 <= k < len(beads) or beads[k].kind != "1-1":
            continue
        within = margin
        if tgt.orphans[beads[i].target_sentences[0]] and not tgt.orphans[beads[k].target_sentences[0]]:
            within = params.get("swap_margin_orphan", margin)  # an orphan is evidence of its own: it needs a closer call
        if tgt.cuts[max(beads[i].target_sentences[0], beads[k].target_sentences[0])]:
            continue  # another paragraph: a sentence added there would not take this original
        d = _swap_cost(pair, i, k)
        if d < within and (best is None or d < best[0]):
            best = (d, k)
    return None if best is None else best[1]


def _left_out(pair, b, params: dict) -> list[int]:
    """The English sentences of bead b (one with an original) that the alignment could as well leave
    with no counterpart: none of their numbers or names is in the bead's original, and the best
    alignment of the beads around them with the sentence a 0-1 bead costs less than left_out_margin
    more (left_out_cost). A translation shares its original's anchors (a quotation's marks too) or
    costs its place dearly (even NTREX articles, 12 languages: none of 11,957 English sentences
    within 2.0 sharing none; of English lines of other articles inserted that the aligner paired
    with an original, seeds 1-4, 175 of 405)."""
    margin = params.get("left_out_margin")
    if margin is None or b.source is None:
        return []
    al = pair.alignment
    on, ow = _anchors_of(al.source_text, b.source, pair.lang, False)
    marks = anchors.marks(al.source_text, *b.source)
    out = []
    for t in range(*b.target_sentences):
        span = al.target_sentences[t]
        if span[1] - span[0] < params.get("min_chars", 15):
            continue
        tn, tw = _anchors_of(al.target_text, span, pair.lang, True)
        if tn & on or tw & ow or any(a and c for a, c in zip(anchors.marks(al.target_text, *span), marks)):
            continue  # shares a number, a name, a question or a quotation with its original: translated there
        d = left_out_cost(pair, t)
        if d is not None and d < margin:
            out.append(t)
    return out
