"""Compiler-style text: `path:line:col: severity CODE message [slug]`, the
line with a caret under the span, and the suggestion.

Paths, messages, excerpts and suggestions come from untrusted files: every
control character in them is shown escaped (``provenance.termsafe``), never
sent to the terminal; the carets stay under the escaped span."""

from __future__ import annotations

import os
from typing import TextIO

from provenance.report import Finding, Report, ordered
from provenance.termsafe import one_line

_ANSI = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "cyan": "36", "bold red": "1;31"}
_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_WINDOW = 110  # widest excerpt shown; longer lines are cut around the span
_PIECE = 2000  # findings rendered into one piece of the output


def use_color(stream: TextIO) -> bool:
    """Colour on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


class Painter:
    def __init__(self, color: bool):
        self.color = color

    def __call__(self, text: str, style: str) -> str:
        if not self.color or not text:
            return text
        return f"\x1b[{_ANSI[style]}m{text}\x1b[0m"


def excerpt(text: str, finding: Finding) -> tuple[str, str]:
    """The finding's line (cut to a window around the span) and its caret line."""
    line_start = text.rfind("\n", 0, finding.start) + 1
    line_end = text.find("\n", finding.start)
    if line_end == -1:
        line_end = len(text)
    line = text[line_start:line_end].rstrip("\r")
    col = finding.start - line_start
    width = max(1, min(finding.end, line_start + len(line)) - finding.start)
    cut_left = 0
    if len(line) > _WINDOW:
        cut_left = max(0, min(col - 30, len(line) - _WINDOW))
        shown = line[cut_left : cut_left + _WINDOW]
        prefix = "…" if cut_left else ""
        suffix = "…" if cut_left + _WINDOW < len(line) else ""
        line = prefix + shown + suffix
        col = col - cut_left + len(prefix)
        width = min(width, len(shown) - (col - len(prefix)))
    line = line.replace("\t", " ")
    before, span, after = one_line(line[:col]), one_line(line[col : col + width]), one_line(line[col + width :])
    return before + span + after, " " * len(before) + "^" * max(1, len(span))


def render(report: Report, out: TextIO, texts, *, color: bool = False, quiet: bool = False, statistics: bool = False) -> None:
    for piece in iter_render(report, texts, color=color, quiet=quiet, statistics=statistics):
        out.write(piece)


def iter_render(report: Report, texts, *, color: bool = False, quiet: bool = False, statistics: bool = False):
    """The text report in pieces, one file at a time (by path, then position)."""
    import io

    paint = Painter(color)
    if statistics:
        buffer = io.StringIO()
        render_statistics(report, buffer)
        yield buffer.getvalue()
    else:
        for file_report in report.files_by_path():
            if not file_report.findings:
                continue
            buffer = io.StringIO()
            text = texts.get(file_report.path)
            for n, finding in enumerate(ordered(file_report.findings), 1):
                render_finding(buffer, paint, file_report.path, finding, text)
                if n % _PIECE == 0:  # a file of 300,000 findings is not one string
                    yield buffer.getvalue()
                    buffer = io.StringIO()
            yield buffer.getvalue()
    if not quiet:
        buffer = io.StringIO()
        render_summary(report, buffer, paint)
        yield buffer.getvalue()


def render_finding(out: TextIO, paint: Painter, path: str, f: Finding, text: str | None) -> None:
    style = _STYLE[f.severity]
    path = one_line(path)
    out.write(
        f"{paint(f'{path}:{f.line}:{f.column}:', 'bold')} {paint(f.severity, style)} "
        f"{paint(f.rule, 'bold')} {one_line(f.message)} {paint(f'[{f.slug}]', 'dim')}\n"
    )
    if text is not None:
        gutter = str(f.line)
        line, carets = excerpt(text, f)
        pad = " " * len(gutter)
        out.write(f"{paint(pad + ' |', 'dim')}\n")
        out.write(f"{paint(gutter + ' |', 'dim')} {line}\n")
        out.write(f"{paint(pad + ' |', 'dim')} {paint(carets, style)}\n")
        if f.suggestion is not None:
            shown = f"“{one_line(f.suggestion)}”" if f.suggestion else "(delete)"
            out.write(f"{paint(pad + ' =', 'dim')} {paint('suggestion:', 'green')} {shown}\n")
        if f.source_start is not None:  # a source-aware finding: what the original says there
            said = one_line(f.source_text)
            said = said if len(said) <= 100 else said[:99] + "…"
            out.write(f"{paint(pad + ' =', 'dim')} {paint('original:', 'cyan')} {said} {paint(f'({one_line(f.source_path)} @{f.source_start})', 'dim')}\n")
    out.write("\n")


def render_summary(report: Report, out: TextIO, paint: Painter) -> None:
    s = report.summary()
    if not s["files"]:
        return
    sev = s["by_severity"]
    files = f"{s['checked']} file{'s' if s['checked'] != 1 else ''}"
    if s["findings"] == 0:
        out.write(f"No findings in {files} ({s['words']:,} words).\n")
    else:
        plural = lambda n, word: f"{n} {word}{'s' if n != 1 else ''}"  # noqa: E731
        out.write(
            f"Found {plural(s['findings'], 'finding')} in {files} ({s['words']:,} words): "
            f"{paint(plural(sev['error'], 'error'), _STYLE['error'])}, "
            f"{paint(plural(sev['warning'], 'warning'), _STYLE['warning'])}, "
            f"{paint(str(sev['info']) + ' info', _STYLE['info'])}.\n"
        )
    hidden = s.get("suppressed") or {}
    if any(hidden.values()):
        out.write(paint("Suppressed: " + ", ".join(f"{n} {kind}" for kind, n in hidden.items() if n) + ".", "dim") + "\n")
    if s["errors"]:
        out.write(paint(f"{s['errors']} file{'s' if s['errors'] != 1 else ''} could not be checked.", "bold red") + "\n")


def render_statistics(report: Report, out: TextIO) -> None:
    counts = report.summary()["by_rule"]
    rules = {r.code: r for r in report.rules}
    for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        r = rules.get(code)
        slug = r.slug if r else ""
        sev = r.severity if r else ""
        summary = r.summary if r else ""
        out.write(one_line(f"{n:>5}  {code}  {sev:<7}  {slug:<28} {summary}") + "\n")
