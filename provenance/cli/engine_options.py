"""The ``--engine`` / ``--scheduler`` flags that `check` and `index add` share,
and opening the engine they choose (``provenance.engine``)."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer


class EngineName(str, Enum):
    local = "local"
    dask = "dask"


EngineOption = Annotated[
    Optional[EngineName],
    typer.Option("--engine", help="Where the work runs: local (this machine, the default) or dask [default: [tool.provenance.engine] name].", show_default=False),
]
SchedulerOption = Annotated[
    Optional[str],
    typer.Option("--scheduler", help="Address of a running Dask scheduler (tcp://HOST:PORT); without it --engine dask starts a LocalCluster.", show_default=False),
]


def open_engine_for(config, engine: EngineName | None, scheduler: str | None, *, quiet: bool = False):
    """The engine of the flags and the configuration; a one-line error and exit 2 when it cannot be used."""
    from provenance.cli.common import fail, warn
    from provenance.engine import EngineError, engine_settings, open_engine

    try:
        settings = engine_settings(config, engine.value if engine else None, scheduler)
        opened = open_engine(settings)
    except EngineError as exc:
        fail(str(exc))
    note = opened.note()
    if note and not quiet:
        warn(note)
    return opened
