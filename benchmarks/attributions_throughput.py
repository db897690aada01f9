"""Throughput of the attributions layer alone, on the seed-like benchmark corpus.

    python benchmarks/attributions_throughput.py [--megabytes 2] [--seed 0] [--passes N] [--document-sets N] [--layer-only]

Prints the time the AttributionsAnalyzer spends per megabyte (documents are
built beforehand, so segmentation is not counted) and, for comparison, a full
`check` pipeline over the same texts. One process, one core.

Instruction counts of the layer alone: run it under
``valgrind --tool=cachegrind`` with ``--layer-only --document-sets 3`` and
``--passes 1``, then ``--passes 3`` (and a fixed PYTHONHASHSEED); half the
difference is one pass. Both runs build the same documents before the first
pass, so the difference holds no document construction (segmentation,
credit lines): a pass that builds its documents counts them as the layer's.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import generate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=2.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--passes", type=int, default=1, help="passes of the layer, each over its own documents built beforehand")
    parser.add_argument("--document-sets", type=int, default=1, help="sets of documents built beforehand (at least --passes)")
    parser.add_argument("--layer-only", action="store_true", help="skip the full check")
    args = parser.parse_args()

    from provenance.attributions import chains, memo
    from provenance.attributions.analyzer import AttributionsAnalyzer
    from provenance.config import Config
    from provenance.document import Document
    from provenance.pipeline import Pipeline
    from provenance.report import FileReport

    texts = list(generate(megabytes=args.megabytes, seed=args.seed))
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    passes = max(1, args.passes)
    sets = [[Document(t, f"bench/{i:06d}.txt") for i, t in enumerate(texts)] for _ in range(max(passes, args.document_sets))]
    pipeline = Pipeline(Config())
    layer = next(a for a in pipeline.analyzers if isinstance(a, AttributionsAnalyzer))
    layer.analyze(Document(texts[0], "warm.txt"), FileReport(path="warm"), lambda *a, **k: None)  # lexicon loading is not per-document
    alone = float("inf")
    for docs in sets[:passes]:
        memo.clear()  # each pass as the first: nothing kept from an earlier pass
        chains.soundex.cache_clear()
        start = time.perf_counter()
        count = 0
        for doc in docs:
            report = FileReport(path=doc.path)
            layer.analyze(doc, report, lambda *a, **k: None)
            count += len(report.attributions)
        alone = min(alone, time.perf_counter() - start)
    print(f"corpus: {len(texts)} articles, {size:.2f} MB, {count} attributions")
    print(f"attributions layer alone{' (best pass)' if passes > 1 else ''}: {alone:.2f} s = {alone / size:.3f} s/MB ({size / alone:.2f} MB/s)")
    if args.layer_only:
        return

    start = time.perf_counter()
    pipeline.run_documents([(Document(t, f"bench/{i:06d}.txt"), f"bench/{i:06d}.txt") for i, t in enumerate(texts)])
    full = time.perf_counter() - start
    print(f"full check (all layers, documents included): {full:.2f} s = {size / full:.2f} MB/s")


if __name__ == "__main__":
    main()
