"""``provenance reuse`` as a Dask job: the stages of ``provenance.reuse.stages``
mapped over a bag of articles, the same report as the local engine.

    paths ─▶ partitions of ``ARTICLES_PER_PARTITION`` articles (read, passages,
             keys, same-article pairs; persisted on the workers)
          ─▶ one item per (key column, key value, passage)
          ─▶ shuffle by key (``Bag.groupby``, ``BUCKET_PARTITIONS`` output partitions)
          ─▶ ``verify_bucket`` per bucket ─▶ verified pairs (+ the paragraphs of sentence pairs)
          ─▶ the client: the verified pairs, the file entries, and the records
             of the passages those pairs name (fetched from their partitions)
          ─▶ paragraph re-check, ``result.build_report``

What reaches the client is the report's own material: one small entry per
article, the verified pairs, and the passages they name; never the articles.
``dask[distributed]`` is an optional extra (``pip install
'provenance-news[dask]'``); nothing else in provenance imports this module.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from provenance.reuse.settings import ReuseSettings

#: Articles read by one task: about 1.5 MB of passages and keys at news length.
ARTICLES_PER_PARTITION = 200
#: Output partitions of the shuffle by key: enough that one holds a few hundred
#: thousand items, at least one per worker thread.
BUCKET_PARTITIONS_MIN = 4
ITEMS_PER_BUCKET_PARTITION = 200_000


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


def _key_items(part: list[dict]) -> list[tuple]:
    """One item per (column, key value, passage): ((column, value), (passage, key row)).
    The passage travels slim: what the re-check reads (id, article, normalized
    text, paragraph), not its exact text or place, which the report fetches
    for the passages it names; the key row as bytes."""
    from provenance.reuse.stages import NO_KEY, Record

    out = []
    for art in part:
        if "error" in art:
            continue
        keys = art["keys"]
        for n, r in enumerate(art["records"]):
            slim = Record(r.id, r.doc, r.kind, 0, 0, 0, 0, r.normalized, "", r.parent)
            row = keys[n]
            raw = row.tobytes()
            for column, value in enumerate(row.tolist()):
                if value != NO_KEY:
                    out.append(((column, value), (slim, raw)))
    return out


def _verify_group(group: tuple, settings: ReuseSettings, cap: int) -> list[tuple]:
    """Stage 3 over one bucket: its verified pairs, each with the paragraphs of its two passages."""
    import numpy as np

    from provenance.reuse.stages import verify_bucket

    (column, _), items = group
    if len(items) < 2:
        return []
    records = [r for r, _ in items]
    keys = np.frombuffer(b"".join(row for _, row in items), dtype=np.int64).reshape(len(items), -1)
    by_id = {r.id: r for r in records}
    return [(pair, _parent(by_id[pair[0]]), _parent(by_id[pair[1]])) for pair in verify_bucket(column, records, keys, settings, cap)]


def _verify_groups(groups: list, settings: ReuseSettings, cap: int) -> list[tuple]:
    out = []
    for group in groups:
        out.extend(_verify_group(group, settings, cap))
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
    import dask
    import dask.bag as db

    from provenance.reuse.result import build_report
    from provenance.reuse.stages import CAP, parent_candidates, reverify

    cap = CAP if cap is None else cap
    items = [(d, *(p if isinstance(p, tuple) else (str(p), str(p)))) for d, p in enumerate(paths)]
    chunks = [items[k : k + articles_per_partition] for k in range(0, len(items), articles_per_partition)]
    read = dask.delayed(_read_partition, pure=True)
    articles = client.persist(db.from_delayed([read(chunk, settings) for chunk in chunks]))

    keyed = articles.map_partitions(_key_items)
    estimate = 17 * 40 * len(items)  # keys per passage x passages per article (news length)
    buckets = keyed.groupby(lambda item: item[0], npartitions=max(BUCKET_PARTITIONS_MIN, estimate // ITEMS_PER_BUCKET_PARTITION + 1), shuffle="tasks")
    buckets = buckets.map(lambda group: (group[0], [item[1] for item in group[1]]))
    verified = buckets.map_partitions(_verify_groups, settings, cap)
    found = db.concat([articles.map_partitions(_same_article), verified]).distinct(key=lambda x: (x[0][0], x[0][1]))
    infos, linked = client.compute([articles.map_partitions(_infos), found], sync=True)

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
    records = _fetch_records(client, articles, wanted, articles_per_partition)
    for a, b in sorted(set(parent_candidates(list(pairs.values()), parents.__getitem__))):
        if (a, b) not in pairs:
            pair = reverify(records[a], records[b], settings)
            if pair is not None:
                pairs[(a, b)] = pair
    if len(files) != len(items):
        return _remapped(files, infos, passages, pairs, records, settings)
    return build_report(files, passages, pairs.values(), records.__getitem__, settings)


def _fetch_records(client, articles, wanted: set[int], per_partition: int) -> dict:
    """The records of ``wanted`` passage ids, each read from its own partition."""
    import dask

    from provenance.reuse.stages import doc_of

    by_part: dict[int, set[int]] = {}
    for pid in wanted:
        by_part.setdefault(doc_of(pid) // per_partition, set()).add(pid)
    parts = articles.to_delayed()
    fetch = dask.delayed(_fetch, pure=True)
    tasks = [fetch(parts[k], ids) for k, ids in sorted(by_part.items())]
    out = {}
    for found in client.compute(tasks, sync=True):
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
