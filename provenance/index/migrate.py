"""Index schema migrations, run when an older index is opened for writing.

Schema 1 stored the name mentions and attributions of each article as plain
JSON text: at 100k articles 1.15 GB of a 2.2 GB index. Schema 2 stores them
zlib-compressed (``pack``/``unpack``). Lookups never read them, so a reader
still opens a schema 1 index as it is; a writer (``index add``, ``index
remove``) converts it once, a batch of articles per transaction (a killed
migration resumes where it stopped: a row already converted is a BLOB), then
VACUUMs so the file shrinks.
"""

from __future__ import annotations

import json
import sqlite3
import zlib

_BATCH = 1000


def pack(value) -> bytes | None:
    """A JSON-able value (or JSON text) as zlib-compressed UTF-8 JSON."""
    if value is None:
        return None
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 6)


def unpack(stored):
    """The value of a stored annotation: compressed (schema 2) or JSON text (schema 1)."""
    if stored is None:
        return None
    if isinstance(stored, bytes):
        stored = zlib.decompress(stored).decode("utf-8", "surrogatepass")
    return json.loads(stored)


def migrate_1_to_2(conn: sqlite3.Connection, *, vacuum: bool = True) -> int:
    """Compress every article's annotations; returns how many rows changed."""
    changed = 0
    last = 0
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            rows = conn.execute(
                "SELECT id, names, attributions FROM articles WHERE id > ? AND (typeof(names) = 'text' OR typeof(attributions) = 'text') "
                "ORDER BY id LIMIT ?",
                (last, _BATCH),
            ).fetchall()
            conn.executemany(
                "UPDATE articles SET names = ?, attributions = ? WHERE id = ?",
                [(_repack(n), _repack(a), i) for i, n, a in rows],
            )
            if not rows:
                conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema'")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        if not rows:
            break
        changed += len(rows)
        last = rows[-1][0]
    if vacuum and changed:
        conn.execute("VACUUM")
    return changed


def _repack(stored):
    return pack(stored) if isinstance(stored, str) else stored
