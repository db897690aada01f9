"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Columns count Unicode code points (``columnKind: unicodeCodePoints``), the
same unit as the JSON report; a suggestion becomes a SARIF fix. Every rule
has a ``helpUri`` (its entry in docs/rules.md); every result a per-occurrence
fingerprint (``provenance.render.fingerprints``).

GitHub's limits (docs.github.com, "SARIF results exceed limit"): 25,000
results per run, 20 runs per file. Over 25,000 results, the ``info`` results
are left out first, with a note in the run's
``invocations[].toolExecutionNotifications``; still over, the files are split
into several runs of at most 25,000 results each, told apart by
``automationDetails.id`` (``provenance/part-1/`` …); beyond 20 runs, the rest
is left out with a note.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import quote

from provenance import __version__
from provenance.render.fingerprints import VERSION as FINGERPRINT_VERSION, iter_fingerprints
from provenance.render.links import REPOSITORY_URL, rule_url
from provenance.report import FileReport, Finding, Report

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = REPOSITORY_URL
#: GitHub code scanning rejects a run with more results, and a file with more runs.
MAX_RESULTS_PER_RUN = 25_000
MAX_RUNS = 20
FINGERPRINT_KEY = f"provenanceFinding/{FINGERPRINT_VERSION}"
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


def _source_location(f: Finding) -> dict:
    """The span of the original a source-aware finding points at (SARIF relatedLocations)."""
    region = {"charOffset": f.source_start, "charLength": f.source_end - f.source_start, "snippet": {"text": f.source_text}}
    return {
        "id": 1,
        "physicalLocation": {"artifactLocation": _artifact_location(f.source_path), "region": region},
        "message": {"text": "the original (source text)"},
    }


def _rule_descriptor(rule) -> dict:
    examples = "\n\n".join(f"Bad: {ex.bad.strip()}\nGood: {ex.good.strip()}" for ex in rule.examples)
    return {
        "id": rule.code,
        "name": rule.slug,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description},
        "help": {"text": f"{rule.description}\n\n{examples}"},
        "helpUri": rule_url(rule.code, rule.slug),
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"category": rule.category, "mqm": rule.mqm, "pack": rule.pack, "tags": [rule.category, "translation"]},
    }


@dataclass
class _Run:
    """One SARIF run: its checked files, the files it reports as not checked,
    the severities it leaves out and its notes."""

    files: list[FileReport] = field(default_factory=list)
    errors: list[FileReport] = field(default_factory=list)
    notes: list[dict] = field(default_factory=list)
    dropped: frozenset = frozenset()
    #: (file path, results kept) for a file cut short.
    cut: dict[str, int] = field(default_factory=dict)
    part: int | None = None


def _plan(report: Report, max_results: int) -> list[_Run]:
    checked = [f for f in report.files if f.error is None]
    errors = [f for f in report.files if f.error is not None]
    counts = Counter(x.severity for f in checked for x in f.findings)
    total = sum(counts.values())
    dropped: frozenset = frozenset()
    notes: list[dict] = []
    if total > max_results and counts["info"]:
        dropped = frozenset({"info"})
        notes.append(
            _note(
                f"{counts['info']} info results left out: {total} results are over the {max_results:,} a run may hold "
                "(GitHub code scanning's limit); choose with --min-severity/--show-severity, or --format json for all"
            )
        )
    kept = lambda f: sum(1 for x in f.findings if x.severity not in dropped)  # noqa: E731
    if total - counts["info"] * bool(dropped) <= max_results:
        return [_Run(checked, errors, notes, dropped)]
    runs: list[_Run] = []
    current = _Run(dropped=dropped)
    size = 0
    for f in checked:
        n = kept(f)
        if current.files and size + n > max_results:
            runs.append(current)
            current, size = _Run(dropped=dropped), 0
        current.files.append(f)
        if n > max_results:
            current.cut[f.path] = max_results
            current.notes.append(_note(f"{f.path}: {n - max_results} results left out: one file over the {max_results:,} a run may hold"))
            n = max_results
        size += n
    runs.append(current)
    left = runs[MAX_RUNS:]
    runs = runs[:MAX_RUNS]
    runs[0].errors = errors
    runs[0].notes[:0] = notes
    if left:
        n_files = sum(len(r.files) for r in left)
        n_results = sum(min(kept(f), max_results) for r in left for f in r.files)
        runs[-1].notes.append(_note(f"{n_results} results in {n_files} files left out: over {MAX_RUNS} runs of {max_results:,} results"))
    for i, run in enumerate(runs, 1):
        run.part = i
    return runs


