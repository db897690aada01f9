"""Reading a Parquet index (``columnar.py``): ``check --index-path DIR``, no cluster.

``ColumnarIndex`` answers the same ``lookup`` as the SQLite ``ArticleIndex``
with the same algorithm (``store._Lookup``: candidates in (date, insertion)
order, a page at a time, the same exact re-check), so the two indexes of the
same articles give the same findings. A lookup reads, per bucket file its
keys fall in, only the row groups those keys fall in (the first key of each
row group is in the file's metadata), in one read per file; and, per
candidate, the row group of 16 articles that holds it.
"""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path
from typing import TYPE_CHECKING

from provenance.index.columnar import (
    ARTICLE_ROW_GROUP,
    MAX_ARTICLE,
    MAX_PASSAGES,
    PASSAGE_BITS,
    ColumnarError,
    bucket_bits,
    preparer_of,
    read_batches,
    read_compacted,
    read_meta,
    require_pyarrow,
    unpost,
)
from provenance.index.store import _KINDS, _Lookup

if TYPE_CHECKING:
    from provenance.document import Document
    from provenance.reuse.passages import Passage
    from provenance.reuse.settings import ReuseSettings


#: Row groups of a key read at first (per file: the one it begins in; most lookups
#: end within its first 16 rows), and at most: past _MAX_CANDIDATES rows (4,096)
#: a lookup stops (the depth is in groups of the largest size written, 1,024 rows).
FIRST_DEPTH, FULL_DEPTH = 1, 5


