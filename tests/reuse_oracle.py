"""The reuse detector as it was before the staged engine (provenance 0.1.0,
quadratic: every LSH candidate pair stored). A test oracle only: on corpora
whose buckets stay under the cap, the staged engine must give the same
boilerplate groups and pairs. Not part of the package."""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING

from provenance import __version__
from provenance.reuse.local import find_repeats
from provenance.reuse.passages import OPENING_CHARS, Pair, Passage, classify, containment, extract, jaccard, opening_key
from provenance.reuse.settings import ReuseSettings
from provenance.reuse.signature import Signer

if TYPE_CHECKING:
    from provenance.document import Document

SCHEMA = "provenance/reuse-v1"
#: Earlier passages with the same opening that a passage is compared with.
_BUCKET = 50
LABELS = ("boilerplate", "verbatim", "near-duplicate", "partial", "paraphrase")


class _Groups:
    """Union-find over passage indices."""

    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def detect(docs: list["Document"], paths: list[str], settings: ReuseSettings, encoder=None) -> dict:
    passages: list[Passage] = []
    for i, doc in enumerate(docs):
        base = len(passages)
        for p in extract(doc, i, settings.min_words):
            if p.parent is not None:
                p.parent += base
            passages.append(p)

    pairs: dict[tuple[int, int], Pair] = {}

    def check(i: int, j: int) -> None:
        i, j = min(i, j), max(i, j)
        if i == j or (i, j) in pairs:
            return
        pair = classify(passages[i], passages[j], settings)
        if pair is None:
            return
        pair.a, pair.b = i, j
        pairs[(i, j)] = pair

    # Within one document: the repeats that the repetition rule reports.
    by_span = {(p.doc, p.start, p.end): n for n, p in enumerate(passages)}
    for d, doc in enumerate(docs):
        for r in find_repeats(doc, settings.min_words, OPENING_CHARS):
            i, j = by_span.get((d, r.first_start, r.first_end)), by_span.get((d, r.start, r.end))
            if i is not None and j is not None:
                check(i, j)

    # Across documents: candidates, then the exact re-check.
    for i, j in sorted(_candidates(passages)):
        check(i, j)
    # Two paragraphs that share a sentence may be partial copies of each other.
    for i, j in list(pairs):
        pi, pj = _paragraph_of(passages, i), _paragraph_of(passages, j)
        if passages[i].doc != passages[j].doc and (pi, pj) != (i, j):
            check(pi, pj)

    if encoder is not None:
        _semantic_pairs(passages, pairs, encoder, settings)

    return _result(docs, paths, passages, pairs, settings, encoder)


def _paragraph_of(passages: list[Passage], i: int) -> int:
    parent = passages[i].parent
    return i if parent is None else parent


def _candidates(passages: list[Passage]) -> set[tuple[int, int]]:
    """Pairs of passages of different documents worth the exact re-check."""
    out: set[tuple[int, int]] = set()

    def add(i: int, j: int) -> None:
        if passages[i].doc != passages[j].doc:
            out.add((min(i, j), max(i, j)))

    signer = Signer()
    lsh = signer.new_lsh()
    signatures = [signer.minhash(p.shingles) for p in passages]
    for n, m in enumerate(signatures):
        lsh.insert(n, m, check_duplication=False)
    for n, m in enumerate(signatures):
        for other in lsh.query(m):
            add(n, other)
    # Same text (LSH finds these too; this makes sure) and same opening (a cut-short copy).
    same_text: dict[str, list[int]] = {}
    same_opening: dict[str, list[int]] = {}
    for n, p in enumerate(passages):
        same_text.setdefault(p.normalized, []).append(n)
        key = opening_key(p.normalized)
        if key is not None:
            same_opening.setdefault(key, []).append(n)
    for group in (*same_text.values(), *same_opening.values()):
        for k, n in enumerate(group):
            for other in group[max(0, k - _BUCKET) : k]:  # bounded: many openings alike stay linear
                add(other, n)
    return out


def _semantic_pairs(passages: list[Passage], pairs: dict, encoder, settings: ReuseSettings) -> None:
    """Paraphrases: paragraphs of two documents whose embeddings are close and
    that no other match links."""
    from provenance.semantic import similar_pairs

    paragraphs = [n for n, p in enumerate(passages) if p.kind == "paragraph"]
    linked = _Groups(len(passages))
    for pair in pairs.values():
        linked.union(_paragraph_of(passages, pair.a), _paragraph_of(passages, pair.b))
    texts = [passages[n].normalized for n in paragraphs]
    for x, y, cosine in similar_pairs(encoder, texts, settings.semantic_threshold):
        i, j = paragraphs[x], paragraphs[y]
        if passages[i].doc == passages[j].doc or linked.find(i) == linked.find(j):
            continue
        a, b = passages[i].shingles, passages[j].shingles
        pairs[(i, j)] = Pair(i, j, "paraphrase", jaccard(a, b), containment(a, b), cosine)


