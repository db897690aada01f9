"""The article index: one SQLite file (``.provenance/index.db`` by default).

Tables (schema version in ``meta``):

- ``articles``: content hash (unique: adding the same text again is a no-op),
  path as given, date, ``date_ord`` (the sort key for "earliest"), the text
  (zlib) and, when those layers ran, name mentions and attributions (JSON,
  zlib-compressed since schema 2; ``index.migrate``).
- ``passages``: each paragraph and body sentence (``passages.extract``) with
  its span and line; an article's passages have consecutive ids.
- ``keys``: the signature keys of every passage, clustered on
  ``(key, date_ord, article, passage)`` so that the earliest articles holding a
  key come first: the exact key of the normalized text, and for paragraphs the
  MinHash LSH band keys and the opening key (``reuse.signature``).

"Earliest" is the earliest date; articles without a date come after every
dated one; ties go to the article indexed first.

Writes happen in transactions of at most ``BATCH`` articles (``BEGIN
IMMEDIATE``): a killed writer leaves whole articles or none, and running
``add`` again finishes the job. WAL mode lets readers work during a write.
"""

from __future__ import annotations

import datetime as dt
import heapq
import os
import sqlite3
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from provenance.index.migrate import pack
from provenance.reuse.passages import Passage, classify, extract, normalize, opening_key, words

if TYPE_CHECKING:
    from provenance.document import Document
    from provenance.reuse.settings import ReuseSettings
    from provenance.reuse.signature import LshParams

