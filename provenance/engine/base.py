"""The protocol every engine implements (``provenance.engine.open_engine``).

An engine runs the same per-file and per-partition work that the local code
does, somewhere: it never changes what is found. ``check`` returns the Report
the renderers read; ``check_shards`` writes one JSON Lines shard per partition
and the summary line (``engine/shards.py``); ``map_partitions`` runs a
picklable function over consecutive partitions and yields the results in
order (``index add`` prepares articles with it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Protocol

if TYPE_CHECKING:
    from pathlib import Path

    from provenance.discover import Source
    from provenance.engine import EngineSettings
    from provenance.engine.shards import ShardRun
    from provenance.pipeline import Pipeline
    from provenance.report import Report


class Engine(Protocol):
    name: str
    settings: "EngineSettings"

    def check(self, pipeline: "Pipeline", sources: list["Source"], *, keep_text: bool = False, jobs: int = 1) -> "Report":
        """Every source checked; the same Report (file order included) on every engine."""

    def check_shards(self, pipeline: "Pipeline", sources: list["Source"], out_dir: "Path", *, jobs: int = 1) -> "ShardRun":
        """``out_dir/part-NNNNN.jsonl`` (one per partition) and ``out_dir/summary.json``."""

    def map_partitions(self, func: Callable[..., Any], parts: Iterable[list], *args: Any) -> Iterator[Any]:
        """``func(part, *args)`` for each partition, results in partition order."""

    def submit(self, func: Callable[..., Any], *args: Any) -> Any:
        """``func(*args)`` as a task; returns a future (``.result()``). Futures among
        the arguments, or in lists of them, are passed as their values."""

    def note(self) -> str | None:
        """A one-line run note (which engine ran, where), or None for the default."""

    def close(self) -> None: ...
