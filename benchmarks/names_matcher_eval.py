"""How well does the name matcher tell spellings of one name from look-alikes?

    python benchmarks/names_matcher_eval.py            # needs ../shared/data/names/ofac_sdn
    python benchmarks/names_matcher_eval.py --pairs tests/data/name_pairs.tsv

Positives: spellings of the same person in the OFAC SDN list (the primary name
and its "a.k.a." spellings, people under Middle East programs), kept only when
they are plausibly the same name spelled differently: the same number of words
after normalization, each pair of words Jaro-Winkler ≥ 0.7 on the plain
folded letters (a different measure from the matcher's, so the filter does not
grade the matcher on its own terms), and not identical. Real aliases ("SALIM,
Ahmad Fuad" for Ayman al-Zawahiri) fail that filter.

Hard negatives: primary names of two different SDN entries that look alike,
of two kinds. (1) The same first name and a last name with Jaro-Winkler ≥ 0.8,
or the whole names with Jaro-Winkler ≥ 0.9, whose last names have different
consonant skeletons (so two people who simply share a name are not counted as
a "false" match). (2) Names that differ in one word only (the other words the same or attested
spellings of each other), where the two words
look alike (Jaro-Winkler ≥ 0.8) but are never attested anywhere in the list as
spellings of each other: Sallum / Salman, Amer / Samer, Hamzi / Hatim.

Entries are split in two by a hash of their numbers, and so are the
hand-written pairs of tests/data/name_pairs.tsv: the threshold is the lowest
(highest recall) with a false-match rate ≤ 0.03 on both dev halves (one false
match allowed in a small set), rounded up to two decimals, and the
figures are reported on the held-out halves. The baseline is plain metaphone
equality of the whole names (jellyfish).
"""

from __future__ import annotations

import argparse
import csv
import math
import hashlib
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OFAC = ROOT.parent / "shared" / "data" / "names" / "ofac_sdn"
PROGRAMS = ("SDGT", "SYRIA", "IRAQ", "LIBYA", "YEMEN", "LEBANON", "HRIT-SY")
TARGET_FMR = 0.03


def _person(name: str) -> str:
    """'AL-ZAWAHIRI, Ayman' -> 'Ayman Al-Zawahiri' (OFAC writes LAST, First)."""
    last, _, first = name.partition(",")
    last = " ".join(w.capitalize() if not w.startswith("AL-") else "al-" + w[3:].capitalize() for w in last.split())
    return f"{first.strip()} {last}".strip()


def load_ofac(folder: Path = OFAC) -> dict[str, list[str]]:
    """Entry number -> [primary name, a.k.a. spellings...] for people under Middle East programs."""
    entries: dict[str, list[str]] = {}
    with (folder / "sdn.csv").open(encoding="latin-1", newline="") as fh:
        for row in csv.reader(fh):
            if len(row) > 3 and row[2].strip() == "individual" and any(p in row[3] for p in PROGRAMS):
                entries[row[0]] = [_person(row[1])]
    with (folder / "alt.csv").open(encoding="latin-1", newline="") as fh:
        for row in csv.reader(fh):
            if len(row) > 3 and row[0] in entries and row[2].strip() == "aka" and "," in row[3]:
                entries[row[0]].append(_person(row[3]))
    return entries


def _dev(*keys: str) -> bool:
    return hashlib.sha256("|".join(sorted(keys)).encode()).digest()[0] % 2 == 0


