"""``check --shards DIR``: the report as JSON Lines shards, one per partition.

``DIR/part-00000.jsonl``, ``part-00001.jsonl``, …: one ``{"file": …}`` line per
file, the files of partition N (``partition-size`` consecutive files, in the
order of the run) in shard N; ``DIR/summary.json``: the closing line of
``--format jsonl`` (schema, version, signature, summary, report-level extras).
``cat DIR/part-*.jsonl DIR/summary.json`` is byte for byte the ``--format
jsonl`` report, whichever engine wrote it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from provenance.report import FileReport, Report

SUMMARY = "summary.json"


def shard_name(n: int) -> str:
    return f"part-{n:05d}.jsonl"


@dataclass
class ShardRun:
    """What the command needs after a sharded run (the files stay in the shards)."""

    out_dir: Path
    shards: list[str]
    summary: dict[str, Any]
    max_rank: int = 0
    #: (path, one-line error) of files that could not be checked.
    errors: list[tuple[str, str]] = field(default_factory=list)
    #: (path, note) of every note, in file order.
    notes: list[tuple[str, str]] = field(default_factory=list)


def prepare_dir(out_dir: Path) -> None:
    """A new or empty directory, or one holding only an earlier run's shards (replaced)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for p in out_dir.iterdir():
        if p.name == SUMMARY or (p.name.startswith("part-") and p.name.endswith(".jsonl")):
            p.unlink()
        else:
            raise OSError(f"{out_dir}: not empty and not a shard directory ({p.name})")


def shard_lines(files: list["FileReport"]) -> str:
    from provenance.report import _ENCODE

    return "".join(_ENCODE({"file": f.to_dict()}) + "\n" for f in files)


def partial_summary(files: list["FileReport"]) -> dict[str, Any]:
    """Counts of one partition, merged with ``merge_summaries`` into ``Report.summary()``."""
    from provenance.report import Report

    return Report(signature="", files=files).summary()


def merge_summaries(parts: list[dict[str, Any]]) -> dict[str, Any]:
    total = {"files": 0, "checked": 0, "errors": 0, "words": 0, "findings": 0}
    sev: Counter = Counter()
    cat: Counter = Counter()
    rule: Counter = Counter()
    for p in parts:
        for key in total:
            total[key] += p[key]
        sev.update(p["by_severity"])
        cat.update(p["by_category"])
        rule.update(p["by_rule"])
    return {
        **total,
        "by_severity": {s: sev.get(s, 0) for s in ("error", "warning", "info")},
        "by_category": dict(sorted(cat.items())),
        "by_rule": dict(sorted(rule.items())),
        "suppressed": {k: sum(p.get("suppressed", {}).get(k, 0) for p in parts) for k in _suppression_kinds()},
    }


def _suppression_kinds():
    from provenance.suppress import KINDS

    return KINDS


def summary_line(signature: str, summary: dict[str, Any], extra: dict[str, Any]) -> str:
    """The closing line of ``Report.iter_jsonl()``."""
    from provenance import __version__
    from provenance.report import _ENCODE, SCHEMA

    last = {"schema": SCHEMA, "version": __version__, "signature": signature, "summary": summary}
    for key in sorted(extra):
        last[key] = extra[key]
    return _ENCODE(last) + "\n"


def errors_and_notes(files: list["FileReport"]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    errors = [(f.path, f.error) for f in files if f.error is not None]
    notes = [(f.path, n) for f in files if f.error is None for n in f.notes]
    return errors, notes


def write_shard(out_dir: Path, n: int, files: list["FileReport"]) -> None:
    from provenance.fsutil import atomic_write

    atomic_write(out_dir / shard_name(n), shard_lines(files))


def write_report_shards(report: "Report", out_dir: Path, partition_size: int) -> ShardRun:
    """The shards of a Report made in this process (the local engine)."""
    from provenance.fsutil import atomic_write

    prepare_dir(out_dir)
    n = 0
    errors: list = []
    notes: list = []
    files: list = []
    for f in report.files:  # one partition in memory at a time (the report may be on disk)
        files.append(f)
        if len(files) == partition_size:
            write_shard(out_dir, n, files)
            e, o = errors_and_notes(files)
            errors, notes, files, n = errors + e, notes + o, [], n + 1
    if files:
        write_shard(out_dir, n, files)
        e, o = errors_and_notes(files)
        errors, notes, n = errors + e, notes + o, n + 1
    summary = report.summary()
    atomic_write(out_dir / SUMMARY, summary_line(report.signature, summary, report.extra))
    return ShardRun(out_dir, [shard_name(i) for i in range(n)], summary, report.max_severity_rank(), errors, notes)
