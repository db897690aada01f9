"""Glossary commands at scale: import a generated TBX of N entries, load the
glossary, load it twice (duplicate ids), one `glossary add`, wall time of each
(one process per step, cache off).

    python benchmarks/glossary_scale.py [--entries 50000]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def synthetic_entries(n: int, seed: int = 0):
    """N made-up people with two variants and an Arabic source form each."""
    from provenance.names.glossary import Entry, SourceForm, Variant

    rng = random.Random(seed)
    syllables = ["ka", "ri", "mo", "sa", "le", "du", "na", "ba", "hi", "zo", "fe", "tu", "gan", "dor", "vel"]
    entries = []
    for i in range(n):
        first = "".join(rng.choice(syllables) for _ in range(2)).capitalize()
        last = "".join(rng.choice(syllables) for _ in range(3)).capitalize()
        canonical = f"{first} {last} {i}"
        entries.append(
            Entry(
                id=f"person-{i}",
                type="person",
                canonical=canonical,
                variants=(Variant(f"{first} el-{last} {i}", "admitted", "transliteration"), Variant(f"{first[0]}. {last} {i}", "deprecated")),
                source_forms=(SourceForm("\u0633\u0627\u0645\u064a " + str(i), "ar"),),
            )
        )
    return entries


def step(args: list[str], cwd: Path) -> tuple[float, int, str]:
    env = {**os.environ, "PROVENANCE_NO_CACHE": "1", "PYTHONPATH": str(ROOT)}
    t = time.perf_counter()
    try:
        r = subprocess.run([sys.executable, "-m", "provenance", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    except subprocess.TimeoutExpired:
        return time.perf_counter() - t, -1, "timed out after 900 s"
    return time.perf_counter() - t, r.returncode, r.stderr.strip().splitlines()[-1] if r.stderr.strip() else ""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=50_000)
    a = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from provenance.names.tbx import export

    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        (d / "big.tbx").write_text(export(synthetic_entries(a.entries)), encoding="utf-8")
        (d / "a.txt").write_text("Karimo Sabadu 12 said on Monday that the talks would go on.\n", encoding="utf-8")
        (d / "provenance.toml").write_text('glossaries = ["big.yaml"]\n', encoding="utf-8")
        print(f"{a.entries} entries, TBX {(d / 'big.tbx').stat().st_size / 1e6:.1f} MB")
        steps = [
            ("glossary import", ["glossary", "import", "big.tbx", "--file", "big.yaml"]),
            ("glossary import again (all known)", ["glossary", "import", "big.tbx", "--file", "big.yaml"]),
            ("check with the glossary", ["check", "a.txt", "--fail-on", "never"]),
            ("check, the same file given twice", ["check", "a.txt", "--glossary", "big.yaml", "--fail-on", "never"]),
            ("check, a copy: every id twice", ["check", "a.txt", "--glossary", "copy.yaml", "--fail-on", "never"]),
            ("glossary add", ["glossary", "add", "zz-new-person", "--canonical", "Zed Newman", "--type", "person"]),
            ("glossary add --variant (existing entry)", ["glossary", "add", "person-7", "--variant", "P. Seven"]),
            ("glossary add --source-form (existing)", ["glossary", "add", "person-8", "--source-form", "\u0633\u0627\u0645\u064a \u062b"]),
            ("glossary remove ID --variant", ["glossary", "remove", "person-7", "--variant", "P. Seven"]),
            ("glossary remove ID", ["glossary", "remove", "person-9"]),
        ]
        for name, args in steps:
            if name.startswith("check, a copy"):
                (d / "copy.yaml").write_bytes((d / "big.yaml").read_bytes())
            seconds, code, last = step(args, d)
            print(f"{name:36s} {seconds:7.2f} s  exit {code}  {last[:100]}")


if __name__ == "__main__":
    main()
