"""Throughput of the attributions layer alone, on the seed-like benchmark corpus.

    python benchmarks/attributions_throughput.py [--megabytes 2] [--seed 0]

Prints the time the AttributionsAnalyzer spends per megabyte (documents are
built beforehand, so segmentation is not counted) and, for comparison, a full
`check` pipeline over the same texts. One process, one core.
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
    args = parser.parse_args()

    from provenance.attributions.analyzer import AttributionsAnalyzer
    from provenance.config import Config
    from provenance.document import Document
    from provenance.pipeline import Pipeline
    from provenance.report import FileReport

    texts = list(generate(megabytes=args.megabytes, seed=args.seed))
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    docs = [Document(t, f"bench/{i:06d}.txt") for i, t in enumerate(texts)]
    pipeline = Pipeline(Config())
    layer = next(a for a in pipeline.analyzers if isinstance(a, AttributionsAnalyzer))
    layer.analyze(docs[0], FileReport(path="warm"), lambda *a, **k: None)  # lexicon loading is not per-document
    start = time.perf_counter()
    count = 0
    for doc in docs:
        report = FileReport(path=doc.path)
        layer.analyze(doc, report, lambda *a, **k: None)
        count += len(report.attributions)
    alone = time.perf_counter() - start

    start = time.perf_counter()
    pipeline.run_documents([(Document(t, f"bench/{i:06d}.txt"), f"bench/{i:06d}.txt") for i, t in enumerate(texts)])
    full = time.perf_counter() - start
    print(f"corpus: {len(texts)} articles, {size:.2f} MB, {count} attributions")
    print(f"attributions layer alone: {alone:.2f} s = {alone / size:.3f} s/MB ({size / alone:.2f} MB/s)")
    print(f"full check (all layers, documents included): {full:.2f} s = {size / full:.2f} MB/s")


if __name__ == "__main__":
    main()