def build_ofac_pairs(entries: dict[str, list[str]]):
    """[(a, b, same, split)] with split 'dev' or 'test'."""
    from jellyfish import jaro_winkler_similarity as jw

    from provenance.names.normalize import core_tokens, fold, name_tokens, skeleton

    def words(n: str) -> list[str]:
        return [w for w in fold(n).replace("-", " ").split() if w not in ("al", "el", "bin", "ibn")]

    pairs = []
    for num, names in sorted(entries.items()):
        split = "dev" if _dev(num) else "test"
        for a, b in combinations(dict.fromkeys(names), 2):
            wa, wb = words(a), words(b)
            if wa == wb or len(core_tokens(name_tokens(a))) != len(core_tokens(name_tokens(b))):
                continue
            if len(wa) == len(wb) and all(jw(x, y) >= 0.7 for x, y in zip(wa, wb)):
                pairs.append((a, b, True, split))
    # Hard negatives 1: same first word, look-alike last words with different consonants.
    by_first = defaultdict(list)
    for num, names in sorted(entries.items()):
        w = words(names[0])
        if len(w) >= 2:
            by_first[w[0]].append((num, names[0], w))
    seen = set()

    def add(a: str, b: str, n1: str, n2: str) -> None:
        key = (a, b) if a < b else (b, a)
        if key not in seen:
            seen.add(key)
            pairs.append((key[0], key[1], False, "dev" if _dev(n1, n2) else "test"))

    for first, group in sorted(by_first.items()):
        for (n1, a, wa), (n2, b, wb) in combinations(group, 2):
            if jw(wa[-1], wb[-1]) < 0.8 and jw(" ".join(wa), " ".join(wb)) < 0.9:
                continue
            ta, tb = core_tokens(name_tokens(a)), core_tokens(name_tokens(b))
            if ta and tb and skeleton(ta[-1]) != skeleton(tb[-1]):
                add(a, b, n1, n2)
    # Hard negatives 2: names of two entries that differ in one word, where the two
    # words look alike but are never attested as spellings of each other (as aligned
    # words of one person's a.k.a.'s anywhere in the list): Sallum / Salman, Amer / Samer.
    variants = _Variants()
    for num, names in entries.items():
        for a, b in combinations(dict.fromkeys(names), 2):
            wa, wb = words(a), words(b)
            if len(wa) == len(wb) and all(jw(x, y) >= 0.7 for x, y in zip(wa, wb)):
                for x, y in zip(wa, wb):
                    variants.union(x, y)
    by_rest = defaultdict(list)
    for num, names in sorted(entries.items()):
        for name in dict.fromkeys(names):
            w = words(name)
            c = [variants.find(x) for x in w]
            for i in range(len(w) if len(w) >= 2 else 0):
                by_rest[(len(w), i, tuple(c[:i] + c[i + 1 :]))].append((num, name, w[i]))
    for _, group in sorted(by_rest.items()):
        for (n1, a, x), (n2, b, y) in combinations(group, 2):
            if n1 != n2 and x != y and jw(x, y) >= 0.8 and not variants.same(x, y):
                add(a, b, n1, n2)
    return pairs


class _Variants:
    """Union-find over words attested as spellings of each other."""

    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x: str, y: str) -> None:
        self.parent[self.find(x)] = self.find(y)

    def same(self, x: str, y: str) -> bool:
        return self.find(x) == self.find(y)


WIKIDATA = ROOT / "benchmarks" / "data" / "names_wikidata_ar.tsv"


def build_wikidata_pairs(path: Path = WIKIDATA):
    """Attested spelling pairs from Wikidata (CC0; benchmarks/names_crossscript_eval.py says
    where from): two Latin labels of one Arabic-script name, filtered as the OFAC pairs are.
    Hard negatives: labels of two names that agree word for word but one, whose Arabic
    words have different consonant skeletons while the Latin words look alike
    (Jaro-Winkler ≥ 0.8) and are never attested as spellings of each other.
    Split by a hash of the Arabic name(s). [(a, b, same, split)]"""
    from jellyfish import jaro_winkler_similarity as jw

    from benchmarks.names_crossscript_eval import arabic_skeleton, load
    from provenance.names.crossscript import _arabic_words
    from provenance.names.normalize import core_tokens, fold, name_tokens

    def words(n: str) -> list[str]:
        return [w for w in fold(n).replace("-", " ").split() if w not in ("al", "el", "bin", "ibn")]

    names = load(path)
    pairs = []
    variants = _Variants()
    for arabic, labels in sorted(names.items()):
        split = "dev" if _dev(arabic) else "test"
        for a, b in combinations(labels, 2):
            wa, wb = words(a), words(b)
            if wa == wb or len(core_tokens(name_tokens(a))) != len(core_tokens(name_tokens(b))):
                continue
            if len(wa) == len(wb) and all(jw(x, y) >= 0.7 for x, y in zip(wa, wb)):
                pairs.append((a, b, True, split))
                for x, y in zip(wa, wb):
                    variants.union(x, y)
    groups = defaultdict(list)
    for arabic, labels in sorted(names.items()):
        aw = [w for w in _arabic_words(arabic) if w != "bin"]
        lw = words(labels[0])
        if len(aw) != len(lw) or len(aw) < 2:
            continue
        sk = [arabic_skeleton(w) for w in aw]
        for i in range(len(aw)):
            key = (len(aw), i, tuple(sk[:i] + sk[i + 1 :]), tuple(variants.find(x) for x in lw[:i] + lw[i + 1 :]))
            groups[key].append((arabic, labels[0], sk[i], lw[i]))
    seen = set()
    for _, group in sorted(groups.items()):
        for (a1, l1, s1, x), (a2, l2, s2, y) in combinations(group[:200], 2):
            if s1 != s2 and x != y and jw(x, y) >= 0.8 and not variants.same(x, y) and (l1, l2) not in seen:
                seen.add((l1, l2))
                pairs.append((l1, l2, False, "dev" if _dev(a1, a2) else "test"))
    return pairs


