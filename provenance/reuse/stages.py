"""The stages of reuse detection, as pure functions over plain data, so that
the local engine (``detect``) and the Dask job (``distributed``) run the same
code and find the same pairs.

    documents ─▶ passages + keys ─▶ buckets (one per key value) ─▶ verified pairs
              ─▶ paragraph re-check ─▶ groups and the report (``result``)

- ``document_stage``: one article → its file entry, its passages
  (``Record``: span, line, normalized and exact text), the key matrix of those
  passages, and the verified pairs inside the article (the repeats of
  ``local.find_repeats``).
- keys: for each passage, ``KEY_COLUMNS`` 64-bit keys: the 15 MinHash LSH band
  keys (``signature.Signer``), the exact-text key and the opening key (the
  first 40 normalized characters; ``NO_KEY`` when shorter). Two passages of
  different articles that share a key value are a candidate pair.
- ``verify_bucket``: the members of one bucket (passages sharing a key value
  in one column) → the verified pairs. A pair is re-checked only in the bucket
  of the first column the two share, so a pair is re-checked once however
  many keys it shares. A bucket of more than ``cap`` members (boilerplate that
  thousands of articles carry) is not expanded into its n² pairs: every member
  is re-checked against a representative (the earliest member); the members
  that do not match it go to the next round with the next representative;
  what is left when a round leaves at most ``cap`` members is expanded.
- ``parent_candidates``: two paragraphs that hold a matching sentence are
  re-checked as paragraphs (a partial copy).

A verified pair is a tuple ``(a, b, match, jaccard, containment)`` with
``a < b`` passage ids; a passage id is ``doc << ID_BITS | position``, so
sorting by id sorts by article, then by position in the article.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator

import numpy as np

from provenance.reuse.local import find_repeats
from provenance.reuse.passages import OPENING_CHARS, classify, extract, opening_key, shingles, words
from provenance.reuse.settings import ReuseSettings
from provenance.reuse.signature import Signer, opening_key64, text_key

if TYPE_CHECKING:
    from provenance.document import Document

#: Bits of a passage id that hold its position in the article (an article of
#: more than a million passages is refused by the document size limit first).
ID_BITS = 20
# Key columns: the LSH bands, then the exact text, then the opening.
#: A passage without an opening key (shorter than 40 characters) has this in that column.
NO_KEY = np.int64(0)
#: A bucket of more members than this is re-checked against representatives,
#: not pair by pair. 50 is the window today's opening buckets used: a passage
#: that 50 other passages share is boilerplate whatever the pairs say.
CAP = 50
#: Representatives tried in one giant bucket before the rest is expanded
#: (or, when still more than ``CAP``, left: its members are linked through their other keys).
ROUNDS = 8


@dataclass(slots=True)
class Record:
    """A passage, as the stages carry it (no Document)."""

    id: int
    doc: int
    kind: str  # "paragraph" | "sentence"
    start: int
    end: int
    line: int
    column: int
    normalized: str
    text: str  # the exact text, doc.text[start:end]
    parent: int | None = None  # id of the paragraph holding this sentence

    @property
    def shingles(self) -> frozenset[str]:
        return shingles(words(self.normalized))


def passage_id(doc: int, position: int) -> int:
    return (doc << ID_BITS) | position


def doc_of(pid: int) -> int:
    return pid >> ID_BITS


def column_count(signer: Signer) -> int:
    return signer.params.bands + 2


def document_stage(doc: "Document", doc_index: int, path: str, settings: ReuseSettings, signer: Signer, date=None):
    """(file entry, records, key matrix, verified same-article pairs) of one article."""
    passages = extract(doc, doc_index, settings.min_words)
    records = []
    for n, p in enumerate(passages):
        parent = None if p.parent is None else passage_id(doc_index, p.parent)
        records.append(
            Record(passage_id(doc_index, n), doc_index, p.kind, p.start, p.end, p.line, p.column, p.normalized, doc.text[p.start : p.end], parent)
        )
    keys = np.zeros((len(records), column_count(signer)), dtype=np.int64)
    bands = signer.params.bands
    for n, p in enumerate(passages):
        keys[n, :bands] = signer.band_keys(signer.minhash(p.shingles))
        keys[n, bands] = text_key(p.normalized)
        opening = opening_key(p.normalized)
        keys[n, bands + 1] = NO_KEY if opening is None else opening_key64(opening)
    pairs = []
    by_span = {(p.start, p.end): n for n, p in enumerate(passages)}
    seen = set()
    for r in find_repeats(doc, settings.min_words, OPENING_CHARS):
        i, j = by_span.get((r.first_start, r.first_end)), by_span.get((r.start, r.end))
        if i is None or j is None or i == j:
            continue
        i, j = min(i, j), max(i, j)
        if (i, j) in seen:
            continue
        seen.add((i, j))
        pair = _verify(records[i], records[j], settings)
        if pair is not None:
            pairs.append(pair)
    info = {
        "path": path,
        "sha256": doc.sha256,
        "paragraphs": sum(1 for p in passages if p.kind == "paragraph"),
        "sentences": sum(1 for p in passages if p.kind == "sentence"),
        "date": None if date is None else date[0],
        "date_source": None if date is None else date[1],
    }
    return info, records, keys, pairs


def _verify(a: Record, b: Record, settings: ReuseSettings, sa=None, sb=None) -> tuple | None:
    """The exact re-check (``passages.classify``) of two records, as a pair tuple."""
    pair = classify(_Shingled(a, sa), _Shingled(b, sb), settings)
    if pair is None:
        return None
    return (a.id, b.id, pair.match, pair.jaccard, pair.containment)


class _Shingled:
    """A record with its shingles computed once (classify reads them twice)."""

    __slots__ = ("normalized", "shingles")

    def __init__(self, record: Record, sh=None):
        self.normalized = record.normalized
        self.shingles = record.shingles if sh is None else sh


def verify_bucket(column: int, records: list[Record], keys: np.ndarray, settings: ReuseSettings, cap: int = CAP) -> list[tuple]:
    """The verified pairs of one bucket: passages (``records``, their rows of the
    key matrix in ``keys``) that share a key value in ``column``."""
    ids = np.fromiter((r.id for r in records), dtype=np.int64, count=len(records))
    order = np.argsort(ids, kind="stable")
    order = order[keys[order, column] != NO_KEY]
    records = [records[k] for k in order]
    keys = keys[order, :column]
    docs = ids[order] >> ID_BITS
    if len(records) < 2:
        return []
    cache: dict[int, frozenset] = {}

    def sh(k: int) -> frozenset:
        s = cache.get(k)
        if s is None:
            s = cache[k] = records[k].shingles
        return s

    out: list[tuple] = []
    alive = np.arange(len(records))
    rounds = 0
    while len(alive) > cap and rounds < ROUNDS:
        rep, rest = alive[0], alive[1:]
        other = docs[rest] != docs[rep]
        if column:  # a pair that shares an earlier column is re-checked in that bucket
            fresh = other & ~(keys[rest] == keys[rep]).any(axis=1)
        else:
            fresh = other
        linked = np.zeros(len(rest), dtype=bool)
        for n in np.flatnonzero(fresh):
            k = rest[n]
            pair = _verify(records[rep], records[k], settings, sh(rep), sh(k))
            if pair is not None:
                out.append(pair)
                linked[n] = pair[2] != "partial"
        alive = rest[~linked]  # the others may form a group of their own
        rounds += 1
        cache.clear()
    if len(alive) > cap or len(alive) < 2:
        return out
    d = docs[alive]
    todo = np.triu(d[:, None] != d[None, :], 1)  # pairs of two articles, each once
    if column:
        block = keys[alive]
        todo &= ~(block[:, None, :] == block[None, :, :]).any(axis=2)  # re-checked in the bucket of the first column the two share
    for x, y in zip(*np.nonzero(todo)):
        a, b = alive[x], alive[y]
        pair = _verify(records[a], records[b], settings, sh(a), sh(b))
        if pair is not None:
            out.append(pair)
    return out


def parent_candidates(pairs: Iterable[tuple], parent_of) -> Iterator[tuple[int, int]]:
    """Paragraph pairs to re-check: the paragraphs of two articles that hold a
    matching sentence (``parent_of(id)`` is the paragraph id of a passage)."""
    for a, b, *_ in pairs:
        if doc_of(a) == doc_of(b):
            continue
        pa, pb = parent_of(a), parent_of(b)
        if (pa, pb) != (a, b):
            yield (min(pa, pb), max(pa, pb))


def reverify(a: Record, b: Record, settings: ReuseSettings) -> tuple | None:
    """The re-check of a paragraph pair from ``parent_candidates``."""
    return _verify(a, b, settings)