def _note(text: str) -> dict:
    return {"level": "warning", "message": {"text": text}}


def to_sarif(report: Report, *, max_results: int = MAX_RESULTS_PER_RUN) -> dict:
    runs = _plan(report, max_results)
    log = _log(report, runs, [[] for _ in runs])
    for run, out in zip(runs, log["runs"]):
        out["results"] = [r for _, rs in _results(report, run) for r in rs]
    return log


def _run_skeleton(report: Report, rules, run: _Run, results) -> dict:
    """One run with ``results`` as its results list (the caller fills it)."""
    artifacts, notifications = [], []
    for file_report in run.errors:
        notifications.append(
            {
                "level": "error",
                "message": {"text": f"{file_report.path}: {file_report.error}"},
                "locations": [{"physicalLocation": {"artifactLocation": _artifact_location(file_report.path)}}],
            }
        )
    for file_report in run.files:
        artifact = {"location": _artifact_location(file_report.path), "encoding": file_report.encoding or "utf-8"}
        if file_report.sha256:
            artifact["hashes"] = {"sha-256": file_report.sha256}
        artifacts.append(artifact)
    out = {
        "tool": {
            "driver": {
                "name": "provenance",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule_descriptor(r) for r in rules],
            }
        },
    }
    if run.part is not None:
        out["automationDetails"] = {"id": f"provenance/part-{run.part}/"}
    out |= {
        "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The directory provenance was run from."}}},
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": results,
        "invocations": [
            {
                "executionSuccessful": not notifications,
                "toolExecutionNotifications": notifications + run.notes,
            }
        ],
        "properties": {"signature": report.signature},
    }
    return out


def _results(report: Report, run: _Run):
    """(file report, its SARIF results) for each file of the run, in report order."""
    rules = sorted(report.rules, key=lambda r: r.code)
    rule_index = {r.code: i for i, r in enumerate(rules)}
    for index, file_report in enumerate(run.files):
        yield file_report, _file_results(file_report, index, run, rule_index)


def _file_results(file_report, index: int, run: _Run, rule_index: dict):
    """The SARIF results of one file, one at a time (a file's findings on disk stay there)."""
    location = _artifact_location(file_report.path)
    limit = run.cut.get(file_report.path)
    n = 0
    for f, fingerprint in iter_fingerprints(file_report.findings):
        if f.severity in run.dropped:
            continue
        if limit is not None and n >= limit:
            break
        result = {
            "ruleId": f.rule,
            "ruleIndex": rule_index[f.rule],
            "level": _LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {"artifactLocation": {**location, "index": index}, "region": _region(f)}}],
            "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
            "properties": {"category": f.category, "mqm": f.mqm, "slug": f.slug},
        }
        if f.source_start is not None:  # a source-aware finding: where in the original
            result["relatedLocations"] = [_source_location(f)]
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
        yield result
        n += 1


def _log(report: Report, runs: list[_Run], results: list) -> dict:
    rules = sorted(report.rules, key=lambda r: r.code)
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [_run_skeleton(report, rules, run, res) for run, res in zip(runs, results)]}


def render(report: Report, *, max_results: int = MAX_RESULTS_PER_RUN) -> str:
    return json.dumps(to_sarif(report, max_results=max_results), ensure_ascii=False, indent=2) + "\n"


_MARK = "\0provenance-results-{}\0"
#: Depth of a results list in the log: {runs: [{results: [...]}]}.
_RESULTS_DEPTH = 3


def iter_render(report: Report, *, max_results: int = MAX_RESULTS_PER_RUN):
    """``render(report)`` in pieces, one file's results at a time (the same bytes)."""
    runs = _plan(report, max_results)
    marks = [_MARK.format(i) for i in range(len(runs))]
    rest = json.dumps(_log(report, runs, marks), ensure_ascii=False, indent=2)
    pad = "  " * (_RESULTS_DEPTH + 1)
    for run, mark in zip(runs, marks):
        head, rest = rest.split(json.dumps(mark), 1)
        yield head
        first = True
        for _, results in _results(report, run):
            for result in results:
                item = json.dumps(result, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)
                yield ("[\n" if first else ",\n") + pad + item
                first = False
        yield "[]" if first else "\n" + "  " * _RESULTS_DEPTH + "]"
    yield rest + "\n"
