"""The report of ``provenance reuse`` from the verified pairs: boilerplate
groups (connected components of verbatim and near-duplicate pairs), the pairs
worth reading, and where each shared passage first ran. Both engines end here.

- ``files``: one entry per article, in run order (``stages.document_stage``).
- ``pairs``: the verified pairs ``(a, b, match, jaccard, containment[, cosine])``,
  distinct, any order.
- ``record(id)``: the ``stages.Record`` of any passage named in ``pairs``.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Callable, Iterable

from provenance import __version__
from provenance.reuse.firstran import first_ran
from provenance.reuse.settings import ReuseSettings
from provenance.reuse.signature import Signer
from provenance.reuse.stages import Record, doc_of

SCHEMA = "provenance/reuse-v1"
LABELS = ("boilerplate", "verbatim", "near-duplicate", "partial", "paraphrase")
GROUPED = ("verbatim", "near-duplicate")


class Groups:
    """Union-find over passage ids (any hashable)."""

    def __init__(self):
        self.parent: dict = {}

    def find(self, i):
        parent = self.parent
        root = i
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(i, i) != root:  # path compression
            parent[i], i = root, parent[i]
        return root

    def union(self, i, j) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def build_report(
    files: list[dict],
    passages: int,
    pairs: Iterable[tuple],
    record: Callable[[int], Record],
    settings: ReuseSettings,
    signature_extra: str | None = None,
) -> dict:
    from sacrebleu.metrics import CHRF

    chrf = CHRF()
    pairs = sorted(pairs, key=lambda p: (p[0], p[1]))
    paths = [f["path"] for f in files]

    def paragraph_of(i: int) -> int:
        parent = record(i).parent
        return i if parent is None else parent

    # Boilerplate: groups of verbatim or near-duplicate passages in >= k articles.
    groups = Groups()
    for a, b, match, *_ in pairs:
        if match in GROUPED:
            groups.union(a, b)
    members: dict[int, set[int]] = {}
    for a, b, match, *_ in pairs:
        if match in GROUPED:
            root = groups.find(a)
            members.setdefault(root, set()).update((a, b))
    boilerplate_roots = {root for root, idx in members.items() if len({doc_of(i) for i in idx}) >= settings.boilerplate}
    # Paragraph-level links: a sentence pair inside two linked paragraphs says nothing new.
    links = Groups()
    for a, b, *_ in pairs:
        if record(a).kind == "paragraph" and record(b).kind == "paragraph":
            links.union(a, b)

    def loc(i: int) -> dict:
        r = record(i)
        return {"path": paths[r.doc], "kind": r.kind, "line": r.line, "column": r.column, "start": r.start, "end": r.end, "text": r.text}

    out_pairs = []
    for pair in pairs:
        i, j, match, jac, cont = pair[:5]
        if groups.find(i) in boilerplate_roots and groups.find(j) in boilerplate_roots:
            continue
        ri, rj = record(i), record(j)
        if (ri.kind, rj.kind) != ("paragraph", "paragraph") and links.find(paragraph_of(i)) == links.find(paragraph_of(j)):
            continue
        entry = {
            "label": match,
            "same_document": ri.doc == rj.doc,
            "jaccard": round(jac, 3),
            "containment": round(cont, 3),
            "chrf": round(chrf.sentence_score(rj.normalized, [ri.normalized]).score, 1),
        }
        if len(pair) > 5 and pair[5] is not None:
            entry["cosine"] = round(pair[5], 3)
        entry["a"], entry["b"] = loc(i), loc(j)
        if match == "near-duplicate":
            entry["changes"] = word_changes(ri.normalized, rj.normalized)
        out_pairs.append(entry)

    # A sentence group whose every sentence lies in a paragraph of one other
    # boilerplate group is listed with its paragraph only.
    inside = set()
    for root in boilerplate_roots:
        idx = members[root]
        if all(record(i).kind == "sentence" for i in idx):
            holders = {groups.find(paragraph_of(i)) if paragraph_of(i) in members.get(groups.find(paragraph_of(i)), ()) else None for i in idx}
            if len(holders) == 1 and (h := holders.pop()) is not None and h != root and h in boilerplate_roots:
                inside.add(root)
    out_groups = []
    for root in sorted(boilerplate_roots - inside):
        idx = sorted(members[root])
        identical = len({record(i).normalized for i in idx}) == 1
        out_groups.append(
            {
                "label": "boilerplate",
                "match": "verbatim" if identical else "near-duplicate",
                "articles": len({doc_of(i) for i in idx}),
                "locations": [loc(i) for i in idx],
            }
        )

    by_label = {label: 0 for label in LABELS}
    by_label["boilerplate"] = len(out_groups)
    for entry in out_pairs:
        by_label[entry["label"]] += 1
    signature = f"provenance:{__version__}|{Signer().params.describe()}|{settings.describe()}"
    if signature_extra:
        signature += f"|{signature_extra}"
    return {
        "schema": SCHEMA,
        "version": __version__,
        "signature": signature,
        "settings": {f.name: getattr(settings, f.name) for f in fields(settings)},
        "files": files,
        "boilerplate": out_groups,
        "pairs": out_pairs,
        "first_ran": first_ran(out_groups, out_pairs, files),
        "summary": {"files": len(files), "passages": passages, "by_label": by_label},
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
