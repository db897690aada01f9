"""Where the work of a run happens: the engine seam.

One place chooses the engine: the ``--engine`` / ``--scheduler`` flags, else
``[tool.provenance.engine]`` (``name = "local" | "dask"``, ``scheduler =
"tcp://HOST:PORT"``, ``partition-size``, ``workers``), else the local engine.

- ``local`` (``engine/local.py``): today's code, in this process or in forked
  processes (``--jobs``); no dependency beyond the base install.
- ``dask`` (``engine/dask.py``): a Dask distributed cluster; no scheduler
  address starts a ``LocalCluster`` sized to the machine. Needs the optional
  extra ``pip install 'provenance-news[dask]'``.

Analyzers and renderers never know which engine ran: both give the same
Report. This module imports nothing heavy: the base install never imports dask.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from provenance.config import Config
    from provenance.engine.base import Engine

ENGINES = ("local", "dask")
#: Files (or articles) in one partition: one task, one report shard, one index part.
DEFAULT_PARTITION_SIZE = 500
_KEYS = ("name", "scheduler", "partition-size", "workers")


class EngineError(Exception):
    """A one-line reason the engine cannot be used (unknown name, no dask, no scheduler)."""


@dataclass(frozen=True)
class EngineSettings:
    name: str = "local"
    #: Address of an existing Dask scheduler; None starts a LocalCluster.
    scheduler: str | None = None
    partition_size: int = DEFAULT_PARTITION_SIZE
    #: Worker processes of a LocalCluster (None: sized to the machine).
    workers: int | None = None

    def describe(self) -> str:
        if self.name == "local":
            return "local"
        where = self.scheduler or f"LocalCluster, {self.local_workers()} workers"
        return f"dask ({where}; partitions of {self.partition_size})"

    def local_workers(self) -> int:
        return self.workers or max(1, min(8, os.cpu_count() or 1))


def engine_settings(config: "Config", name: str | None = None, scheduler: str | None = None, partition_size: int | None = None) -> EngineSettings:
    """The flags over ``[tool.provenance.engine]`` over the defaults; EngineError with a one-line reason."""
    section = config.section("engine")
    where = f"{config.source or 'configuration'}: [tool.provenance.engine]"
    for key in section:
        if key not in _KEYS:
            raise EngineError(f"{where}: unknown key '{key}' (known: {', '.join(_KEYS)})")
    chosen = name or section.get("name", "local")
    if chosen not in ENGINES:
        raise EngineError(f"unknown engine {chosen!r} (engines: {', '.join(ENGINES)})")
    address = scheduler or section.get("scheduler") or None
    if scheduler is not None and name == "local":
        raise EngineError("--scheduler is an address of a Dask scheduler: use it with --engine dask")
    if address is not None and name is None and (scheduler is not None or "name" not in section):
        chosen = "dask"  # a scheduler address alone means the Dask engine
    size = partition_size or section.get("partition-size", DEFAULT_PARTITION_SIZE)
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise EngineError(f"{where}: 'partition-size' must be a whole number of at least 1")
    workers = section.get("workers")
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int) or workers < 1):
        raise EngineError(f"{where}: 'workers' must be a whole number of at least 1")
    return EngineSettings(chosen, address if chosen == "dask" else None, size, workers)


def open_engine(settings: EngineSettings) -> "Engine":
    """The engine the settings name (closing it shuts down what it started)."""
    if settings.name == "dask":
        from provenance.engine.dask import DaskEngine

        return DaskEngine(settings)
    from provenance.engine.local import LocalEngine

    return LocalEngine(settings)


def client_for(config_or_settings, name: str | None = None, scheduler: str | None = None):
    """A ``distributed.Client`` for these settings (an existing scheduler, or a new
    LocalCluster sized to the machine), for jobs written against Dask directly
    (``provenance reuse --engine dask``). The caller closes it; closing the
    client of a LocalCluster made here also shuts the cluster down."""
    settings = config_or_settings if isinstance(config_or_settings, EngineSettings) else engine_settings(config_or_settings, name or "dask", scheduler)
    from provenance.engine.dask import connect

    return connect(settings)


def partitions(items: list, size: int) -> list[list]:
    """Consecutive slices of at most ``size`` items (the last one shorter)."""
    return [items[i : i + size] for i in range(0, len(items), size)]
