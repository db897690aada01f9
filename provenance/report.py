"""The report every analyzer fills and every renderer reads.

Schema ``provenance/report-v1`` is documented in docs/report-schema.md. The
JSON form is deterministic: fixed key order, findings sorted by position, no
timestamps or absolute paths that the caller did not give.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from provenance import __version__
from provenance.rules.model import SEVERITY_RANK

SCHEMA = "provenance/report-v1"


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    slug: str
    category: str
    mqm: str
    severity: str
    message: str
    suggestion: str | None
    line: int
    column: int
    start: int
    end: int
    text: str
    #: Source-aware findings (``check --source``): the original's path and the span
    #: of the aligned source text, ``source_text`` being that text exactly.
    source_path: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    source_text: str | None = None

    def sort_key(self) -> tuple:
        return (self.start, self.end, self.rule, self.message)

    def to_dict(self) -> dict[str, Any]:
        out = {
            "rule": self.rule,
            "slug": self.slug,
            "category": self.category,
            "mqm": self.mqm,
            "severity": self.severity,
            "message": self.message,
            "suggestion": self.suggestion,
            "line": self.line,
            "column": self.column,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }
        if self.source_start is not None:  # only source-aware findings carry these (old reports stay as they were)
            out |= {"source_path": self.source_path, "source_start": self.source_start, "source_end": self.source_end, "source_text": self.source_text}
        return out


@dataclass
class FileReport:
    path: str
    sha256: str | None = None
    encoding: str | None = None
    encoding_detected: bool = False
    language: dict[str, Any] | None = None
    words: int = 0
    segments: dict[str, int] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    names: list[dict[str, Any]] = field(default_factory=list)
    attributions: list[dict[str, Any]] = field(default_factory=list)
    credits: dict[str, Any] = field(default_factory=lambda: {"footer": [], "captions": [], "translation": [], "bylines": []})
    #: Further per-file sections added by analyzers (e.g. "sourcing", "reuse"),
    #: emitted after the fixed keys in sorted order.
    extra: dict[str, Any] = field(default_factory=dict)
    #: A one-line reason when the file could not be checked.
    error: str | None = None
    error_kind: str | None = None
    #: One-line notes for the person running the check (e.g. "empty file").
    notes: list[str] = field(default_factory=list)
    #: Findings taken out by suppression (provenance.suppress): inline, per-file, baseline.
    suppressed: dict[str, int] = field(default_factory=dict)
    #: What the end of the run needs of the file (suppression spans, fingerprints); not serialized.
    hold: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "FileReport":
        """The inverse of ``to_dict`` (the spool reads reports back with it)."""
        if "error" in data:
            return cls(path=data["path"], error=data["error"], error_kind=data["error_kind"])
        fixed = {"path", "sha256", "encoding", "encoding_detected", "language", "words", "segments", "findings", "names", "attributions", "credits", "notes", "suppressed"}
        return cls(
            path=data["path"],
            sha256=data["sha256"],
            encoding=data["encoding"],
            encoding_detected=data["encoding_detected"],
            language=data["language"],
            words=data["words"],
            segments=data["segments"],
            findings=[Finding(**f) for f in data["findings"]],
            names=data["names"],
            attributions=data["attributions"],
            credits=data["credits"],
            extra={k: v for k, v in data.items() if k not in fixed},
            notes=data.get("notes", []),
            suppressed=data.get("suppressed", {}),
        )

    def to_dict(self) -> dict[str, Any]:
        if self.error is not None:
            return {"path": self.path, "error": self.error, "error_kind": self.error_kind}
        out: dict[str, Any] = {
            "path": self.path,
            "sha256": self.sha256,
            "encoding": self.encoding,
            "encoding_detected": self.encoding_detected,
            "language": self.language,
            "words": self.words,
            "segments": self.segments,
            "findings": [f.to_dict() for f in sorted(self.findings, key=Finding.sort_key)],
            "names": self.names,
            "attributions": self.attributions,
            "credits": self.credits,
        }
        for key in sorted(self.extra):
            out[key] = self.extra[key]
        if self.suppressed:
            out["suppressed"] = dict(self.suppressed)
        if self.notes:
            out["notes"] = list(self.notes)
        return out


@dataclass
class Report:
    signature: str
    #: The file reports (a list, or a ``spool.FileSpool`` that keeps a large run on disk).
    files: Any = field(default_factory=list)
    #: Rule metadata for every rule that was enabled (renderers such as SARIF need it).
    rules: list[Any] = field(default_factory=list)
    #: Cross-file results (e.g. name spelled differently across files).
    extra: dict[str, Any] = field(default_factory=dict)
    #: Decoded text per path, kept only when a renderer needs excerpts; not serialized.
    texts: Any = field(default_factory=dict, repr=False)

    def all_findings(self):
        for f in self.files:
            for finding in f.findings:
                yield f, finding

    def files_by_path(self):
        """The file reports in the order of their paths."""
        by_path = getattr(self.files, "by_path", None)
        return by_path() if by_path is not None else iter(sorted(self.files, key=lambda f: f.path))

    def _counts(self) -> tuple[Counter, Counter, Counter, int, int]:
        """(by severity, by category, by rule, words, errors): from the spool's
        running counts once it is on disk, so the run is not read twice."""
        files = self.files
        if getattr(files, "spilled", False):
            return files.severity, files.category, files.rule, files.words, files.errors
        by_sev, by_cat, by_rule = Counter(), Counter(), Counter()
        words = errors = 0
        for f in files:
            if f.error is not None:
                errors += 1
                continue
            words += f.words
            tally = getattr(f.findings, "tally", None)  # records on disk: counted as they were written
            if tally is not None:
                for (severity, category, rule), n in tally.items():
                    by_sev[severity] += n
                    by_cat[category] += n
                    by_rule[rule] += n
                continue
            for x in f.findings:
                by_sev[x.severity] += 1
                by_cat[x.category] += 1
                by_rule[x.rule] += 1
        return by_sev, by_cat, by_rule, words, errors

    def summary(self) -> dict[str, Any]:
        by_sev, by_cat, by_rule, words, errors = self._counts()
        return {
            "files": len(self.files),
            "checked": len(self.files) - errors,
            "errors": errors,
            "words": words,
            "findings": sum(by_sev.values()),
            "by_severity": {s: by_sev.get(s, 0) for s in ("error", "warning", "info")},
            "by_category": dict(sorted(by_cat.items())),
            "by_rule": dict(sorted(by_rule.items())),
            "suppressed": _suppressed(self.files),
        }

    def max_severity_rank(self) -> int:
        by_sev = self._counts()[0]
        return max((SEVERITY_RANK[s] for s, n in by_sev.items() if n), default=0)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema": SCHEMA,
            "version": __version__,
            "signature": self.signature,
            "files": [f.to_dict() for f in self.files],
            "summary": self.summary(),
        }
        for key in sorted(self.extra):
            out[key] = self.extra[key]
        return out

    def to_json(self) -> str:
        return dumps_indented(self.to_dict()) + "\n"

    def iter_json(self):
        """``to_json()`` in pieces, one file at a time: the same bytes, without
        the whole report as one dict and one string in memory."""
        head = {"schema": SCHEMA, "version": __version__, "signature": self.signature}
        yield dumps_indented(head)[:-2] + ",\n"  # the head's closing "\n}" left off
        if not self.files:
            yield '  "files": [],\n'
        else:
            yield '  "files": [\n'
            from provenance.records import iter_indented

            for i, f in enumerate(self.files):
                yield ("" if i == 0 else ",\n") + "    "
                yield from iter_indented(f, depth=2)
            yield "\n  ],\n"
        tail = {"summary": self.summary(), **{key: self.extra[key] for key in sorted(self.extra)}}
        yield dumps_indented(tail)[2:] + "\n"  # its opening "{\n" left off

    def iter_jsonl(self):
        """JSON Lines: one object a file (``{"file": ...}``), then one line with
        the schema, signature, summary and report-level extras. Each piece is one
        line, except for a file checked in windows, whose line comes in pieces."""
        from provenance.records import iter_line

        for f in self.files:
            if getattr(f, "on_disk", False):  # a file checked in windows: its line in pieces
                yield '{"file": '
                yield from iter_line(f)
                yield "}\n"
            else:
                yield _ENCODE({"file": f.to_dict()}) + "\n"
        last = {"schema": SCHEMA, "version": __version__, "signature": self.signature, "summary": self.summary()}
        for key in sorted(self.extra):
            last[key] = self.extra[key]
        yield _ENCODE(last) + "\n"


def ordered(findings):
    """A file's findings in report order: sorted, unless they are kept in that order
    already (``records.Findings``, on disk: sorting would hold them all in memory)."""
    return findings if getattr(findings, "ordered", False) else sorted(findings, key=Finding.sort_key)


def _suppressed(files) -> dict[str, int]:
    from provenance.suppress import KINDS, totals

    if getattr(files, "spilled", False):
        return {k: files.suppressed.get(k, 0) for k in KINDS}
    return totals(files)


def _one_line_encoder():
    """The C encoder built once: ``JSONEncoder.encode`` builds one per call,
    which costs more than encoding a finding."""
    from json.encoder import c_make_encoder, encode_basestring

    slow = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    if c_make_encoder is None:  # a Python built without the C accelerator
        return slow

    def default(o: Any) -> Any:
        raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")

    encode = c_make_encoder(None, default, encode_basestring, None, ": ", ", ", False, False, True)
    return lambda o: "".join(encode(o, 0)) if isinstance(o, (dict, list)) else slow(o)


_ENCODE = _one_line_encoder()


def encode_line(obj: Any) -> str:
    """One JSON line (the C encoder, no indentation)."""
    return _ENCODE(obj)
#: Lists of objects at this depth or deeper (findings, names, attributions…)
#: are written one object a line.
_ITEM_DEPTH = 3


def dumps_indented(obj: Any, depth: int = 0) -> str:
    """Indented JSON whose innermost lists of objects hold one object a line.

    Readable and diff-friendly (one finding, name or attribution a line), and
    fast: each line goes through the C encoder, which `json.dumps(indent=...)`
    never uses."""
    out: list[str] = []

    def rec(o: Any, depth: int) -> None:
        ind = "  " * depth
        inner = ind + "  "
        if isinstance(o, dict) and o:
            out.append("{\n")
            for i, (k, v) in enumerate(o.items()):
                if i:
                    out.append(",\n")
                out.append(f"{inner}{_ENCODE(k)}: ")
                rec(v, depth + 1)
            out.append(f"\n{ind}}}")
        elif isinstance(o, list) and o and isinstance(o[0], dict):
            out.append("[\n")
            if depth >= _ITEM_DEPTH:
                out.append(inner + (",\n" + inner).join(map(_ENCODE, o)))
            else:
                for i, v in enumerate(o):
                    if i:
                        out.append(",\n")
                    out.append(inner)
                    rec(v, depth + 1)
            out.append(f"\n{ind}]")
        else:
            out.append(_ENCODE(o))

    rec(obj, depth)
    return "".join(out)
