"""``provenance reuse`` as a Dask job: the stages of ``provenance.reuse.stages``
mapped over partitions of articles, the same report as the local engine.

    paths ─▶ article partitions (read, passages, keys, same-article pairs;
             persisted on the workers: the text stays where it was read)
          ─▶ key rows (column, key value, passage id): three int64s, split by
             key value into the bucket partitions (a shuffle of numbers only)
          ─▶ per bucket partition: sort, runs of equal (column, value) that
             hold two or more articles (the buckets), the passage ids they name
          ─▶ those ids asked of their article partitions, which send back
             just those passages (slim: the re-check's text) and key rows
          ─▶ ``verify_bucket`` per bucket ─▶ verified pairs (+ their paragraphs)
          ─▶ the client: the verified pairs, the file entries, and the records
             of the passages those pairs name (fetched from their partitions)
          ─▶ paragraph re-check, ``result.build_report``

A passage's text crosses between workers only when it is in a bucket of two
or more articles, once per bucket partition that holds such a bucket; a
passage that shares no key with another article never leaves its partition.
What reaches the client is the report's own material: one small entry per
article, the verified pairs, and the passages they name; never the articles.
``dask[distributed]`` is an optional extra (``pip install
'provenance-news[dask]'``); nothing else in provenance imports this module.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from provenance.reuse.settings import ReuseSettings

#: Articles read by one task: about 4 MB of passages and keys at news length.
ARTICLES_PER_PARTITION = 200
#: Article partitions at most (a larger archive gets larger partitions): the
#: shuffle's tasks grow as article partitions x bucket partitions.
MAX_ARTICLE_PARTITIONS = 128
#: Output partitions of the shuffle by key: enough that one holds about two
#: million key rows (48 MB), at least one per worker thread.
BUCKET_PARTITIONS_MIN = 4
ROWS_PER_BUCKET_PARTITION = 2_000_000
#: Key rows per article, for the number of bucket partitions: 17 keys x about 40 passages (news length).
ROWS_PER_ARTICLE = 17 * 40


class DaskUnavailable(RuntimeError):
    pass


def _require():
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise DaskUnavailable("--engine dask needs the optional extra (dask is not installed): pip install 'provenance-news[dask]'") from None


def _read_partition(chunk: Sequence[tuple[int, str, str]], settings: ReuseSettings) -> list[dict]:
    """Stage 1 over one partition: (doc index, display, path) → per article its
    file entry, records, key matrix and same-article pairs (or an error)."""
    from provenance.document import Document, InputError
    from provenance.reuse.firstran import article_date
    from provenance.reuse.signature import Signer
    from provenance.reuse.stages import document_stage

    signer = Signer()
    out = []
    for d, display, path in chunk:
        try:
            doc = Document.from_path(path)
        except InputError as exc:
            out.append({"doc": d, "error": (display, str(exc))})
            continue
        date = article_date(doc, display, path, settings.date_pattern)
        info, records, keys, pairs = document_stage(doc, d, display, settings, signer, date)
        out.append({"doc": d, "info": info, "records": records, "keys": keys, "pairs": pairs})
    return out


def _split_keys(part: list[dict], buckets: int) -> tuple:
    """The key rows of one article partition, split into ``buckets`` pieces by
    key value: per piece an (n, 3) int64 array of (column, key value, passage id)."""
    import numpy as np

    from provenance.reuse.stages import NO_KEY

    blocks = []
    for art in part:
        if "error" in art or not art["records"]:
            continue
        keys = art["keys"]
        ids = np.fromiter((r.id for r in art["records"]), dtype=np.int64, count=len(art["records"]))
        columns = np.broadcast_to(np.arange(keys.shape[1], dtype=np.int64), keys.shape)
        rows = np.stack([columns.ravel(), keys.ravel(), np.repeat(ids, keys.shape[1])], axis=1)
        blocks.append(rows[rows[:, 1] != NO_KEY])
    rows = np.concatenate(blocks) if blocks else np.zeros((0, 3), dtype=np.int64)
    target = _bucket_of(rows, buckets)
    return tuple(rows[target == b] for b in range(buckets))


def _bucket_of(rows, buckets: int):
    """The bucket partition of each key row: its key value mixed with its column."""
    import numpy as np

    with np.errstate(over="ignore"):
        mixed = rows[:, 1].astype(np.uint64) ^ (rows[:, 0].astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15))
    return (mixed % np.uint64(buckets)).astype(np.int64)


def _runs(rows):
    """``rows`` sorted by (column, key value, passage id), and the start of each run of equal (column, value)."""
    import numpy as np

    rows = rows[np.lexsort((rows[:, 2], rows[:, 1], rows[:, 0]))]
    new = np.ones(len(rows), dtype=bool)
    new[1:] = (rows[1:, 0] != rows[:-1, 0]) | (rows[1:, 1] != rows[:-1, 1])
    return rows, np.flatnonzero(new)


def _shared_keys(pieces: list, parts: int, per_partition: int) -> tuple:
    """One bucket partition: the key rows of the buckets that hold two or more
    articles (a bucket of one article verifies no pair), split by the article
    partition of their passage (``parts`` pieces)."""
    import numpy as np

    from provenance.reuse.stages import ID_BITS

    rows = np.concatenate(pieces) if pieces else np.zeros((0, 3), dtype=np.int64)
    if len(rows):
        rows, starts = _runs(rows)
        docs = rows[:, 2] >> ID_BITS
        lengths = np.diff(np.append(starts, len(rows)))
        # ids are sorted within a run, so are their articles: two or more iff the last differs from the first
        last = starts + lengths - 1
        rows = rows[np.repeat(docs[last] != docs[starts], lengths)]
    part_of = (rows[:, 2] >> ID_BITS) // per_partition
    return tuple(rows[part_of == k] for k in range(parts))


def _export(part: list[dict], wanted: list) -> tuple:
    """The passages of one article partition that buckets of two or more articles
    name, per bucket partition: (slim record, key row) — the re-check's text
    only, not the exact text or place (the report fetches those for the
    passages it names)."""
    from provenance.reuse.stages import Record

    need = [set(rows[:, 2].tolist()) for rows in wanted]
    every = set().union(*need) if need else set()
    found = {}
    for art in part:
        if "error" in art:
            continue
        keys = art["keys"]
        for n, r in enumerate(art["records"]):
            if r.id in every:
                found[r.id] = (Record(r.id, r.doc, r.kind, 0, 0, 0, 0, r.normalized, "", r.parent), keys[n])
    return tuple([found[pid] for pid in sorted(ids)] for ids in need)


def _verify_partition(pieces: list, exported: list, settings: ReuseSettings, cap: int) -> list[tuple]:
    """Stage 3 over one bucket partition: ``verify_bucket`` per bucket, each verified
    pair with the paragraphs of its two passages."""
    import numpy as np

    from provenance.reuse.stages import verify_bucket

    by_id = {r.id: (r, row) for got in exported for r, row in got}
    rows = np.concatenate(pieces) if pieces else np.zeros((0, 3), dtype=np.int64)
    if not len(rows):
        return []
    rows, starts = _runs(rows)
    out = []
    for begin, end in zip(starts.tolist(), np.append(starts[1:], len(rows)).tolist()):
        members = [by_id[pid] for pid in rows[begin:end, 2].tolist()]
        records = [r for r, _ in members]
        keys = np.stack([row for _, row in members])
        for pair in verify_bucket(int(rows[begin, 0]), records, keys, settings, cap):
            a, b = by_id[pair[0]][0], by_id[pair[1]][0]
            out.append((pair, _parent(a), _parent(b)))
    return out


def _parent(record) -> int:
    return record.id if record.parent is None else record.parent


def _same_article(part: list[dict]) -> list[tuple]:
    """The verified same-article pairs of a partition (their paragraphs: themselves; no re-check follows)."""
    return [(pair, pair[0], pair[1]) for art in part if "error" not in art for pair in art["pairs"]]


def _infos(part: list[dict]) -> list[tuple]:
    return [(art["doc"], art.get("info"), art.get("error"), len(art.get("records", ()))) for art in part]


def _fetch(part: list[dict], ids: set[int]) -> list:
    return [r for art in part if "error" not in art for r in art["records"] if r.id in ids]


def run_reuse_dask(
    paths: Iterable,
    settings: ReuseSettings,
    client,
    *,
    errors: list | None = None,
    articles_per_partition: int = ARTICLES_PER_PARTITION,
    cap: int | None = None,
) -> dict:
    """The reuse report of ``paths`` (each a path, or a ``(display, path)`` pair),
    computed on ``client``'s cluster. Unreadable files are left out and listed
    in ``errors`` as (display, reason)."""
    _require()
    from provenance.reuse.result import build_report
    from provenance.reuse.stages import CAP, parent_candidates, reverify

    cap = CAP if cap is None else cap
    items = [(d, *(p if isinstance(p, tuple) else (str(p), str(p)))) for d, p in enumerate(paths)]
    per = max(articles_per_partition, -(-len(items) // MAX_ARTICLE_PARTITIONS))
    chunks = [items[k : k + per] for k in range(0, len(items), per)]
    # Futures, not a collection's graph: the shuffle's pieces are article
    # partitions x bucket partitions tasks, and merging the graphs of that many
    # delayed objects grows faster than their number (minutes at 100k articles).
    # The scheduler keeps every task's lineage while its result is wanted, so a
    # lost worker's results are recomputed.
    parts = client.map(_read_partition, chunks, settings=settings)
    n = len(parts)

    # The shuffle: numbers only. Article partition k sends piece b of its key
    # rows to bucket partition b, which keeps the buckets of two or more
    # articles and sends back to partition k the rows of k's passages.
    buckets = max(BUCKET_PARTITIONS_MIN, ROWS_PER_ARTICLE * len(items) // ROWS_PER_BUCKET_PARTITION + 1)
    pieces = client.map(_split_keys, parts, buckets=buckets)
    piece = _pieces(client, pieces, buckets)
    shared = [client.submit(_shared_keys, [piece[k][b] for k in range(n)], n, per) for b in range(buckets)]
    back = _pieces(client, shared, n)
    # The text: each article partition sends the passages those buckets name to their bucket partitions.
    exported = [client.submit(_export, parts[k], [back[b][k] for b in range(buckets)]) for k in range(n)]
    sent = _pieces(client, exported, buckets)
    verified = [client.submit(_verify_partition, [back[b][k] for k in range(n)], [sent[k][b] for k in range(n)], settings, cap) for b in range(buckets)]
    del pieces, piece, shared, back, exported, sent  # their tasks stay while ``verified`` wants them
    infos = [x for got in client.gather(client.map(_infos, parts)) for x in got]
    same = [x for got in client.gather(client.map(_same_article, parts)) for x in got]
    found = client.gather(verified)
    del verified
    linked = {}
    for entry in [*same, *(x for got in found for x in got)]:
        linked.setdefault((entry[0][0], entry[0][1]), entry)
    linked = list(linked.values())

    files: list[dict] = []
    passages = 0
    for d, info, error, count in sorted(infos, key=lambda x: x[0]):
        if error is not None:
            if errors is not None:
                errors.append(error)
            continue
        files.append(info)
        passages += count
    # Ids carry the position in ``paths``; when a file could not be read, the
    # readable ones are renumbered as the local engine numbers them (``_remapped``).
    pairs = {(p[0], p[1]): p for p, _, _ in linked}
    parents = {}
    for pair, pa, pb in linked:
        parents[pair[0]], parents[pair[1]] = pa, pb
    wanted = set(parents)
    for a, b in parent_candidates(pairs.values(), parents.__getitem__):
        wanted.update((a, b))
    records = _fetch_records(client, parts, wanted, per)
    for a, b in sorted(set(parent_candidates(list(pairs.values()), parents.__getitem__))):
        if (a, b) not in pairs:
            pair = reverify(records[a], records[b], settings)
            if pair is not None:
                pairs[(a, b)] = pair
    if len(files) != len(items):
        return _remapped(files, infos, passages, pairs, records, settings)
    return build_report(files, passages, pairs.values(), records.__getitem__, settings)


def _pieces(client, futures: list, count: int) -> list[list]:
    """``count`` futures for the elements of each future's tuple."""
    from operator import getitem

    flat = client.map(getitem, [f for f in futures for _ in range(count)], [i for _ in futures for i in range(count)])
    return [flat[k * count : (k + 1) * count] for k in range(len(futures))]


