"""`provenance reuse PATH…`: passages shared between articles."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Iterator, Optional

import typer

from provenance.cli.base import app
from provenance.cli.common import EXIT_ERROR, EXIT_OK, console_for, fail, load_config, silence_stdout, warn, write_output

if TYPE_CHECKING:
    from provenance.config import Config
    from provenance.discover import Source
    from provenance.document import Document


class OutputFormat(str, Enum):
    text = "text"
    json = "json"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


def find_sources(paths: list[str], config: "Config") -> tuple[list["Source"], int]:
    """The files to read, and how many of the given paths were a problem (warned)."""
    from provenance.discover import discover_for

    sources, problems = discover_for(config, paths)
    for p in problems:
        warn(f"{p.display}: {p.reason}")
    stdin = [s for s in sources if s.path is None]
    for s in stdin:
        warn("-: this command reads files, not standard input")
    return [s for s in sources if s.path is not None], len(problems) + len(stdin)


def iter_documents(sources: list["Source"], errors: list[str]) -> Iterator[tuple[str, "Document"]]:
    """(display path, Document) of each source that can be read; the others are warned and listed in ``errors``."""
    from provenance.document import Document, InputError

    for src in sources:
        try:
            yield src.display, Document.from_path(src.path)
        except InputError as exc:
            warn(f"{src.display}: {exc}")
            errors.append(src.display)


def show(result: dict, format: OutputFormat, output: Path | None, render) -> None:
    """JSON, or the text that ``render(result, console)`` prints; to stdout or (atomically) to ``output``."""
    if format is OutputFormat.json:
        write_output(json.dumps(result, ensure_ascii=False, indent=2) + "\n", output)
        return
    from provenance.termsafe import printable_data

    console, buffer = console_for(output)
    try:
        render(printable_data(result), console)  # article text and file names: control characters escaped
    except OSError as exc:  # a full or broken standard output
        silence_stdout()
        fail(f"cannot write the output to standard output ({exc.strerror or exc})")
    if buffer is not None:
        write_output(buffer.getvalue(), output)


def load_semantic():
    from provenance.semantic import SemanticUnavailable, load_encoder

    try:
        return load_encoder()
    except SemanticUnavailable as exc:
        fail(str(exc))


@app.command("reuse")
def reuse(
    paths: Annotated[list[str], typer.Argument(help="Articles, or directories of articles, to compare with each other.", show_default=False)],
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to FILE (atomically) instead of stdout.")] = None,
    boilerplate: Annotated[Optional[int], typer.Option("--boilerplate", "-k", help="A passage in at least K articles is boilerplate [default: 3].", show_default=False)] = None,
    threshold: Annotated[Optional[float], typer.Option("--threshold", help="Jaccard similarity (word 3-shingles) from which passages are near-duplicates [default: 0.5].", show_default=False)] = None,
    containment: Annotated[Optional[float], typer.Option("--containment", help="Share of a passage found in another that makes it a partial copy [default: 0.8].", show_default=False)] = None,
    min_words: Annotated[Optional[int], typer.Option("--min-words", help="Shortest passage compared, in words [default: 6].", show_default=False)] = None,
    semantic: Annotated[bool, typer.Option("--semantic", help="Also report paraphrases (needs the 'semantic' extra).")] = False,
    engine: Annotated[Optional[Engine], typer.Option("--engine", help="Run on this machine (local) or as a Dask job (needs the 'dask' extra) [default: [tool.provenance.engine] name, else local].", show_default=False)] = None,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Dask scheduler address (tcp://HOST:PORT); without it, a LocalCluster sized to this machine.", show_default=False)] = None,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Use this configuration file instead of searching for one.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore configuration files.")] = False,
    no_progress: Annotated[bool, typer.Option("--no-progress", help="No progress bar on stderr (shown only when stderr is a terminal).")] = False,
) -> None:
    """List passages shared between articles, and repeated within one: verbatim,
    near-duplicate, partial, and boilerplate (in at least K articles).

    Exit codes: 0 done (whether or not anything is shared); 2 a usage error or
    a file that could not be read.
    """
    from provenance.config import ConfigError
    from provenance.reuse.settings import ReuseSettings

    config = load_config(config_file, isolated)
    try:
        settings = ReuseSettings.from_section(config.section("reuse")).with_values(
            "flags", boilerplate=boilerplate, threshold=threshold, containment=containment, min_words=min_words
        )
    except ConfigError as exc:
        fail(str(exc))
    encoder = load_semantic() if semantic else None
    sources, problems = find_sources(paths, config)
    errors: list[str] = []
    from provenance.progress import busy, progress, ticking

    from provenance.engine import EngineError, client_for, engine_settings

    try:  # the engine is chosen in one place: the flags over [tool.provenance.engine]
        chosen = engine_settings(config, engine.value if engine else None, scheduler)
    except EngineError as exc:
        fail(str(exc))
    if chosen.name == "dask":
        if semantic:
            fail("--semantic runs with the local engine only")
        from provenance.reuse.distributed import DaskUnavailable, run_reuse_dask

        try:
            client = client_for(chosen)
            try:
                result = run_reuse_dask([(s.display, str(s.path)) for s in sources], settings, client, errors=errors)
            finally:
                client.close()
        except (DaskUnavailable, EngineError) as exc:
            fail(str(exc))
        for display, reason in errors:
            warn(f"{display}: {reason}")
        errors = [d for d, _ in errors]
    else:
        from provenance.reuse.detect import LocalRun

        run = LocalRun(settings)
        with progress("reading", len(sources), enabled=not no_progress) as advance:
            for src in ticking(sources, advance):  # one article at a time: only its passages and keys stay
                for display, doc in iter_documents([src], errors):
                    run.add(display, doc, src.path)
        with busy(f"comparing {len(run.files)} articles", enabled=not no_progress and len(run.files) > 1):
            result = run.run(encoder=encoder) if run.files else None
    if result is None or not result["files"]:
        fail("no article to read")

    from provenance.reuse.render import render

    show(result, format, output, render)
    raise typer.Exit(EXIT_ERROR if problems or errors else EXIT_OK)
