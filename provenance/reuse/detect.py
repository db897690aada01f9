"""Passages shared between articles, on one machine (the local engine).

1. Every paragraph and body sentence of at least ``min_words`` words is a
   passage (``passages.extract``), with 17 keys: 15 MinHash LSH band keys of
   its word 3-shingles, its exact text and its 40-character opening
   (``stages.document_stage``). Articles are read one at a time and dropped:
   what stays is each passage's ``Record`` and one row of an int64 key matrix.
2. Candidates across articles: passages that share a key value. For each key
   column the matrix is sorted (numpy), and every run of equal values is a
   bucket, re-checked by ``stages.verify_bucket`` (all pairs up to ``cap``
   members, representatives above: boilerplate in thousands of articles costs
   a pass over its members, not their n² pairs). No list of candidate pairs is
   ever built; only verified pairs are kept.
3. The exact re-check labels a pair ``verbatim``, ``near-duplicate`` or
   ``partial`` (``passages.classify``) or drops it. Within one article the
   pairs are the repeats of ``local.find_repeats``, the ones the
   ``repetition`` rule of ``check`` reports. Two paragraphs that hold a
   matching sentence are re-checked as paragraphs.
4. ``result.build_report``: boilerplate groups (verbatim and near-duplicate
   passages in at least ``boilerplate`` articles), the other pairs, and where
   each shared passage first ran.

The Dask engine (``provenance.reuse.distributed``) runs the same stages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

import numpy as np

from provenance.reuse.firstran import article_date
from provenance.reuse.passages import containment, jaccard
from provenance.reuse.result import LABELS, SCHEMA, Groups, build_report, word_changes  # noqa: F401 (re-exported)
from provenance.reuse.settings import ReuseSettings
from provenance.reuse.signature import Signer
from provenance.reuse.stages import CAP, ID_BITS, NO_KEY, Record, document_stage, doc_of, parent_candidates, reverify, verify_bucket

if TYPE_CHECKING:
    from provenance.document import Document


def detect(docs: list["Document"], paths: list[str], settings: ReuseSettings, encoder=None, cap: int = CAP) -> dict:
    """The report for Documents already read (``paths``: how to name them)."""
    return detect_stream(((p, d, None) for p, d in zip(paths, docs)), settings, encoder, cap)


class LocalRun:
    """What the local engine holds while it runs: records and the key matrix."""

    def __init__(self, settings: ReuseSettings):
        self.settings = settings
        self.signer = Signer()
        self.files: list[dict] = []
        self.records: list[Record] = []
        self.offsets: list[int] = []  # first record of each article
        self.blocks: list[np.ndarray] = []
        self.pairs: dict[tuple[int, int], tuple] = {}

    def add(self, display: str, doc: "Document", real_path=None) -> None:
        d = len(self.files)
        date = article_date(doc, display, real_path, self.settings.date_pattern)
        info, records, keys, same = document_stage(doc, d, display, self.settings, self.signer, date)
        self.files.append(info)
        self.offsets.append(len(self.records))
        self.records.extend(records)
        self.blocks.append(keys)
        for pair in same:
            self.pairs.setdefault((pair[0], pair[1]), pair)

    def record(self, pid: int) -> Record:
        return self.records[self.offsets[doc_of(pid)] + (pid & ((1 << ID_BITS) - 1))]

    def buckets(self, keys: np.ndarray) -> Iterable[tuple[int, np.ndarray]]:
        """(column, row numbers) of every run of two or more equal keys."""
        for column in range(keys.shape[1]):
            values = keys[:, column]
            order = np.argsort(values, kind="stable")
            ordered = values[order]
            if len(ordered) < 2:
                continue
            edges = np.flatnonzero(ordered[1:] != ordered[:-1]) + 1
            starts = np.concatenate(([0], edges))
            stops = np.concatenate((edges, [len(ordered)]))
            for s, e in zip(starts[stops - starts >= 2], stops[stops - starts >= 2]):
                if ordered[s] != NO_KEY:
                    yield column, order[s:e]

    def run(self, cap: int = CAP, encoder=None) -> dict:
        width = self.signer.params.bands + 2
        keys = np.concatenate(self.blocks) if self.blocks else np.zeros((0, width), dtype=np.int64)
        self.blocks = []
        for column, rows in self.buckets(keys):
            for pair in verify_bucket(column, [self.records[r] for r in rows], keys[rows], self.settings, cap):
                self.pairs.setdefault((pair[0], pair[1]), pair)
        del keys

        def parent_of(pid: int) -> int:
            parent = self.record(pid).parent
            return pid if parent is None else parent

        for a, b in sorted(set(parent_candidates(list(self.pairs.values()), parent_of))):
            if (a, b) not in self.pairs:
                pair = reverify(self.record(a), self.record(b), self.settings)
                if pair is not None:
                    self.pairs[(a, b)] = pair
        extra = None
        if encoder is not None:
            self._semantic_pairs(encoder)
            extra = f"{encoder.signature()}@{self.settings.semantic_threshold:g}"
        return build_report(self.files, len(self.records), self.pairs.values(), self.record, self.settings, extra)

    def _semantic_pairs(self, encoder) -> None:
        """Paraphrases: paragraphs of two articles whose embeddings are close and that no other match links."""
        from provenance.semantic import similar_pairs

        paragraphs = [r for r in self.records if r.kind == "paragraph"]
        linked = Groups()
        for a, b, *_ in self.pairs.values():
            ra, rb = self.record(a), self.record(b)
            linked.union(ra.parent if ra.parent is not None else a, rb.parent if rb.parent is not None else b)
        texts = [r.normalized for r in paragraphs]
        for x, y, cosine in similar_pairs(encoder, texts, self.settings.semantic_threshold):
            ri, rj = paragraphs[x], paragraphs[y]
            if ri.doc == rj.doc or linked.find(ri.id) == linked.find(rj.id):
                continue
            a, b = ri.shingles, rj.shingles
            i, j = min(ri.id, rj.id), max(ri.id, rj.id)
            self.pairs[(i, j)] = (i, j, "paraphrase", jaccard(a, b), containment(a, b), cosine)


def detect_stream(items: Iterable[tuple], settings: ReuseSettings, encoder=None, cap: int = CAP) -> dict:
    """The report for ``(display path, Document, file path or None)`` read one at a time."""
    run = LocalRun(settings)
    for display, doc, real in items:
        run.add(display, doc, real)
    return run.run(cap, encoder)
