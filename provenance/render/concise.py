"""One line a finding, as ruff's concise output and compilers write it:
``path:line:col: severity CODE message [slug]``, then the summary line
(unless ``--quiet``). For editors' problem matchers, grep and quick reading;
untrusted text is escaped as in the full text format."""

from __future__ import annotations

from typing import TextIO

from provenance.render.text import _STYLE, Painter, render_summary
from provenance.report import Report
from provenance.termsafe import one_line


def render(report: Report, out: TextIO, *, color: bool = False, quiet: bool = False) -> None:
    paint = Painter(color)
    for file_report, f in sorted(report.all_findings(), key=lambda p: (p[0].path, p[1].sort_key())):
        path = one_line(file_report.path)
        out.write(
            f"{paint(f'{path}:{f.line}:{f.column}:', 'bold')} {paint(f.severity, _STYLE[f.severity])} "
            f"{paint(f.rule, 'bold')} {one_line(f.message)} {paint(f'[{f.slug}]', 'dim')}\n"
        )
    if not quiet:
        render_summary(report, out, paint)
