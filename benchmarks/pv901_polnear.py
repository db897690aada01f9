"""PV901 (quotation with no speaker) against PolNeAR: each finding and what the gold says of it.

    python benchmarks/pv901_polnear.py [--split train|dev] [--limit N] [--list]

Reads ../shared/data/polnear/{split}/{text,attributions} (skips cleanly, exit 0,
when it is absent) and runs the same pipeline as ``attributions_polnear.py``.
Prints file:offset:verdict for each finding with ``--list`` (no text: the
articles are not redistributed), then the counts.

What a true PV901 is, read off PolNeAR's gold (``verdict``): a quotation of
four or more words that opens a paragraph and that no gold attribution with
a Source covers. Its gold is one of
  - "no-source": it lies in the Content of an attribution that has no Source
    (the annotators found the words cited but nobody to cite them to);
  - "no-attribution": no Content covers it (an unattributed pull quote, a
    slogan, words the annotators did not attribute);
and a finding is wrong ("has-source") when a gold attribution with a Source
covers it: its speaker is named somewhere, and PV901 missed it. This is the
scorer's PV901 precision (``attributions_polnear.score``). The candidates
(every paragraph-opening quotation with no gold Source) give the recall.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import attributions_polnear as ap  # noqa: E402

#: The quotations PV901 looks at (the rule's own pattern and word count, provenance/attributions/analyzer.py).
from provenance.attributions.analyzer import _QUOTATION, _WORD, QUOTE_MIN_WORDS  # noqa: E402


def verdict(text: str, gold: list[ap.GoldAttr], span: tuple[int, int]) -> str:
    """What PolNeAR's gold says of a quotation span: has-source, no-source or no-attribution."""
    if ap.overlaps(span, [f for g in gold if g.source for f in g.content]):
        return "has-source"
    if ap.overlaps(span, [f for g in gold for f in g.content]):
        return "no-source"
    return "no-attribution"


def candidates(text: str, gold: list[ap.GoldAttr]) -> list[tuple[int, int]]:
    """Paragraph-opening quotations of QUOTE_MIN_WORDS words or more that no gold Source covers."""
    out = []
    for m in _QUOTATION.finditer(text):
        if len(_WORD.findall(m.group())) < QUOTE_MIN_WORDS:
            continue
        line = text.rfind("\n", 0, m.start()) + 1
        if text[line : m.start()].strip():
            continue
        if verdict(text, gold, m.span()) != "has-source":
            out.append(m.span())
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=["train", "dev"], default="train")
    parser.add_argument("--limit", type=int, default=None, help="first N articles")
    parser.add_argument("--list", action="store_true", help="list each finding as file:offset:verdict")
    args = parser.parse_args(argv)
    if not (ap.POLNEAR / args.split / "text").is_dir():
        print(f"skipped: needs {ap.POLNEAR} (PolNeAR is not redistributed)")
        return 0
    from provenance.document import Document

    pipe = ap.pipeline()
    print("signature:", ap.signature(pipe))
    verdicts: Counter = Counter()
    wanted = found = 0
    for name, text, gold in ap.articles(args.split, args.limit):
        report, _ = pipe.analyze(Document(text, f"polnear/{name}.txt"))
        spans = [(f.start, f.end) for f in report.findings if f.rule == "PV901"]
        for span in spans:
            v = verdict(text, gold, span)
            verdicts[v] += 1
            if args.list:
                print(f"   {name}:{span[0]}:{v}")
        want = candidates(text, gold)
        wanted += len(want)
        found += sum(1 for c in want if ap.overlaps(c, spans))
    n = sum(verdicts.values())
    right = n - verdicts["has-source"]
    print(f"{args.split} PV901 findings {n}: right {right} (no-source {verdicts['no-source']}, "
          f"no-attribution {verdicts['no-attribution']}), has-source {verdicts['has-source']}; "
          f"precision {right / n if n else 0.0:.3f}; candidates {wanted}, found {found}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
