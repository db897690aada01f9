"""Peak memory of `provenance check` (resource.getrusage of the child process):
5, 10 and 20 MB directories of generated articles and one 50 MB file, text
and JSON output (written to a temporary file).

    python benchmarks/memory.py [--sizes 5,10,20] [--single 50] [--formats text,json]

The corpus is generated as benchmarks/corpus.py does (seed articles varied).
Target: under 300 MB and flat from 5 to 20 MB; the 50 MB file under 1 GB.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def peak_rss_mb(args: list[str], cwd: Path, out: Path) -> tuple[float, float, int]:
    """(peak RSS in MB, seconds, exit code) of one check in a child process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    code = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "with open(sys.argv[1], 'wb') as out:\n"
        "    rc = subprocess.call(sys.argv[2:], stdout=out)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.perf_counter() - t, rc)\n"
    )
    r = subprocess.run([sys.executable, "-c", code, str(out), sys.executable, "-m", "provenance", *args], cwd=cwd, env=env, capture_output=True, text=True)
    kb, seconds, rc = r.stdout.split()
    return int(kb) / 1024, float(seconds), int(rc)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="5,10,20", help="directory sizes in MB")
    ap.add_argument("--single", type=float, default=50, help="size of the single file in MB (0: none)")
    ap.add_argument("--formats", default="text,json")
    ap.add_argument("--jobs", type=int, default=1)
    a = ap.parse_args()
    from benchmarks.corpus import write

    formats = a.formats.split(",")
    with tempfile.TemporaryDirectory(prefix="provenance-memory-") as tmp:
        base = Path(tmp)
        cases: list[tuple[str, list[str]]] = []
        for size in [float(s) for s in a.sizes.split(",") if s]:
            d = base / f"dir{size:g}"
            write(d, megabytes=size)
            cases.append((f"{size:g} MB directory ({len(list(d.iterdir()))} files)", [str(d)]))
        if a.single:
            d = base / "single"
            write(d, megabytes=a.single)
            big = base / "single.txt"
            with big.open("w", encoding="utf-8") as fh:
                for f in sorted(d.iterdir()):
                    fh.write(f.read_text(encoding="utf-8") + "\n")
            cases.append((f"{a.single:g} MB single file", [str(big)]))
        for name, paths in cases:
            for fmt in formats:
                mb, seconds, rc = peak_rss_mb(["check", *paths, "-f", fmt, "--fail-on", "never", "--jobs", str(a.jobs), "--no-cache"], base, base / f"out.{fmt}")
                print(f"{name:34s} {fmt:5s} peak RSS {mb:7.0f} MB  {seconds:6.1f} s  exit {rc}", flush=True)


if __name__ == "__main__":
    main()
