"""The CI formats of `check` (github, gitlab, junit, rdjson, concise), the
severity filter of what is shown, and the name of standard input: the
renderers live in provenance/render/, this module only dispatches."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from provenance.cli.common import fail, write_output

CI_FORMATS = ("github", "gitlab", "junit", "rdjson", "concise")
#: Formats whose renderer reads the article texts (byte columns).
NEEDS_TEXT = ("rdjson",)


def severity_filter(pipeline, min_severity: str | None, show_severity: list[str] | None):
    """Set what --min-severity/--show-severity leave out (the pipeline drops it from
    each file as it joins the report); returns the note to print after the run."""
    from provenance.cli.common import split_list
    from provenance.render.visible import SeverityError, hidden_note, shown_severities

    try:
        pipeline.shown = shown_severities(min_severity, split_list(show_severity) or None)
    except SeverityError as exc:
        fail(str(exc))
    because = " ".join([f"--min-severity {min_severity}"] * bool(min_severity) + [f"--show-severity {','.join(split_list(show_severity))}"] * bool(show_severity))
    return lambda: hidden_note(pipeline.hidden, because)


def name_stdin(sources, paths: list[str], stdin_filename: str | None):
    """--stdin-filename NAME: the name standard input goes by in the report
    (and for what matches files by name)."""
    if stdin_filename is None:
        return sources
    from provenance.discover import STDIN, Source, display_path

    if STDIN not in paths:
        fail("--stdin-filename names standard input: give '-' among the paths")
    if not stdin_filename.strip():
        fail("--stdin-filename: the name is empty")
    name = display_path(Path(stdin_filename))
    return [Source(name, None) if s.path is None else s for s in sources]


def render(fmt: str, report, output: Path | None, *, fail_on: str, junit_group: str, quiet: bool) -> None:
    if fmt == "github":
        from provenance.render.github import render as github

        buffer = io.StringIO()
        github(report, buffer)
        write_output(buffer.getvalue(), output)
    elif fmt == "gitlab":
        from provenance.render.gitlab import render as gitlab

        write_output(gitlab(report), output)
    elif fmt == "junit":
        from provenance.render.junit import render as junit

        write_output(junit(report, group=junit_group, fail_on=fail_on), output)
    elif fmt == "rdjson":
        from provenance.render.rdjson import render as rdjson

        write_output(rdjson(report), output)
    elif fmt == "concise":
        from provenance.render.concise import render as concise
        from provenance.render.text import use_color

        buffer = io.StringIO()
        concise(report, buffer, color=output is None and use_color(sys.stdout), quiet=quiet)
        write_output(buffer.getvalue(), output)
    else:  # pragma: no cover - the Format enum allows nothing else
        raise ValueError(fmt)