class ColumnarIndex:
    """A read-only Parquet index with the reading API of ``ArticleIndex``."""

    def __init__(self, path: Path):
        import numpy as np
        import pyarrow.parquet as pq

        require_pyarrow()
        self.path = Path(path)
        self.meta = read_meta(self.path)
        self.min_words = int(self.meta["min_words"])
        self.bits = bucket_bits(int(self.meta["buckets"]))
        batches = read_batches(self.path)
        self.removed = {i for b in batches for i in b.get("removed", [])}
        self._files: dict[int, list[Path]] = {}
        compacted = read_compacted(self.path)
        through = compacted["through_batch"] if compacted else 0
        for name in compacted["keys"] if compacted else []:
            bucket = int(name.split("bucket=")[1].split("/")[0])
            self._files.setdefault(bucket, []).append(self.path / name)
        for b in batches:
            if b["batch"] <= through:
                continue  # its keys are in the compacted files
            for name in b["keys"]:
                bucket = int(name.split("bucket=")[1].split("/")[0])
                self._files.setdefault(bucket, []).append(self.path / name)
        self._parts: list[Path] = [self.path / name for b in batches for name in b["articles"]]
        self._count = sum(b.get("added", 0) for b in batches) - len(self.removed)
        self._ids = None  # the article columns, read on the first lookup (``_load``)
        self._handles: dict[Path, tuple] = {}
        self._signer = None

    def _load(self) -> None:
        """Ids, sha256 and paths of every article (for leaving the checked one out,
        and for finding a candidate's row), read in one scan of the article files."""
        import numpy as np
        import pyarrow as pa
        import pyarrow.dataset as ds

        if self._ids is not None:
            return
        if self._parts:
            table = ds.dataset([str(p) for p in self._parts], format="parquet").to_table(columns=["id", "sha256", "path"])
            self._ids = table.column("id").to_numpy()
            self._shas = table.column("sha256").combine_chunks()
            self._paths = table.column("path").combine_chunks()
        else:
            self._ids = np.empty(0, np.int64)
            self._shas = self._paths = pa.array([], pa.string())
        # ids are increasing within a file and files come in the order written, so
        # the row of an id is found by bisection, its file by the files' first ids
        self._order = np.argsort(self._ids, kind="stable")
        self._sorted_ids = self._ids[self._order]
        counts = [f.count_rows() for f in ds.dataset([str(p) for p in self._parts], format="parquet").get_fragments()] if self._parts else []
        self._part_start = np.r_[0, np.cumsum(counts)].astype(np.int64)

    @classmethod
    def open(cls, path: Path) -> "ColumnarIndex":
        try:
            return cls(path)
        except (OSError, ValueError) as exc:  # pyarrow's errors are OSError / ValueError subclasses
            raise ColumnarError(f"{path}: not a usable Parquet index ({exc})") from None

    def close(self) -> None:
        self._handles.clear()

    @property
    def signer(self):
        if self._signer is None:
            from provenance.reuse.signature import Signer

            self._signer = Signer(preparer_of(self.meta).params)
        return self._signer

    def passage_keys(self, p: "Passage") -> list[int]:
        from provenance.index.store import passage_keys

        return passage_keys(self.signer, p)

    def articles(self) -> int:
        return self._count

    def signature(self) -> str:
        return f"index:parquet{self.meta['schema']}:{self.signer.params.describe()}:w{self.min_words}:articles={self.articles()}"

    def stats(self) -> dict:
        import pyarrow.parquet as pq

        keys = sum(pq.ParquetFile(f).metadata.num_rows for files in self._files.values() for f in files)
        size = sum(p.stat().st_size for p in self.path.rglob("*.parquet"))
        return {
            "path": str(self.path),
            "schema": f"parquet {self.meta['schema']}",
            "created_by": self.meta.get("created_by"),
            "signature": f"{self.signer.params.describe()}|w{self.min_words}",
            "articles": self.articles(),
            "keys": keys,
            "buckets": int(self.meta["buckets"]),
            "files": sum(len(f) for f in self._files.values()) + len(self._parts),
            "bytes": size,
        }

    # -- reading ----------------------------------------------------------------------
    def excluded(self, doc: "Document", display: str) -> set[int]:
        import numpy as np
        import pyarrow.compute as pc

        self._load()
        hit = pc.or_(pc.equal(self._shas, doc.sha256), pc.equal(self._paths, display)).to_numpy(zero_copy_only=False)
        return {int(i) for i in self._ids[np.flatnonzero(hit)]}

    def _handle(self, path: Path):
        import numpy as np
        import pyarrow.parquet as pq

        handle = self._handles.get(path)
        if handle is None:
            f = pq.ParquetFile(path, memory_map=True)
            raw = (f.schema_arrow.metadata or {}).get(b"row_group_first_keys", b"")
            handle = self._handles[path] = (f, np.frombuffer(bytes.fromhex(raw.decode()), np.int64))
        return handle

    def postings(self, keys: list[int], depth: int = FULL_DEPTH) -> dict:
        """key -> (postings, complete) for these keys: numpy int64 postings in
        (date, insertion) order, tombstoned articles left out. From each file,
        at most ``depth`` row groups of a key are read, starting with the one its
        rows begin in; ``complete`` is False when a file has more, and then
        only the postings that no unread row can come before are returned."""
        import numpy as np
        import pyarrow as pa
        import pyarrow.compute as pc

        wanted = np.array(sorted(set(keys)), np.int64)
        found_keys, found_posts = [], []
        bounds: dict[int, int] = {}  # key -> the last posting that is safe to use
        which = (wanted.view(np.uint64) >> np.uint64(64 - self.bits)).astype(np.int64) if self.bits else np.zeros(len(wanted), np.int64)
        for bucket in np.unique(which):
            ks = wanted[which == bucket]
            for path in self._files.get(int(bucket), []):
                f, first_keys = self._handle(path)
                # a key's rows begin in the last group that starts before it, and end in the last that starts at or before it
                lo = np.maximum(np.searchsorted(first_keys, ks, side="left") - 1, 0)
                hi = np.maximum(np.searchsorted(first_keys, ks, side="right") - 1, 0)
                top = np.minimum(hi, lo + depth - 1)
                groups = np.unique(np.concatenate([np.arange(a, b + 1) for a, b in zip(lo, top)]))
                table = f.read_row_groups(groups.tolist(), columns=["key", "posting"], use_threads=False)
                table = table.filter(pc.is_in(table.column("key"), value_set=pa.array(ks)))
                tk, tp = table.column("key").to_numpy(), table.column("posting").to_numpy()
                found_keys.append(tk)
                found_posts.append(tp)
                unread = ks[top < hi]  # keys with rows left unread in this file
                if len(unread):
                    # rows come in file order (key, posting): a key's last row read is its largest posting read
                    at = np.searchsorted(tk, unread, side="right") - 1
                    for k, i in zip(unread.tolist(), at.tolist()):
                        # no row of the key read from this file: none of its rows is safe yet
                        last = int(tp[i]) if i >= 0 and tk[i] == k else -1
                        bounds[k] = min(bounds.get(k, last), last)
        empty = np.empty(0, np.int64)
        if not found_keys:
            return {key: (empty, False) for key in bounds}
        k, post = np.concatenate(found_keys), np.concatenate(found_posts)
        if self.removed:
            k, post = _live(k, post, self._removed_array())
        order = np.lexsort((post, k))  # by key, then posting: several files (appends) merged
        k, post = k[order], post[order]
        starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]]) if len(k) else np.empty(0, np.int64)  # every row read may be tombstoned
        ends = np.r_[starts[1:], len(k)]
        out = {}
        for s_, e in zip(starts, ends):
            key = int(k[s_])
            rows = post[s_:e]
            bound = bounds.get(key)
            out[key] = (rows, True) if bound is None else (rows[rows <= bound], False)
        for key in bounds:
            out.setdefault(key, (empty, False))
        return out

    def _removed_array(self):
        import numpy as np

        return np.array(sorted(self.removed), np.int64)

    def article_row(self, article_id: int) -> dict | None:
        """path, date, text and passage spans of one article (its row group of the articles file)."""
        import numpy as np

        self._load()
        at = np.searchsorted(self._sorted_ids, article_id)
        if at >= len(self._order) or self._sorted_ids[at] != article_id:
            return None
        flat = int(self._order[at])
        part = int(np.searchsorted(self._part_start, flat, side="right") - 1)
        row = flat - int(self._part_start[part])
        f, _ = self._handle_articles(self._parts[part])
        group = f.read_row_group(row // ARTICLE_ROW_GROUP, columns=["path", "date", "spans", "text"], use_threads=False)
        i = row % ARTICLE_ROW_GROUP
        return {name: group.column(name)[i].as_py() for name in ("path", "date", "spans", "text")}

    def _handle_articles(self, path: Path):
        import pyarrow.parquet as pq

        handle = self._handles.get(path)
        if handle is None:
            handle = self._handles[path] = (pq.ParquetFile(path, memory_map=True), None)
        return handle

    def lookup(self, doc: "Document", display: str, settings: "ReuseSettings") -> list[dict]:
        try:
            return _ColumnarLookup(self, doc, display, settings).run()
        except (OSError, ValueError) as exc:
            raise ColumnarError(f"{self.path}: index error ({exc})") from None


def _row_of(post: int) -> tuple[int, int, int]:
    """(date_ord, article, passage uid): the third item names the passage
    uniquely, as the SQLite passage id does."""
    date_ord, article, passage = unpost(post)
    return date_ord, article, (article << PASSAGE_BITS) | passage


def _live(keys, posts, removed):
    import numpy as np

    alive = ~np.isin((posts >> PASSAGE_BITS) & (MAX_ARTICLE - 1), removed)
    return keys[alive], posts[alive]


class _ColumnarLookup(_Lookup):
    """``store._Lookup`` over the Parquet files: the rows of every key of the
    document are read at once, then paged through as the SQLite lookup pages."""

    def __init__(self, index: ColumnarIndex, doc: "Document", display: str, settings: "ReuseSettings"):
        from provenance.reuse.passages import extract

        self.index = index
        self.doc = doc
        self.settings = settings
        self.exclude = index.excluded(doc, display)
        self._articles: dict[int, tuple | None] = {}
        self._rows: dict[int, dict | None] = {}
        self._keys = {(p.kind, p.start, p.end): index.passage_keys(p) for p in extract(doc, 0, index.min_words)}
        # First the row groups where each key begins: most lookups end within them.
        self._postings = index.postings([k for keys in self._keys.values() for k in keys], depth=FIRST_DEPTH)

    def _posts(self, key: int, need: int):
        """The key's postings, read further when fewer than ``need`` are safe to use."""
        rows, complete = self._postings.get(key, (None, True))
        if not complete and (rows is None or len(rows) < need):
            rows, complete = self.index.postings([key]).get(key, (None, True))
            self._postings[key] = (rows, True)  # FULL_DEPTH holds more than a lookup ever pages through
        return rows

    def _passage_keys(self, p: "Passage") -> list[int]:
        return self._keys[(p.kind, p.start, p.end)]

    def _pages(self, offsets: dict[int, int]) -> dict[int, list[tuple[int, int, int]]]:
        from provenance.index.store import _PAGE

        out = {}
        for key, offset in offsets.items():
            posts = self._posts(key, offset + _PAGE + 1)
            out[key] = [] if posts is None else [_row_of(int(v)) for v in posts[offset : offset + _PAGE]]
        return out

    def _copies(self, key: int) -> int:
        import numpy as np

        from provenance.index.store import COPIES_CAP

        enough = COPIES_CAP + len(self.exclude)
        posts = self._posts(key, 0)
        if posts is None:
            return 0
        articles = np.unique((posts >> PASSAGE_BITS) & (MAX_ARTICLE - 1))
        if len(articles) < enough and not self._postings[key][1]:
            posts = self._posts(key, len(posts) + 1)
            articles = np.unique((posts >> PASSAGE_BITS) & (MAX_ARTICLE - 1))
        return min(COPIES_CAP, len(articles) - sum(1 for a in self.exclude if np.any(articles == a)))

    def _row(self, article_id: int) -> dict | None:
        if article_id not in self._rows:
            self._rows[article_id] = self.index.article_row(article_id)
        return self._rows[article_id]

    def _article(self, article_id: int) -> tuple | None:
        row = self._row(article_id)
        return None if row is None else (row["path"], row["date"], row["text"])

    def _check(self, p: "Passage", article_id: int, passage_uid: int):
        from provenance.reuse.passages import Passage, classify, normalize, words

        passage_id = passage_uid & (MAX_PASSAGES - 1)
        row = self._row(article_id)
        if row is None or 4 * passage_id + 3 >= len(row["spans"]):
            return None
        kind, start, end, line = row["spans"][4 * passage_id : 4 * passage_id + 4]
        norm = normalize(row["text"][start:end])
        other = Passage(1, _KINDS[kind], start, end, line, 1, norm, words(norm))
        pair = classify(p, other, self.settings)
        return None if pair is None else (pair, article_id, (passage_id, kind, start, end, line))
