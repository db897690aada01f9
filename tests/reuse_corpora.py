"""Corpora for the reuse engine tests: the seeds, NTREX as articles (skipped
without ../shared) and a generated archive with planted copies, as files."""

from __future__ import annotations

from pathlib import Path

from provenance.document import Document
from provenance.reuse.settings import ReuseSettings


def seed_items(seed_paths) -> list[tuple[str, str]]:
    return [(f"seeds/{p.name}", str(p)) for p in seed_paths]


def write_ntrex(folder: Path) -> list[tuple[str, str]]:
    from tests.test_ntrex_control import ntrex_articles

    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for doc_id, text in ntrex_articles():
        path = folder / f"{doc_id}.txt"
        path.write_text(text, encoding="utf-8")
        out.append((f"ntrex/{doc_id}.txt", str(path)))
    return out


def write_planted(folder: Path, articles: int, seed: int = 0) -> tuple[list[tuple[str, str]], list[tuple]]:
    from benchmarks.corpus import planted_archive

    texts, planted = planted_archive(articles, seed)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i, text in enumerate(texts):
        path = folder / f"{i:06d}.txt"
        path.write_text(text, encoding="utf-8")
        out.append((f"planted/{i:06d}.txt", str(path)))
    return out, planted


def local(items, settings: ReuseSettings | None = None, **kw) -> dict:
    from provenance.reuse.detect import detect_stream

    return detect_stream(((d, Document.from_path(p), p) for d, p in items), settings or ReuseSettings(), **kw)


def shape(result: dict) -> dict:
    """What the engines must agree on, without the text (which is long)."""
    return {
        "boilerplate": [(g["match"], g["articles"], [(x["path"], x["start"], x["end"]) for x in g["locations"]]) for g in result["boilerplate"]],
        "pairs": [(p["label"], p["a"]["path"], p["a"]["start"], p["b"]["path"], p["b"]["start"], p["jaccard"], p["containment"], p["chrf"]) for p in result["pairs"]],
        "first_ran": [(e["first"]["path"], e["first"]["start"], [(c["path"], c["start"]) for c in e["copies"]]) for e in result["first_ran"]],
        "summary": result["summary"],
    }
