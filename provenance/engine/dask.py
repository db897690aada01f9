"""The Dask distributed engine (optional extra ``[dask]``).

Files are cut into partitions of ``partition-size`` consecutive files; each
partition is one task (``engine/tasks.py``) on a worker, which reads the files
itself: the workers must see the paths the client gives (one machine, or a
shared file system; paths are made absolute before they are sent). The client
only assembles: the file reports (``check``), or with ``--shards`` nothing but
the cross-file summaries and the counts, while every worker writes its
partition's shard.

A worker lost mid-job (killed, restarted) loses its tasks; the scheduler runs
them again on another worker (pure tasks: the same result), so the run
completes with the same report.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from provenance.engine import EngineError, EngineSettings, partitions

if TYPE_CHECKING:
    from provenance.config import Config
    from provenance.discover import Source
    from provenance.pipeline import Pipeline
    from provenance.report import Report

#: Tasks in flight per worker when results are read in order (bounds memory).
_WINDOW_PER_WORKER = 4
_RETRIES = 3


def connect(settings: EngineSettings):
    """A Client on the scheduler at ``settings.scheduler``, or on a new LocalCluster
    (worker processes, one thread each) that closing the client shuts down."""
    try:
        from distributed import Client
    except ImportError:
        raise EngineError("the Dask engine needs the optional extra (dask is not installed): pip install 'provenance-news[dask]'") from None
    try:
        if settings.scheduler:
            return Client(settings.scheduler, timeout="10s")
        return Client(
            n_workers=settings.local_workers(),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
    except (OSError, TimeoutError, ValueError) as exc:
        where = f"the Dask scheduler at {settings.scheduler}" if settings.scheduler else "a Dask LocalCluster"
        raise EngineError(f"cannot connect to {where} ({exc})") from None


class DaskEngine:
    name = "dask"

    def __init__(self, settings: EngineSettings, client=None):
        self.settings = settings
        self._own = client is None
        self.client = client if client is not None else connect(settings)

    # -- check --------------------------------------------------------------------
    def check(self, pipeline: "Pipeline", sources: list["Source"], *, keep_text: bool = False, jobs: int = 1) -> "Report":
        from provenance.engine.local import assemble
        from provenance.engine.tasks import analyze_partition

        config = _portable(pipeline.config)
        parts = partitions(_absolute(sources), self.settings.partition_size)
        results = [r for part in self.map_partitions(analyze_partition, parts, config, keep_text) for r in part]
        return assemble(pipeline, results, keep_text)

    def check_shards(self, pipeline: "Pipeline", sources: list["Source"], out_dir: Path, *, jobs: int = 1):
        from provenance.analyzers import Emitter
        from provenance.engine.shards import SUMMARY, ShardRun, merge_summaries, prepare_dir, shard_name, summary_line
        from provenance.engine.tasks import analyze_partition, stubs_of, write_partition
        from provenance.fsutil import atomic_write
        from provenance.report import FileReport

        client = self.client
        prepare_dir(out_dir)
        config = _portable(pipeline.config)
        parts = partitions(_absolute(sources), self.settings.partition_size)
        analyzed = [client.submit(analyze_partition, part, config, False, pure=False, retries=_RETRIES) for part in parts]
        finishing = [a for a in pipeline.analyzers if getattr(a, "needs_finish", False)]
        additions: list[dict[int, list]] = [{} for _ in parts]
        extra: dict[str, Any] = {}
        if finishing:
            kept = []
            for n, future in enumerate(client.map(stubs_of, analyzed, pure=False, retries=_RETRIES)):
                for i, path, stub in future.result():
                    placeholder = FileReport(path=path)
                    additions[n][i] = placeholder.findings  # what finish() emits lands here
                    kept.append((stub, placeholder, Emitter(stub, placeholder, pipeline.ruleset)))
            for analyzer in finishing:
                extra.update(analyzer.finish(kept) or {})
            additions = [{i: found for i, found in adds.items() if found} for adds in additions]
        written = [
            client.submit(write_partition, future, n, str(out_dir.absolute()), additions[n] or None, config, pure=False, retries=_RETRIES)
            for n, future in enumerate(analyzed)
        ]
        summaries, errors, notes, rank = [], [], [], 0
        for future in written:
            part_summary, part_errors, part_notes, part_rank = future.result()
            summaries.append(part_summary)
            errors += part_errors
            notes += part_notes
            rank = max(rank, part_rank)
        del analyzed, written
        summary = merge_summaries(summaries)
        atomic_write(out_dir / SUMMARY, summary_line(pipeline.signature(), summary, extra))
        return ShardRun(out_dir, [shard_name(n) for n in range(len(parts))], summary, rank, errors, notes)

    # -- any partitioned job ------------------------------------------------------------
    def map_partitions(self, func: Callable[..., Any], parts: Iterable[list], *args: Any) -> Iterator[Any]:
        """Results in partition order, with a bounded number of tasks in flight."""
        from collections import deque

        window = max(2, _WINDOW_PER_WORKER * self.workers())
        pending: deque = deque()
        for part in parts:
            pending.append(self.client.submit(func, part, *args, pure=False, retries=_RETRIES))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def submit(self, func: Callable[..., Any], *args: Any):
        """A task on the cluster; futures among the arguments (or in lists of them) are passed as their values."""
        return self.client.submit(func, *args, pure=False, retries=_RETRIES)

    def workers(self) -> int:
        try:
            return max(1, len(self.client.scheduler_info(n_workers=-1).get("workers", {})))
        except Exception:  # an old scheduler: any positive number will do
            return 1

    def note(self) -> str | None:
        where = self.settings.scheduler or "a LocalCluster"
        return f"engine dask: {self.workers()} workers on {where}, partitions of {self.settings.partition_size} files"

    def close(self) -> None:
        if self._own:
            self.client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _absolute(sources: list["Source"]) -> list["Source"]:
    from provenance.discover import Source

    for src in sources:
        if src.path is None:
            raise EngineError("standard input ('-') is read by the local engine only (the Dask workers read files)")
    return [Source(src.display, src.path.absolute()) for src in sources]


def _portable(config: "Config") -> "Config":
    """The configuration with the paths the workers open made absolute."""
    import copy

    config = copy.deepcopy(config)
    reuse = config.sections.get("reuse")
    if reuse and reuse.get("index-path"):
        reuse["index-path"] = str(Path(reuse["index-path"]).absolute())
    return config
