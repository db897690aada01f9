"""The report of a file checked in windows, with its records on disk.

A 50 MB file has some 340,000 findings, 530,000 name mentions and 200,000
attributions: as Python objects they take several times the memory of the
text. ``provenance.windows`` writes each window's records, already shifted to
the file's offsets and encoded as the JSON report encodes them, to a private
temporary file (the spool's: unlinked, mode 0600) as the window is done, and
returns a ``WindowedReport``: a FileReport whose ``findings``, ``names`` and
``attributions`` are read back from that file one window at a time when a
renderer iterates them. The JSON and JSON Lines renderers copy the encoded
lines as they are (``iter_indented`` and ``iter_line``), so neither the
records nor the file's JSON are ever whole in memory, and the bytes are those
of the same report held in memory.

Findings are written in report order (by ``Finding.sort_key``), so a renderer
iterates them without sorting (``ordered``); the few a cross-file pass adds
later are kept in memory and merged in.
"""

from __future__ import annotations

import heapq
import json
from collections import Counter
from dataclasses import fields
from typing import Any, Iterator

from provenance.report import _ENCODE, _ITEM_DEPTH, FileReport, Finding, dumps_indented
from provenance.spool import _Disk


class Records:
    """Encoded JSON records, one a line, in chunks on disk: iterated, counted,
    never all in memory (a chunk is one window's)."""

    def __init__(self, disk: _Disk):
        self._disk = disk
        self._chunks: list[tuple[int, int]] = []
        self._n = 0

    def add(self, lines: list[str]) -> None:
        if lines:
            # surrogatepass: as the spool, a record must never be lost to an encoding error on the way to disk
            self._chunks.append(self._disk.put(("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")))
            self._n += len(lines)

    def __len__(self) -> int:
        return self._n

    def __bool__(self) -> bool:
        return self._n > 0

    def lines(self) -> Iterator[str]:
        """The encoded records (one JSON object each, no newline)."""
        for where in self._chunks:
            chunk = self._disk.get(where).decode("utf-8", "surrogatepass").split("\n")
            chunk.pop()  # after the last newline
            yield from chunk

    def __iter__(self) -> Iterator[Any]:
        for line in self.lines():
            yield json.loads(line)

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other) if isinstance(other, (Records, list)) else NotImplemented


class Findings(Records):
    """A file's findings on disk, in report order, and the few added later in memory."""

    #: Iterated in report order already: renderers need not sort (``report.ordered``).
    ordered = True

    def __init__(self, disk: _Disk):
        super().__init__(disk)
        #: (severity, category, rule) -> findings, for the run's totals without reading the disk.
        self.tally: Counter = Counter()
        self._late: list[Finding] = []

    def add_sorted(self, findings: list[Finding]) -> None:
        """Findings that sort after every finding added so far, sorted."""
        self.add([_ENCODE(f.to_dict()) for f in findings])
        self.tally.update((f.severity, f.category, f.rule) for f in findings)

    def extend(self, findings) -> None:
        """Findings a cross-file pass adds (any order)."""
        findings = list(findings)
        self._late += findings
        self.tally.update((f.severity, f.category, f.rule) for f in findings)

    def __len__(self) -> int:
        return self._n + len(self._late)

    def __bool__(self) -> bool:
        return len(self) > 0

    def _stored(self) -> Iterator[Finding]:
        for line in super().lines():
            yield Finding(**json.loads(line))

    def __iter__(self) -> Iterator[Finding]:
        if not self._late:
            return self._stored()
        # ties keep the stored finding first, as a stable sort of stored + late does
        return heapq.merge(self._stored(), sorted(self._late, key=Finding.sort_key), key=Finding.sort_key)

    def lines(self) -> Iterator[str]:
        if not self._late:
            return super().lines()
        return (_ENCODE(f.to_dict()) for f in self)


#: The report's keys that hold records on disk.
_STREAMED = ("findings", "names", "attributions")


class WindowedReport(FileReport):
    """A FileReport whose findings, names and attributions are ``Records`` on disk.
    Its findings were suppressed and filtered window by window as they were
    written (``finalized``), so the run does not sift them again."""

    finalized = True
    on_disk = True

    def __init__(self, disk: _Disk, **kwargs):
        super().__init__(**kwargs)
        self.disk = disk
        self.findings = Findings(disk)
        self.names = Records(disk)
        self.attributions = Records(disk)

    def skeleton(self) -> dict[str, Any]:
        """``to_dict()`` with the Records in place of the lists they hold."""
        out = FileReport.to_dict(_Shell(self))
        for key in _STREAMED:
            out[key] = getattr(self, key)
        return out

    def to_dict(self) -> dict[str, Any]:
        out = self.skeleton()
        out["findings"] = [json.loads(line) for line in self.findings.lines()]
        out["names"] = list(self.names)
        out["attributions"] = list(self.attributions)
        return out

    def to_plain(self) -> FileReport:
        """The same report as an ordinary FileReport, every record in memory."""
        values = {f.name: getattr(self, f.name) for f in fields(FileReport)}
        for key in _STREAMED:
            values[key] = list(values[key])
        return FileReport(**values)

    def __reduce__(self):  # to another process (a forked worker's result): in memory
        return (_plain, (self.to_plain(),))

    def close(self) -> None:
        self.disk.close()


def _plain(report: FileReport) -> FileReport:
    return report


class _Shell:
    """A WindowedReport's fields with empty lists for its records (for FileReport.to_dict)."""

    def __init__(self, report: WindowedReport):
        self.__dict__.update({f.name: getattr(report, f.name) for f in fields(FileReport)})
        for key in _STREAMED:
            self.__dict__[key] = []


def iter_indented(report: FileReport, depth: int) -> Iterator[str]:
    """``dumps_indented(report.to_dict(), depth)`` in pieces, the records copied
    from disk a window at a time."""
    skeleton = report.skeleton() if isinstance(report, WindowedReport) else None
    if skeleton is None or depth + 1 < _ITEM_DEPTH:  # records one a line only from _ITEM_DEPTH on
        yield dumps_indented(report.to_dict(), depth)
        return
    ind = "  " * depth
    inner = ind + "  "
    yield "{\n"
    for i, (key, value) in enumerate(skeleton.items()):
        head = (",\n" if i else "") + f"{inner}{_ENCODE(key)}: "
        if isinstance(value, Records):
            if not value:
                yield head + "[]"
                continue
            item = inner + "  "
            yield head + "[\n" + item
            yield from _joined(value.lines(), ",\n" + item)
            yield f"\n{inner}]"
        else:
            yield head + dumps_indented(value, depth + 1)
    yield f"\n{ind}}}"


def iter_line(report: FileReport) -> Iterator[str]:
    """``encode_line(report.to_dict())`` in pieces (the JSON Lines form)."""
    if not isinstance(report, WindowedReport):
        yield _ENCODE(report.to_dict())
        return
    yield "{"
    for i, (key, value) in enumerate(report.skeleton().items()):
        head = (", " if i else "") + _ENCODE(key) + ": "
        if isinstance(value, Records):
            yield head + "["
            yield from _joined(value.lines(), ", ")
            yield "]"
        else:
            yield head + _ENCODE(value)
    yield "}"


def _joined(lines: Iterator[str], sep: str, batch: int = 2000) -> Iterator[str]:
    """``sep.join(lines)`` in pieces of ``batch`` lines."""
    first = True
    buf: list[str] = []
    for line in lines:
        buf.append(line)
        if len(buf) == batch:
            yield ("" if first else sep) + sep.join(buf)
            first = False
            buf = []
    if buf:
        yield ("" if first else sep) + sep.join(buf)
