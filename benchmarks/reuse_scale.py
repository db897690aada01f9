"""Scale of reuse: `provenance reuse` over growing archives (``--reuse``), and
the article index: `index add` time as the corpus grows, and the latency of
`check --index` per article against the full index.

    python benchmarks/reuse_scale.py --reuse [--corpus planted|seed] [--sizes 1000,2000,5000,10000]
    python benchmarks/reuse_scale.py [--work DIR] [--sizes 10000,30000,100000] [--queries 200]

``--reuse``: for each size, writes the archive (``planted``: generated text
with planted copies and background paragraphs, benchmarks/corpus.py
``planted_archive``; ``seed``: seed-like articles, every paragraph a variant of
a seed paragraph), runs the real command (`provenance reuse DIR --format json
-o FILE`, one process per size, so the times include start-up) and prints its
wall time, CPU time, time per article, peak RSS (the child's ru_maxrss, from
os.wait4) and, for ``planted``, the recall of the planted copies and the share
of found copies whose first run is the source article or an earlier one.

Run from the repository root. Writes seed-like articles (benchmarks/corpus.py)
under DIR in one folder per step, adds each folder with the real command
(`provenance index add`, one process per step, so the times include start-up),
and prints the cumulative time at each size. Then it checks `--queries` new
articles (another generator seed: every paragraph is a variant of a seed
paragraph, so every lookup finds something) against the full index: the
lookup time per article measured in-process, and the wall time per article of
`provenance check --index` over all of them, with and without `--index`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import article  # noqa: E402

CLI = [sys.executable, "-m", "provenance"]


def write_articles(folder: Path, start: int, stop: int, seed: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, stop):
        (folder / f"{i:06d}.txt").write_text(article(i, seed), encoding="utf-8")


def run(args: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(CLI + args, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def reuse_scale(work: Path, sizes: list[int], corpus: str) -> None:
    import json

    from benchmarks.corpus import planted_archive, planted_recall

    print(f"provenance reuse, {corpus} archive, one process per size, machine: {os.cpu_count()} cores (shared)")
    first = None
    for size in sizes:
        folder = work / f"{corpus}-{size:06d}"
        folder.mkdir(parents=True)
        planted = None
        if corpus == "planted":
            texts, planted = planted_archive(size)
        else:
            texts = [article(i, 0) for i in range(size)]
        names = []
        for i, text in enumerate(texts):
            (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
            names.append(str(folder / f"{i:06d}.txt"))
        del texts
        out = work / f"reuse-{size}.json"
        t = time.perf_counter()
        child = subprocess.Popen(CLI + ["reuse", str(folder), "--format", "json", "-o", str(out), "--isolated"], cwd=ROOT, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - t
        if status != 0:
            raise SystemExit(f"provenance reuse failed on {size} articles (status {status})")
        cpu = usage.ru_utime + usage.ru_stime
        result = json.loads(out.read_text(encoding="utf-8"))
        line = (
            f"  {size:>6,} articles: wall {wall:7.1f} s, CPU {cpu:7.1f} s, {1000 * cpu / size:5.1f} ms CPU/article, "
            f"peak RSS {usage.ru_maxrss / 1024:6,.0f} MB, {result['summary']['passages']:,} passages, "
            f"{len(result['boilerplate'])} boilerplate groups, {len(result['pairs']):,} pairs"
        )
        if planted is not None:
            recall, first_right = planted_recall(result, names, planted)
            line += f", planted recall {recall:.4f} ({len(planted):,} copies), first ran right {first_right:.4f}"
        first = first or cpu / size
        print(line + f", {cpu / size / first:.2f}x the first size per article", flush=True)
        shutil.rmtree(folder)
        out.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, default=Path("/tmp/provenance-reuse-bench"))
    parser.add_argument("--sizes", default=None)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--reuse", action="store_true", help="Time `provenance reuse` instead of the index.")
    parser.add_argument("--corpus", choices=("planted", "seed"), default="planted")
    parser.add_argument("--keep", action="store_true", help="Keep the corpus and the index afterwards.")
    args = parser.parse_args()
    if args.reuse:
        if args.work.exists():
            shutil.rmtree(args.work)
        reuse_scale(args.work, [int(s) for s in (args.sizes or "1000,2000,5000,10000").split(",")], args.corpus)
        return
    sizes = [int(s) for s in (args.sizes or "10000,30000,100000").split(",")]
    work = args.work
    if work.exists():
        shutil.rmtree(work)
    index = work / "index.db"

    print(f"index add, cumulative (one `provenance index add` per step), machine: {os.cpu_count()} cores")
    total, done = 0.0, 0
    for size in sizes:
        folder = work / f"corpus-{done:06d}-{size:06d}"
        t = time.perf_counter()
        write_articles(folder, done, size, seed=0)
        made = time.perf_counter() - t
        step = run(["index", "add", str(folder), "--index-path", str(index), "--quiet"])
        total += step
        rate = (size - done) / step
        print(
            f"  {size:>7,} articles: {total:8.1f} s total, this step {step:7.1f} s for {size - done:,} "
            f"({rate:,.0f} articles/s, {1000 * step / (size - done):.2f} ms/article; corpus written in {made:.0f} s)",
            flush=True,
        )
        done = size
    size_mb = sum(p.stat().st_size for p in work.glob("index.db*")) / 1e6
    print(f"  index file: {size_mb:,.0f} MB for {done:,} articles")

    queries = work / "queries"
    write_articles(queries, 0, args.queries, seed=1)
    paths = sorted(queries.glob("*.txt"))

    from provenance.config import Config
    from provenance.document import Document
    from provenance.index.store import ArticleIndex
    from provenance.reuse.settings import ReuseSettings

    store = ArticleIndex.open(index)
    settings = ReuseSettings.from_section(Config().section("reuse"))
    docs = [(str(p), Document.from_path(p)) for p in paths]
    store.lookup(docs[0][1], docs[0][0], settings)  # first query pays for imports and the signer
    times, found = [], 0
    for display, doc in docs:
        t = time.perf_counter()
        found += len(store.lookup(doc, display, settings))
        times.append(1000 * (time.perf_counter() - t))
    store.close()
    times.sort()
    print(
        f"lookup per article against {done:,} articles ({len(docs)} new articles, {found:,} passages found): "
        f"mean {statistics.mean(times):.1f} ms, median {statistics.median(times):.1f} ms, "
        f"p95 {times[int(0.95 * (len(times) - 1))]:.1f} ms, max {times[-1]:.1f} ms"
    )
    with_index = run(["check", str(queries), "--index", "--index-path", str(index), "--format", "json", "-o", str(work / "report.json"), "--fail-on", "never"])
    without = run(["check", str(queries), "--format", "json", "-o", str(work / "report.json"), "--fail-on", "never"])
    n = len(paths)
    print(
        f"provenance check over {n} articles: {1000 * with_index / n:.1f} ms/article with --index, "
        f"{1000 * without / n:.1f} ms/article without (whole command, start-up included: {with_index:.1f} s and {without:.1f} s)"
    )
    one = run(["check", str(paths[0]), "--index", "--index-path", str(index), "-q", "--fail-on", "never"])
    print(f"one article, whole command (cold process): {one:.2f} s")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
