"""The columnar article index: a directory of Parquet files (pyarrow).

The embedded default stays the SQLite file (``store.py``); this one is written
by an engine, partition by partition, and read without any cluster
(``columnar_lookup.py``). Layout::

    DIR/meta.json                       format, LSH parameters, buckets
    DIR/batches/b000001.json            one per append (or removal): its files, article ids, tombstones
    DIR/articles/b000001-p00000.parquet id, sha256, path, date, date_ord, passage spans, text
    DIR/articles/b000001-ids.parquet    id, sha256, path, file and row of the batch's articles
    DIR/keys/bucket=07/b000001.parquet  (key, posting) of the keys whose top bits are 07
    DIR/keys/bucket=07/b000001.groups.npy  where its row groups' values lie (``columnar_keys``)

Keys are partitioned by band key: the top ``log2(buckets)`` bits of the 64-bit
key (text key, MinHash LSH band keys, opening key: the same keys as the SQLite
index, ``store.passage_keys``). Within a file rows are sorted by (key,
posting); the posting packs (date_ord, article, passage) so that this order is
the SQLite index's "earliest first" order. Row groups of ``KEY_ROW_GROUP``
rows, plain and uncompressed: a lookup memory-maps the file and, by the
sidecar beside it (``columnar_keys.py``), reads only the rows of its keys. The
batch's identity file (one read when a reader opens the index) says which
file and row hold each article.

An append (``index add``) writes new files and, last, its batch file: a batch
without one is unfinished (a killed writer) and never read; running ``add``
again redoes it. Nothing already written is rewritten. Adding a text already
indexed changes nothing; a path indexed before with another text gets the new
article and a tombstone for the old one (in the batch file). Annotations (names,
attributions) are not stored: the index holds what lookups read.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from provenance.index.store import Preparer

FORMAT = "provenance-parquet-index"
SCHEMA = 1
META = "meta.json"
DEFAULT_BUCKETS = 8  # files a lookup reads: one per bucket per append; the shuffle's reduce holds 1/8 of a batch's keys
KEY_ROW_GROUP = 1024
#: Row groups of compacted key files: a lookup reads one group per key and file.
COMPACT_ROW_GROUP = 256
COMPACTED = "compacted.json"
ARTICLE_ROW_GROUP = 16
#: Posting = date_ord << 39 | article << 12 | passage: 24 + 27 + 12 bits (63, positive).
ARTICLE_BITS, PASSAGE_BITS = 27, 12
MAX_ARTICLE, MAX_PASSAGES = 1 << ARTICLE_BITS, 1 << PASSAGE_BITS


class ColumnarError(Exception):
    """A one-line reason the directory cannot be used as a Parquet index."""


def is_columnar(path: Path) -> bool:
    return path.is_dir() and (path / META).is_file()


def posting(date_ord: int, article: int, passage: int) -> int:
    return (date_ord << (ARTICLE_BITS + PASSAGE_BITS)) | (article << PASSAGE_BITS) | passage


def unpost(value: int) -> tuple[int, int, int]:
    return value >> (ARTICLE_BITS + PASSAGE_BITS), (value >> PASSAGE_BITS) & (MAX_ARTICLE - 1), value & (MAX_PASSAGES - 1)


def bucket_bits(buckets: int) -> int:
    return buckets.bit_length() - 1


def require_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise ColumnarError("a Parquet index needs pyarrow: pip install 'provenance-news[dask]' (or pyarrow)") from None


def create(path: Path, buckets: int = DEFAULT_BUCKETS, min_words: int | None = None) -> dict:
    from provenance import __version__
    from provenance.fsutil import atomic_write
    from provenance.reuse.passages import MIN_WORDS
    from provenance.reuse.signature import default_params

    if buckets < 1 or buckets & (buckets - 1):
        raise ColumnarError(f"{path}: buckets must be a power of two")
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise ColumnarError(f"{path}: exists and is not a Parquet index")
    params = default_params()
    meta = {
        "format": FORMAT,
        "schema": SCHEMA,
        "created_by": f"provenance {__version__}",
        "min_words": min_words or MIN_WORDS,
        "num_perm": params.num_perm,
        "bands": params.bands,
        "rows": params.rows,
        "buckets": buckets,
    }
    for sub in ("batches", "articles", "keys"):
        (path / sub).mkdir(parents=True, exist_ok=True)
    atomic_write(path / META, json.dumps(meta, indent=2, sort_keys=True) + "\n")
    return meta


def read_meta(path: Path) -> dict:
    try:
        meta = json.loads((path / META).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ColumnarError(f"{path}: not a usable Parquet index ({exc})") from None
    if meta.get("format") != FORMAT or meta.get("schema") != SCHEMA:
        raise ColumnarError(f"{path}: not a Parquet index of schema {SCHEMA} (format {meta.get('format')!r}, schema {meta.get('schema')!r})")
    return meta


def read_batches(path: Path) -> list[dict]:
    """The committed batches, in order."""
    out = []
    for p in sorted((path / "batches").glob("b*.json")):
        try:
            out.append(json.loads(p.read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            raise ColumnarError(f"{p}: unreadable batch file ({exc})") from None
    return out


def read_compacted(path: Path) -> dict | None:
    """The compaction manifest: key files holding every batch up to ``through_batch``."""
    target = path / COMPACTED
    if not target.is_file():
        return None
    try:
        return json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ColumnarError(f"{target}: unreadable ({exc})") from None


def preparer_of(meta: dict) -> "Preparer":
    from provenance.index.store import Preparer
    from provenance.reuse.signature import LshParams

    return Preparer(int(meta["min_words"]), LshParams(int(meta["num_perm"]), int(meta["bands"]), int(meta["rows"])))


# -- the tasks of an append (pure functions: run again, they write the same files) --------------


@dataclass
class PreparedPart:
    """A partition's articles, prepared on a worker: what the files need."""

    ids: list[int]
    sha256: list[str]
    paths: list[str]
    dates: list[str | None]
    date_ords: list[int]
    spans: list[list[int]]
    texts: list[str]
    keys: list[tuple[int, int]] = field(default_factory=list)  # (key, posting)
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)


