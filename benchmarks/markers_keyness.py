"""Keyness of structural markers of Arabic->English translation (issue 9, art12).

    python benchmarks/markers_keyness.py [--split tuneA|tuneB|tune] [--no-gold] [--json]

A structural marker is a function-word pattern, not a topic word, that Arabic
carries into English: clause connectors calqued from حيث/كما/وذلك (", where he
said", "and that is"), the participle chain of مشيرا إلى أن (", indicating
that"), "the need to" (ضرورة), the indefinite "a number of" (عدد من), "the
two" for the dual, sentence-initial "And" (و). For each marker the script
counts matches per 1,000 words in the translated passages of the split (gold
files of benchmarks/data/artifacts-gold.jsonl) and in the two native controls
(PolNeAR train, NTREX English originals), the ratio of the translated rate to
the higher native one, Dunning's G² of the translated count against the pooled
native count (provenance.rules.mine.g2), and, unless --no-gold, how many of
the matches overlap a gold item and how many overlap a gold item that the
default pipeline does not find today (what an info rule on the marker would
add to recall by any finding). Prints counts only, never text.

The held-out split is not a choice: this is a design tool (docs/artifacts-gold.md).
Needs ../shared; prints "skipped" without it. Figures: docs/machine-translation.md.
"""

from __future__ import annotations

import argparse
import glob
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import artifacts_eval as E  # noqa: E402
from provenance.rules.mine import g2  # noqa: E402

_OPEN = r"(?:^|(?<=[.!?]\s)|(?<=\n))"  # sentence start: start of text, after . ! ? and a space, after a line break
_SPEECH = r"(?:said|added|stressed|pointed|noted|confirmed|indicated|explained|called|expressed|affirmed|considered|stated)"

# (name, the Arabic it renders, pattern); matched case-sensitively, multi-line.
MARKERS: tuple[tuple[str, str, str], ...] = (
    ("where-he-said", "حيث قال", rf",\s+where\s+(?:he|she|it|they)\s+{_SPEECH}\b"),
    ("where-clause", "حيث", r",\s+where\s+(?:he|she|it|they|the)\b"),
    ("as-he-said", "كما قال", rf",\s+as\s+(?:he|she|it|they)\s+{_SPEECH}\b"),
    ("and-that-is", "وذلك", r"\b[Aa]nd\s+(?:that|this)\s+(?:is|was)\b"),
    ("which-is-what", "وهو ما", r"\bwhich\s+is\s+what\b"),
    ("initial-And", "و", _OPEN + r"And\s"),
    ("initial-And-verb", "و + verb", _OPEN + r"And\s+[a-z]+ed\b"),
    ("initial-While", "في حين", _OPEN + r"While\s"),
    ("nominal-chain", "إضافة chain", r"\bthe\s+\w+(?:ion|ment|ity|ance|ence|ness|ing)\s+of\s+the\s+\w+\s+of\s+the\b"),
    ("abstract-generic-the", "ال generic", (r"\bthe\s+(?:terrorism|peace|security|stability|development|democracy|corruption|justice|freedom|violence|extremism)\b"
                                             r"(?!\s+(?:of|in|for|council|forces|agreement|process|committee|ministry|situation))")),
    ("a-number-of", "عدد من", r"\ba\s+number\s+of\b"),
    ("a-group-of", "مجموعة من", r"\ba\s+group\s+of\b"),
    ("the-two-dual", "dual", r"\bthe\s+two\s+(?:sides|countries|parties|ministers|presidents|leaders|states|governments|men|brothers)\b"),
    ("verb-that", "أشار/أضاف/أكد أن", r"\b(?:pointed\s+out|indicated|noted|added|stressed|confirmed|affirmed|considered|explained|stated)\s+that\b"),
    ("pronoun-speech-verb", "وأشار/وأكد", _OPEN + r"(?:He|She|It|They)\s+(?:pointed\s+out|indicated|stressed|affirmed|confirmed|explained|considered|continued)\b"),
    ("also-speech-verb", "كما أكد", r"\b(?:He|She|It)\s+also\s+(?:pointed|indicated|stressed|affirmed|confirmed)\b"),
    ("participle-that", "مشيرا إلى أن", r",\s+(?:indicating|noting|pointing\s+out|explaining|adding|considering|calling\s+for|expressing)\s+(?:that|the|his|her|its|their)\b"),
    ("calling-for", "داعيا إلى", r",\s+calling\s+(?:for|on)\b"),
    ("the-need-to", "ضرورة", r"\bthe\s+(?:necessity|need)\s+(?:of|to)\b"),
    ("the-importance-of", "أهمية", r"\bthe\s+importance\s+of\b"),
    ("in-order-to", "من أجل", r"\bin\s+order\s+to\b"),
    ("in-light-of", "في ظل/في ضوء", r"\bin\s+(?:the\s+)?light\s+of\b"),
    ("in-the-context-of", "في سياق", r"\bin\s+the\s+context\s+of\b"),
    ("for-his-part", "من جانبه", r"\b[Ff]or\s+(?:his|her|its|their)\s+part\b"),
    ("during-which", "خلالها", r",\s+(?:during|in|through)\s+which\s+(?:he|she|it|they)\b"),
    ("upon", "فور/عند", r"\bupon\b"),
    ("so-that", "بحيث", r"\bso\s+that\b"),
    ("the-fact-that", "كون", r"\bthe\s+fact\s+that\b"),
    ("stem-and-stem", "doublet", r"\b([a-z]{4,})[a-z]*\s+and\s+(?:the\s+)?\1[a-z]*\b"),
    ("preposition-calque", "من/إلى/عن", r"\b(?:complain(?:ed|s|ing)?\s+from|affiliat\w*\s+to|dealt\s+to|discuss(?:ed|es|ing)?\s+about|search(?:ed|es|ing)?\s+about|return(?:ed|s|ing)?\s+back)\b"),
)
_WORD = re.compile(r"\b\w[\w'-]*\b")


