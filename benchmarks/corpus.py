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


# --- Archives with planted reuse (generated text only) -----------------------

_SYLLABLES = ["ka", "lo", "mi", "ren", "tu", "sa", "vor", "el", "dan", "pri", "sto", "ba", "nu", "quel", "fa", "ri", "gon", "te", "wi", "zar"]
_FUNCTION = ["the", "of", "and", "to", "in", "a", "that", "on", "for", "with", "said", "was", "by", "from", "its", "after"]


@lru_cache(maxsize=1)
def _vocabulary() -> list[str]:
    rng = random.Random(7)
    words = set()
    while len(words) < 4000:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def _sentence(rng: random.Random) -> str:
    vocab = _vocabulary()
    out = []
    for _ in range(rng.randint(9, 20)):
        out.append(rng.choice(_FUNCTION) if rng.random() < 0.3 else vocab[min(int(rng.paretovariate(0.7)) - 1, len(vocab) - 1)] if rng.random() < 0.2 else rng.choice(vocab))
    return (" ".join(out)).capitalize() + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))


def _edit(text: str, rng: random.Random) -> str:
    """One word in 25 replaced: a near-duplicate (Jaccard of 3-shingles about 0.7)."""
    words = text.split()
    for _ in range(max(1, len(words) // 25)):
        k = rng.randrange(1, len(words) - 1)
        words[k] = rng.choice(_vocabulary())
    return " ".join(words)


def _cut(text: str) -> str:
    """The opening sentences of a paragraph: a partial copy."""
    sentences = text.split(". ")
    return ". ".join(sentences[: max(1, len(sentences) // 2)]).rstrip(".") + "."


def planted_archive(articles: int, seed: int = 0, boilerplate: int = 3, share: float = 0.3, boilerplate_share: float = 0.1):
    """(texts, planted) for an archive of generated articles. Every article has
    a front-matter date (one day per 20 articles). With probability ``share``
    an article carries a copy of a paragraph of an earlier article, verbatim,
    with two words changed, or cut to its opening sentences; with probability
    ``boilerplate_share`` one of ``boilerplate`` background paragraphs, which
    thousands of articles then share. ``planted``: (source article, source
    paragraph start, copy article, copy paragraph start, kind)."""
    import datetime as dt

    rng = random.Random(seed)
    background = [_paragraph(random.Random(f"background-{seed}-{k}")) for k in range(boilerplate)]
    bodies: list[list[str]] = []
    planted_spec = []
    for i in range(articles):
        paragraphs = [_paragraph(rng) for _ in range(rng.randint(5, 12))]
        if rng.random() < boilerplate_share:
            paragraphs.insert(rng.randrange(len(paragraphs) + 1), rng.choice(background))
        if i and rng.random() < share:
            j = rng.randrange(i)
            pj = rng.randrange(len(bodies[j]))
            kind = rng.choice(("verbatim", "verbatim", "near-duplicate", "partial"))
            source = bodies[j][pj]
            copy = source if kind == "verbatim" else _edit(source, rng) if kind == "near-duplicate" else _cut(source)
            at = rng.randrange(len(paragraphs) + 1)
            paragraphs.insert(at, copy)
            planted_spec.append((j, pj, i, at, kind))
        bodies.append(paragraphs)
    texts, starts = [], []
    day = dt.date(2020, 1, 1)
    for i, paragraphs in enumerate(bodies):
        head = f"---\ndate: {day + dt.timedelta(days=i // 20)}\n---\n\n{_sentence(rng).rstrip('.')}\n\n"
        offsets, pos = [], len(head)
        for p in paragraphs:
            offsets.append(pos)
            pos += len(p) + 2
        texts.append(head + "\n\n".join(paragraphs) + "\n")
        starts.append(offsets)
    planted = []
    for j, pj, i, at, kind in planted_spec:
        planted.append((j, starts[j][pj], i, starts[i][at], kind))
    return texts, planted


def planted_recall(result: dict, names: list[str], planted: list[tuple]) -> tuple[float, float]:
    """(recall of the planted copies, share of found copies whose first run is the source)."""
    linked: dict[tuple, set] = {}
    for p in result["pairs"]:
        a, b = (p["a"]["path"], p["a"]["start"]), (p["b"]["path"], p["b"]["start"])
        linked.setdefault(a, set()).add(b)
        linked.setdefault(b, set()).add(a)
    group_of = {}
    for n, g in enumerate(result["boilerplate"]):
        for loc in g["locations"]:
            group_of[(loc["path"], loc["start"])] = n
    first: dict[tuple, list] = {}  # copy -> the first article of every chain that holds it
    for e in result["first_ran"]:
        for c in e["copies"]:
            first.setdefault((c["path"], c["start"]), []).append(e["first"]["path"])
    order = {name: n for n, name in enumerate(names)}
    found = right = 0
    for j, sj, i, si, _ in planted:
        a, b = (names[j], sj), (names[i], si)
        if b in linked.get(a, ()) or (a in group_of and group_of.get(b) == group_of[a]):
            found += 1
            # a chain holding the copy starts at the source article or before it (the source may be a copy too)
            right += b in first and min(order[p] for p in first[b]) <= j
    return found / max(1, len(planted)), right / max(1, found)
