"""Compiler-style text: `path:line:col: severity CODE message [slug]`, the
line with a caret under the span, and the suggestion."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.markup import escape

from provenance.report import Finding, Report

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_WINDOW = 110  # widest excerpt shown; longer lines are cut around the span


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
    return line, " " * col + "^" * max(1, width)


def render(report: Report, console: Console, texts: dict[str, str], *, quiet: bool = False, statistics: bool = False) -> None:
    if statistics:
        render_statistics(report, console)
    else:
        for file_report, finding in sorted(report.all_findings(), key=lambda p: (p[0].path, p[1].sort_key())):
            render_finding(console, file_report.path, finding, texts.get(file_report.path))
    if not quiet:
        render_summary(report, console)


def render_finding(console: Console, path: str, f: Finding, text: str | None) -> None:
    style = _STYLE[f.severity]
    console.print(
        f"[bold]{escape(path)}:{f.line}:{f.column}:[/] [{style}]{f.severity}[/] "
        f"[bold]{f.rule}[/] {escape(f.message)} [dim]\\[{f.slug}][/]",
        highlight=False,
    )
    if text is not None:
        gutter = str(f.line)
        line, carets = excerpt(text, f)
        pad = " " * len(gutter)
        console.print(f"[dim]{pad} |[/]", highlight=False)
        console.print(f"[dim]{gutter} |[/] {escape(line)}", highlight=False)
        console.print(f"[dim]{pad} |[/] [{style}]{carets}[/]", highlight=False)
        if f.suggestion is not None:
            shown = f"“{f.suggestion}”" if f.suggestion else "(delete)"
            console.print(f"[dim]{pad} =[/] [green]suggestion:[/] {escape(shown)}", highlight=False)
    console.print()


def render_summary(report: Report, console: Console) -> None:
    s = report.summary()
    sev = s["by_severity"]
    files = f"{s['checked']} file{'s' if s['checked'] != 1 else ''}"
    if s["findings"] == 0:
        console.print(f"No findings in {files} ({s['words']:,} words).", highlight=False)
    else:
        console.print(
            f"Found {s['findings']} finding{'s' if s['findings'] != 1 else ''} in {files} ({s['words']:,} words): "
            f"[{_STYLE['error']}]{sev['error']} error{'s' if sev['error'] != 1 else ''}[/], "
            f"[{_STYLE['warning']}]{sev['warning']} warning{'s' if sev['warning'] != 1 else ''}[/], "
            f"[{_STYLE['info']}]{sev['info']} info[/].",
            highlight=False,
        )
    if s["errors"]:
        console.print(f"[bold red]{s['errors']} file{'s' if s['errors'] != 1 else ''} could not be checked.[/]", highlight=False)


def render_statistics(report: Report, console: Console) -> None:
    counts = Counter(f.rule for _, f in report.all_findings())
    rules = {r.code: r for r in report.rules}
    for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        r = rules.get(code)
        slug = r.slug if r else ""
        sev = r.severity if r else ""
        summary = r.summary if r else ""
        console.print(f"{n:>5}  {code}  {sev:<7}  {slug:<28} {escape(summary)}", highlight=False)