def prepare_part(items: list[tuple[int, str, str, str | None]], preparer: "Preparer") -> PreparedPart:
    """items: (article id, display path, file path, ISO date or None)."""
    import datetime as dt

    from provenance.document import Document, InputError
    from provenance.index.dates import front_matter_date
    from provenance.index.store import UNDATED

    part = PreparedPart([], [], [], [], [], [], [])
    for article_id, display, file_path, date in items:
        try:
            doc = Document.from_path(Path(file_path))
        except InputError as exc:
            part.unreadable.append((display, str(exc)))
            continue
        day = dt.date.fromisoformat(date) if date else front_matter_date(doc)
        prepared = preparer(display, doc, day)
        date_ord = day.toordinal() if day else UNDATED
        part.ids.append(article_id)
        part.sha256.append(prepared.sha256)
        part.paths.append(display)
        part.dates.append(day.isoformat() if day else None)
        part.date_ords.append(date_ord)
        flat: list[int] = []
        for n, (p, keys) in enumerate(zip(prepared.passages[:MAX_PASSAGES], prepared.keys)):
            flat += [0 if p.kind == "paragraph" else 1, p.start, p.end, p.line]
            post = posting(date_ord, article_id, n)
            part.keys += [(k, post) for k in keys]
        part.spans.append(flat)
        part.texts.append(prepared.text)
    return part


def identities(part: PreparedPart) -> list[tuple[int, str, str]]:
    """(id, sha256, path) of a prepared partition: what the client needs to deduplicate."""
    return list(zip(part.ids, part.sha256, part.paths))


def unreadable_of(part: PreparedPart) -> list[tuple[str, str]]:
    return part.unreadable


def write_articles(part: PreparedPart, out: str, skip: list[int]) -> int:
    import pyarrow as pa

    drop = set(skip)
    keep = [i for i, a in enumerate(part.ids) if a not in drop]
    if not keep:
        return 0
    table = pa.table(
        {
            "id": pa.array([part.ids[i] for i in keep], pa.int64()),
            "sha256": pa.array([part.sha256[i] for i in keep], pa.string()),
            "path": pa.array([part.paths[i] for i in keep], pa.string()),
            "date": pa.array([part.dates[i] for i in keep], pa.string()),
            "date_ord": pa.array([part.date_ords[i] for i in keep], pa.int32()),
            "spans": pa.array([part.spans[i] for i in keep], pa.list_(pa.int32())),
            "text": pa.array([part.texts[i] for i in keep], pa.large_string()),
        }
    )
    # Only the text is compressed: the small columns read faster plain.
    compression = {name: "zstd" if name == "text" else "none" for name in table.column_names}
    _write_table(table, Path(out), row_group_size=ARTICLE_ROW_GROUP, compression=compression)
    return len(keep)


