"""The file reports of a run, held so that memory stays flat in the number of files.

A run of a few files keeps its FileReports in memory, as a list would. Past
``spill_after`` files every report (and, for the text renderer, every text) is
written as one JSON line to a private temporary file (unlinked, mode 0600)
and read back one at a time when a renderer iterates: a 20 MB archive costs the
memory of one article, not of all of them. The counts the summary and the exit
code need are kept as the reports arrive, so no renderer has to read the run
twice to print its totals.

Findings a cross-file pass (``finish``) adds to an earlier file go to a
``LateReport`` and are merged into that file's report when it is read back.
The JSON written from a spooled report is byte-identical to the JSON of the
report itself (``FileReport.from_dict`` is the inverse of ``to_dict``).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from typing import IO, Iterator

from provenance.report import FileReport, Finding, encode_line
from provenance.rules.model import SEVERITY_RANK

#: Files kept in memory before the run spills to disk: a handful of articles (a
#: pre-commit hook, an editor's run) never touches the disk.
SPILL_AFTER = 32


class LateReport:
    """Where a cross-file pass emits a finding on a file already reported."""

    __slots__ = ("path", "findings")

    def __init__(self, path: str):
        self.path = path
        self.findings: list[Finding] = []


class _Disk:
    """A private temporary file of JSON lines (or text), read back by offset."""

    def __init__(self) -> None:
        self.fh: IO[bytes] = tempfile.TemporaryFile(prefix="provenance-spool-")
        self.end = 0

    def put(self, data: bytes) -> tuple[int, int]:
        self.fh.seek(self.end)
        self.fh.write(data)
        at = self.end
        self.end += len(data)
        return at, len(data)

    def get(self, where: tuple[int, int]) -> bytes:
        self.fh.seek(where[0])
        return self.fh.read(where[1])

    def close(self) -> None:
        self.fh.close()


class FileSpool:
    """A list of FileReports (append, len, iteration, index) that spills to disk."""

    def __init__(self, items=(), *, spill_after: int | None = SPILL_AFTER, finalize=None, finalize_late=None):
        self.spill_after = spill_after
        #: Applied to each report as it joins (suppression), and to the findings a
        #: cross-file pass adds later: ``finalize_late(hold, findings) -> (kept, counts)``.
        self.finalize = finalize
        self.finalize_late = finalize_late
        #: What finalize_late needs per file (the reports' ``hold``), only where non-empty.
        self._holds: dict[int, dict] = {}
        self._late_suppressed: dict[int, Counter] = {}
        self.suppressed: Counter = Counter()
        #: Per file: the report in memory, or where its JSON line is on disk.
        self._items: list[FileReport | tuple[int, int]] = []
        self._paths: list[str] = []
        self._late: dict[int, list[Finding]] = {}
        self._disk: _Disk | None = None
        self.severity: Counter = Counter()
        self.category: Counter = Counter()
        self.rule: Counter = Counter()
        self.words = 0
        self.errors = 0
        self.max_rank = 0
        for item in items:
            self.append(item)

    # -- filling -------------------------------------------------------------------
    def append(self, report: FileReport) -> None:
        if self.finalize is not None:
            self.finalize(report)
        if report.hold:
            self._holds[len(self._items)] = report.hold
        self.suppressed.update(report.suppressed)
        self._count(report.findings)
        if report.error is not None:
            self.errors += 1
        else:
            self.words += report.words
        self._paths.append(report.path)
        if self.spill_after is not None and len(self._items) >= self.spill_after:
            self._spill()
            # a report whose records are on disk already (a file checked in windows) stays as it is
            self._items.append(report if getattr(report, "on_disk", False) else self._disk.put(_line(report)))
        else:
            self._items.append(report)

    def _count(self, findings) -> None:
        tally = getattr(findings, "tally", None)  # records on disk: counted as they were written
        if tally is not None:
            for (severity, category, rule), n in tally.items():
                self.severity[severity] += n
                self.category[category] += n
                self.rule[rule] += n
                self.max_rank = max(self.max_rank, SEVERITY_RANK[severity])
            return
        for f in findings:
            self.severity[f.severity] += 1
            self.category[f.category] += 1
            self.rule[f.rule] += 1
            rank = SEVERITY_RANK[f.severity]
            if rank > self.max_rank:
                self.max_rank = rank

    def _spill(self) -> None:
        """From now on on disk: the reports held so far go there too."""
        if self._disk is not None:
            return
        self._disk = _Disk()
        for i, item in enumerate(self._items):
            if isinstance(item, FileReport) and not getattr(item, "on_disk", False):
                self._items[i] = self._disk.put(_line(item))

    def late(self, i: int) -> LateReport:
        """The report a cross-file pass writes file ``i``'s new findings to."""
        return LateReport(self._paths[i])

    def add_late(self, i: int, late: LateReport) -> None:
        if not late.findings:
            return
        findings, counts = late.findings, Counter()
        if self.finalize_late is not None:
            findings, counts = self.finalize_late(self._holds.get(i, {}), findings)
        self._count(findings)
        self.suppressed.update(counts)
        item = self._items[i]
        if isinstance(item, FileReport):
            item.findings.extend(findings)
            if counts:
                item.suppressed = _added(item.suppressed, counts)
        else:
            self._late.setdefault(i, []).extend(findings)
            if counts:
                self._late_suppressed.setdefault(i, Counter()).update(counts)

    # -- reading -------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)

    def __getitem__(self, i: int) -> FileReport:
        item = self._items[i]
        if isinstance(item, FileReport):
            return item
        index = i if i >= 0 else len(self._items) + i
        report = FileReport.from_dict(json.loads(self._disk.get(item).decode("utf-8", "surrogatepass")))
        report.findings.extend(self._late.get(index, ()))
        if index in self._late_suppressed:
            report.suppressed = _added(report.suppressed, self._late_suppressed[index])
        report.hold = self._holds.get(index, {})
        return report

    def __iter__(self) -> Iterator[FileReport]:
        for i in range(len(self._items)):
            yield self[i]

    def paths(self) -> list[str]:
        return list(self._paths)

    def by_path(self) -> Iterator[FileReport]:
        """The reports in the order of their paths (the text renderer's order)."""
        for i in sorted(range(len(self._paths)), key=self._paths.__getitem__):
            yield self[i]

    @property
    def spilled(self) -> bool:
        return self._disk is not None

    def close(self) -> None:
        if self._disk is not None:
            self._disk.close()
        for item in self._items:
            if getattr(item, "on_disk", False):
                item.close()


