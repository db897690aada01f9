"""Shapes of the gold doublets, by split, and which the pipeline finds (issue 9, art14).

    python benchmarks/doublet_shapes.py

For every `doublet` item of benchmarks/data/artifacts-gold.jsonl it classifies
the needle by shape (counts only, never text: the held-out passages are not
read) and says whether a finding of the default pipeline overlaps it:

- `x-conj-x`: one word or phrase, the same on both sides of "and"/"or";
- `x-conj-x'`: the two sides share a content word but differ (a determiner, an
  inflection, a word);
- `x-conj-y`: "and"/"or" joins two different words (near-synonyms);
- `repeat-no-conj`: a word recurs in the needle with no conjunction (a verb or
  a phrase said twice in one clause);
- `juxtaposed`: no conjunction and no repeated word: two near-synonyms side
  by side ("cabinet cabin"), which only a synonym lexicon would tell.

Needs ../shared; prints "skipped" without it.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import artifacts_eval as E  # noqa: E402

_WORD = re.compile(r"[\w'\u2019-]+")
_FUNCTION = {"the", "a", "an", "of", "to", "in", "on", "for", "and", "or"}


def shape(needle: str) -> str:
    words = [w.lower() for w in _WORD.findall(needle)]
    if any(w in ("and", "or") for w in words):
        i = next(k for k, w in enumerate(words) if w in ("and", "or"))
        left, right = words[:i], words[i + 1 :]
        if left and left == right:
            return "x-conj-x"
        if (set(left) & set(right)) - _FUNCTION:
            return "x-conj-x'"
        return "x-conj-y"
    return "repeat-no-conj" if len(words) != len(set(words)) else "juxtaposed"


def split_of(name: str) -> str:
    n = E.file_number(name)
    return "heldout" if n % 4 == 0 else ("tuneA" if n % 2 else "tuneB")


def main() -> int:
    if not E.TRANSLATED.is_dir():
        print(f"skipped: needs {E.TRANSLATED} (../shared is absent)")
        return 0
    from provenance.document import Document

    _, gold = E.load_gold()
    items = [g for g in gold if g["category"] == "doublet"]
    names = sorted({g["file"] for g in items})
    _, findings, _, _ = E.run_files(E.make_pipeline(), [E.TRANSLATED / n for n in names])
    counts: Counter = Counter()
    for g in items:
        text = Document.from_path(E.TRANSLATED / g["file"]).text
        found = any(f.file == g["file"] and E.overlaps(g["start"], g["end"], f.start, f.end) for f in findings)
        counts[(split_of(g["file"]), shape(text[g["start"] : g["end"]]), found)] += 1
    print(f"{'split':<9}{'shape':<16}{'found':>6}{'missed':>7}")
    for split in ("tuneA", "tuneB", "heldout"):
        for sh in ("x-conj-x", "x-conj-x'", "x-conj-y", "repeat-no-conj", "juxtaposed"):
            f, m = counts[(split, sh, True)], counts[(split, sh, False)]
            if f or m:
                print(f"{split:<9}{sh:<16}{f:>6}{m:>7}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
