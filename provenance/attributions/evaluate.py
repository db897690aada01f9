"""Scoring the extractor against the gold set (tests/data/attributions_gold).

Matching: a predicted attribution matches a gold one when their cue spans
overlap, their chains have the same length and each predicted link overlaps
the gold link at the same position. Each gold attribution is matched at most
once (document order, first fit). Precision = matched / predicted, recall =
matched / gold; kind accuracy counts the links of matched attributions whose
kind equals the gold kind. Secondary figures: resolution (the line of the
attribution a link resolves to, where the gold says), quote type and
content overlap, over matched attributions.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

KINDS = ("outlet", "person", "organization", "anonymous", "document", "unspecified")


class GoldError(ValueError):
    """A gold file that does not fit its text."""


@dataclass
class GoldLink:
    start: int
    end: int
    text: str
    kind: str
    resolves_line: int | None = None
    canonical: str | None = None


@dataclass
class GoldAttribution:
    line: int
    cue: tuple[int, int]
    chain: list[GoldLink]
    content: tuple[int, int] | None
    quote: str | None


@dataclass
class Article:
    id: str
    style: str
    split: str
    text: str
    gold: list[GoldAttribution]


def _ntrex_docs(shared: Path) -> dict[str, list[str]]:
    base = shared / "data" / "ntrex"
    ids = (base / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    lines = (base / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    docs: dict[str, list[str]] = OrderedDict()
    for d, line in zip(ids, lines):
        docs.setdefault(d.strip(), []).append(line)
    return docs


def _find(text: str, line_start: int, line_end: int, needle: str, what: str) -> tuple[int, int]:
    nth = 1
    m = re.fullmatch(r"(.*)#(\d+)", needle)
    if m:
        needle, nth = m.group(1), int(m.group(2))
    pattern = re.escape(needle)
    if needle[:1].isalnum():
        pattern = r"(?<![\w])" + pattern
    if needle[-1:].isalnum():
        pattern += r"(?![\w])"
    hits = list(re.finditer(pattern, text[line_start:line_end]))
    if len(hits) < nth:
        raise GoldError(f"{what} {needle!r} not found on its line")
    h = hits[nth - 1]
    return line_start + h.start(), line_start + h.end()


def load_article(path: Path, root: Path, shared: Path | None) -> Article | None:
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    if "text" in data:
        text = data["text"]
    elif "path" in data:
        text = (root / data["path"]).read_text(encoding="utf-8")
    elif "ntrex" in data:
        if shared is None or not (shared / "data" / "ntrex").is_dir():
            return None
        text = "\n".join(_ntrex_docs(shared)[data["ntrex"]]) + "\n"
    else:
        raise GoldError(f"{path}: needs text, path or ntrex")
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_span(n: int) -> tuple[int, int]:
        s = line_starts[n - 1]
        e = line_starts[n] - 1 if n < len(line_starts) else len(text)
        return s, e

    gold = []
    for item in data.get("attributions") or []:
        n = int(item["line"])
        ls, le = line_span(n)
        where = f"{path.name} line {n}"
        cue = _find(text, ls, le, str(item["cue"]), f"{where}: cue")
        chain = []
        for link in item["chain"]:
            extra = link[2] if len(link) > 2 else {}
            if link[1] not in KINDS:
                raise GoldError(f"{where}: unknown kind {link[1]!r}")
            s, e = _find(text, ls, le, str(link[0]), f"{where}: link")
            chain.append(GoldLink(s, e, text[s:e], link[1], extra.get("resolves"), extra.get("canonical")))
        content = _find(text, ls, le, str(item["content"]), f"{where}: content") if item.get("content") else None
        gold.append(GoldAttribution(n, cue, chain, content, item.get("quote")))
    return Article(str(data.get("id", path.stem)), str(data.get("style", "")), path.parent.name, text, gold)


def load_gold(gold_dir: Path, root: Path, shared: Path | None, splits=("dev", "heldout")) -> tuple[list[Article], list[str]]:
    articles, skipped = [], []
    for split in splits:
        for path in sorted((gold_dir / split).glob("*.yaml")):
            art = load_article(path, root, shared)
            if art is None:
                skipped.append(path.name)
            else:
                articles.append(art)
    return articles, skipped


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    links: int = 0
    kinds_right: int = 0
    resolved: int = 0
    resolved_right: int = 0
    quotes: int = 0
    quotes_right: int = 0
    contents: int = 0
    contents_right: int = 0
    cue_only: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    wrong_kinds: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        for k in ("gold", "predicted", "matched", "links", "kinds_right", "resolved", "resolved_right", "quotes", "quotes_right", "contents", "contents_right", "cue_only"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.misses += other.misses
        self.extras += other.extras
        self.wrong_kinds += other.wrong_kinds

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def precision(self) -> float:
        return self._ratio(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return self._ratio(self.matched, self.gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def kind_accuracy(self) -> float:
        return self._ratio(self.kinds_right, self.links)

    def figures(self) -> dict:
        return {
            "articles_gold": self.gold,
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "kind_accuracy": round(self.kind_accuracy, 3),
            "cue_recall": round(self._ratio(self.cue_only, self.gold), 3),
            "resolution_accuracy": round(self._ratio(self.resolved_right, self.resolved), 3),
            "quote_accuracy": round(self._ratio(self.quotes_right, self.quotes), 3),
            "content_overlap": round(self._ratio(self.contents_right, self.contents), 3),
        }


def score_article(article: Article, predicted: list[dict]) -> Score:
    sc = Score(gold=len(article.gold), predicted=len(predicted))
    text = article.text
    line_of = lambda off: text.count("\n", 0, off) + 1  # noqa: E731
    used: set[int] = set()
    cue_used: set[int] = set()
    for gi, g in enumerate(article.gold):
        for pi, p in enumerate(predicted):
            if pi not in cue_used and _overlap((p["cue"]["start"], p["cue"]["end"]), g.cue):
                cue_used.add(pi)
                sc.cue_only += 1
                break
        match = None
        for pi, p in enumerate(predicted):
            if pi in used or not _overlap((p["cue"]["start"], p["cue"]["end"]), g.cue):
                continue
            chain = p["chain"]
            if len(chain) == len(g.chain) and all(_overlap((l["start"], l["end"]), (gl.start, gl.end)) for l, gl in zip(chain, g.chain)):
                match = pi
                break
        if match is None:
            got = [p for p in predicted if _overlap((p["cue"]["start"], p["cue"]["end"]), g.cue)]
            shown = " | ".join(" → ".join(l["text"] for l in p["chain"]) for p in got) or "nothing"
            sc.misses.append(f"{article.id}:{g.line} {text[g.cue[0]:g.cue[1]]!r} gold {' → '.join(l.text for l in g.chain)!r}, got {shown}")
            continue
        used.add(match)
        sc.matched += 1
        p = predicted[match]
        for l, gl in zip(p["chain"], g.chain):
            sc.links += 1
            if l["kind"] == gl.kind:
                sc.kinds_right += 1
            else:
                sc.wrong_kinds.append(f"{article.id}:{g.line} {l['text']!r} is {l['kind']}, gold {gl.kind}")
            if gl.resolves_line is not None:
                sc.resolved += 1
                r = l["resolves_to"]
                if r is not None and 0 <= r < len(predicted) and predicted[r]["line"] == gl.resolves_line:
                    sc.resolved_right += 1
                elif r is not None and 0 <= r < len(predicted) and line_of(predicted[r]["start"]) == gl.resolves_line:
                    sc.resolved_right += 1
        if g.quote:
            sc.quotes += 1
            sc.quotes_right += p["quote"] == g.quote
        if g.content:
            sc.contents += 1
            c = p["content"]
            sc.contents_right += bool(c) and _overlap((c["start"], c["end"]), g.content)
    for pi, p in enumerate(predicted):
        if pi not in used:
            sc.extras.append(f"{article.id}:{p['line']} {p['cue']['text']!r} {' → '.join(l['text'] for l in p['chain'])!r}")
    return sc


def predict(article: Article, pipeline=None) -> list[dict]:
    from provenance.attributions.article import build
    from provenance.document import Document

    doc = Document(article.text, f"<gold:{article.id}>")
    return build(doc).attributions


def evaluate(articles: list[Article]) -> dict[str, Score]:
    """Scores per split and style, and overall ("all")."""
    out: dict[str, Score] = {}
    for art in articles:
        sc = score_article(art, predict(art))
        for key in ("all", art.split, f"{art.split}/{art.style}"):
            out.setdefault(key, Score()).add(sc)
    return out
