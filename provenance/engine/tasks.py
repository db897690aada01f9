"""The work a Dask worker does, as plain picklable functions of their arguments.

A worker builds the Pipeline of a configuration once and keeps it (the
analyzers load their packs and glossaries there, not on the client). Every
task is a pure function of its inputs, so a task lost with a worker is run
again elsewhere with the same result.
"""

from __future__ import annotations

import pickle
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from provenance.config import Config
    from provenance.pipeline import Pipeline

_PIPELINES: dict[bytes, "Pipeline"] = {}
_KEEP = 4  # configurations a worker keeps a Pipeline for


def pipeline_for(config: "Config") -> "Pipeline":
    from provenance.pipeline import Pipeline

    key = pickle.dumps(config)
    pipeline = _PIPELINES.get(key)
    if pipeline is None:
        if len(_PIPELINES) >= _KEEP:
            _PIPELINES.pop(next(iter(_PIPELINES)))
        pipeline = _PIPELINES[key] = Pipeline(config)
    return pipeline


def analyze_partition(sources: list, config: "Config", keep_text: bool) -> list:
    """[(FileReport, stub or None)] of the partition's files, in order."""
    from provenance.engine.local import analyze_source

    pipeline = pipeline_for(config)
    return [analyze_source(pipeline, src, keep_text) for src in sources]


def stubs_of(results: list) -> list[tuple[int, str, Any]]:
    """What the cross-file passes read of a partition: (position, path, stub)."""
    return [(i, report.path, stub) for i, (report, stub) in enumerate(results) if stub is not None]


def write_partition(results: list, n: int, out_dir: str, additions: dict[int, list] | None, config: "Config | None" = None) -> tuple:
    """Write shard ``n`` (with the findings the cross-file passes added) and
    return its counts, errors and notes."""
    from dataclasses import replace
    from pathlib import Path

    from provenance.engine.shards import errors_and_notes, partial_summary, write_shard
    from provenance.rules.model import SEVERITY_RANK

    pipeline = pipeline_for(config) if config is not None else None
    files = []
    for i, (report, _) in enumerate(results):
        # a copy: the task's input stays as it was if the task is run again
        report = replace(report, findings=list(report.findings), hold=dict(report.hold))
        if pipeline is not None:
            pipeline._finalize_file(report)  # suppression, as a local run does when a file joins its report
        extra = (additions or {}).get(i)
        if extra:
            if pipeline is not None:
                extra, counts = pipeline._finalize_late(report.hold, extra)
                if counts:
                    from provenance.spool import _added

                    report.suppressed = _added(report.suppressed, counts)
            report.findings = [*report.findings, *extra]
        files.append(report)
    write_shard(Path(out_dir), n, files)
    errors, notes = errors_and_notes(files)
    rank = max((SEVERITY_RANK[x.severity] for f in files for x in f.findings), default=0)
    return partial_summary(files), errors, notes, rank
