"""Throughput of `provenance check` with the name layer, with and without a
10,000-entry glossary.

    python benchmarks/names_throughput.py [--megabytes 5] [--entries 10000]

Generates a seed-like corpus (benchmarks/corpus.py) and a glossary of
realistic names (Arabic and English given names and family names, each entry
with one to three transliteration variants and an Arabic source form), then
prints:

- MB/s of the whole `provenance check` command in one process (a
  subprocess, start-up and glossary loading included) with the default
  glossary and with the big one, the big one both cold (parsed) and warm
  (from the cache), with every layer and with the names layer alone;
- MB/s of the name layer alone (NamesAnalyzer.analyze on documents built
  beforehand), default and big glossary;
- the time to load the big glossary, parsed and cached.

Run it from the repository root.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SURNAMES = """
Haddad Khoury Nasser Saleh Hamdan Barakat Mansour Khalil Darwish Qassem Najjar Shami Masri Halabi
Tamimi Zoabi Abbasi Othman Jaber Sabbagh Karam Hijazi Saadeh Awad Farhat Ghanem Hamad Hussein Khatib
Maalouf Nassar Obeid Rahal Sayegh Shaheen Tannous Yassin Zaki Bishara Dabbagh Fakhoury Ghoul Haddadin
Issa Jabbour Kanaan Labib Mikhail Nimer Qasim Rizk Salem Tawil Yunis Zayed Abboud Bitar Daher Fares
Ghazal Habib Idris Jarrar Kassab Lahham Mousa Nakhleh Odeh Qaddoumi Rashid Sarraf Toukan Wakim Zureik
Ashrawi Barghouti Dajani Erekat Husseini Jibril Kurd Mustafa Nashashibi Qurei Shaath Tarifi Zahar
Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin Jackson
Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Green Baker Adams Nelson
Cohen Levi Mizrahi Peretz Biton Friedman Katz Azoulay Dahan Avraham Shapiro Goldberg Ben-David Amar
""".split()
FIRST_EN = """
James John Robert Michael William David Richard Joseph Thomas Charles Mary Patricia Jennifer Linda
Elizabeth Barbara Susan Jessica Sarah Karen Daniel Matthew Anthony Mark Donald Steven Paul Andrew
Joshua Kenneth Kevin Brian George Edward Ronald Timothy Jason Jeffrey Ryan Jacob Gary Nicholas Eric
Yossi Avi Moshe Yaakov Eli Noa Tamar Yael Shira Itai Omer Gil Ronen Amit Ido Nir Uri
""".split()
_SWAPS = [("Mohammed", "Muhammad"), ("Ahmed", "Ahmad"), ("ou", "u"), ("ee", "i"), ("ei", "ay"), ("Kh", "Ch"),
          ("q", "k"), ("ss", "s"), ("Yousef", "Youssef"), ("Hussein", "Husayn"), ("Abdul", "Abdel"), ("a", "e")]


def given_names() -> list[str]:
    from provenance.names.given_names import GROUPS

    return sorted({s.capitalize() for spellings in GROUPS.values() for s in spellings if "'" not in s}) + FIRST_EN


def variants_of(name: str, rng: random.Random, n: int) -> list[str]:
    out = []
    for a, b in rng.sample(_SWAPS, len(_SWAPS)):
        if a in name:
            v = name.replace(a, b, 1)
            if v != name and v not in out:
                out.append(v)
        if len(out) >= n:
            break
    if len(out) < n:
        parts = name.split()
        out.append(f"{parts[0]} al-{parts[-1]}")
    return out[:n]


def big_glossary(path: Path, entries: int, seed: int = 0) -> int:
    """A YAML glossary of ``entries`` realistic names; returns the number written."""
    from provenance.names.glossary import load

    rng = random.Random(seed)
    firsts, lasts = given_names(), SURNAMES
    used: set[str] = set(load(use_cache=False).forms)  # no clash with the default glossary
    lines = ["description: Benchmark glossary of generated names.", "entries:"]
    written = 0
    attempts = 0
    while written < entries and attempts < entries * 20:
        attempts += 1
        first, last = rng.choice(firsts), rng.choice(lasts)
        middle = rng.choice(firsts) + " " if rng.random() < 0.3 else ""
        canonical = f"{first} {middle}{last}"
        forms = [canonical] + variants_of(canonical, rng, rng.randint(1, 3))
        keys = {f.casefold() for f in forms}
        if len(keys) != len(forms) or keys & used:
            continue
        used |= keys
        written += 1
        kind = rng.random()
        etype = "person" if kind < 0.8 else ("organization" if kind < 0.9 else "place")
        lines += [f"  - id: e{written:05d}", f"    type: {etype}", f"    canonical: {canonical}", "    variants:"]
        for v in forms[1:]:
            lines += [f"      - form: {v}", f"        status: {rng.choice(['admitted', 'deprecated', 'forbidden'])}", "        kind: transliteration"]
        lines += ["    source_forms:", "      - form: اسم", "        lang: ar"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return written


def run_check(corpus: Path, extra: list[str], env: dict[str, str]) -> float:
    exe = Path(sys.executable).with_name("provenance")
    cmd = [str(exe), "check", str(corpus), "--format", "json", "--fail-on", "never", "--output", str(corpus.parent / "report.json"), "--isolated", "--jobs", "1", "--no-cache", *extra]  # --no-cache: measure checking, not the result cache
    t = time.perf_counter()
    subprocess.run(cmd, check=True, env=env)
    return time.perf_counter() - t


def layer_rate(docs, glossary_paths: list[Path], size: int) -> float:
    from provenance.analyzers import Emitter
    from provenance.config import Config
    from provenance.names.analyzer import NamesAnalyzer
    from provenance.report import FileReport
    from provenance.rules import RuleSet

    config = Config(glossaries=[str(p) for p in glossary_paths])
    ruleset = RuleSet.load(select=["PV8"])
    layer = NamesAnalyzer(config, ruleset)
    t = time.perf_counter()
    for doc in docs:
        report = FileReport(path=doc.path)
        layer.analyze(doc, report, Emitter(doc, report, ruleset))
    return size / 1e6 / (time.perf_counter() - t)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--entries", type=int, default=10_000)
    args = parser.parse_args()

    from benchmarks.corpus import write
    from provenance.document import Document
    from provenance.names import glossary as G

    work = Path(tempfile.mkdtemp(prefix="provenance-names-bench-"))
    try:
        corpus = work / "corpus"
        files, size = write(corpus, megabytes=args.megabytes)
        big = work / "big.yaml"
        n = big_glossary(big, args.entries)
        print(f"corpus: {files} articles, {size / 1e6:.2f} MB; glossary: {n} entries, {big.stat().st_size / 1e6:.2f} MB of YAML")

        t = time.perf_counter()
        G.load([big], use_cache=False)
        parsed = time.perf_counter() - t
        cache = work / "cache"
        os.environ["XDG_CACHE_HOME"] = str(cache)
        G.load([big])  # fills the cache
        t = time.perf_counter()
        g = G.load([big])
        cached = time.perf_counter() - t
        t = time.perf_counter()
        g.automaton()
        built = time.perf_counter() - t
        print(f"big glossary load: parsed {parsed:.2f} s, from cache {cached:.3f} s; Aho-Corasick automaton {built:.3f} s")

        env = dict(os.environ, XDG_CACHE_HOME=str(cache))
        cold_env = dict(env, PROVENANCE_NO_CACHE="1")
        rows = [
            ("default glossary", [], env),
            ("+10k glossary, cold (no cache)", ["--glossary", str(big)], cold_env),
            ("+10k glossary, cached", ["--glossary", str(big)], env),
            ("names layer only, default", ["--layers", "names"], env),
            ("names layer only, +10k cached", ["--layers", "names", "--glossary", str(big)], env),
        ]
        for label, extra, e in rows:
            secs = run_check(corpus, extra, e)
            print(f"provenance check, {label:<32} {size / 1e6 / secs:6.2f} MB/s  ({secs:.2f} s)")

        docs = [Document.from_path(p) for p in sorted(corpus.glob("*.txt"))]
        print(f"name layer alone, default glossary:         {layer_rate(docs, [], size):6.2f} MB/s")
        print(f"name layer alone, +10k glossary:            {layer_rate(docs, [big], size):6.2f} MB/s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
