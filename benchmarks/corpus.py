"""Seed-like articles in any number, for benchmarks.

Articles are assembled from the paragraphs, headings and captions of the seed
articles, with names, numbers and weekdays varied so that no two articles are
the same text. The structure (caption with credit, paragraphs, headings,
footer credit) and the artifacts of the seeds carry over.

    python benchmarks/corpus.py OUT_DIR --articles 1000 [--seed 0]
    python benchmarks/corpus.py OUT_DIR --megabytes 5
"""

from __future__ import annotations

import argparse
import random
import re
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

NAMES = [
    "David Barnea", "William Burns", "Sami Abu Zuhri", "Gadi Eisenkot", "Jack Lew", "Abbas Kamel",
    "Nitzan Alon", "John Kirby", "Yahya Sinwar", "Ismail Haniyeh", "Ayman Safadi", "Majed al-Ansari",
    "Mohammed bin Abdulrahman Al Thani", "Antony Blinken", "Hossam Badran", "Basem Naim",
]
PLACES = ["Cairo", "Doha", "Gaza", "Rafah", "Khan Younis", "Tel Aviv", "Amman", "Beirut", "Ramallah", "Jenin"]
OUTLETS = ["Reuters", "Agence France-Presse", "Anadolu Agency", "Al Jazeera", "Associated Press", "Axios", "Maariv", "Channel 12"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
CREDITS = ["Reuters", "Al Jazeera", "Anatolia", "AFP", "Reuters - Archive", "Associated Press", "agencies"]
FOOTERS = ["Al Jazeera + agencies", "Israeli press + agencies", "Al Jazeera + Reuters", "agencies"]

_NAME = re.compile("|".join(re.escape(n) for n in sorted(NAMES, key=len, reverse=True)))
_PLACE = re.compile(r"\b(?:" + "|".join(PLACES) + r")\b(?!\s+Strip)")
_OUTLET = re.compile(r"\b(?:Reuters|Axios|Maariv)\b")
_DAY = re.compile(r"\b(?:" + "|".join(DAYS) + r")\b")
_NUMBER = re.compile(r"\b(?!(?:19|20)\d\d\b)\d{3,}(?:,\d{3})*\b|\b\d{1,3},\d{3}\b")


@lru_cache(maxsize=1)
def _pools() -> tuple[list[str], list[str], list[str]]:
    from provenance.document import CAPTION, HEADING, PARAGRAPH, Document

    paragraphs, headings, captions = [], [], []
    for path in sorted(SEEDS.glob("*.txt")):
        doc = Document.from_path(path)
        for seg in doc.segments:
            text = doc.text[seg.start : seg.end]
            if seg.kind == PARAGRAPH:
                paragraphs.append(text)
            elif seg.kind == HEADING:
                headings.append(text)
            elif seg.kind == CAPTION:
                captions.append(doc.text[seg.start : seg.prose_end].rstrip())
    return paragraphs, headings, captions


def _vary(text: str, rng: random.Random) -> str:
    text = _NAME.sub(lambda m: rng.choice(NAMES), text)
    text = _PLACE.sub(lambda m: rng.choice(PLACES), text)
    text = _OUTLET.sub(lambda m: rng.choice(OUTLETS), text)
    text = _DAY.sub(lambda m: rng.choice(DAYS), text)
    return _NUMBER.sub(lambda m: f"{rng.randint(2, 9999):,}", text)


def article(index: int, seed: int = 0) -> str:
    """One article; the same (index, seed) always gives the same text."""
    paragraphs, headings, captions = _pools()
    rng = random.Random(seed * 1_000_003 + index)
    parts = [f"{_vary(rng.choice(captions), rng)} ({rng.choice(CREDITS)})"]
    for i in range(rng.randint(8, 22)):
        if i and rng.random() < 0.12:
            parts.append(_vary(rng.choice(headings), rng))
        parts.append(_vary(rng.choice(paragraphs), rng))
    parts.append(f"Source: {rng.choice(FOOTERS)}")
    return "\n\n".join(parts) + "\n"


def generate(articles: int | None = None, megabytes: float | None = None, seed: int = 0):
    """Yield articles until ``articles`` are made or ``megabytes`` of UTF-8 are reached."""
    size = 0
    i = 0
    while True:
        if articles is not None and i >= articles:
            return
        if megabytes is not None and size >= megabytes * 1_000_000:
            return
        text = article(i, seed)
        size += len(text.encode("utf-8"))
        i += 1
        yield text


def write(out: Path, articles: int | None = None, megabytes: float | None = None, seed: int = 0) -> tuple[int, int]:
    """Write the corpus as OUT/NNNNNN.txt; returns (files, bytes)."""
    out.mkdir(parents=True, exist_ok=True)
    files = size = 0
    for i, text in enumerate(generate(articles, megabytes, seed)):
        data = text.encode("utf-8")
        (out / f"{i:06d}.txt").write_bytes(data)
        files += 1
        size += len(data)
    return files, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int)
    parser.add_argument("--megabytes", type=float)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if args.articles is None and args.megabytes is None:
        parser.error("give --articles or --megabytes")
    files, size = write(args.out, args.articles, args.megabytes, args.seed)
    print(f"wrote {files} articles, {size / 1e6:.2f} MB, to {args.out}")


if __name__ == "__main__":
    main()
