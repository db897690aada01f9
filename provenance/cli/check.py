"""`provenance check PATH…`"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from provenance.cli import ci_output
from provenance.cli.base import app
from provenance.cli.engine_options import EngineOption, SchedulerOption, open_engine_for
from provenance.cli.common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, fail, guard_stdin, load_config, make_pipeline, split_list, text_output, warn, write_chunks, write_output


class Format(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"
    html = "html"
    github = "github"
    gitlab = "gitlab"
    junit = "junit"
    rdjson = "rdjson"
    concise = "concise"


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


class JunitGroup(str, Enum):
    file = "file"
    rule = "rule"


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
    force_exclude: Annotated[bool, typer.Option("--force-exclude", help="Apply the configured exclude to files named on the command line too (for pre-commit hooks).")] = False,
    layers: Annotated[Optional[list[str]], typer.Option("--layers", help="Only these analyzer layers: rules, names, attributions (repeatable, comma-separated) [default: all].")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Processes to check files with; 0 picks one per CPU when there are enough files.", min=0)] = 0,
    glossary: Annotated[Optional[list[Path]], typer.Option("--glossary", help="Also use this name glossary file or directory (repeatable), on top of the configured ones.")] = None,
    index: Annotated[bool, typer.Option("--index", help="Report passages that already ran in an indexed article (files[].reuse, PV951).")] = False,
    index_path: Annotated[Optional[Path], typer.Option("--index-path", help="The index file for --index [default: .provenance/index.db].", show_default=False)] = None,
    reference: Annotated[Optional[Path], typer.Option("--reference", help="Score against this reference translation with sacrebleu (files[].reference).", show_default=False)] = None,
    fix: Annotated[bool, typer.Option("--fix", help="Apply the safe suggestions in place (atomically, keeping encoding and line endings), then report what remains.")] = False,
    unsafe_fixes: Annotated[bool, typer.Option("--unsafe-fixes", help="With --fix or --diff: apply the unsafe suggestions too (see `provenance rules`: fix safe/unsafe).")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print the fixes as a unified diff and change nothing (exit 1 when there is one).")] = False,
    baseline: Annotated[Optional[Path], typer.Option("--baseline", help="Report only findings not in this baseline file (written by `provenance baseline`).", show_default=False)] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Check every file again, even one checked before unchanged under the same configuration.")] = False,
    no_progress: Annotated[bool, typer.Option("--no-progress", help="No progress bar on stderr (shown only when stderr is a terminal).")] = False,
    min_severity: Annotated[Optional[Severity], typer.Option("--min-severity", help="Show only findings of this severity and above (every format, the summary and the exit code).", show_default=False)] = None,
    show_severity: Annotated[Optional[list[str]], typer.Option("--show-severity", help="Show only findings of these severities: error, warning, info (repeatable, comma-separated).", show_default=False)] = None,
    junit_group: Annotated[JunitGroup, typer.Option("--junit-group", help="--format junit: one test case per file or per rule.")] = JunitGroup.file,
    stdin_filename: Annotated[Optional[str], typer.Option("--stdin-filename", help="The name standard input ('-') goes by in the report and for matching by file name.", show_default=False)] = None,
    engine: EngineOption = None,
    scheduler: SchedulerOption = None,
    source: Annotated[Optional[Path], typer.Option("--source", help="Check the article against this original (one article; rules PV1001-PV1008, see docs/source-aware.md).", show_default=False)] = None,
    source_lang: Annotated[Optional[str], typer.Option("--source-lang", help="Language of the original: ar fa he tr ru uk ur hi zh fr de es [default: from its file name, else detected].", show_default=False)] = None,
    source_dir: Annotated[Optional[Path], typer.Option("--source-dir", help="Originals are in DIR, as name.XX.txt for an article name.txt or name.en.txt.", show_default=False)] = None,
    shards: Annotated[Optional[Path], typer.Option("--shards", help="Write the report as JSON Lines shards, one per partition of files, and summary.json into DIR (see docs/scale.md).", show_default=False)] = None,
) -> None:
    """Check translated articles and report artifacts, with exit codes for CI.

    Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it;
    2 a usage error or a file that could not be checked.
    """
    from provenance.discover import discover_for
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
    if baseline is not None:
        from provenance.suppress import Baseline, BaselineError

        try:
            pipeline.baseline = Baseline.load(baseline)
        except BaselineError as exc:
            fail(str(exc))

    hidden_note = ci_output.severity_filter(pipeline, min_severity.value if min_severity else None, show_severity)
    if unsafe_fixes and not (fix or diff):
        fail("--unsafe-fixes goes with --fix or --diff")
    guard_stdin(paths)
    sources, problems = discover_for(config, paths, force_exclude=force_exclude or None)
    sources = ci_output.name_stdin(sources, paths, stdin_filename)
    if any(s.path is not None and ".en." in s.path.name for s in sources):
        from provenance.bilingual.pairing import originals_beside

        sources = originals_beside(sources)  # name.XX.txt beside name.en.txt is the original, not an article
    for p in problems:
        warn(f"{p.display}: {p.reason}")
    if (fix or diff) and any(s.path is None for s in sources):
        fail("--fix and --diff rewrite files: standard input cannot be fixed")
    if shards is not None and (format is not Format.text or output is not None or statistics or fix or diff):
        fail("--shards writes JSON Lines shards and a summary into its directory: leave out --format, --output, --statistics, --fix and --diff")
    if shards is not None and (baseline is not None or min_severity or show_severity):
        fail("--shards does not take --baseline, --min-severity or --show-severity yet")
    if source is not None or source_dir is not None or source_lang is not None:
        pipeline.pairing = _pair_options(source, source_dir, source_lang, sources)
    from provenance.engine import EngineError
    from provenance.progress import progress

    keep_text = format in (Format.text, Format.html) or format.value in ci_output.NEEDS_TEXT
    runner = open_engine_for(config, engine, scheduler, quiet=quiet)

    def run():
        with progress("checking", len(sources), enabled=not no_progress and runner.name == "local") as advance:
            return pipeline.run(sources, keep_text=keep_text, jobs=_jobs(jobs, sources), cache=not no_cache and not (fix or diff), progress=advance, engine=runner)

    try:
        if shards is not None:
            _check_shards(runner, pipeline, sources, shards, problems, threshold, quiet, _jobs(jobs, sources))
        report = run()
        if fix or diff:
            from provenance.cli.fixes import run_fixes

            report = run_fixes(pipeline, report, sources, unsafe=unsafe_fixes, diff=diff, output=output, quiet=quiet, recheck=run)
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

    note = hidden_note()
    if note and not quiet:
        warn(note)

    if format.value in ci_output.CI_FORMATS:
        ci_output.render(format.value, report, output, fail_on=threshold, junit_group=junit_group.value, quiet=quiet)
    elif format is Format.json:
        write_chunks(report.iter_json(), output)
    elif format is Format.jsonl:
        write_chunks(report.iter_jsonl(), output)
    elif format is Format.sarif:
        from provenance.render.sarif import iter_render

        write_chunks(iter_render(report), output)
    elif format is Format.html:
        from provenance.render import html

        write_chunks(html.iter_render(report), output)
    else:
        from provenance.render.text import iter_render, use_color

        write_chunks(iter_render(report, report.texts, color=output is None and use_color(sys.stdout), quiet=quiet, statistics=statistics), output)
    if statistics and format is not Format.text:
        from provenance.render.text import render_statistics

        render_statistics(report, sys.stderr)

    if problems or any(f.error is not None for f in report.files):
        raise typer.Exit(EXIT_ERROR)
    if not report.files:
        if (force_exclude or config.force_exclude) and discover_for(config, paths, force_exclude=False)[0]:
            raise typer.Exit(EXIT_OK)  # every file named is excluded: nothing to do (a pre-commit hook)
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


def _pair_options(source: Path | None, source_dir: Path | None, source_lang: str | None, sources):
    from provenance.bilingual.pair import PairOptions
    from provenance.bilingual.pairing import LANGS

    if source is not None and len(sources) > 1:
        fail(f"--source names the original of one article; {len(sources)} files were given (use --source-dir or name.en.txt beside name.XX.txt)")
    if source is not None and source_dir is not None:
        fail("--source and --source-dir: give one or the other")
    if source is not None and not source.is_file():
        fail(f"--source {source}: no such file")
    if source_dir is not None and not source_dir.is_dir():
        fail(f"--source-dir {source_dir}: no such directory")
    if source_lang is not None and source_lang.lower() not in LANGS:
        fail(f"--source-lang: '{source_lang}' is not supported (supported: {', '.join(LANGS)})")
    return PairOptions(source, source_dir, source_lang)


def _jobs(requested: int, sources) -> int:
    """--jobs 0: one process per CPU (at most 8) when there are enough files to pay for starting them."""
    if requested:
        return requested
    import os

    return min(8, os.cpu_count() or 1) if len(sources) >= 8 else 1