def read_pairs(path: Path):
    """A labelled TSV: a, b, label (same|different)[, source]."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if cols[:3] == ["a", "b", "label"]:
            continue
        out.append((cols[0], cols[1], cols[2] == "same", cols[3] if len(cols) > 3 else "hand"))
    return out


def rates(pairs, decide) -> tuple[float, float, int, int]:
    pos = [p for p in pairs if p[2]]
    neg = [p for p in pairs if not p[2]]
    tp = sum(1 for a, b, *_ in pos if decide(a, b))
    fp = sum(1 for a, b, *_ in neg if decide(a, b))
    return tp / max(len(pos), 1), fp / max(len(neg), 1), len(pos), len(neg)


def metaphone_same(a: str, b: str) -> bool:
    from jellyfish import metaphone

    return metaphone(a) == metaphone(b)


def choose_threshold(negative_sets, target_fmr: float = TARGET_FMR) -> float:
    """The lowest threshold (highest recall) whose false-match rate is ≤ target on every set of negatives."""
    from provenance.names.matcher import score_names

    cut = 0.0
    for pairs in negative_sets:
        neg = sorted((score_names(a, b)[0] for a, b, same, _ in pairs if not same), reverse=True)
        allowed = max(1, int(target_fmr * len(neg)))  # a small set may have one
        if allowed < len(neg):
            cut = max(cut, neg[allowed])
    # strictly above that negative, rounded up to two decimals (towards precision)
    return math.ceil((cut + 1e-6) * 100) / 100


def report(label: str, pairs, threshold: float) -> None:
    from provenance.names.matcher import score_names

    r, f, p, n = rates(pairs, lambda a, b: score_names(a, b)[0] >= threshold)
    mr, mf, _, _ = rates(pairs, metaphone_same)
    print(f"{label:<28} {p:>5} pos {n:>5} neg | matcher recall {r:.3f} FMR {f:.3f} | metaphone recall {mr:.3f} FMR {mf:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=Path, default=ROOT / "tests" / "data" / "name_pairs.tsv")
    parser.add_argument("--ofac", type=Path, default=OFAC)
    parser.add_argument("--errors", type=int, default=0, help="print this many misjudged held-out pairs")
    args = parser.parse_args()

    from provenance.names.matcher import THRESHOLD, score_names

    hand = [p for p in read_pairs(args.pairs) if p[3] == "hand"]  # its "ofac" rows are a test sample
    hand_dev = [p for p in hand if _dev(p[0], p[1])]
    hand_test = [p for p in hand if not _dev(p[0], p[1])]
    if (args.ofac / "sdn.csv").is_file():
        pairs = build_ofac_pairs(load_ofac(args.ofac))
        dev = [p for p in pairs if p[3] == "dev"]
        test = [p for p in pairs if p[3] == "test"]
        chosen = choose_threshold([dev, hand_dev])
        print(f"threshold chosen on the dev splits (FMR ≤ {TARGET_FMR} on each): {chosen:.2f}   shipped THRESHOLD: {THRESHOLD}")
        report("OFAC dev", dev, chosen)
        report("hand-written dev", hand_dev, chosen)
        report("OFAC held-out", test, chosen)
        report("hand-written held-out", hand_test, chosen)
        report("OFAC held-out (shipped)", test, THRESHOLD)
        if args.errors:
            wrong = [(a, b, s, score_names(a, b)) for a, b, s, _ in test if (score_names(a, b)[0] >= THRESHOLD) != s]
            for a, b, s, (score, why) in wrong[: args.errors]:
                print(f"  {'MISSED' if s else 'FALSE '} {score:.3f} {a!r} ~ {b!r}: {why}")
    else:
        print(f"({args.ofac} not found: OFAC figures skipped)")
    if WIKIDATA.is_file():
        wiki = build_wikidata_pairs()
        wdev = [p for p in wiki if p[3] == "dev"]
        wtest = [p for p in wiki if p[3] == "test"]
        report("Wikidata dev (shipped)", wdev, THRESHOLD)
        report("Wikidata held-out (shipped)", wtest, THRESHOLD)
        if (args.ofac / "sdn.csv").is_file():
            report("OFAC + Wikidata held-out (shipped)", test + wtest, THRESHOLD)
        if args.errors:
            wrong = [(a, b, s, score_names(a, b)) for a, b, s, _ in wtest if (score_names(a, b)[0] >= THRESHOLD) != s]
            for a, b, s, (score, why) in wrong[: args.errors]:
                print(f"  {'MISSED' if s else 'FALSE '} {score:.3f} {a!r} ~ {b!r}: {why}")
    report("hand-written all (shipped)", hand, THRESHOLD)
    sample = [p for p in read_pairs(args.pairs) if p[3] == "ofac"]
    if sample:
        report("committed OFAC sample (shipped)", sample, THRESHOLD)


if __name__ == "__main__":
    main()