def _result(docs, paths, passages, pairs, settings, encoder) -> dict:
    from sacrebleu.metrics import CHRF

    chrf = CHRF()
    n = len(passages)
    # Boilerplate: groups of verbatim or near-duplicate passages in >= k articles.
    groups = _Groups(n)
    for pair in pairs.values():
        if pair.match in ("verbatim", "near-duplicate"):
            groups.union(pair.a, pair.b)
    members: dict[int, list[int]] = {}
    for pair in pairs.values():
        if pair.match in ("verbatim", "near-duplicate"):
            for i in (pair.a, pair.b):
                root = groups.find(i)
                bucket = members.setdefault(root, [])
                if i not in bucket:
                    bucket.append(i)
    boilerplate_roots = {
        root for root, idx in members.items() if len({passages[i].doc for i in idx}) >= settings.boilerplate
    }
    # Paragraph-level links: a sentence pair inside two linked paragraphs says nothing new.
    links = _Groups(n)
    for pair in pairs.values():
        if passages[pair.a].kind == "paragraph" and passages[pair.b].kind == "paragraph":
            links.union(pair.a, pair.b)

    def loc(i: int) -> dict:
        p = passages[i]
        return {
            "path": paths[p.doc],
            "kind": p.kind,
            "line": p.line,
            "column": p.column,
            "start": p.start,
            "end": p.end,
            "text": docs[p.doc].text[p.start : p.end],
        }

    out_pairs = []
    for (i, j), pair in sorted(pairs.items()):
        if groups.find(i) in boilerplate_roots and groups.find(j) in boilerplate_roots:
            continue
        if (passages[i].kind, passages[j].kind) != ("paragraph", "paragraph") and links.find(
            _paragraph_of(passages, i)
        ) == links.find(_paragraph_of(passages, j)):
            continue
        entry = {
            "label": pair.match,
            "same_document": passages[i].doc == passages[j].doc,
            "jaccard": round(pair.jaccard, 3),
            "containment": round(pair.containment, 3),
            "chrf": round(chrf.sentence_score(passages[j].normalized, [passages[i].normalized]).score, 1),
        }
        if pair.cosine is not None:
            entry["cosine"] = round(pair.cosine, 3)
        entry["a"], entry["b"] = loc(i), loc(j)
        if pair.match == "near-duplicate":
            entry["changes"] = word_changes(passages[i].normalized, passages[j].normalized)
        out_pairs.append(entry)

    out_groups = []
    for root in sorted(boilerplate_roots):
        idx = sorted(members[root], key=lambda i: (passages[i].doc, passages[i].start))
        identical = len({passages[i].normalized for i in idx}) == 1
        out_groups.append(
            {
                "label": "boilerplate",
                "match": "verbatim" if identical else "near-duplicate",
                "articles": len({passages[i].doc for i in idx}),
                "locations": [loc(i) for i in idx],
            }
        )
    # A sentence of a boilerplate paragraph is listed with its paragraph only.
    out_groups = [g for g in out_groups if not _inside_other_group(g, out_groups)]

    by_label = {label: 0 for label in LABELS}
    by_label["boilerplate"] = len(out_groups)
    for entry in out_pairs:
        by_label[entry["label"]] += 1
    signature = f"provenance:{__version__}|{Signer().params.describe()}|{settings.describe()}"
    if encoder is not None:
        signature += f"|{encoder.signature()}@{settings.semantic_threshold:g}"
    return {
        "schema": SCHEMA,
        "version": __version__,
        "signature": signature,
        "settings": {f.name: getattr(settings, f.name) for f in fields(settings)},
        "files": [
            {
                "path": paths[d],
                "sha256": doc.sha256,
                "paragraphs": sum(1 for p in passages if p.doc == d and p.kind == "paragraph"),
                "sentences": sum(1 for p in passages if p.doc == d and p.kind == "sentence"),
            }
            for d, doc in enumerate(docs)
        ],
        "boilerplate": out_groups,
        "pairs": out_pairs,
        "summary": {"files": len(docs), "passages": n, "by_label": by_label},
    }


def word_changes(a: str, b: str, limit: int = 5) -> list[dict]:
    """Where two near-duplicates differ, word by word ("added," -> "said,")."""
    from difflib import SequenceMatcher

    wa, wb = a.split(), b.split()
    out = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
        if op != "equal":
            out.append({"a": " ".join(wa[i1:i2]), "b": " ".join(wb[j1:j2])})
    return out[:limit]


def _inside_other_group(group: dict, groups: list[dict]) -> bool:
    spans = [(x["path"], x["start"], x["end"]) for x in group["locations"]]
    for other in groups:
        if other is group:
            continue
        bigger = [(x["path"], x["start"], x["end"]) for x in other["locations"]]
        if all(any(p == q and s >= qs and e <= qe and (e - s) < (qe - qs) for q, qs, qe in bigger) for p, s, e in spans):
            return True
    return False
