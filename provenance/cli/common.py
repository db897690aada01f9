"""Pieces the commands share: config loading with flag overrides, one-line
errors, output to stdout or (atomically) to a file, and the checks at the
file-system boundary (glossary files, standard input, the read limit)."""

from __future__ import annotations

import errno
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import typer

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def fail(message: str, code: int = EXIT_ERROR) -> NoReturn:
    """One line on stderr and the exit code; never a traceback. Control
    characters (from file names, article text) are shown escaped."""
    from provenance.termsafe import one_line

    _stderr(f"provenance: error: {one_line(str(message))}\n")
    raise typer.Exit(code)


def warn(message: str) -> None:
    from provenance.termsafe import one_line

    _stderr(f"provenance: {one_line(str(message))}\n")


def _stderr(line: str) -> None:
    try:
        if sys.stderr is not None:
            sys.stderr.write(line)
            sys.stderr.flush()
    except (OSError, ValueError):
        pass  # nowhere left to say it; the exit code still does


def text_output(text: str) -> str:
    """Text meant for a terminal with untrusted strings in it (names, article
    text, file names): control characters and escape sequences escaped."""
    from provenance.termsafe import printable

    return printable(text)


def split_list(values: list[str] | None) -> list[str]:
    """Repeatable options also take comma-separated lists: --select PV1,PV2."""
    out: list[str] = []
    for v in values or []:
        out += [p.strip() for p in v.split(",") if p.strip()]
    return out


INPUT_KEYS = ("max-file-size",)


def load_config(config_file: Path | None, isolated: bool):
    from provenance.config import ConfigError, load_config as _load

    try:
        config = _load(config_file, isolated=isolated)
    except ConfigError as exc:
        fail(str(exc))
    apply_input_settings(config)
    return config


def apply_input_settings(config) -> None:
    """[tool.provenance.input]: ``max-file-size`` (bytes, or "256MB"), the most any
    input file (article, glossary, standard input) may hold."""
    from provenance.safeio import DEFAULT_MAX_FILE_SIZE, parse_size, set_max_file_size

    section = config.section("input")
    where = str(config.source) if config.source else "configuration"
    for key in section:
        if key not in INPUT_KEYS:
            fail(f"{where}: unknown key '{key}' in [tool.provenance.input] (known: {', '.join(INPUT_KEYS)})")
    try:
        set_max_file_size(parse_size(section.get("max-file-size", DEFAULT_MAX_FILE_SIZE)))
    except ValueError as exc:
        fail(f"{where}: [tool.provenance.input] max-file-size {exc}")


def vet_glossaries(config, extra=()) -> None:
    """Refuse, before anything reads them, glossary files that are special files
    (FIFOs, devices: a read would hang or never end), over the read limit, or
    unreadable (a symlink loop, permission); a missing file the loader reports."""
    if not config.glossaries and not extra:
        return  # the default glossary ships with the package
    from provenance.discover import display_path
    from provenance.names.glossary import expand
    from provenance.safeio import refusal

    def vet(path: Path) -> None:
        problem = refusal(path)
        if problem is not None and problem[1] not in ("missing", "input"):  # "input": a directory, expanded below
            fail(f"{display_path(path)}: glossary {problem[0].split(';')[0]}")

    paths = [config.resolve(p) for p in config.glossaries] + [Path(p) for p in extra]
    for path in paths:
        vet(path)
    try:
        files = expand(paths)
    except OSError as exc:
        fail(f"glossary: cannot list {exc.filename or ''} ({exc.strerror or exc})")
    for path in files:
        if path not in paths:
            vet(path)


def vet_edit_target(path: Path) -> None:
    """A glossary file to edit must be a regular file (or not exist yet)."""
    from provenance.discover import display_path
    from provenance.safeio import refusal

    if not os.path.lexists(path):
        return
    problem = refusal(path)
    if problem is not None and problem[1] != "missing":
        reason = problem[0].split(";")[0]
        fail(f"{display_path(path)}: cannot edit this glossary: {reason}")


def guard_stdin(paths: list[str]) -> None:
    """Standard input ('-') is read through the read limit, with a one-line reason when closed."""
    from provenance.discover import STDIN
    from provenance.safeio import LimitedStdin

    if STDIN in paths and not isinstance(sys.stdin, LimitedStdin):
        sys.stdin = LimitedStdin(sys.stdin)


def make_pipeline(config):
    vet_glossaries(config)
    with long_lived():
        from provenance.analyzers import LayerError
        from provenance.config import ConfigError
        from provenance.pipeline import Pipeline
        from provenance.rules import PackError, SelectorError

        try:
            return Pipeline(config)
        except (ConfigError, PackError, SelectorError, LayerError) as exc:
            fail(str(exc))


@contextmanager
def long_lived():
    """Make what lives to the end of the run (modules, the pipeline's rules, patterns
    and tables) with the cyclic garbage collector paused, then freeze it
    (``gc.freeze``): the collections while files are checked no longer walk those
    objects (a one-article check collected for 35-45 ms, now 7-10 ms), and forked
    workers keep sharing their memory pages."""
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def write_output(data, output: Path | None) -> None:
    """``data``: a string, or an iterable of string pieces."""
    if output is None:
        if isinstance(data, str):
            write_stdout(data)
        else:
            for piece in data:
                write_stdout(piece)
        return
    from provenance.fsutil import atomic_write

    try:
        atomic_write(output, data)
    except OSError as exc:
        fail(f"{output}: cannot write ({exc.strerror or exc})")


def write_stdout(data: str) -> None:
    """Write to standard output; closed or full (``> /dev/full``) is a one-line error and exit 2."""
    stream = sys.stdout
    if stream is None:
        fail("cannot write the output: standard output is closed")
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            stream.flush()
            # bytes: a file name byte that is not UTF-8 must not stop the report
            buffer.write(data.encode(stream.encoding or "utf-8", "backslashreplace"))
        else:
            stream.write(data)
        stream.flush()
    except BrokenPipeError:
        silence_stdout()
        _stderr_close()
    except (OSError, ValueError) as exc:
        silence_stdout()
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "closed"
        fail(f"cannot write the output to standard output ({reason})")


def silence_stdout() -> None:
    """Point file descriptor 1 at /dev/null, so that the interpreter's last flush of
    what is still buffered cannot fail again (and print a traceback) at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass


def _stderr_close() -> None:
    try:
        sys.stderr.close()
    except (OSError, AttributeError):
        pass


def stdout_error(exc: BaseException) -> bool:
    """Is this the error of a write to a standard output that is full, closed or gone?"""
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EPIPE, errno.EBADF, errno.EIO, getattr(errno, "EDQUOT", -1))


def write_chunks(chunks, output: Path | None) -> None:
    """Write a report made in pieces, piece by piece (memory stays flat in the
    size of the report): to stdout, or to --output as one atomic write."""
    if output is not None:
        write_output(chunks, output)
        return
    for chunk in chunks:
        write_stdout(chunk)


def console_for(output: Path | None):
    """A rich Console for the commands that render with rich: colour on a
    terminal, plain text into a buffer for --output (then ``write_output``)."""
    import io

    from rich.console import Console

    if output is None:
        if sys.stdout is None:
            fail("cannot write the output: standard output is closed")
        return Console(highlight=False, soft_wrap=True), None
    buffer = io.StringIO()
    return Console(file=buffer, color_system=None, highlight=False, soft_wrap=True, width=200), buffer