def _fetch_records(client, parts: list, wanted: set[int], per_partition: int) -> dict:
    """The records of ``wanted`` passage ids, each read from its own partition."""
    from provenance.reuse.stages import doc_of

    by_part: dict[int, set[int]] = {}
    for pid in wanted:
        by_part.setdefault(doc_of(pid) // per_partition, set()).add(pid)
    tasks = [client.submit(_fetch, parts[k], ids) for k, ids in sorted(by_part.items())]
    out = {}
    for found in client.gather(tasks):
        out.update((r.id, r) for r in found)
    return out


def _remapped(files, infos, passages, pairs, records, settings) -> dict:
    """The report when some files could not be read: the readable ones renumbered
    in order, as the local engine numbers them."""
    from dataclasses import replace

    from provenance.reuse.result import build_report
    from provenance.reuse.stages import ID_BITS, doc_of

    kept = sorted(d for d, info, error, _ in infos if error is None)
    new = {d: n for n, d in enumerate(kept)}

    def remap(pid: int) -> int:
        return (new[doc_of(pid)] << ID_BITS) | (pid & ((1 << ID_BITS) - 1))

    moved = {}
    for pid, r in records.items():
        moved[remap(pid)] = replace(r, id=remap(pid), doc=new[r.doc], parent=None if r.parent is None else remap(r.parent))
    out_pairs = [(remap(p[0]), remap(p[1]), *p[2:]) for p in pairs.values()]
    return build_report(files, passages, out_pairs, moved.__getitem__, settings)
