"""`provenance check PATH…`"""

from __future__ import annotations

import io
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from provenance.cli.base import app
from provenance.cli.engine_options import EngineOption, SchedulerOption, open_engine_for
from provenance.cli.common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, fail, guard_stdin, load_config, make_pipeline, split_list, text_output, warn, write_chunks, write_output


class Format(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Files or directories to check (directories recursively); '-' reads stdin.", show_default=False)],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to FILE (atomically) instead of stdout.")] = None,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", help="Lowest severity that makes the exit code 1 [default: error, or fail-on in the config].")] = None,
    select: Annotated[Optional[list[str]], typer.Option("--select", help="Only these rules: codes, code prefixes, slugs or categories (repeatable, comma-separated).")] = None,
    extend_select: Annotated[Optional[list[str]], typer.Option("--extend-select", help="Add rules to the configured selection.")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", help="Leave out these rules (repeatable, comma-separated).")] = None,
    statistics: Annotated[bool, typer.Option("--statistics", help="Print the number of findings per rule instead of each finding (text); to stderr for JSON and SARIF.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print findings only: no summary, no notes.")] = False,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Use this configuration file instead of searching for one.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore configuration files.")] = False,
    layers: Annotated[Optional[list[str]], typer.Option("--layers", help="Only these analyzer layers: rules, names, attributions (repeatable, comma-separated) [default: all].")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Processes to check files with; 0 picks one per CPU when there are enough files.", min=0)] = 0,
    glossary: Annotated[Optional[list[Path]], typer.Option("--glossary", help="Also use this name glossary file or directory (repeatable), on top of the configured ones.")] = None,
    index: Annotated[bool, typer.Option("--index", help="Report passages that already ran in an indexed article (files[].reuse, PV951).")] = False,
    index_path: Annotated[Optional[Path], typer.Option("--index-path", help="The index file for --index [default: .provenance/index.db].", show_default=False)] = None,
    reference: Annotated[Optional[Path], typer.Option("--reference", help="Score against this reference translation with sacrebleu (files[].reference).", show_default=False)] = None,
    engine: EngineOption = None,
    scheduler: SchedulerOption = None,
    shards: Annotated[Optional[Path], typer.Option("--shards", help="Write the report as JSON Lines shards, one per partition of files, and summary.json into DIR (see docs/scale.md).", show_default=False)] = None,
) -> None:
    """Check translated articles and report artifacts, with exit codes for CI.

    Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it;
    2 a usage error or a file that could not be checked.
    """
    from provenance.discover import discover
    from provenance.rules import SEVERITY_RANK

    config = load_config(config_file, isolated)
    if select:
        config.select = split_list(select)
    if extend_select:
        config.extend_select += split_list(extend_select)
    if ignore:
        config.ignore += split_list(ignore)
    if layers:
        config.layers = split_list(layers)
    if config.layers is not None and (index or index_path or reference) and "reuse" not in config.layers:
        config.layers.append("reuse")  # --index and --reference are the reuse layer's
    if glossary:
        config.glossaries += [str(p.absolute()) for p in glossary]
    threshold = (fail_on.value if fail_on else None) or config.fail_on
    if index or index_path or reference:
        from provenance.config import ConfigError
        from provenance.reuse.layer import configure

        try:
            configure(config, index=index, index_path=index_path, reference=reference)
        except ConfigError as exc:
            fail(str(exc))
    pipeline = make_pipeline(config)

    guard_stdin(paths)
    sources, problems = discover(paths, config.include, config.exclude)
    for p in problems:
        warn(f"{p.display}: {p.reason}")
    if shards is not None and (format is not Format.text or output is not None or statistics):
        fail("--shards writes JSON Lines shards and a summary into its directory: leave out --format, --output and --statistics")
    from provenance.engine import EngineError

    runner = open_engine_for(config, engine, scheduler, quiet=quiet)
    try:
        if shards is not None:
            _check_shards(runner, pipeline, sources, shards, problems, threshold, quiet, _jobs(jobs, sources))
        report = pipeline.run(sources, keep_text=(format is Format.text), jobs=_jobs(jobs, sources), engine=runner)
    except EngineError as exc:
        fail(str(exc))
    finally:
        runner.close()

    for f in report.files:
        if f.error is not None:
            warn(f"{f.path}: {f.error}")
        elif not quiet:
            for note in f.notes:
                warn(f"{f.path}: {note}")

    if format is Format.json:
        write_chunks(report.iter_json(), output)
    elif format is Format.jsonl:
        write_chunks(report.iter_jsonl(), output)
    elif format is Format.sarif:
        from provenance.render.sarif import iter_render

        write_chunks(iter_render(report), output)
    else:
        from provenance.render.text import render, use_color

        buffer = io.StringIO()
        render(report, buffer, report.texts, color=output is None and use_color(sys.stdout), quiet=quiet, statistics=statistics)
        write_output(buffer.getvalue(), output)
    if statistics and format is not Format.text:
        from provenance.render.text import render_statistics

        render_statistics(report, sys.stderr)

    if problems or any(f.error is not None for f in report.files):
        raise typer.Exit(EXIT_ERROR)
    if not report.files:
        fail("nothing to check")
    if threshold != "never" and report.max_severity_rank() >= SEVERITY_RANK[threshold]:
        raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_OK)


def _check_shards(runner, pipeline, sources, out_dir: Path, problems, threshold: str, quiet: bool, jobs: int) -> None:
    from provenance.rules import SEVERITY_RANK

    if not sources:
        fail("nothing to check")
    try:
        run = runner.check_shards(pipeline, sources, out_dir, jobs=jobs)
    except OSError as exc:
        fail(f"--shards {out_dir}: {exc.strerror or exc}")
    for path, error in run.errors:
        warn(f"{path}: {error}")
    if not quiet:
        for path, note in run.notes:
            warn(f"{path}: {note}")
        s, sev = run.summary, run.summary["by_severity"]
        write_output(
            f"Found {s['findings']:,} findings in {s['files']:,} files ({s['words']:,} words): {sev['error']:,} errors, "
            f"{sev['warning']:,} warnings, {sev['info']:,} info; {len(run.shards)} shard{'s' if len(run.shards) != 1 else ''} and summary.json in {text_output(str(out_dir))}\n",
            None,
        )
    if problems or run.errors:
        raise typer.Exit(EXIT_ERROR)
    if threshold != "never" and run.max_rank >= SEVERITY_RANK[threshold]:
        raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_OK)


def _jobs(requested: int, sources) -> int:
    """--jobs 0: one process per CPU (at most 8) when there are enough files to pay for starting them."""
    if requested:
        return requested
    import os

    return min(8, os.cpu_count() or 1) if len(sources) >= 8 else 1
