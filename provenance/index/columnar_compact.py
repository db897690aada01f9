"""``provenance index compact DIR``: merge each bucket's key files into one.

Every append adds one sorted key file per bucket, and a lookup reads every file
of the buckets its keys fall in; after many appends, compaction merges each
bucket's files into one sorted file (row groups of ``COMPACT_ROW_GROUP``
rows, each with its sidecar), rewrites the article files that hold
tombstoned articles without them, writes one identity file for all the
batches merged, leaving out the rows of tombstoned articles (``index remove``,
replacements), and records them in ``compacted.json`` (written last,
atomically: until then readers use the batch files). It is maintenance run now and then
(it rewrites the key files, not the articles); appends stay append-only.
"""

from __future__ import annotations

import json
from pathlib import Path

from provenance.index.columnar import (
    COMPACT_ROW_GROUP,
    COMPACTED,
    MAX_ARTICLE,
    PASSAGE_BITS,
    ColumnarError,
    read_batches,
    read_compacted,
    read_identities,
    read_meta,
    require_pyarrow,
    write_bucket,
    write_identity_table,
)
from provenance.index.columnar_keys import sidecar_of


def compact(path: Path, engine) -> dict:
    """One task per bucket on the engine; returns {buckets, files_before, rows}."""
    from filelock import FileLock, Timeout

    from provenance.fsutil import atomic_write

    require_pyarrow()
    path = Path(path)
    meta = read_meta(path)
    try:
        lock = FileLock(str(path / ".append.lock"), timeout=30)
        lock.acquire()
    except Timeout:
        raise ColumnarError(f"{path}: another `index add` is writing this index; try again when it has finished") from None
    try:
        batches = read_batches(path)
        old = read_compacted(path)
        through = max((b["batch"] for b in batches), default=0)
        if old and old["through_batch"] == through and old.get("identities"):
            return {"buckets": int(meta["buckets"]), "files_before": len(old["keys"]), "rows": None}
        files: dict[int, list[str]] = {}
        for name in (old["keys"] if old else []) + [n for b in batches if not old or b["batch"] > old["through_batch"] for n in b["keys"]]:
            files.setdefault(int(name.split("bucket=")[1].split("/")[0]), []).append(name)
        tag = f"c{through:06d}"
        removed = sorted({i for b in batches for i in b.get("removed", [])})
        tasks = {
            b: engine.submit(_merge, [str(path / n) for n in names], str(path / "keys" / f"bucket={b:02d}" / f"{tag}.parquet"), removed)
            for b, names in sorted(files.items())
        }
        rows = {b: t.result() for b, t in tasks.items()}
        keys = [f"keys/bucket={b:02d}/{tag}.parquet" for b, n in rows.items() if n]
        # one identity file for every batch so far: one read when a reader opens the index
        identities = f"articles/{tag}-ids.parquet"
        table, renamed, superseded = _purge_articles(path, engine, batches, old, removed, tag)
        write_identity_table(path / identities, table)
        manifest = {"through_batch": through, "keys": keys, "identities": identities, "articles": renamed}
        atomic_write(path / COMPACTED, json.dumps(manifest, sort_keys=True) + "\n")
        if old and old.get("identities") and old["identities"] != identities:
            (path / old["identities"]).unlink(missing_ok=True)
        for name in superseded:
            (path / name).unlink(missing_ok=True)
        for names in files.values():  # superseded: no reader opens them any more
            for n in names:
                if n not in keys:
                    (path / n).unlink(missing_ok=True)
                    sidecar_of(path / n).unlink(missing_ok=True)
        return {"buckets": len(keys), "files_before": sum(len(v) for v in files.values()), "rows": sum(rows.values())}
    finally:
        lock.release()


def _merge(inputs: list[str], out: str, removed: list[int]) -> int:
    import numpy as np
    import pyarrow.parquet as pq

    pieces = []
    dead = np.array(removed, np.int64)
    for name in inputs:
        t = pq.read_table(name, columns=["key", "posting"])
        rows = np.column_stack([t.column("key").to_numpy(), t.column("posting").to_numpy()])
        if len(dead):
            rows = rows[~np.isin((rows[:, 1] >> PASSAGE_BITS) & (MAX_ARTICLE - 1), dead)]
        pieces.append(rows)
    return write_bucket(pieces, out, row_group=COMPACT_ROW_GROUP)


def _purge_articles(path: Path, engine, batches: list[dict], old: dict | None, removed: list[int], tag: str):
    """Rewrite the article files that hold tombstoned articles without them (new
    names: a reader that opened the index before keeps reading the old files).
    Returns the identity table of the live rows, the map from each batch's
    article file name to the file that now holds its articles (None: none
    left), and the files superseded."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    table = read_identities(path, batches)
    renamed: dict[str, str | None] = dict(old.get("articles", {})) if old else {}
    if not removed:
        return table, renamed, []
    names = [n for b in batches for n in b["articles"]]
    dead = pc.is_in(table.column("id"), value_set=pa.array(removed, pa.int64()))
    parts = sorted(set(pc.filter(table.column("part"), dead).to_pylist()))
    if not parts:  # purged by an earlier compaction
        return table, renamed, []
    tasks = {}
    for part in parts:
        source = renamed.get(names[part], names[part])
        stem = names[part].removesuffix(".parquet")
        tasks[part] = (source, f"{stem}.{tag}.parquet")
    done = {part: engine.submit(_rewrite_articles, str(path / src), str(path / dst), removed) for part, (src, dst) in tasks.items()}
    superseded = []
    for part, future in done.items():
        source, target = tasks[part]
        renamed[names[part]] = target if future.result() else None
        superseded.append(source)
    table = table.filter(pc.invert(dead))
    # rows of a rewritten file: their rank among its live rows
    part, row = table.column("part").to_numpy(), table.column("row").to_numpy().copy()
    for p in parts:
        at = np.flatnonzero(part == p)
        row[at[np.argsort(row[at], kind="stable")]] = np.arange(len(at))
    table = table.set_column(4, "row", pa.array(row, pa.int32()))
    return table, renamed, superseded


def _rewrite_articles(source: str, target: str, removed: list[int]) -> int:
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from provenance.index.columnar import ARTICLE_ROW_GROUP, _write_table

    table = pq.read_table(source)
    table = table.filter(pc.invert(pc.is_in(table.column("id"), value_set=pa.array(removed, pa.int64()))))
    if not len(table):
        return 0
    compression = {name: "zstd" if name == "text" else "none" for name in table.column_names}
    _write_table(table, Path(target), row_group_size=ARTICLE_ROW_GROUP, compression=compression)
    return len(table)