def split_keys(part: PreparedPart, buckets: int, skip: list[int]) -> list[Any]:
    """The partition's (key, posting) rows cut by bucket: the map side of the shuffle."""
    import numpy as np

    if not part.keys:
        return [np.empty((0, 2), np.int64) for _ in range(buckets)]
    rows = np.array(part.keys, dtype=np.int64)
    if skip:
        articles = (rows[:, 1] >> PASSAGE_BITS) & (MAX_ARTICLE - 1)
        rows = rows[~np.isin(articles, np.array(skip, np.int64))]
    bits = bucket_bits(buckets)
    which = (rows[:, 0].view(np.uint64) >> np.uint64(64 - bits)).astype(np.int64) if bits else np.zeros(len(rows), np.int64)
    return [rows[which == b] for b in range(buckets)]


def piece(pieces: list[Any], bucket: int) -> Any:
    return pieces[bucket]


def write_bucket(pieces: list[Any], out: str, row_group: int = KEY_ROW_GROUP) -> int:
    """The reduce side: one bucket's rows from every partition, sorted, one file."""
    import numpy as np
    import pyarrow as pa

    rows = np.concatenate(pieces) if pieces else np.empty((0, 2), np.int64)
    if not len(rows):
        return 0
    rows = np.unique(rows, axis=0)  # sorted by (key, posting); a key twice in one passage once
    keys = np.ascontiguousarray(rows[:, 0])
    table = pa.table({"key": keys, "posting": np.ascontiguousarray(rows[:, 1])})
    first_keys = keys[::row_group]
    table = table.replace_schema_metadata({"row_group_first_keys": first_keys.tobytes().hex()})
    _write_table(table, Path(out), row_group_size=row_group, compression="none")
    from provenance.index.columnar_keys import write_sidecar

    write_sidecar(Path(out))
    return len(rows)


def write_identities(out: Path, rows: list[tuple[int, str, str, int, int]]) -> None:
    """The batch's (id, sha256, path, file, row): ``file`` indexes the batch's
    article files, ``row`` the article's row in it."""
    import pyarrow as pa

    columns = list(zip(*rows)) if rows else [[], [], [], [], []]
    table = pa.table(
        {
            "id": pa.array(columns[0], pa.int64()),
            "sha256": pa.array(columns[1], pa.string()),
            "path": pa.array(columns[2], pa.string()),
            "file": pa.array(columns[3], pa.int32()),
            "row": pa.array(columns[4], pa.int32()),
        }
    )
    write_identity_table(out, table)


def write_identity_table(out: Path, table) -> None:
    _write_table(table, out, compression="none")


def read_identities(path: Path, batches: list[dict]):
    """(id, sha256, path, part, row) of every article of these batches, tombstoned
    ones included, as an Arrow table; ``part`` indexes the article files of all
    the batches in order. The compaction's identity file holds the batches it
    merged; a batch without an identity file (an older version's)
    is read from its article files."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    tables = []
    offset = 0
    compacted = read_compacted(path)
    if compacted and compacted.get("identities"):  # every batch up to through_batch in one file
        tables.append(pq.read_table(path / compacted["identities"], columns=["id", "sha256", "path", "part", "row"]))
        done = [b for b in batches if b["batch"] <= compacted["through_batch"]]
        offset = sum(len(b["articles"]) for b in done)
        batches = batches[len(done):]
    for b in batches:
        if b.get("identities"):
            t = pq.read_table(path / b["identities"], columns=["id", "sha256", "path", "file", "row"])
            t = t.set_column(3, "part", pc.add(t.column("file"), pa.scalar(offset, pa.int32())))
        else:
            pieces = []
            for n, name in enumerate(b["articles"]):
                a = pq.read_table(path / name, columns=["id", "sha256", "path"])
                rows = len(a)
                pieces.append(a.append_column("part", pa.array([offset + n] * rows, pa.int32())).append_column("row", pa.array(range(rows), pa.int32())))
            if not pieces:
                offset += len(b["articles"])
                continue
            t = pa.concat_tables(pieces)
        tables.append(t.select(["id", "sha256", "path", "part", "row"]))
        offset += len(b["articles"])
    if not tables:
        schema = pa.schema([("id", pa.int64()), ("sha256", pa.string()), ("path", pa.string()), ("part", pa.int32()), ("row", pa.int32())])
        return schema.empty_table()
    return pa.concat_tables(tables).combine_chunks()


def _write_table(table, out: Path, **options) -> None:
    """Write beside the target and rename: a killed task leaves no half file under the real name."""
    import pyarrow.parquet as pq

    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp, use_dictionary=False, write_statistics=False, **options)
    os.replace(tmp, out)
