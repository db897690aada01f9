"""The local engine: this process, or forked processes with ``--jobs``.

This is the code ``Pipeline.run`` always ran; the default engine, with no
dependency beyond the base install.
"""

from __future__ import annotations

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
        return pipeline.run(sources, keep_text=keep_text, jobs=jobs)  # the pipeline's own loop is the local engine

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


def assemble(pipeline: "Pipeline", results, keep_text: bool) -> "Report":
    """The Report of files analyzed elsewhere (``Pipeline.assemble``)."""
    return pipeline.assemble(results, keep_text)


def analyze_source(pipeline: "Pipeline", src: "Source", keep_text: bool):
    """One file analyzed, as a worker does it (``pipeline.analyze_source``)."""
    from provenance.pipeline import analyze_source as analyze

    return analyze(pipeline, src, keep_text)


__all__ = ["LocalEngine", "assemble", "analyze_source", "partitions"]
