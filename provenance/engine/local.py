"""The local engine: this process, or forked processes with ``--jobs``.

This is the code ``Pipeline.run`` always ran; the default engine, with no
dependency beyond the base install.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from provenance.engine import EngineSettings, partitions

if TYPE_CHECKING:
    from pathlib import Path

    from provenance.discover import Source
    from provenance.pipeline import Pipeline
    from provenance.report import Report


class LocalEngine:
    name = "local"

    def __init__(self, settings: EngineSettings | None = None):
        self.settings = settings or EngineSettings()

    def check(self, pipeline: "Pipeline", sources: list["Source"], *, keep_text: bool = False, jobs: int = 1) -> "Report":
        if jobs > 1 and len(sources) > 1 and _can_fork(pipeline) and all(s.path is not None for s in sources):
            return _run_parallel(pipeline, sources, keep_text, jobs)
        return pipeline.run_documents(_documents(sources), keep_text=keep_text)

    def check_shards(self, pipeline: "Pipeline", sources: list["Source"], out_dir: "Path", *, jobs: int = 1):
        from provenance.engine.shards import write_report_shards

        report = self.check(pipeline, sources, jobs=jobs)
        return write_report_shards(report, out_dir, self.settings.partition_size)

    def map_partitions(self, func: Callable[..., Any], parts: Iterable[list], *args: Any) -> Iterator[Any]:
        for part in parts:
            yield func(part, *args)

    def submit(self, func: Callable[..., Any], *args: Any) -> "Done":
        """Run now; futures of earlier submits in the arguments (or in lists of them) are their values."""
        return Done(func(*[_value(a) for a in args]))

    def note(self) -> str | None:
        return None

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Done:
    """The result of a task run at once (the local engine's future)."""

    def __init__(self, value: Any):
        self.value = value

    def result(self) -> Any:
        return self.value


def _value(arg: Any) -> Any:
    if isinstance(arg, Done):
        return arg.value
    if isinstance(arg, list):
        return [_value(a) for a in arg]
    return arg


def _documents(sources):
    import sys

    from provenance.document import Document, InputError
    from provenance.report import FileReport

    for src in sources:
        try:
            if src.path is None:
                raw = sys.stdin.buffer.read()
                yield Document.from_bytes(raw, src.display), src.display
            else:
                yield Document.from_path(src.path), src.display
        except InputError as exc:
            yield FileReport(path=src.display, error=str(exc), error_kind=exc.kind), src.display


def _can_fork(pipeline: "Pipeline") -> bool:
    import multiprocessing

    # a layer holding a database connection must not be forked
    unsafe = any(getattr(a, "fork_safe", True) is False for a in pipeline.analyzers)
    return not unsafe and "fork" in multiprocessing.get_all_start_methods()


# The pipeline a forked worker inherits from its parent (set only during a parallel run).
_FORKED: tuple["Pipeline", bool] | None = None


def _run_parallel(pipeline: "Pipeline", sources: list["Source"], keep_text: bool, jobs: int) -> "Report":
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _FORKED
    _FORKED = (pipeline, keep_text)
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            results = list(pool.map(_analyze_in_worker, sources, chunksize=max(1, min(16, len(sources) // (jobs * 4)))))
    finally:
        _FORKED = None
    return assemble(pipeline, results, keep_text)


def assemble(pipeline: "Pipeline", results, keep_text: bool) -> "Report":
    """The Report of files analyzed elsewhere: (FileReport, stub or None) in file
    order, then the cross-file passes (``finish``) over the stubs."""
    from provenance.analyzers import Emitter
    from provenance.report import Report

    report = Report(signature=pipeline.signature(), rules=list(pipeline.ruleset.enabled.values()))
    finishing = [a for a in pipeline.analyzers if getattr(a, "needs_finish", False)]
    kept = []
    for file_report, stub in results:
        report.files.append(file_report)
        if stub is not None:
            if keep_text:
                report.texts[file_report.path] = stub.text
            if finishing:
                kept.append((stub, file_report, Emitter(stub, file_report, pipeline.ruleset)))
    for analyzer in finishing:
        extra = analyzer.finish(kept)
        if extra:
            report.extra.update(extra)
    return report


def _analyze_in_worker(src: "Source"):
    pipeline, keep_text = _FORKED
    return analyze_source(pipeline, src, keep_text)


def analyze_source(pipeline: "Pipeline", src: "Source", keep_text: bool):
    """(FileReport, what the cross-file passes and the text renderer need of the
    document, or None) for one file read from its path."""
    from provenance.document import Document, InputError
    from provenance.pipeline import DocumentStub, summarize
    from provenance.report import FileReport

    try:
        doc = Document.from_path(src.path)
    except InputError as exc:
        return FileReport(path=src.display, error=str(exc), error_kind=exc.kind), None
    try:
        file_report, _ = pipeline.analyze(doc, src.display)
    except Exception as exc:  # one bad file must not stop the run
        if os.environ.get("PROVENANCE_DEBUG"):
            raise
        message = f"internal error ({type(exc).__name__}: {exc}); please report it with this file"
        return FileReport(path=src.display, error=message, error_kind="internal"), None
    finishing = [a for a in pipeline.analyzers if getattr(a, "needs_finish", False)]
    if finishing and not keep_text:
        kept = summarize(doc, finishing)
        if kept is not doc:
            return file_report, kept
    needs_annotations = bool(finishing)
    annotations = {k: v for k, v in doc.annotations.items() if not k.startswith("_")} if needs_annotations else {}
    return file_report, DocumentStub(doc.text, doc.path, annotations) if (keep_text or needs_annotations) else None


__all__ = ["LocalEngine", "assemble", "analyze_source", "partitions"]
