"""Appending articles to a Parquet index (``columnar.py``) on any engine.

The job, per batch of at most ``BATCH_ARTICLES`` articles:

1. partitions of consecutive articles → ``prepare_part`` on the workers
   (read, passages, MinHash LSH band keys; the same keys as the SQLite index);
2. the client reads only (id, sha256, path) of each partition and decides what
   is new, unchanged (same text already indexed) or a replacement (same path);
3. each partition writes its articles file; its key rows are cut by bucket
   (``split_keys``, the map side of a shuffle by band key) and each bucket's
   pieces from every partition are sorted into one file (``write_bucket``);
4. last, the batch file: from then on readers see the batch.

``remove`` (``index remove``) writes a batch file holding only tombstones
(the ids of the removed articles): append-only like an add; readers leave
those articles out, and ``index compact`` drops their key rows.

Article ids follow the order of the given files (ties in "earliest" go to the
article added first, as in the SQLite index).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from provenance.index.columnar import (
    MAX_ARTICLE,
    ColumnarError,
    create,
    identities,
    piece,
    prepare_part,
    preparer_of,
    read_batches,
    read_identities,
    read_meta,
    require_pyarrow,
    split_keys,
    unreadable_of,
    write_articles,
    write_bucket,
    write_identities,
)

if TYPE_CHECKING:
    from provenance.engine.base import Engine

#: Articles per batch: bounds what the workers hold before the shuffle.
BATCH_ARTICLES = 50_000


@dataclass
class AppendResult:
    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    batches: int = 0


def existing_articles(path: Path, batches: list[dict]) -> tuple[dict[str, int], dict[str, list[int]]]:
    """sha256 -> id and path -> ids of the live articles (tombstoned ones left out)."""
    removed = {i for b in batches for i in b.get("removed", [])}
    shas: dict[str, int] = {}
    paths: dict[str, list[int]] = {}
    table = read_identities(path, batches)
    for i, sha, p in zip(*(table.column(c).to_pylist() for c in ("id", "sha256", "path"))):
        if i not in removed:
            shas.setdefault(sha, i)
            paths.setdefault(p, []).append(i)
    return shas, paths


def _locked(path: Path):
    from filelock import FileLock, Timeout

    try:
        lock = FileLock(str(path / ".append.lock"), timeout=30)
        lock.acquire()
    except Timeout:
        raise ColumnarError(f"{path}: another `index add` is writing this index; try again when it has finished") from None
    return lock


def remove(path: Path, targets: list[str]) -> list[str]:
    """Tombstone the live articles stored under these paths (or under these
    folders) in a new batch file; returns the paths removed, in id order."""
    from provenance.fsutil import atomic_write

    require_pyarrow()
    path = Path(path)
    read_meta(path)
    lock = _locked(path)
    try:
        batches = read_batches(path)
        _, paths = existing_articles(path, batches)
        prefixes = [t.rstrip("/") + "/" for t in targets]
        hits = sorted(
            (i, p) for p, ids in paths.items() if p in targets or any(p.startswith(x) for x in prefixes) for i in ids
        )
        if not hits:
            return []
        number = max((b["batch"] for b in batches), default=0) + 1
        first = max((b["first_article"] + b["reserved"] for b in batches), default=1)
        batch = {"batch": number, "first_article": first, "reserved": 0, "added": 0, "articles": [], "keys": [], "removed": [i for i, _ in hits]}
        atomic_write(path / "batches" / f"b{number:06d}.json", json.dumps(batch, sort_keys=True) + "\n")
        return [p for _, p in hits]
    finally:
        lock.release()


def append(
    path: Path,
    engine: "Engine",
    items: list[tuple[str, str, str | None]],
    *,
    partition_size: int,
    buckets: int | None = None,
    batch_articles: int | None = None,
) -> AppendResult:
    """items: (display path, file path, ISO date or None), in the order to index."""
    require_pyarrow()
    path = Path(path)
    if not path.exists() or (path.is_dir() and not any(path.iterdir())):
        create(path, **({"buckets": buckets} if buckets else {}))
    lock = _locked(path)
    try:
        meta = read_meta(path)
        result = AppendResult()
        step = batch_articles or BATCH_ARTICLES
        for start in range(0, len(items), step):
            _append_batch(path, meta, engine, items[start : start + step], partition_size, result)
        return result
    finally:
        lock.release()


def _append_batch(path: Path, meta: dict, engine: "Engine", items, partition_size: int, result: AppendResult) -> None:
    from provenance.engine import partitions
    from provenance.fsutil import atomic_write

    batches = read_batches(path)
    number = max((b["batch"] for b in batches), default=0) + 1
    first = max((b["first_article"] + b["reserved"] for b in batches), default=1)
    if first + len(items) >= MAX_ARTICLE:
        raise ColumnarError(f"{path}: a Parquet index holds at most {MAX_ARTICLE - 1:,} article ids")
    shas, paths = existing_articles(path, batches)
    numbered = [(first + n, display, file_path, date) for n, (display, file_path, date) in enumerate(items)]
    parts = partitions(numbered, partition_size)
    preparer = preparer_of(meta)
    prepared = [engine.submit(prepare_part, part, preparer) for part in parts]
    idents = [engine.submit(identities, f) for f in prepared]
    skips: list[list[int]] = []
    kept: list[list[tuple[int, str, str]]] = []  # per partition: (id, sha256, path) of the articles written
    removed: list[int] = []
    added = 0
    for future, task in zip(idents, prepared):
        skip: list[int] = []
        kept.append([])
        for article_id, sha, display in future.result():
            if sha in shas:
                skip.append(article_id)
                result.unchanged += 1
                continue
            kept[-1].append((article_id, sha, display))
            old = paths.pop(display, [])
            removed += old
            for sha_old in [s for s, i in shas.items() if i in old]:
                del shas[sha_old]
            result.replaced += bool(old)
            result.added += not old
            added += 1
            shas[sha] = article_id
            paths[display] = [article_id]
        skips.append(skip)
    unreadable = [engine.submit(unreadable_of, f) for f in prepared]
    tag = f"b{number:06d}"
    article_files = [
        engine.submit(write_articles, task, str(path / "articles" / f"{tag}-p{n:05d}.parquet"), skip)
        for n, (task, skip) in enumerate(zip(prepared, skips))
    ]
    split = [engine.submit(split_keys, task, int(meta["buckets"]), skip) for task, skip in zip(prepared, skips)]
    key_files = []
    for b in range(int(meta["buckets"])):
        pieces = [engine.submit(piece, s, b) for s in split]
        key_files.append(engine.submit(write_bucket, pieces, str(path / "keys" / f"bucket={b:02d}" / f"{tag}.parquet")))
    for future in unreadable:
        result.unreadable += future.result()
    written = [n for n, f in enumerate(article_files) if f.result()]
    articles = [f"articles/{tag}-p{n:05d}.parquet" for n in written]
    keys = [f"keys/bucket={b:02d}/{tag}.parquet" for b, f in enumerate(key_files) if f.result()]
    if not articles and not removed:
        return  # nothing new: no batch
    identity = f"articles/{tag}-ids.parquet"
    write_identities(path / identity, [(i, sha, p, file, row) for file, n in enumerate(written) for row, (i, sha, p) in enumerate(kept[n])])
    batch = {
        "batch": number, "first_article": first, "reserved": len(items), "added": added, "articles": articles,
        "identities": identity, "keys": keys, "removed": sorted(removed),
    }
    atomic_write(path / "batches" / f"{tag}.json", json.dumps(batch, sort_keys=True) + "\n")
    result.batches += 1
