"""The source-aware rules on real NTREX-128 pairs (../shared/data/ntrex; skipped when absent).

A few held-out (odd-indexed) articles per language, rebuilt as the benchmark
does: every finding's spans are exact in both texts, clean pairs stay under a
loose false-finding rate, and a changed number or weekday is found.
"""

from __future__ import annotations

import random

import pytest

from tests.conftest import ROOT

NTREX = ROOT.parent / "shared" / "data" / "ntrex"
pytestmark = pytest.mark.skipif(not (NTREX / "DOCUMENT_IDS.tsv").is_file(), reason="../shared/data/ntrex is absent")


@pytest.fixture(scope="module")
def bench():
    from benchmarks import source_inject

    return source_inject


@pytest.mark.parametrize("code,lang", [("arb", "ar"), ("rus", "ru"), ("zho-CN", "zh"), ("hin", "hi")])
def test_held_out_pairs(bench, code, lang):
    from benchmarks.source_aware import articles, build, grouping

    arts, en_all = articles(NTREX)
    src_all = NTREX.joinpath(f"newstest2019-ref.{code}.txt").read_text("utf-8").split("\n")
    pipeline = bench._pipeline(bench.SOURCE_RULES)
    words = false = tried = found = 0
    for a in range(1, 25, 2):
        idx = [k for k in arts[a] if en_all[k].strip() and src_all[k].strip()]
        groups = grouping(len(idx), seed=a)
        en = [en_all[k].strip() for k in idx]
        src = [src_all[k].strip() for k in idx]
        s_text, s_spans = build(src, groups)
        e_text, _ = build(en, groups)
        report, doc = bench._findings(pipeline, s_text, e_text, lang)
        for f in report.findings:
            assert e_text[f.start : f.end] == f.text and s_text[f.source_start : f.source_end] == f.source_text
        words += doc.word_count()
        false += len(report.findings)
        for kind in ("number", "weekday"):
            done = bench.inject(kind, en, src, lang, random.Random(f"{lang}:{a}:{kind}"), [])
            if done is None:
                continue
            new, k = done
            text, spans = bench._text(new, groups)
            rep, _ = bench._findings(pipeline, s_text, text, lang)
            tried += 1
            found += bench.found(kind, rep, k, spans, s_spans)
    assert false * 1000 / words < 8, f"{false} false findings in {words} words"
    assert tried >= 5 and found / tried >= 0.8, f"found {found} of {tried}"
