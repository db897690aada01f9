"""reviewdog's Diagnostic Format, rdjson (``reviewdog -f=rdjson``): one
``DiagnosticResult`` with a diagnostic a finding, its rule code and docs
link, and the finding's replacement as a suggestion (reviewdog posts it as a
suggested change on the pull request).

Ranges are 1-based with an exclusive end; reviewdog counts columns in UTF-8
bytes, so the columns are computed from the article text the report keeps
(``check`` keeps it for this format). Without the text (a report built
without ``keep_text``) the character columns are written, exact for lines
that are ASCII before the span.
"""

from __future__ import annotations

import json

from provenance.render.links import REPOSITORY_URL, rule_url
from provenance.report import Finding, Report

SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def _position(text: str | None, offset: int, line: int, column: int) -> dict:
    if text is not None:
        line_start = text.rfind("\n", 0, offset) + 1
        column = len(text[line_start:offset].encode("utf-8", "surrogatepass")) + 1
    return {"line": line, "column": column}


def _range(f: Finding, text: str | None) -> dict:
    newlines = f.text.count("\n")
    end_line = f.line + newlines
    end_column = f.column + len(f.text) if newlines == 0 else len(f.text) - f.text.rfind("\n")
    return {"start": _position(text, f.start, f.line, f.column), "end": _position(text, f.end, end_line, end_column)}


def diagnostics(report: Report) -> list[dict]:
    out = []
    for file_report in report.files:
        if file_report.error is not None:
            continue
        text = report.texts.get(file_report.path)
        for f in sorted(file_report.findings, key=Finding.sort_key):
            span = _range(f, text)
            d = {
                "message": f.message,
                "location": {"path": file_report.path, "range": span},
                "severity": SEVERITY[f.severity],
                "code": {"value": f.rule, "url": rule_url(f.rule, f.slug)},
            }
            if f.suggestion is not None:
                d["suggestions"] = [{"range": span, "text": f.suggestion}]
            out.append(d)
    return out


def render(report: Report) -> str:
    result = {"source": {"name": "provenance", "url": REPOSITORY_URL}, "diagnostics": diagnostics(report)}
    return json.dumps(result, ensure_ascii=False, indent=2) + "\n"
