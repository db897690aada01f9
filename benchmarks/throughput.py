"""Throughput of `provenance check`, side by side with proselint on the same corpus.

    python benchmarks/throughput.py [--megabytes 5] [--runs 3] [--select CODES]

Builds a seed-like corpus (benchmarks/corpus.py), then times, as a user runs
them, `provenance check DIR --format json` with every layer and with the rules
layer alone, in one process (--jobs 1), every layer again with one process
per CPU, and `proselint check DIR` (whole commands, start-up included;
best of --runs), and the wall time of `provenance check` on one article.
Prints MB/s, articles/s and the ratios to proselint.
Targets: the rules layer >= 1 MB/s in one process and one article < 0.3 s
(issue: provenance check); every layer together >= 1 MB/s (issue: attributions).
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
        print(f"corpus: {files} seed-like articles, {mb:.2f} MB ({os.cpu_count()} CPUs; one process unless -j says otherwise)")

        ours = [tool("provenance"), "check", str(corpus), "--format", "json", "--output", str(Path(tmp) / "report.json"),
                "--fail-on", "never", "--no-cache", "--jobs", "1"]  # --no-cache: time checking, not cache hits
        if args.select:
            ours += ["--select", args.select]
        rows = [
            ("provenance (all layers)", timed(ours, args.runs)),
            ("provenance (rules)", timed(ours + ["--layers", "rules"], args.runs)),
            (f"provenance (all, -j {os.cpu_count()})", timed(ours[:-1] + [str(os.cpu_count())], args.runs)),
            ("proselint check", timed([tool("proselint"), "check", str(corpus)], args.runs)),
        ]

        one = sorted(corpus.glob("*.txt"))[0]
        single = [timed([tool("provenance"), "check", str(one), "--fail-on", "never", "--quiet", "--no-cache"], 1) for _ in range(7)]

    print(f"{'tool':<26}{'seconds':>9}{'MB/s':>9}{'articles/s':>12}{'vs proselint':>14}")
    t_theirs = rows[-1][1]
    for name, t in rows:
        print(f"{name:<26}{t:>9.2f}{mb / t:>9.2f}{files / t:>12.1f}{t_theirs / t:>13.1f}x")
    print(f"one article, provenance check wall time: median {statistics.median(single):.3f} s, best {min(single):.3f} s")
    met = lambda ok: "met" if ok else "NOT met"  # noqa: E731
    print(f"targets: rules >= 1 MB/s -> {met(mb / rows[1][1] >= 1)}; all layers >= 1 MB/s -> {met(mb / rows[0][1] >= 1)}; "
          f"one article < 0.3 s -> {met(statistics.median(single) < 0.3)}")


if __name__ == "__main__":
    main()
