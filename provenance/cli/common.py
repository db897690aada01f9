"""Pieces the commands share: config loading with flag overrides, one-line
errors, output to stdout or (atomically) to a file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import typer

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def fail(message: str, code: int = EXIT_ERROR) -> NoReturn:
    """One line on stderr and the exit code; never a traceback."""
    sys.stderr.write(f"provenance: error: {message}\n")
    raise typer.Exit(code)


def warn(message: str) -> None:
    sys.stderr.write(f"provenance: {message}\n")


def split_list(values: list[str] | None) -> list[str]:
    """Repeatable options also take comma-separated lists: --select PV1,PV2."""
    out: list[str] = []
    for v in values or []:
        out += [p.strip() for p in v.split(",") if p.strip()]
    return out


def load_config(config_file: Path | None, isolated: bool):
    from provenance.config import ConfigError, load_config as _load

    try:
        return _load(config_file, isolated=isolated)
    except ConfigError as exc:
        fail(str(exc))


def make_pipeline(config):
    from provenance.analyzers import LayerError
    from provenance.config import ConfigError
    from provenance.pipeline import Pipeline
    from provenance.rules import PackError, SelectorError

    try:
        return Pipeline(config)
    except (ConfigError, PackError, SelectorError, LayerError) as exc:
        fail(str(exc))


def write_output(data: str, output: Path | None) -> None:
    if output is None:
        try:
            sys.stdout.write(data)
            sys.stdout.flush()
        except BrokenPipeError:
            sys.stderr.close()
        return
    from provenance.fsutil import atomic_write

    try:
        atomic_write(output, data)
    except OSError as exc:
        fail(f"{output}: cannot write ({exc.strerror or exc})")


def write_chunks(chunks, output: Path | None) -> None:
    """Write a report made in pieces: to stdout piece by piece (memory stays
    flat in the size of the report); to --output as one atomic write."""
    if output is not None:
        write_output("".join(chunks), output)
        return
    try:
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
    except BrokenPipeError:
        sys.stderr.close()


def console_for(output: Path | None):
    """A rich Console for the commands that render with rich: colour on a
    terminal, plain text into a buffer for --output (then ``write_output``)."""
    import io

    from rich.console import Console

    if output is None:
        return Console(highlight=False, soft_wrap=True), None
    buffer = io.StringIO()
    return Console(file=buffer, color_system=None, highlight=False, soft_wrap=True, width=200), buffer
