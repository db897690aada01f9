"""`provenance attributions PATH…`: who said what, according to whom."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from provenance.cli.base import app
from provenance.cli.common import EXIT_ERROR, EXIT_OK, fail, guard_stdin, load_config, make_pipeline, text_output, warn, write_output


class AttributionsFormat(str, Enum):
    text = "text"
    json = "json"


@app.command("attributions")
def attributions_command(
    paths: Annotated[list[str], typer.Argument(help="Files or directories (directories recursively); '-' reads stdin.", show_default=False)],
    format: Annotated[AttributionsFormat, typer.Option("--format", "-f", help="text: a tree per article with its sourcing profile; json: the check report.")] = AttributionsFormat.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to FILE (atomically) instead of stdout.")] = None,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Use this configuration file instead of searching for one.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore configuration files.")] = False,
) -> None:
    """Show the attribution chains of articles, outermost source first, and how much rests on unnamed sources.

    Exit codes: 0 done; 2 a usage error or a file that could not be read.
    """
    from provenance.discover import discover_for

    config = load_config(config_file, isolated)
    if config.section("attributions").get("enabled", True) is False:
        fail("the attributions layer is disabled in the configuration ([tool.provenance.attributions] enabled = false)")
    pipeline = make_pipeline(config)
    guard_stdin(paths)
    sources, problems = discover_for(config, paths)
    for p in problems:
        warn(f"{p.display}: {p.reason}")
    report = pipeline.run(sources)
    for f in report.files:
        if f.error is not None:
            warn(f"{f.path}: {f.error}")
    if format is AttributionsFormat.json:
        write_output(report.to_json(), output)
    else:
        from provenance.attributions.render import render

        write_output(text_output(render(report)), output)
    if problems or any(f.error is not None for f in report.files):
        raise typer.Exit(EXIT_ERROR)
    if not report.files:
        fail("nothing to check")
    raise typer.Exit(EXIT_OK)
