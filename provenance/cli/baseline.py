"""`provenance baseline [PATH…] -o FILE`: accept the findings there are today."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from provenance.cli.base import app
from provenance.cli.common import EXIT_ERROR, EXIT_OK, fail, guard_stdin, load_config, make_pipeline, split_list, warn, write_output

DEFAULT_BASELINE = "provenance-baseline.json"


@app.command()
def baseline(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files or directories to check [default: the current directory].", show_default=False)] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="The baseline file to write (atomically).")] = Path(DEFAULT_BASELINE),
    select: Annotated[Optional[list[str]], typer.Option("--select", help="Only these rules (repeatable, comma-separated).")] = None,
    extend_select: Annotated[Optional[list[str]], typer.Option("--extend-select", help="Add rules to the configured selection.")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", help="Leave out these rules (repeatable, comma-separated).")] = None,
    layers: Annotated[Optional[list[str]], typer.Option("--layers", help="Only these analyzer layers (repeatable, comma-separated) [default: all].")] = None,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Use this configuration file instead of searching for one.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore configuration files.")] = False,
) -> None:
    """Write the current findings to a baseline file; `check --baseline FILE` then
    reports only new ones (matched by rule, flagged text, nearby words and
    occurrence, not by line, so edits elsewhere in a file keep them matched).
    Findings already suppressed inline or by per-file-ignores are left out."""
    from provenance.discover import discover
    from provenance.suppress import baseline_document, baseline_json

    config = load_config(config_file, isolated)
    if select:
        config.select = split_list(select)
    if extend_select:
        config.extend_select += split_list(extend_select)
    if ignore:
        config.ignore += split_list(ignore)
    if layers:
        config.layers = split_list(layers)
    pipeline = make_pipeline(config)
    pipeline.keep_fingerprints = True
    paths = paths or ["."]
    guard_stdin(paths)
    sources, problems = discover(paths, config.include, config.exclude)
    for p in problems:
        warn(f"{p.display}: {p.reason}")
    if not sources:
        fail("nothing to check")
    report = pipeline.run(sources)
    for f in report.files:
        if f.error is not None:
            warn(f"{f.path}: {f.error}")
    document = baseline_document(report, output)
    write_output(baseline_json(document), output)
    warn(f"{output}: baseline of {document['findings']} finding{'s' if document['findings'] != 1 else ''} in {len(document['files'])} file{'s' if len(document['files']) != 1 else ''}")
    raise typer.Exit(EXIT_ERROR if problems or any(f.error is not None for f in report.files) else EXIT_OK)
