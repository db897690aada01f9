"""Reading a key file of the Parquet index (``columnar.py``) through a memory map.

A key file holds (key, posting) int64 rows sorted by (key, posting), written
uncompressed, PLAIN-encoded, without dictionary or statistics, so in every
row group each column is one data page whose values are the page's last
``8 * rows`` bytes. Beside it, ``NAME.groups.npy`` (the sidecar, written with
the file) holds per row group its first key, its first row, and the byte
offsets of its key and posting values, with the file's size in the last row;
a reader then needs no Parquet footer: it memory-maps the file, finds a key's
rows by binary search (first the row group, then inside it) and slices the
postings out of the map, without copying a row group it does not use.

A key file without a (current) sidecar — written by an older version, or by
another tool — has its layout worked out from the footer instead, and
row groups that are not plain pages are read through pyarrow: slower, the
same rows.
"""

from __future__ import annotations

import mmap
import os
from pathlib import Path

import numpy as np

#: Bytes before a page's values that a one-page column chunk may hold (page header, levels).
_MAX_OVERHEAD = 64


def sidecar_of(path: Path) -> Path:
    return path.with_name(path.name.removesuffix(".parquet") + ".groups.npy")


def layout_of(path: Path) -> np.ndarray | None:
    """(groups + 1, 4) int64 from the footer: first key, first row, key values'
    offset, posting values' offset per row group; last row: (0, rows, size, 0).
    None when a row group is not one plain uncompressed page per column."""
    import pyarrow.parquet as pq

    f = pq.ParquetFile(path)
    md = f.metadata
    names = [md.schema.column(i).name for i in range(md.num_columns)]
    if names[:2] != ["key", "posting"]:
        return None
    out = np.zeros((md.num_row_groups + 1, 4), np.int64)
    start = 0
    for g in range(md.num_row_groups):
        rg = md.row_group(g)
        n = rg.num_rows
        offsets = []
        for c in (0, 1):
            col = rg.column(c)
            if col.compression != "UNCOMPRESSED" or col.dictionary_page_offset is not None or "PLAIN" not in col.encodings:
                return None
            overhead = col.total_compressed_size - 8 * n
            if not 0 < overhead <= _MAX_OVERHEAD:
                return None  # more than one page, or not 8 bytes a value
            offsets.append(col.data_page_offset + overhead)
        out[g] = (0, start, offsets[0], offsets[1])
        start += n
    out[-1] = (0, start, path.stat().st_size, 0)
    with open(path, "rb") as fh:
        if md.num_row_groups:
            view = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
            out[:-1, 0] = [np.frombuffer(view, "<i8", 1, int(o))[0] for o in out[:-1, 2]]
            view.close()
    return out


def write_sidecar(path: Path) -> None:
    """The sidecar of a key file just written (beside it, renamed into place);
    checked against pyarrow's reading of the first and last row group."""
    import pyarrow.parquet as pq

    layout = layout_of(path)
    if layout is None:
        return
    groups = len(layout) - 1
    if groups:
        f = pq.ParquetFile(path)
        with open(path, "rb") as fh:
            view = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
            for g in {0, groups - 1}:
                table = f.read_row_group(g, columns=["key", "posting"])
                n = int(layout[g + 1, 1] - layout[g, 1])
                for c, name in ((2, "key"), (3, "posting")):
                    if not np.array_equal(np.frombuffer(view, "<i8", n, int(layout[g, c])), table.column(name).to_numpy()):
                        view.close()
                        return  # not the layout this reader expects: readers use pyarrow
            view.close()
    target = sidecar_of(path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        np.save(fh, layout)
    os.replace(tmp, target)


class KeyFile:
    """One key file, open for lookups: ``ranges`` finds keys' rows, ``postings`` reads them."""

    def __init__(self, path: Path):
        self.path = path
        size = path.stat().st_size
        layout = None
        side = sidecar_of(path)
        if side.is_file():
            layout = np.load(side)
            if layout.ndim != 2 or layout.shape[1] != 4 or int(layout[-1, 2]) != size:
                layout = None  # not this file's sidecar
        if layout is None:
            layout = layout_of(path)
        self._pq = self._map = None
        self._cache: dict[tuple[int, str], np.ndarray] = {}
        if layout is None:  # not plain pages: every row group through pyarrow
            self._pq = self._parquet()
            md = self._pq.metadata
            starts = np.cumsum([0] + [md.row_group(g).num_rows for g in range(md.num_row_groups)])
            layout = np.zeros((len(starts), 4), np.int64)
            layout[:, 1] = starts
            layout[:-1, 0] = [self._group(g, "key")[0] for g in range(md.num_row_groups)]
        self.first_keys = np.ascontiguousarray(layout[:-1, 0])
        self.starts = np.ascontiguousarray(layout[:, 1])
        self._key_at, self._posting_at = layout[:-1, 2].copy(), layout[:-1, 3].copy()  # numpy: a list of 100k pairs costs more to build than to index
        self.rows = int(self.starts[-1])
        if self._pq is None and self.rows:
            with open(path, "rb") as fh:
                self._map = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)

    def _parquet(self):
        import pyarrow.parquet as pq

        return pq.ParquetFile(self.path, memory_map=True)

    def _group(self, g: int, column: str) -> np.ndarray:
        """One row group's values of one column: a view of the map, or read by pyarrow."""
        if self._map is not None:
            n = int(self.starts[g + 1] - self.starts[g])
            return np.frombuffer(self._map, "<i8", n, int((self._key_at if column == "key" else self._posting_at)[g]))
        got = self._cache.get((g, column))
        if got is None:
            got = self._cache[(g, column)] = self._pq.read_row_group(g, columns=[column], use_threads=False).column(0).to_numpy()
        return got

    def ranges(self, keys: np.ndarray) -> list[tuple[int, int]]:
        """[first row, end row) of each of these keys (sorted or not); empty ranges for absent keys."""
        if not self.rows:
            return [(0, 0)] * len(keys)
        # a key's rows begin in the last group starting before it, and end in the last starting at or before it
        lo_groups = np.maximum(np.searchsorted(self.first_keys, keys, side="left") - 1, 0).tolist()
        hi_groups = np.maximum(np.searchsorted(self.first_keys, keys, side="right") - 1, 0).tolist()
        starts = self.starts
        out = []
        for key, g, h in zip(keys.tolist(), lo_groups, hi_groups):
            lo = int(starts[g]) + int(self._group(g, "key").searchsorted(key, side="left"))
            hi = int(starts[h]) + int(self._group(h, "key").searchsorted(key, side="right"))
            out.append((lo, max(lo, hi)))
        return out

    def postings(self, lo: int, hi: int) -> np.ndarray:
        """The postings of rows [lo, hi) (a view when they lie in one row group)."""
        if hi <= lo:
            return np.empty(0, np.int64)
        g = int(np.searchsorted(self.starts, lo, side="right") - 1)
        pieces = []
        while lo < hi:
            begin, end = int(self.starts[g]), int(self.starts[g + 1])
            pieces.append(self._group(g, "posting")[lo - begin : min(hi, end) - begin])
            lo = end
            g += 1
        return pieces[0] if len(pieces) == 1 else np.concatenate(pieces)

    def close(self) -> None:
        if self._map is not None:
            try:
                self._map.close()
            except BufferError:  # a caller still holds a view: the map closes when it is dropped
                pass
            self._map = None
