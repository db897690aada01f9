"""Reading a Parquet index (``columnar.py``): ``check --index-path DIR``, no cluster.

``ColumnarIndex`` answers the same ``lookup`` as the SQLite ``ArticleIndex``
with the same algorithm (``store._Lookup``: candidates in (date, insertion)
order, a page at a time, the same exact re-check), so the two indexes of the
same articles give the same findings. Opening reads the batch files and one
identity file per batch (id, sha256, path, file and row of every article);
the key files are memory-mapped (``columnar_keys.KeyFile``): a lookup finds
the rows of its keys by binary search and slices only the postings it pages
through out of the maps. A candidate's text is read from its row group of 16
articles.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from provenance.index.columnar import (
    ARTICLE_BITS,
    ARTICLE_ROW_GROUP,
    MAX_ARTICLE,
    MAX_PASSAGES,
    PASSAGE_BITS,
    ColumnarError,
    bucket_bits,
    preparer_of,
    read_batches,
    read_compacted,
    read_identities,
    read_meta,
    require_pyarrow,
)
from provenance.index.store import _KINDS, _Lookup

if TYPE_CHECKING:
    from provenance.document import Document
    from provenance.reuse.passages import Passage
    from provenance.reuse.settings import ReuseSettings


class ColumnarIndex:
    """A read-only Parquet index with the reading API of ``ArticleIndex``."""

    def __init__(self, path: Path):
        import numpy as np

        require_pyarrow()
        self.path = Path(path)
        self.meta = read_meta(self.path)
        self.min_words = int(self.meta["min_words"])
        self.bits = bucket_bits(int(self.meta["buckets"]))
        batches = read_batches(self.path)
        self.removed = {i for b in batches for i in b.get("removed", [])}
        self._removed = np.array(sorted(self.removed), np.int64)
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
        self._batches = batches
        # an article file rewritten by a compaction (its tombstoned articles purged) is read under its new name
        renamed = compacted.get("articles", {}) if compacted else {}
        self._parts: list[Path | None] = [
            None if renamed.get(name, name) is None else self.path / renamed.get(name, name) for b in batches for name in b["articles"]
        ]
        self._count = sum(b.get("added", 0) for b in batches) - len(self.removed)
        self._ids = None  # the identity columns, read on the first lookup (``_load``)
        self._keyfiles: dict[Path, object] = {}
        self._articles: dict[Path, object] = {}
        self._groups: dict[tuple[int, int], dict] = {}  # (article file, row group) -> its columns
        self._signer = None

    def _load(self) -> None:
        """Ids, sha256, paths, files and rows of every article (for leaving the
        checked one out, and for finding a candidate's row): one file per batch."""
        import numpy as np

        if self._ids is not None:
            return
        table = read_identities(self.path, self._batches)
        ids = table.column("id").to_numpy()
        self._shas = table.column("sha256").combine_chunks()
        self._paths = table.column("path").combine_chunks()
        order = np.argsort(ids, kind="stable")
        self._sorted_ids = ids[order]
        self._where = np.column_stack([table.column("part").to_numpy()[order], table.column("row").to_numpy()[order]]).astype(np.int64)
        self._ids = ids

    @classmethod
    def open(cls, path: Path) -> "ColumnarIndex":
        try:
            return cls(path)
        except (OSError, ValueError) as exc:  # pyarrow's errors are OSError / ValueError subclasses
            raise ColumnarError(f"{path}: not a usable Parquet index ({exc})") from None

    def close(self) -> None:
        for f in self._keyfiles.values():
            f.close()
        self._keyfiles.clear()
        self._articles.clear()
        self._groups.clear()

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
        keys = sum(self._keyfile(f).rows for files in self._files.values() for f in files)
        size = sum(p.stat().st_size for p in self.path.rglob("*") if p.is_file() and not p.name.startswith("."))
        return {
            "path": str(self.path),
            "schema": f"parquet {self.meta['schema']}",
            "created_by": self.meta.get("created_by"),
            "signature": f"{self.signer.params.describe()}|w{self.min_words}",
            "articles": self.articles(),
            "keys": keys,
            "buckets": int(self.meta["buckets"]),
            "files": sum(len(f) for f in self._files.values()) + sum(1 for p in self._parts if p is not None),
            "bytes": size,
        }

    # -- reading ----------------------------------------------------------------------
    def excluded(self, doc: "Document", display: str) -> set[int]:
        import numpy as np
        import pyarrow.compute as pc

        self._load()
        hit = pc.or_(pc.equal(self._shas, doc.sha256), pc.equal(self._paths, display)).to_numpy(zero_copy_only=False)
        return {int(i) for i in self._ids[np.flatnonzero(hit)]}

    def _keyfile(self, path: Path):
        from provenance.index.columnar_keys import KeyFile

        f = self._keyfiles.get(path)
        if f is None:
            f = self._keyfiles[path] = KeyFile(path)
        return f

    def ranges(self, keys: list[int]) -> dict[int, list[tuple[object, int, int]]]:
        """key -> [(key file, first row, end row)] of every file holding it."""
        import numpy as np

        wanted = np.array(sorted(set(keys)), np.int64)
        out: dict[int, list] = {}
        which = (wanted.view(np.uint64) >> np.uint64(64 - self.bits)).astype(np.int64) if self.bits else np.zeros(len(wanted), np.int64)
        for bucket in np.unique(which).tolist():
            ks = wanted[which == bucket]
            for path in self._files.get(bucket, []):
                f = self._keyfile(path)
                for key, (lo, hi) in zip(ks.tolist(), f.ranges(ks)):
                    if hi > lo:
                        out.setdefault(key, []).append((f, lo, hi))
        return out

    def head(self, sources: list[tuple[object, int, int]], n: int) -> tuple:
        """(postings, complete): the first ``n`` live postings of a key, in
        (date, insertion) order, from its row ranges in every file (appends)
        merged; ``complete`` when there are no more."""
        import numpy as np

        pieces, complete = [], True
        for f, lo, hi in sources:
            take = n
            while True:
                rows = f.postings(lo, min(hi, lo + take))
                if len(self._removed):
                    articles = (rows >> PASSAGE_BITS) & (MAX_ARTICLE - 1)
                    at = np.minimum(np.searchsorted(self._removed, articles), len(self._removed) - 1)
                    rows = rows[self._removed[at] != articles]
                if len(rows) >= n or lo + take >= hi:
                    break
                take *= 2  # tombstoned rows cut the first ones: read further
            complete = complete and lo + take >= hi and len(rows) <= n
            pieces.append(rows[:n])
        if len(pieces) == 1:
            return pieces[0], complete
        merged = np.sort(np.concatenate(pieces)) if pieces else np.empty(0, np.int64)
        return merged[:n], complete and len(merged) <= n

    def article_row(self, article_id: int) -> dict | None:
        """path, date, text and passage spans of one article (its row group of the articles file)."""
        import numpy as np
        import pyarrow.parquet as pq

        self._load()
        at = int(np.searchsorted(self._sorted_ids, article_id))
        if at >= len(self._sorted_ids) or self._sorted_ids[at] != article_id:
            return None
        part, row = self._where[at].tolist()
        where = (part, row // ARTICLE_ROW_GROUP)
        group = self._groups.get(where)
        if group is None:
            path = self._parts[part]
            f = self._articles.get(path)
            if f is None:
                f = self._articles[path] = pq.ParquetFile(path, memory_map=True)
            table = f.read_row_group(where[1], columns=["path", "date", "spans", "text"], use_threads=False)
            group = table.to_pydict()
            if len(self._groups) >= _ARTICLE_GROUPS_KEPT:
                del self._groups[next(iter(self._groups))]  # the oldest read
            self._groups[where] = group
        i = row % ARTICLE_ROW_GROUP
        return {name: group[name][i] for name in ("path", "date", "spans", "text")}

    def lookup(self, doc: "Document", display: str, settings: "ReuseSettings") -> list[dict]:
        try:
            return _ColumnarLookup(self, doc, display, settings).run()
        except (OSError, ValueError) as exc:
            raise ColumnarError(f"{self.path}: index error ({exc})") from None


#: A posting's date_ord is above this bit; below it, (article, passage): the passage
#: uid, which names the passage uniquely as the SQLite passage id does.
_DATE_SHIFT = ARTICLE_BITS + PASSAGE_BITS
_UID_MASK = (1 << _DATE_SHIFT) - 1
#: Row groups of articles kept decoded between lookups (16 articles each): the
#: earliest articles are the candidates of many lookups.
_ARTICLE_GROUPS_KEPT = 128


class _ColumnarLookup(_Lookup):
    """``store._Lookup`` over the Parquet files: the row ranges of every key of
    the document are found at once; postings are sliced out of the key files as
    the SQLite lookup pages through them."""

    def __init__(self, index: ColumnarIndex, doc: "Document", display: str, settings: "ReuseSettings"):
        from provenance.reuse.passages import extract

        self.index = index
        self.doc = doc
        self.settings = settings
        self.exclude = index.excluded(doc, display)
        self._articles: dict[int, tuple | None] = {}
        self._rows: dict[int, dict | None] = {}
        self._keys = {(p.kind, p.start, p.end): index.passage_keys(p) for p in extract(doc, 0, index.min_words)}
        self._ranges = index.ranges([k for keys in self._keys.values() for k in keys])
        self._heads: dict[int, tuple] = {}

    def _posts(self, key: int, need: int):
        """At least the first ``need`` postings of the key (all when it has fewer)."""
        import numpy as np

        sources = self._ranges.get(key)
        if sources is None:
            return np.empty(0, np.int64)
        got = self._heads.get(key)
        if got is None or (not got[1] and len(got[0]) < need):
            got = self._heads[key] = self.index.head(sources, max(need, 2 * len(got[0]) if got else need))
        return got[0]

    def _passage_keys(self, p: "Passage") -> list[int]:
        return self._keys[(p.kind, p.start, p.end)]

    def _pages(self, offsets: dict[int, int]) -> dict[int, list[tuple[int, int, int]]]:
        from provenance.index.store import _PAGE

        out = {}
        for key, offset in offsets.items():
            page = self._posts(key, offset + _PAGE)[offset : offset + _PAGE]
            # (date_ord, article, passage uid) of each posting, decoded in numpy (``unpost``)
            out[key] = list(zip((page >> _DATE_SHIFT).tolist(), ((page >> PASSAGE_BITS) & (MAX_ARTICLE - 1)).tolist(), (page & _UID_MASK).tolist()))
        return out

    def _copies(self, key: int) -> int:
        """As the SQLite lookup counts: distinct articles up to COPIES_CAP, the checked one left out."""
        import numpy as np

        from provenance.index.store import COPIES_CAP

        enough = COPIES_CAP + len(self.exclude)
        need = enough
        while True:
            posts = self._posts(key, need)
            articles = np.unique((posts >> PASSAGE_BITS) & (MAX_ARTICLE - 1))
            if len(articles) >= enough or len(posts) < need:
                break
            need = 2 * len(posts)
        kept = len(articles) - sum(1 for a in self.exclude if np.any(articles == a))
        return min(COPIES_CAP, kept)

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
