"""benchmarks/markers_keyness.py: marker counts, rates and gold overlap on invented texts."""

from __future__ import annotations

from benchmarks.markers_keyness import MARKERS, matches, measure


def row(rows, name):
    return next(r for r in rows if r["marker"] == name)


def test_rates_ratio_and_gold_overlap_on_invented_texts():
    translated = {
        "a.txt": "The minister stressed that the port would open, indicating that a number of cranes were ready.",
        "b.txt": "He affirmed the need to widen the road in order to let a number of trucks pass.",
    }
    natives = {"polnear": ["The mayor said the bridge would open in May. Officials agreed."], "ntrex": ["Rain fell on Sunday."]}
    start = translated["a.txt"].index("a number of")
    gold = {"a.txt": [(start, start + len("a number of"))]}
    rows = measure(translated, natives, gold_spans=gold, missed_spans={})
    n = row(rows, "a-number-of")
    assert n["translated"] == 2 and n["polnear"] == 0 and n["ntrex"] == 0
    assert n["on_gold"] == 1 and n["on_missed"] == 0
    assert n["ratio"] > 1 and n["g2"] > 0
    assert row(rows, "verb-that")["translated"] == 1  # "stressed that"
    assert row(rows, "participle-that")["translated"] == 1  # ", indicating that"
    assert row(rows, "the-need-to")["translated"] == 1 and row(rows, "in-order-to")["translated"] == 1
    assert row(rows, "where-he-said")["translated"] == 0


def test_every_marker_compiles_and_sentence_start_markers_need_a_sentence_start():
    for name, _, pattern in MARKERS:
        assert isinstance(matches(pattern, "Plain text."), list), name
    pattern = dict((n, p) for n, _, p in MARKERS)["initial-And"]
    assert matches(pattern, "The board met. And the port opened.") and not matches(pattern, "Bread And butter.")