SCHEMA_VERSION = 2
#: Schemas a reader opens as they are (a writer migrates them first: ``index.migrate``).
READABLE = ("1", "2")
#: Sort key of an undated article: after every date.
UNDATED = 10_000_000
BATCH = 1000
PARAGRAPH, SENTENCE = 0, 1
_KINDS = ("paragraph", "sentence")
#: Word-for-word copies are counted up to this many articles.
COPIES_CAP = 100
#: Page cache of a writer: the keys B-tree is written at random places.
_WRITE_CACHE_KB = 256 * 1024
#: Candidates fetched per key at a time, and at most per passage.
_PAGE, _MAX_CANDIDATES = 16, 4096

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    date TEXT,
    date_ord INTEGER NOT NULL,
    first_passage INTEGER NOT NULL,
    passages INTEGER NOT NULL,
    text BLOB NOT NULL,
    names TEXT,
    attributions TEXT
);
CREATE INDEX articles_path ON articles (path);
CREATE TABLE passages (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    line INTEGER NOT NULL
);
CREATE TABLE keys (
    key INTEGER NOT NULL,
    date_ord INTEGER NOT NULL,
    article INTEGER NOT NULL,
    passage INTEGER NOT NULL,
    PRIMARY KEY (key, date_ord, article, passage)
) WITHOUT ROWID;
"""


class IndexStoreError(Exception):
    """A one-line reason the index cannot be used (missing, corrupt, locked, other schema)."""


@dataclass
class AddResult:
    added: int = 0
    unchanged: int = 0
    replaced: int = 0


@dataclass
class _Prepared:
    display: str
    sha256: str
    text: str
    date: dt.date | None
    passages: list[Passage]
    keys: list[list[int]]
    names: str | None = None
    attributions: str | None = None


def _explain(path: Path, exc: sqlite3.Error) -> IndexStoreError:
    message = str(exc)
    if "locked" in message or "busy" in message:
        return IndexStoreError(f"{path}: the index is locked by another writer; try again when it has finished")
    if "not a database" in message or "malformed" in message or "disk image" in message:
        return IndexStoreError(f"{path}: not a usable provenance index ({message}); remove it and run `provenance index add` again")
    if "readonly" in message or "unable to open" in message:
        return IndexStoreError(f"{path}: cannot open the index ({message})")
    return IndexStoreError(f"{path}: index error ({message})")


def _writer(path: Path, timeout: float) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    # WAL with synchronous=NORMAL never corrupts; a power cut may lose the last commits.
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute(f"PRAGMA cache_size=-{_WRITE_CACHE_KB}")
    return conn


class ArticleIndex:
    def __init__(self, path: Path, conn: sqlite3.Connection, meta: dict[str, str]):
        self.path = path
        self.conn = conn
        self.meta = meta
        self.min_words = int(meta["min_words"])
        self._signer = None

    # -- opening --------------------------------------------------------------
    @classmethod
    def open(cls, path: Path, *, write: bool = False, timeout: float = 5.0, min_words: int | None = None) -> "ArticleIndex":
        """Open an index; ``write`` creates it when missing."""
        path = Path(path)
        if not write:
            from provenance.index.columnar import is_columnar

            if is_columnar(path):
                from provenance.index.columnar import ColumnarError
                from provenance.index.columnar_lookup import ColumnarIndex

                try:
                    return ColumnarIndex.open(path)
                except ColumnarError as exc:
                    raise IndexStoreError(str(exc)) from None
        if not path.exists():
            if not write:
                raise IndexStoreError(f"{path}: no index here (build one with `provenance index add PATH…`)")
            return cls._create(path, timeout, min_words)
        if path.is_dir():
            from provenance.index.columnar import is_columnar

            if is_columnar(path):
                raise IndexStoreError(f"{path}: a Parquet index: `index add` appends to it and `index remove` tombstones its articles")
            raise IndexStoreError(f"{path}: is a directory, not an index file")
        try:
            if write:
                conn = _writer(path, timeout)
            else:
                conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout, isolation_level=None)
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.Error as exc:
            if "no such table" in str(exc):
                raise IndexStoreError(f"{path}: not a provenance index (an SQLite file without its tables)") from None
            raise _explain(path, exc) from None
        if meta.get("schema") in READABLE and meta.get("schema") != str(SCHEMA_VERSION) and write:
            from provenance.index.migrate import migrate_1_to_2

            try:
                migrate_1_to_2(conn)
            except sqlite3.Error as exc:
                raise _explain(path, exc) from None
            meta["schema"] = str(SCHEMA_VERSION)
        if meta.get("schema") not in READABLE:
            raise IndexStoreError(
                f"{path}: index schema {meta.get('schema', '?')}, this provenance reads schema {SCHEMA_VERSION}; "
                "remove it and run `provenance index add` again"
            )
        return cls(path, conn, meta)

    @classmethod
    def _create(cls, path: Path, timeout: float, min_words: int | None) -> "ArticleIndex":
        from provenance import __version__
        from provenance.reuse.passages import MIN_WORDS
        from provenance.reuse.signature import default_params

        params = default_params()
        meta = {
            "schema": str(SCHEMA_VERSION),
            "created_by": f"provenance {__version__}",
            "min_words": str(min_words or MIN_WORDS),
            "num_perm": str(params.num_perm),
            "bands": str(params.bands),
            "rows": str(params.rows),
            "next_article": "1",
            "next_passage": "1",
        }
        from filelock import FileLock, Timeout

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Concurrent first writers: one builds the index under this lock; the
            # others wait, find it made, and open it like any existing index.
            lock = FileLock(str(path.with_name(f".{path.name}.create.lock")), timeout=max(timeout, 30.0))
            with lock:
                if path.exists():
                    return cls.open(path, write=True, timeout=timeout, min_words=min_words)
                # Build beside the target and rename: a half-made index never has the real name.
                tmp = path.with_name(f".{path.name}.{os.getpid()}.new")
                tmp.unlink(missing_ok=True)
                conn = sqlite3.connect(tmp, isolation_level=None)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.executescript("BEGIN;" + _SCHEMA + "COMMIT;")
                conn.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
                conn.close()
                tmp.replace(path)
            conn = _writer(path, timeout)
        except Timeout:
            raise IndexStoreError(f"{path}: another process is creating the index; try again when it has finished") from None
        except OSError as exc:
            raise IndexStoreError(f"{path}: cannot create the index ({exc.strerror or exc})") from None
        except sqlite3.Error as exc:
            raise _explain(path, exc) from None
        return cls(path, conn, meta)

    def close(self) -> None:
        self.conn.close()

    @property
    def signer(self):
        if self._signer is None:
            from provenance.reuse.signature import LshParams, Signer

            m = self.meta
            self._signer = Signer(LshParams(int(m["num_perm"]), int(m["bands"]), int(m["rows"])))
        return self._signer

    def signature(self) -> str:
        count = self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        return f"index:schema{SCHEMA_VERSION}:{self.signer.params.describe()}:w{self.min_words}:articles={count}"

    # -- keys -----------------------------------------------------------------
    def passage_keys(self, p: Passage) -> list[int]:
        return passage_keys(self.signer, p)

    def _prepare(self, display: str, doc: "Document", date: dt.date | None) -> _Prepared:
        return prepare_article(display, doc, date, self.min_words, self.passage_keys)

    # -- writing --------------------------------------------------------------
    def add(
        self,
        items: Iterable[tuple[str, "Document", dt.date | None]],
        annotate: Callable[["Document"], tuple[str | None, str | None]] | None = None,
    ) -> AddResult:
        return self.add_prepared(self._prepare_all(items, annotate))

    def _prepare_all(self, items, annotate):
        for display, doc, date in items:
            prepared = self._prepare(display, doc, date)
            if annotate is not None:
                prepared.names, prepared.attributions = (pack(v) for v in annotate(doc))
            yield prepared

    def add_prepared(self, prepared: Iterable[_Prepared]) -> AddResult:
        """Write articles prepared elsewhere (``prepare_article``: on the workers
        of an engine), in the order given, ``BATCH`` a transaction."""
        result = AddResult()
        batch: list[_Prepared] = []
        for art in prepared:
            batch.append(art)
            if len(batch) >= BATCH:
                self._write(batch, result)
                batch = []
        if batch:
            self._write(batch, result)
        return result

    def preparer(self) -> "Preparer":
        """What a worker needs to prepare articles for this index (picklable)."""
        return Preparer(self.min_words, self.signer.params)

    @contextmanager
    def _transaction(self):
        """One write transaction: all of it is committed, or none (rolled back, or lost with a killed process)."""
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise _explain(self.path, exc) from None

    def _write(self, batch: list[_Prepared], result: AddResult) -> None:
        with self._transaction() as conn:
            counters = dict(conn.execute("SELECT key, value FROM meta WHERE key LIKE 'next_%'").fetchall())
            next_article, next_passage = int(counters["next_article"]), int(counters["next_passage"])
            key_rows: list[tuple[int, int, int, int]] = []
            for art in batch:
                if conn.execute("SELECT 1 FROM articles WHERE sha256 = ?", (art.sha256,)).fetchone():
                    result.unchanged += 1
                    continue
                old = [r[0] for r in conn.execute("SELECT id FROM articles WHERE path = ?", (art.display,))]
                for article_id in old:
                    self._delete(article_id)
                    key_rows = [r for r in key_rows if r[2] != article_id]  # added earlier in this batch
                result.replaced += bool(old)
                result.added += not old
                date_ord = art.date.toordinal() if art.date else UNDATED
                conn.execute(
                    "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        next_article, art.sha256, art.display, art.date.isoformat() if art.date else None,
                        date_ord, next_passage, len(art.passages),
                        zlib.compress(art.text.encode("utf-8", "surrogatepass"), 6), art.names, art.attributions,
                    ),
                )
                conn.executemany(
                    "INSERT INTO passages VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        (next_passage + n, next_article, PARAGRAPH if p.kind == "paragraph" else SENTENCE, p.start, p.end, p.line)
                        for n, p in enumerate(art.passages)
                    ],
                )
                key_rows += [(k, date_ord, next_article, next_passage + n) for n, keys in enumerate(art.keys) for k in keys]
                next_article += 1
                next_passage += len(art.passages)
            # In key order, the inserts of a batch land near each other in the B-tree.
            key_rows.sort()
            conn.executemany("INSERT OR IGNORE INTO keys VALUES (?, ?, ?, ?)", key_rows)
            conn.executemany(
                "UPDATE meta SET value = ? WHERE key = ?",
                [(str(next_article), "next_article"), (str(next_passage), "next_passage")],
            )

    def _delete(self, article_id: int) -> None:
        """Remove one article inside the caller's transaction. Its keys are
        recomputed from the stored text; a key that a changed segmenter no
        longer produces stays behind as an orphan, which lookups skip."""
        from provenance.document import Document

        conn = self.conn
        row = conn.execute("SELECT date_ord, first_passage, passages, text FROM articles WHERE id = ?", (article_id,)).fetchone()
        date_ord, first, count, blob = row
        doc = Document(zlib.decompress(blob).decode("utf-8", "surrogatepass"))
        keys = {k for p in extract(doc, 0, self.min_words) for k in self.passage_keys(p)}
        conn.executemany("DELETE FROM keys WHERE key = ? AND date_ord = ? AND article = ?", [(k, date_ord, article_id) for k in keys])
        conn.execute("DELETE FROM passages WHERE id >= ? AND id < ?", (first, first + count))
        conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def remove(self, paths: list[str]) -> list[str]:
        """Remove the articles stored under these paths (or under these folders); returns the paths removed."""
        removed: list[str] = []
        with self._transaction() as conn:
            for target in paths:
                prefix = target.rstrip("/") + "/"
                rows = conn.execute(
                    "SELECT id, path FROM articles WHERE path = ? OR substr(path, 1, ?) = ? ORDER BY id",
                    (target, len(prefix), prefix),
                ).fetchall()
                for article_id, path in rows:
                    self._delete(article_id)
                    removed.append(path)
        return removed

    # -- reading --------------------------------------------------------------
    def stats(self) -> dict:
        try:
            c = self.conn
            articles, dated, first, last = c.execute(
                "SELECT COUNT(*), COUNT(date), MIN(date), MAX(date) FROM articles"
            ).fetchone()
            kinds = dict(c.execute("SELECT kind, COUNT(*) FROM passages GROUP BY kind").fetchall())
            keys = c.execute("SELECT COUNT(*) FROM keys").fetchone()[0]
        except sqlite3.Error as exc:
            raise _explain(self.path, exc) from None
        size = sum(p.stat().st_size for p in (self.path, Path(f"{self.path}-wal")) if p.exists())
        return {
            "path": str(self.path),
            "schema": SCHEMA_VERSION,
            "created_by": self.meta.get("created_by"),
            "signature": f"{self.signer.params.describe()}|w{self.min_words}",
            "articles": articles,
            "dated": dated,
            "undated": articles - dated,
            "earliest_date": first,
            "latest_date": last,
            "paragraphs": kinds.get(PARAGRAPH, 0),
            "sentences": kinds.get(SENTENCE, 0),
            "keys": keys,
            "bytes": size,
        }

    def lookup(self, doc: "Document", display: str, settings: "ReuseSettings") -> list[dict]:
        """For each passage of ``doc`` found in the index, the earliest indexed
        article that holds it (verbatim, near-duplicate or partial copy). The
        checked article itself (same content or same path) is left out."""
        try:
            return _Lookup(self, doc, display, settings).run()
        except sqlite3.Error as exc:
            raise _explain(self.path, exc) from None


def prepare_article(display: str, doc: "Document", date: dt.date | None, min_words: int, passage_keys) -> _Prepared:
    passages = extract(doc, 0, min_words)
    return _Prepared(display, doc.sha256, doc.text, date, passages, [passage_keys(p) for p in passages])


@dataclass(frozen=True)
class Preparer:
    """Passages and keys of articles for an index of these parameters, anywhere
    (the keys are ``ArticleIndex.passage_keys``: one definition)."""

    min_words: int
    params: "LshParams"

    def keys_of(self):
        from provenance.reuse.signature import Signer

        signer = _SIGNERS.get(self.params)
        if signer is None:
            signer = _SIGNERS[self.params] = Signer(self.params)
        return lambda p: passage_keys(signer, p)

    def __call__(self, display: str, doc: "Document", date: dt.date | None) -> _Prepared:
        return prepare_article(display, doc, date, self.min_words, self.keys_of())


_SIGNERS: dict = {}


def passage_keys(signer, p: Passage) -> list[int]:
    """The signature keys of one passage: its exact text key, and for a paragraph
    the MinHash LSH band keys and the opening key."""
    from provenance.reuse.signature import opening_key64, text_key

    keys = {text_key(p.normalized)}
    if p.kind == "paragraph":
        keys.update(signer.band_keys(signer.minhash(p.shingles)))
        opening = opening_key(p.normalized)
        if opening is not None:
            keys.add(opening_key64(opening))
    return sorted(keys)


class _Lookup:
    def __init__(self, index: ArticleIndex, doc: "Document", display: str, settings: "ReuseSettings"):
        self.index = index
        self.conn = index.conn
        self.doc = doc
        self.settings = settings
        self.exclude = {
            r[0] for r in self.conn.execute("SELECT id FROM articles WHERE sha256 = ? OR path = ?", (doc.sha256, display))
        }
        self._articles: dict[int, tuple | None] = {}

    def run(self) -> list[dict]:
        from provenance.reuse.signature import text_key

        passages = extract(self.doc, 0, self.index.min_words)
        found: list[dict] = []
        matched: set[int] = set()
        for n, p in enumerate(passages):
            if p.parent is not None and p.parent in matched:
                continue
            hit = self._earliest(p)
            if hit is None:
                continue
            if p.kind == "paragraph":
                matched.add(n)
            pair, article_id, passage_row = hit
            copies = self._copies(text_key(p.normalized))
            path, date = self._article(article_id)[:2]
            boilerplate = copies + 1 >= self.settings.boilerplate
            found.append(
                {
                    "kind": p.kind,
                    "line": p.line,
                    "column": p.column,
                    "start": p.start,
                    "end": p.end,
                    "text": self.doc.text[p.start : p.end],
                    "label": "boilerplate" if boilerplate else pair.match,
                    "match": pair.match,
                    "jaccard": round(pair.jaccard, 3),
                    "containment": round(pair.containment, 3),
                    "indexed_copies": copies,
                    "first": {
                        "path": path,
                        "date": date,
                        "kind": _KINDS[passage_row[1]],
                        "line": passage_row[4],
                        "start": passage_row[2],
                        "end": passage_row[3],
                    },
                }
            )
        return found

    def _article(self, article_id: int) -> tuple | None:
        if article_id not in self._articles:
            row = self.conn.execute("SELECT path, date, text FROM articles WHERE id = ?", (article_id,)).fetchone()
            self._articles[article_id] = (row[0], row[1], zlib.decompress(row[2]).decode("utf-8", "surrogatepass")) if row else None
        return self._articles[article_id]

    def _copies(self, key: int) -> int:
        """Indexed articles (other than the checked one) that hold the passage word
        for word, counted up to COPIES_CAP: past that the number changes nothing
        for the reader, and counting every copy would grow with the index."""
        rows = self.conn.execute(
            "SELECT DISTINCT article FROM keys WHERE key = ? LIMIT ?", (key, COPIES_CAP + len(self.exclude))
        ).fetchall()
        return min(COPIES_CAP, sum(1 for (a,) in rows if a not in self.exclude))

    def _earliest(self, p: Passage):
        """The first candidate, in (date, insertion) order, that passes the
        exact re-check. Each key's rows come sorted in that order, a page at a
        time; a candidate is checked once no unread row of any key can come
        before it."""
        offsets = dict.fromkeys(self._passage_keys(p), 0)
        pending: list[tuple[int, int, int]] = []
        seen: set[int] = set()
        fetched = 0
        while True:
            pages = self._pages(offsets)
            horizon = None
            for key, rows in pages.items():
                fetched += len(rows)
                for row in rows:
                    if row[2] not in seen and row[1] not in self.exclude:
                        seen.add(row[2])
                        heapq.heappush(pending, row)
                if len(rows) < _PAGE:
                    del offsets[key]
                else:
                    offsets[key] += _PAGE
                    horizon = rows[-1][:2] if horizon is None else min(horizon, rows[-1][:2])
            if not offsets or fetched >= _MAX_CANDIDATES:
                horizon = None  # nothing more to read: check what there is
            while pending and (horizon is None or pending[0][:2] <= horizon):
                _, article_id, passage_id = heapq.heappop(pending)
                hit = self._check(p, article_id, passage_id)
                if hit is not None:
                    return hit
            if horizon is None:
                return None

    def _passage_keys(self, p: Passage) -> list[int]:
        return self.index.passage_keys(p)

    def _pages(self, offsets: dict[int, int]) -> dict[int, list[tuple[int, int, int]]]:
        """The next page of rows of every key, in one query (one query per key
        costs more in the driver than in SQLite)."""
        parts = [
            "SELECT * FROM (SELECT ?, date_ord, article, passage FROM keys WHERE key = ? "
            "ORDER BY date_ord, article, passage LIMIT ? OFFSET ?)"
        ] * len(offsets)
        params = [v for key, offset in offsets.items() for v in (key, key, _PAGE, offset)]
        pages: dict[int, list[tuple[int, int, int]]] = {key: [] for key in offsets}
        for key, date_ord, article, passage in self.conn.execute(" UNION ALL ".join(parts), params):
            pages[key].append((date_ord, article, passage))
        for rows in pages.values():
            rows.sort()  # each subquery is ordered; the compound's order is SQLite's to choose
        return pages

    def _check(self, p: Passage, article_id: int, passage_id: int):
        row = self.conn.execute('SELECT id, kind, start, "end", line FROM passages WHERE id = ? AND article = ?', (passage_id, article_id)).fetchone()
        article = self._article(article_id)
        if row is None or article is None:  # an orphan key
            return None
        norm = normalize(article[2][row[2] : row[3]])
        other = Passage(1, _KINDS[row[1]], row[2], row[3], row[4], 1, norm, words(norm))
        pair = classify(p, other, self.settings)
        return None if pair is None else (pair, article_id, row)
