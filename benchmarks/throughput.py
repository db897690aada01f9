"""Throughput of `provenance check`, side by side with proselint on the same corpus.

    python benchmarks/throughput.py [--megabytes 5] [--runs 3] [--select CODES]

Builds a seed-like corpus (benchmarks/corpus.py), then times, as a user runs
them, `provenance check DIR --format json` and `proselint check DIR` (both
whole commands, start-up included; best of --runs), and the wall time of
`provenance check` on one article. Prints MB/s, articles/s and the ratio.
Targets (issue: provenance check): >= 1 MB/s in one process; one article < 0.3 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import write  # noqa: E402

BIN = Path(sys.executable).parent


def timed(cmd: list[str], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd[:3])}… failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
        best = min(best, elapsed)
    return best


def tool(name: str) -> str:
    path = BIN / name
    return str(path) if path.exists() else (shutil.which(name) or name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--select", help="only these rules for provenance (e.g. to time one layer)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="provenance-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        files, size = write(corpus, megabytes=args.megabytes)
        mb = size / 1e6
        print(f"corpus: {files} seed-like articles, {mb:.2f} MB ({os.cpu_count()} CPUs, one process each)")

        ours = [tool("provenance"), "check", str(corpus), "--format", "json", "--output", os.devnull, "--fail-on", "never"]
        if args.select:
            ours += ["--select", args.select]
        t_ours = timed(ours, args.runs)
        t_theirs = timed([tool("proselint"), "check", str(corpus)], args.runs)

        one = sorted(corpus.glob("*.txt"))[0]
        single = [timed([tool("provenance"), "check", str(one), "--fail-on", "never", "--quiet"], 1) for _ in range(7)]

    print(f"{'tool':<22}{'seconds':>9}{'MB/s':>9}{'articles/s':>12}")
    for name, t in (("provenance check", t_ours), ("proselint check", t_theirs)):
        print(f"{name:<22}{t:>9.2f}{mb / t:>9.2f}{files / t:>12.1f}")
    print(f"ratio: provenance is {t_theirs / t_ours:.1f}x the throughput of proselint")
    print(f"one article, provenance check wall time: median {statistics.median(single):.3f} s, best {min(single):.3f} s")
    print(f"targets: >= 1 MB/s -> {'met' if mb / t_ours >= 1 else 'NOT met'}; one article < 0.3 s -> "
          f"{'met' if statistics.median(single) < 0.3 else 'NOT met'}")


if __name__ == "__main__":
    main()
