"""Score the attribution extractor on the gold set.

    python benchmarks/attributions_eval.py [--split dev|heldout|all] [-v]

Matching is defined in provenance/attributions/evaluate.py and
docs/attributions.md. -v lists misses, extra attributions and wrong kinds.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from provenance.attributions.evaluate import evaluate, load_gold

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=["dev", "heldout", "all"], default="all")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    shared = ROOT.parent / "shared"
    splits = ("dev", "heldout") if args.split == "all" else (args.split,)
    articles, skipped = load_gold(ROOT / "tests" / "data" / "attributions_gold", ROOT, shared if shared.exists() else None, splits)
    scores = evaluate(articles)
    for key in sorted(scores):
        f = scores[key].figures()
        print(f"{key:<20} gold {f['gold']:>4}  P {f['precision']:.3f}  R {f['recall']:.3f}  F1 {f['f1']:.3f}  kind {f['kind_accuracy']:.3f}  "
              f"resolution {f['resolution_accuracy']:.3f}  quote {f['quote_accuracy']:.3f}")
    if skipped:
        print("skipped (needs ../shared):", ", ".join(skipped))
    if args.verbose:
        s = scores["all"]
        for title, items in (("missed", s.misses), ("extra", s.extras), ("wrong kind", s.wrong_kinds)):
            print(f"\n{title}:")
            print("\n".join("  " + x for x in items) or "  none")


if __name__ == "__main__":
    main()
