"""GitLab Code Quality: a JSON array of Code Climate issues, the report a
job names under ``artifacts:reports:codequality``.

Each issue has ``description``, ``check_name`` (the rule code), a
``fingerprint`` unique in the report (path, rule, text, message and
occurrence: stable under edits elsewhere in the file, so GitLab's merge
request widget tells new findings from old), ``severity`` and
``location.path`` with ``location.lines.begin``/``end``. Severity: error →
``major``, warning → ``minor``, info → ``info`` (GitLab's scale is info,
minor, major, critical, blocker; a translation artifact blocks nothing).
"""

from __future__ import annotations

import json

from provenance.render.fingerprints import with_fingerprints
from provenance.render.links import rule_url
from provenance.report import Report

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def issues(report: Report) -> list[dict]:
    out = []
    for file_report in report.files:
        if file_report.error is not None:
            continue  # said on stderr and in the exit code; Code Quality has no place for it
        for f, fp in with_fingerprints(file_report.findings, file_report.path):
            description = f"{f.rule} {f.message}"
            if f.suggestion is not None:
                description += f" (suggestion: {f'“{f.suggestion}”' if f.suggestion else 'delete'})"
            out.append(
                {
                    "type": "issue",
                    "description": description,
                    "check_name": f.rule,
                    "content": {"body": f"[{f.slug}]({rule_url(f.rule, f.slug)}) · {f.category} · MQM {f.mqm}"},
                    "categories": ["Style"],
                    "fingerprint": fp,
                    "severity": SEVERITY[f.severity],
                    "location": {"path": file_report.path, "lines": {"begin": f.line, "end": f.line + f.text.count("\n")}},
                }
            )
    return out


def render(report: Report) -> str:
    return json.dumps(issues(report), ensure_ascii=False, indent=2) + "\n"
