"""Adjudicated findings on NTREX-128's clean pairs (benchmarks/data/ntrex_verdicts.tsv).

NTREX's translations are professional, but not flawless: some findings on a
"clean" pair point at a real change made by the translator (a year, a weekday,
a clause left out). Each finding the source-aware rules made on a clean pair was
read against both texts and given a verdict:

- ``error``: the translation really is wrong or incomplete where the rule
  looks (a reviewer would send it back): not a false finding;
- ``difference``: a real difference a reviewer would accept (a rounded
  conversion, a scare quote dropped, sentences restructured): counted false;
- ``false``: the rule misread the pair: counted false.

A row matches a finding by (language, article index in DOCUMENT_IDS order,
rule, English text, source text), the texts with whitespace collapsed and cut
to 40 characters. Each row matches one finding (two identical findings need two
rows). A finding no row matches counts as false, so a rule change that makes new
findings is never flattered by old verdicts.
"""

from __future__ import annotations

from pathlib import Path

VERDICTS = ("error", "difference", "false")
PATH = Path(__file__).resolve().parent / "data" / "ntrex_verdicts.tsv"
COLUMNS = ("lang", "article", "rule", "en", "src", "verdict", "reason")
WIDTH = 40


def clip(text: str | None) -> str:
    """A key text: whitespace collapsed (no tab or newline can reach the TSV), cut to 40 characters."""
    return " ".join((text or "").split())[:WIDTH].rstrip()


def key(lang: str, article: int, rule: str, en: str | None, src: str | None) -> tuple:
    return (lang, int(article), rule, clip(en), clip(src))


def load(path: Path = PATH) -> dict[tuple, list[tuple[str, str]]]:
    """key -> [(verdict, reason), …] in file order; a missing file is an empty ledger."""
    out: dict[tuple, list[tuple[str, str]]] = {}
    if not path.exists():
        return out
    for n, line in enumerate(path.read_text("utf-8").split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cells[0] == "lang":  # header
            continue
        if len(cells) != len(COLUMNS):
            raise ValueError(f"{path.name}:{n}: {len(cells)} columns, expected {len(COLUMNS)}")
        lang, article, rule, en, src, verdict, reason = cells
        if verdict not in VERDICTS:
            raise ValueError(f"{path.name}:{n}: verdict {verdict!r} is not one of {', '.join(VERDICTS)}")
        out.setdefault(key(lang, int(article), rule, en, src), []).append((verdict, reason))
    return out


def adjudicate(ledger: dict[tuple, list[tuple[str, str]]], lang: str, article: int, findings) -> list[str | None]:
    """The verdict of each finding (None: no row), each row used by one finding at most."""
    used: dict[tuple, int] = {}
    out: list[str | None] = []
    for f in findings:
        k = key(lang, article, f.rule, f.text, getattr(f, "source_text", None))
        rows = ledger.get(k, [])
        i = used.get(k, 0)
        out.append(rows[i][0] if i < len(rows) else None)
        used[k] = i + 1
    return out


def row(lang: str, article: int, f, verdict: str, reason: str) -> str:
    """The TSV line for a finding (how the file was written)."""
    _, a, rule, en, src = key(lang, article, f.rule, f.text, getattr(f, "source_text", None))
    return "\t".join((lang, str(a), rule, en, src, verdict, " ".join(reason.split())))
