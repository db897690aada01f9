"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice``
line a finding, which GitHub shows as an annotation on the file and line.

    ::warning file=a.txt,line=3,col=5,endLine=3,endColumn=16,title=PV602 institution-calque::message

Escaping follows GitHub's runner (``actions/toolkit`` ``command.ts``): in the
message ``%``, CR and LF become ``%25``, ``%0D``, ``%0A``; in a property value
``:`` and ``,`` too (``%3A``, ``%2C``). Columns are 1-based characters;
``endColumn`` is the column just after the span (exclusive, as SARIF and
reviewdog count; GitHub's documentation does not say). GitHub takes columns only when the annotation starts and ends on one line, so a finding
across lines gives ``line``/``endLine`` alone. A file that could not be
checked is an ``::error`` on the file. GitHub shows at most 10 annotations of
each level per step (50 per job) on the pull request; every line still stands
in the log.
"""

from __future__ import annotations

from typing import TextIO

from provenance.report import Finding, Report

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _properties(path: str, f: Finding) -> str:
    end_line = f.line + f.text.count("\n")
    props = [("file", path), ("line", str(f.line))]
    if end_line == f.line:
        props += [("col", str(f.column)), ("endLine", str(end_line)), ("endColumn", str(f.column + len(f.text)))]
    else:
        props.append(("endLine", str(end_line)))
    props.append(("title", f"{f.rule} {f.slug}"))
    return ",".join(f"{k}={escape_property(v)}" for k, v in props)


def _message(f: Finding) -> str:
    if f.suggestion is None:
        return f.message
    return f"{f.message}\nSuggestion: {f'“{f.suggestion}”' if f.suggestion else '(delete)'}"


def render(report: Report, out: TextIO) -> None:
    for file_report in report.files:
        if file_report.error is not None:
            out.write(f"::error file={escape_property(file_report.path)},title=provenance::{escape_data(file_report.error)}\n")
            continue
        for f in sorted(file_report.findings, key=Finding.sort_key):
            out.write(f"::{_COMMAND[f.severity]} {_properties(file_report.path, f)}::{escape_data(_message(f))}\n")
