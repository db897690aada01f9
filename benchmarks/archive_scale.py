"""Archive scale: the local and the Dask engine on generated archives.

    python benchmarks/archive_scale.py [--sizes 10000,100000] [--check-sizes 10000] [--queries 100] [--work DIR]
    python benchmarks/archive_scale.py --sizes '' --check-sizes '' --recall-sizes 100000 [--recall-engines local,dask2]
    python benchmarks/archive_scale.py --lookups-only INDEX [--queries 100] [--repeat 5]

Run from the repository root, with the [dask] extra installed. For each size
it writes an archive of seed-like articles (benchmarks/corpus.py: every
paragraph is a variant of a seed paragraph, so reuse is planted everywhere),
then, each with the real command in its own process:

- ``index add`` into the SQLite index and into the Parquet index, on the local
  engine and on Dask LocalClusters of 1 and 2 workers (at sizes above 10,000
  only the 2-worker builds, to keep the run modest);
- ``check --shards`` over an archive of each of ``--check-sizes`` on the
  local engine (--jobs 1 and 2) and on Dask with 1 and 2 workers, with the
  findings compared file for file;
- with ``--index-layers rules``, the SQLite index without the names and
  attributions annotations (quicker to build at large sizes);
- the lookup latency of both indexes (what ``check --index`` does per
  article), in-process: ``--queries`` new articles (another generator seed),
  the first lookup (cold: opening the index) and the others (warm), repeated
  ``--repeat`` times (each a fresh open): min and median over all the warm
  lookups of all repeats, the open's min and median (``--lookups-only INDEX``:
  just this, on an index built before);
- ``--recall-sizes``: `provenance reuse` over a generated archive with planted
  reuse (benchmarks/corpus.py ``planted_archive``) on each of
  ``--recall-engines`` (``local``, ``dask1``, ``dask2``: a LocalCluster of 1 or
  2 workers), and the recall of the planted copies (``planted_recall``).

Wall time, and peak resident memory of the process (local) or of each worker
(Dask: ``ru_maxrss`` of every worker process, on a cluster made for the run).
"""

from __future__ import annotations

import argparse
import logging
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import article  # noqa: E402

CLI = [sys.executable, "-m", "provenance"]


def write_articles(folder: Path, count: int, seed: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"{i:07d}.txt").write_text(article(i, seed), encoding="utf-8")


def _peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


#: CPU seconds (user + system) of the last ``run``: its process, then each Dask worker.
LAST_CPU: list[float] = []


def _timed(cmd: list[str]) -> tuple[float, int]:
    """Wall time and peak resident memory (bytes) of one command (its CPU time in ``LAST_CPU``)."""
    t = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", *cmd], check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak, user, system = done.stderr.strip().splitlines()[-1].split()
    LAST_CPU[:] = [float(user) + float(system)]
    return time.perf_counter() - t, int(peak) * 1024


def run(args: list[str], workers: int | None) -> tuple[float, int, list[int]]:
    """Wall time of one command, the peak memory of its process, and of each Dask worker."""
    if workers is None:
        wall, peak = _timed(CLI + args)
        return wall, peak, []
    import distributed

    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR) as cluster:
        with distributed.Client(cluster) as client:
            wall, peak = _timed(CLI + args + ["--scheduler", cluster.scheduler_address])
            peaks = sorted(client.run(_peak_rss).values())
            LAST_CPU.extend(sorted(client.run(_cpu).values()))
    return wall, peak, peaks


def mb(peak: int, workers: list[int]) -> str:
    text = f"peak {peak / 1e6:,.0f} MB"
    return text + (f" (client), {'/'.join(f'{v / 1e6:,.0f}' for v in workers)} MB (workers)" if workers else "")