def _added(suppressed: dict[str, int], counts: Counter) -> dict[str, int]:
    from provenance.suppress import KINDS

    return {k: suppressed.get(k, 0) + counts.get(k, 0) for k in KINDS}


def _line(report: FileReport) -> bytes:
    # surrogatepass: a text decoded with replacement never holds one, but a
    # report must never be lost to an encoding error on the way to disk
    return encode_line(report.to_dict()).encode("utf-8", "surrogatepass") + b"\n"


class TextStore:
    """Texts by path for the renderers that quote the article (``report.texts``):
    in memory until the spool spills, then on disk beside it."""

    def __init__(self, spool: FileSpool | None = None, texts: dict[str, str] | None = None):
        self._spool = spool
        self._mem: dict[str, str] = dict(texts or {})
        self._where: dict[str, tuple[int, int]] = {}
        self._disk: _Disk | None = None

    def __setitem__(self, path: str, text: str) -> None:
        if self._spool is not None and self._spool.spilled:
            if self._disk is None:
                self._disk = _Disk()
                for p, t in self._mem.items():
                    self._where[p] = self._disk.put(t.encode("utf-8", "surrogatepass"))
                self._mem.clear()
            self._where[path] = self._disk.put(text.encode("utf-8", "surrogatepass"))
        else:
            self._mem[path] = text

    def get(self, path: str, default: str | None = None) -> str | None:
        if path in self._mem:
            return self._mem[path]
        where = self._where.get(path)
        if where is None:
            return default
        return self._disk.get(where).decode("utf-8", "surrogatepass")

    def __getitem__(self, path: str) -> str:
        text = self.get(path)
        if text is None:
            raise KeyError(path)
        return text

    def __contains__(self, path: object) -> bool:
        return path in self._mem or path in self._where

    def __len__(self) -> int:
        return len(self._mem) + len(self._where)

    def __iter__(self):
        yield from self._mem
        yield from self._where

    def items(self):
        for path in self:
            yield path, self[path]


def spill_after_from_env() -> int | None:
    """``PROVENANCE_SPILL_AFTER`` (files; tests use 0 to take the disk path on small runs)."""
    value = os.environ.get("PROVENANCE_SPILL_AFTER")
    if value is None or not value.strip().isdigit():
        return SPILL_AFTER
    return int(value)
