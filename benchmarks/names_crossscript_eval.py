"""How well does the cross-script matcher pair an Arabic-script name with its romanization?

    python benchmarks/names_crossscript_eval.py [--errors 20]

Data: benchmarks/data/names_wikidata_ar.tsv, Arabic-script names of people
(Arabic, Persian and Urdu names: Wikidata gives the country) with their Latin
labels, from Wikidata (CC0 1.0) through the name index of the
``arabic-name-romanizer`` package (tools/build_name_pairs.py says how).

Positives: an Arabic name and one of its Latin labels, kept when both have the
same number of words after normalization (labels sometimes carry a middle
name or a second surname the Arabic label does not have).

Hard negatives, all Latin labels of *other* people that look like a label of
this one:
1. one word different: the names agree word for word but one, whose Arabic
   words have different consonant skeletons (so two spellings of one name
   are not counted as different), while their Latin words look alike
   (Jaro-Winkler ≥ 0.8);
2. look-alikes: the same first word and a last word with Jaro-Winkler ≥ 0.85
   on the Latin, again with different Arabic skeletons;
3. a prepended given name: the Latin label of this person with another
   person's first name in front (a son is named "Ali Hassan Ibrahim" after
   his father "Hassan Ibrahim").

Names are split in two by a hash of the Arabic name: the threshold is the
lowest with a false-match rate ≤ 0.05 on the dev half, and the figures are
reported on the held-out half.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT / "benchmarks" / "data" / "names_wikidata_ar.tsv"
TARGET_FMR = 0.05
#: Look-alike negatives are drawn from at most this many names of one group (the first, sorted).
CAP = 150
_SKELETON_DROP = str.maketrans({c: None for c in "اويىءئؤعهة"})


def load(path: Path = DATA) -> dict[str, list[str]]:
    """Arabic name -> its Latin labels (first seen first)."""
    out: dict[str, list[str]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("arabic\t"):
            continue
        arabic, latin, _ = line.split("\t")
        if latin not in out[arabic]:
            out[arabic].append(latin)
    return dict(out)


def dev(*keys: str) -> bool:
    return hashlib.sha256("|".join(sorted(keys)).encode()).digest()[0] % 2 == 0


def arabic_skeleton(word: str) -> str:
    from provenance.names.script_tables import fold_arabic

    w = fold_arabic(word)
    if w.startswith("ال") and len(w) > 3:
        w = w[2:]
    w = w.translate(_SKELETON_DROP)
    return "".join(c for i, c in enumerate(w) if i == 0 or c != w[i - 1])


def build_pairs(names: dict[str, list[str]]):
    """[(arabic, latin, same, split)]."""
    from jellyfish import jaro_winkler_similarity as jw

    from functools import lru_cache

    from provenance.names.crossscript import _arabic_words, _latin_words
    from provenance.names.normalize import fold

    latin_words = lru_cache(maxsize=None)(_latin_words)

    @lru_cache(maxsize=None)
    def last_word(label: str) -> str:
        f = fold(label).split()
        return f[-1] if f else ""

    def awords(a: str) -> list[str]:
        return [w for w in _arabic_words(a) if w != "bin"]

    pairs = []
    kept: dict[str, list[str]] = {}
    for arabic, labels in sorted(names.items()):
        n = len(awords(arabic))
        good = [lab for lab in labels if len(_latin_words(lab)) == n]
        if good:
            kept[arabic] = good
            split = "dev" if dev(arabic) else "test"
            pairs.extend((arabic, lab, True, split) for lab in good)
    seen = set()

    def add(arabic: str, latin: str, other: str) -> None:
        if (arabic, latin) in seen or latin in names.get(arabic, ()):
            return
        seen.add((arabic, latin))
        pairs.append((arabic, latin, False, "dev" if dev(arabic, other) else "test"))

    # 1. one word different
    groups = defaultdict(list)
    for arabic in kept:
        ws = awords(arabic)
        sk = [arabic_skeleton(w) for w in ws]
        for i in range(len(ws) if len(ws) >= 2 else 0):
            groups[(len(ws), i, tuple(sk[:i] + sk[i + 1 :]))].append((arabic, sk[i]))
    for (_, i, _), group in sorted(groups.items()):
        for (a1, s1), (a2, s2) in combinations(group[:CAP], 2):
            if s1 == s2:
                continue
            l1, l2 = kept[a1][0], kept[a2][0]
            w1, w2 = latin_words(l1), latin_words(l2)
            if len(w1) == len(w2) and jw(w1[i], w2[i]) >= 0.8:
                add(a1, l2, a2)
                add(a2, l1, a1)
    # 2. look-alikes: same first word, look-alike last word
    by_first = defaultdict(list)
    for arabic in kept:
        ws = awords(arabic)
        if len(ws) >= 2:
            by_first[arabic_skeleton(ws[0])].append((arabic, arabic_skeleton(ws[-1])))
    for _, group in sorted(by_first.items()):
        for (a1, s1), (a2, s2) in combinations(group[:CAP], 2):  # Muhammad: a sample of the pairs is enough
            if s1 == s2:
                continue
            l1, l2 = kept[a1][0], kept[a2][0]
            f1, f2 = last_word(l1), last_word(l2)
            if f1 and f2 and jw(f1, f2) >= 0.85:
                add(a1, l2, a2)
    # 3. a prepended given name: another person's first name before this person's label
    firsts = sorted({_latin_first(labels[0]) for labels in kept.values() if _latin_first(labels[0])})
    for k, (arabic, labels) in enumerate(sorted(kept.items())):
        if k % 7:
            continue
        h = hashlib.sha256(arabic.encode()).digest()
        add(arabic, f"{firsts[int.from_bytes(h[:4], 'big') % len(firsts)]} {labels[0]}", "prepended")
    return pairs


def _latin_first(label: str) -> str:
    w = label.split()
    return w[0] if len(w) >= 2 and w[0].isalpha() and w[0][0].isupper() else ""


def choose_threshold(pairs, target: float = TARGET_FMR) -> float:
    from provenance.names.crossscript import score_cross

    neg = sorted((score_cross(a, b)[0] for a, b, same, _ in pairs if not same), reverse=True)
    allowed = int(target * len(neg))
    cut = neg[allowed] if allowed < len(neg) else 0.0
    return math.ceil((cut + 1e-6) * 100) / 100


def report(label: str, pairs, threshold: float) -> tuple[float, float]:
    from provenance.names.crossscript import score_cross

    pos = [p for p in pairs if p[2]]
    neg = [p for p in pairs if not p[2]]
    tp = sum(1 for a, b, *_ in pos if score_cross(a, b)[0] >= threshold)
    fp = sum(1 for a, b, *_ in neg if score_cross(a, b)[0] >= threshold)
    r, f = tp / max(len(pos), 1), fp / max(len(neg), 1)
    print(f"{label:<34} {len(pos):>6} pos {len(neg):>6} neg | recall {r:.3f}  false-match {f:.3f}")
    return r, f


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--errors", type=int, default=0, help="print this many misjudged held-out pairs")
    args = parser.parse_args()
    from provenance.names.crossscript import THRESHOLD, score_cross

    pairs = build_pairs(load(args.data))
    dev_pairs = [p for p in pairs if p[3] == "dev"]
    test = [p for p in pairs if p[3] == "test"]
    chosen = choose_threshold(dev_pairs)
    print(f"threshold chosen on dev (false-match ≤ {TARGET_FMR}): {chosen:.2f}   shipped THRESHOLD: {THRESHOLD}")
    report("dev", dev_pairs, chosen)
    report("held-out", test, chosen)
    report("held-out (shipped threshold)", test, THRESHOLD)
    if args.errors:
        wrong = [(a, b, s, score_cross(a, b)) for a, b, s, _ in test if (score_cross(a, b)[0] >= THRESHOLD) != s]
        for a, b, s, (score, why) in wrong[: args.errors]:
            print(f"  {'MISSED' if s else 'FALSE '} {score:.3f} {a} ~ {b!r}: {why}")


if __name__ == "__main__":
    main()