def size_of(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def lookups(index: Path, queries: list[Path], repeat: int = 3) -> str:
    from provenance.config import Config
    from provenance.document import Document
    from provenance.index.store import ArticleIndex
    from provenance.reuse.settings import ReuseSettings

    settings = ReuseSettings.from_section(Config().section("reuse"))
    docs = [(str(p), Document.from_path(p)) for p in queries]
    import pyarrow.parquet  # noqa: F401  (imported apart: an import is not the index's opening)

    colds, times, cpus, found = [], [], [], 0
    for _ in range(repeat):
        t = time.perf_counter()
        store = ArticleIndex.open(index)
        store.lookup(docs[0][1], docs[0][0], settings)
        colds.append(1000 * (time.perf_counter() - t))
        found = 0
        for display, doc in docs[1:]:
            t, c = time.perf_counter(), time.process_time()
            found += len(store.lookup(doc, display, settings))
            times.append(1000 * (time.perf_counter() - t))
            cpus.append(1000 * (time.process_time() - c))
        store.close()
    times.sort()
    # wall time, and the CPU time of this process: the steadier figure on a shared machine
    return (
        f"first (open + lookup) min {min(colds):,.0f} ms, median {statistics.median(colds):,.0f} ms; "
        f"then min {times[0]:.1f} ms, median {statistics.median(times):.1f} ms, mean {statistics.mean(times):.1f} ms, "
        f"p95 {times[int(0.95 * (len(times) - 1))]:.1f} ms; CPU min {min(cpus):.1f} ms, median {statistics.median(cpus):.1f} ms "
        f"({repeat} runs of {len(docs) - 1} articles, {found:,} passages found a run)"
    )


def recall(work: Path, size: int, engines: list[str]) -> None:
    """`provenance reuse` on a planted archive, on each engine: time, memory, planted recall."""
    import json

    from benchmarks.corpus import planted_archive, planted_recall

    folder = work / f"planted-{size}"
    folder.mkdir(parents=True)
    texts, planted = planted_archive(size)
    names = []
    for i, text in enumerate(texts):
        (folder / f"{i:07d}.txt").write_text(text, encoding="utf-8")
        names.append(str(folder / f"{i:07d}.txt"))
    del texts
    print(f"\nreuse over {size:,} planted articles ({len(planted):,} planted copies)", flush=True)
    for engine in engines:
        out = work / f"reuse-{size}-{engine}.json"
        cmd = ["reuse", str(folder), "--format", "json", "-o", str(out), "--isolated"]
        workers = None if engine == "local" else int(engine.removeprefix("dask"))
        wall, peak, peaks = run(cmd + (["--engine", "dask"] if workers else []), workers)
        result = json.loads(out.read_text(encoding="utf-8"))
        found, first_right = planted_recall(result, names, planted)
        print(
            f"  reuse      {engine:<7} {wall:7.1f} s ({1000 * wall / size:.2f} ms/article), {mb(peak, peaks)}, "
            f"CPU {' + '.join(f'{c:.1f}' for c in LAST_CPU)} s (process{', workers' if workers else ''}), "
            f"planted recall {found:.4f}, first ran right {first_right:.4f}; load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}",
            flush=True,
        )
        out.unlink()
    shutil.rmtree(folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, default=Path("/tmp/provenance-archive-bench"))
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--check-sizes", default="2000", help="Archive sizes to run check on (each its own archive).")
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--partition-size", type=int, default=500)
    parser.add_argument("--all-builds-up-to", type=int, default=10_000, help="Up to this size every build runs; above it only the 2-worker Dask builds.")
    parser.add_argument("--index-layers", help="layers = [...] for index add (e.g. 'rules': the SQLite index without names and attributions).")
    parser.add_argument("--keep", action="store_true", help="Keep the archives and indexes afterwards.")
    parser.add_argument("--repeat", type=int, default=3, help="Runs of the lookup timing (each opens the index again).")
    parser.add_argument("--lookups-only", type=Path, help="Only time lookups on this index (built before), with --queries new articles.")
    parser.add_argument("--recall-sizes", default="", help="Planted archives to run `provenance reuse` on, with the recall of the planted copies.")
    parser.add_argument("--recall-engines", default="local", help="local, dask1, dask2 (comma-separated).")
    args = parser.parse_args()
    if args.lookups_only:
        with tempfile.TemporaryDirectory() as tmp:
            queries = Path(tmp)
            write_articles(queries, args.queries, seed=1)
            print(f"lookup {args.lookups_only}: {lookups(args.lookups_only, sorted(queries.glob('*.txt')), args.repeat)}", flush=True)
        return
    work = args.work
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    config = work / "provenance.toml"
    config.write_text(f"[tool.provenance.engine]\npartition-size = {args.partition_size}\n", encoding="utf-8")
    index_config = config
    if args.index_layers:
        index_config = work / "index.toml"
        layers = ", ".join(f'"{x}"' for x in args.index_layers.split(","))
        index_config.write_text(f"layers = [{layers}]\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    queries = work / "queries"
    write_articles(queries, args.queries, seed=1)
    query_paths = sorted(queries.glob("*.txt"))
    print(f"machine: {os.cpu_count()} cores; partitions of {args.partition_size} articles", flush=True)
    for size in (int(s) for s in args.sizes.split(",") if s):
        archive = work / f"archive-{size}"
        t = time.perf_counter()
        write_articles(archive, size, seed=0)
        print(f"\n{size:,} articles ({size_of(archive) / 1e6:,.0f} MB of text, written in {time.perf_counter() - t:.0f} s)", flush=True)
        small = size <= args.all_builds_up_to
        builds = [
            ("sqlite", "local", None),
            ("sqlite", "dask", 2),
            ("parquet", "local", None),
            ("parquet", "dask", 1),
            ("parquet", "dask", 2),
        ]
        for fmt, engine, workers in builds:
            if not small and workers != 2:
                continue
            index = work / f"index-{size}-{fmt}-{engine}{workers or ''}{'.db' if fmt == 'sqlite' else ''}"
            cmd = ["index", "add", str(archive), "--index-path", str(index), "--index-format", fmt, "--config", str(index_config), "--quiet"]
            wall, peak, peaks = run(cmd + (["--engine", "dask"] if engine == "dask" else []), workers)
            where = f"dask, {workers} worker{'s' if workers > 1 else ''}" if workers else "local"
            print(
                f"  index add  {fmt:<7} {where:<17} {wall:7.1f} s ({1000 * wall / size:.2f} ms/article), {mb(peak, peaks)}, "
                f"index {size_of(index) / 1e6:,.0f} MB",
                flush=True,
            )
            if (fmt, engine, workers) in (("sqlite", "dask", 2), ("parquet", "dask", 2)):
                print(f"    lookup {fmt}: {lookups(index, query_paths, args.repeat)}", flush=True)
        if not args.keep:
            shutil.rmtree(archive)
    for size in (int(s) for s in args.check_sizes.split(",") if s):
        archive = work / f"check-{size}"
        write_articles(archive, size, seed=0)
        print(f"\ncheck over {size:,} articles ({size_of(archive) / 1e6:,.1f} MB of text)", flush=True)
        reference = None
        for label, extra, workers in (
            ("local, --jobs 1", ["--jobs", "1"], None),
            ("local, --jobs 2", ["--jobs", "2"], None),
            ("dask, 1 worker", ["--engine", "dask"], 1),
            ("dask, 2 workers", ["--engine", "dask"], 2),
        ):
            shards = work / f"shards-{size}-{label.replace(' ', '').replace(',', '-')}"
            cmd = ["check", str(archive), "--shards", str(shards), "--config", str(config), "--fail-on", "never", "--quiet", *extra]
            wall, peak, peaks = run(cmd, workers)
            joined = b"".join(p.read_bytes() for p in sorted(shards.iterdir()))
            same = "" if reference is None else ("; same findings" if joined == reference else "; FINDINGS DIFFER")
            reference = reference or joined
            print(f"  check      {label:<25} {wall:7.1f} s ({1000 * wall / size:.2f} ms/article), {mb(peak, peaks)}{same}", flush=True)
            shutil.rmtree(shards)
    for size in (int(s) for s in args.recall_sizes.split(",") if s):
        recall(work, size, args.recall_engines.split(","))
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
