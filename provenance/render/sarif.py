"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Columns count Unicode code points (``columnKind: unicodeCodePoints``), the
same unit as the JSON report; a suggestion becomes a SARIF fix.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import PurePosixPath
from urllib.parse import quote

from provenance import __version__
from provenance.report import Finding, Report

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/provenance-news/provenance"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _artifact_location(path: str) -> dict:
    if path.startswith("/"):
        return {"uri": "file://" + quote(path)}
    return {"uri": quote(str(PurePosixPath(path))), "uriBaseId": "%SRCROOT%"}


def _region(f: Finding) -> dict:
    newlines = f.text.count("\n")
    end_line = f.line + newlines
    end_column = f.column + len(f.text) if newlines == 0 else len(f.text) - f.text.rfind("\n")
    return {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": end_line,
        "endColumn": end_column,
        "charOffset": f.start,
        "charLength": f.end - f.start,
        "snippet": {"text": f.text},
    }


def _rule_descriptor(rule) -> dict:
    examples = "\n\n".join(f"Bad: {ex.bad.strip()}\nGood: {ex.good.strip()}" for ex in rule.examples)
    return {
        "id": rule.code,
        "name": rule.slug,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description},
        "help": {"text": f"{rule.description}\n\n{examples}"},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"category": rule.category, "mqm": rule.mqm, "pack": rule.pack, "tags": [rule.category, "translation"]},
    }


def to_sarif(report: Report) -> dict:
    results: list[dict] = []
    sarif = _skeleton(report, results)
    results += [r for _, rs in _results(report) for r in rs]
    return sarif


def _skeleton(report: Report, results) -> dict:
    """The SARIF log with ``results`` as the results list (the caller fills it)."""
    rules = sorted(report.rules, key=lambda r: r.code)
    artifacts, notifications = [], []
    for file_report in report.files:
        location = _artifact_location(file_report.path)
        if file_report.error is not None:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": f"{file_report.path}: {file_report.error}"},
                    "locations": [{"physicalLocation": {"artifactLocation": location}}],
                }
            )
            continue
        artifact = {"location": location, "encoding": file_report.encoding or "utf-8"}
        if file_report.sha256:
            artifact["hashes"] = {"sha-256": file_report.sha256}
        artifacts.append(artifact)
    return _log(report, rules, artifacts, results, notifications)


def _results(report: Report):
    """(file report, its SARIF results) for each file checked, in report order."""
    rules = sorted(report.rules, key=lambda r: r.code)
    rule_index = {r.code: i for i, r in enumerate(rules)}
    index = -1
    for file_report in report.files:
        location = _artifact_location(file_report.path)
        if file_report.error is not None:
            continue
        index += 1
        results = []
        for f in sorted(file_report.findings, key=Finding.sort_key):
            region = _region(f)
            result = {
                "ruleId": f.rule,
                "ruleIndex": rule_index[f.rule],
                "level": _LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {"artifactLocation": {**location, "index": index}, "region": region}}],
                "partialFingerprints": {
                    "provenanceFinding/v1": hashlib.sha256(f"{f.rule}\0{f.text}\0{f.message}".encode()).hexdigest()[:32]
                },
                "properties": {"category": f.category, "mqm": f.mqm, "slug": f.slug},
            }
            if f.suggestion is not None:
                result["fixes"] = [
                    {
                        "description": {"text": f"Replace with “{f.suggestion}”" if f.suggestion else "Delete"},
                        "artifactChanges": [
                            {
                                "artifactLocation": location,
                                "replacements": [
                                    {
                                        "deletedRegion": {"charOffset": f.start, "charLength": f.end - f.start},
                                        "insertedContent": {"text": f.suggestion},
                                    }
                                ],
                            }
                        ],
                    }
                ]
            results.append(result)
        yield file_report, results


def _log(report: Report, rules, artifacts, results, notifications) -> dict:
    run = {
        "tool": {
            "driver": {
                "name": "provenance",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule_descriptor(r) for r in rules],
            }
        },
        "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The directory provenance was run from."}}},
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": results,
        "invocations": [
            {
                "executionSuccessful": not notifications,
                "toolExecutionNotifications": notifications,
            }
        ],
        "properties": {"signature": report.signature},
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render(report: Report) -> str:
    return json.dumps(to_sarif(report), ensure_ascii=False, indent=2) + "\n"


_MARK = "\0provenance-results\0"
#: Depth of the results list in the log: {runs: [{results: [...]}]}.
_RESULTS_DEPTH = 3


def iter_render(report: Report):
    """``render(report)`` in pieces, one file's results at a time (the same bytes)."""
    head, tail = json.dumps(_skeleton(report, _MARK), ensure_ascii=False, indent=2).split(json.dumps(_MARK), 1)
    yield head
    pad = "  " * (_RESULTS_DEPTH + 1)
    first = True
    for _, results in _results(report):
        for result in results:
            item = json.dumps(result, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)
            yield ("[\n" if first else ",\n") + pad + item
            first = False
    yield "[]" if first else "\n" + "  " * _RESULTS_DEPTH + "]"
    yield tail + "\n"