def words(text: str) -> int:
    return len(_WORD.findall(text))


def matches(pattern: str, text: str) -> list[tuple[int, int]]:
    """Spans of a marker in one text."""
    return [m.span() for m in re.finditer(pattern, text, re.M)]


def rate(count: int, n_words: int) -> float:
    return 1000 * count / n_words if n_words else 0.0


def measure(translated: dict[str, str], natives: dict[str, list[str]], gold_spans=None, missed_spans=None) -> list[dict]:
    """One row per marker. ``translated``: file -> text; ``natives``: control -> texts;
    ``gold_spans``/``missed_spans``: file -> [(start, end)] (optional)."""
    tw = sum(words(t) for t in translated.values())
    nw = {k: sum(words(t) for t in v) for k, v in natives.items()}
    rows = []
    for name, arabic, pattern in MARKERS:
        row = {"marker": name, "arabic": arabic, "translated": 0, "on_gold": 0, "on_missed": 0}
        for f, text in translated.items():
            for s, e in matches(pattern, text):
                row["translated"] += 1
                if gold_spans is not None and any(E.overlaps(a, b, s, e) for a, b in gold_spans.get(f, ())):
                    row["on_gold"] += 1
                if missed_spans is not None and any(E.overlaps(a, b, s, e) for a, b in missed_spans.get(f, ())):
                    row["on_missed"] += 1
        row["translated_per_1000"] = round(rate(row["translated"], tw), 3)
        native_total = 0
        for k, texts in natives.items():
            c = sum(len(matches(pattern, t)) for t in texts)
            native_total += c
            row[k] = c
            row[f"{k}_per_1000"] = round(rate(c, nw[k]), 3)
        floor = rate(0.5, sum(nw.values()))  # half an occurrence: the ratio of a marker native text never shows
        top = max([row[f"{k}_per_1000"] for k in natives] + [floor])
        row["ratio"] = round(row["translated_per_1000"] / top, 1)
        row["g2"] = round(g2(row["translated"], native_total, tw, sum(nw.values())), 1)
        rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=["tuneA", "tuneB", "tune"], default="tune")
    parser.add_argument("--no-gold", action="store_true", help="skip the pipeline run and the gold overlap")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not E.TRANSLATED.is_dir() or not E.POLNEAR.is_dir():
        print(f"skipped: needs {E.TRANSLATED} and {E.POLNEAR} (../shared is absent)")
        return 0
    files, gold = E.load_gold()
    names = sorted(n for n, h in files.items() if E.in_split(n, h, args.split))
    translated = {n: (E.TRANSLATED / n).read_text(encoding="utf-8") for n in names}
    natives = {
        "polnear": [Path(p).read_text(encoding="utf-8") for p in sorted(glob.glob(str(E.POLNEAR / "*.txt")))],
        "ntrex": [t for _, t in E.ntrex_articles()],
    }
    gold_spans = missed_spans = None
    if not args.no_gold:
        _, findings, _, _ = E.run_files(E.make_pipeline(), [E.TRANSLATED / n for n in names])
        by_file: dict[str, list] = {}
        for f in findings:
            by_file.setdefault(f.file, []).append(f)
        gold_spans, missed_spans = {}, {}
        for g in gold:
            if g["file"] not in translated:
                continue
            gold_spans.setdefault(g["file"], []).append((g["start"], g["end"]))
            if not any(E.overlaps(g["start"], g["end"], f.start, f.end) for f in by_file.get(g["file"], ())):
                missed_spans.setdefault(g["file"], []).append((g["start"], g["end"]))
    rows = measure(translated, natives, gold_spans, missed_spans)
    if args.json:
        print(json.dumps({"split": args.split, "files": len(names), "rows": rows}, indent=1, sort_keys=True))
        return 0
    tw = sum(words(t) for t in translated.values())
    print(f"split {args.split}: {len(names)} files, {tw} words; controls PolNeAR train, NTREX originals (per 1,000 words)")
    print(f"{'marker':<22}{'transl':>8}{'/1k':>7}{'PolNeAR':>9}{'/1k':>7}{'NTREX':>7}{'/1k':>7}{'ratio':>7}{'G2':>7}{'gold':>6}{'new':>5}")
    for r in sorted(rows, key=lambda r: -r["g2"]):
        gold_cols = "" if args.no_gold else f"{r['on_gold']:>6}{r['on_missed']:>5}"
        print(f"{r['marker']:<22}{r['translated']:>8}{r['translated_per_1000']:>7.2f}{r['polnear']:>9}{r['polnear_per_1000']:>7.3f}"
              f"{r['ntrex']:>7}{r['ntrex_per_1000']:>7.3f}{r['ratio']:>7.1f}{r['g2']:>7.1f}{gold_cols}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
