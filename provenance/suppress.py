"""Accepting findings: inline comments, ``per-file-ignores`` and a baseline.

- Inline, in the article (plain text or Markdown; the comment is never read as prose):
  ``<!-- provenance: ignore PV210 -->`` (the next paragraph, title, heading…),
  ``<!-- provenance: ignore-line PV210, PV7 -->`` (its own line when it shares it
  with text, else the next line that has text), ``<!-- provenance: ignore-file -->``.
  Selectors are codes, code prefixes, slugs or categories; none means every rule.
- ``per-file-ignores`` in the configuration: glob -> selectors, the glob matched
  against the file's path relative to the configuration file's folder (a glob
  without ``/`` also against the file name), as ruff does.
- A baseline (``provenance baseline``, ``check --baseline FILE``): the fingerprints
  (``provenance.fingerprint``) of the findings that were there; a later run
  reports only the others.

``gather`` runs at the end of ``Pipeline.analyze`` (it needs the Document) and
keeps what ``finalize`` needs in ``FileReport.hold``; ``finalize`` runs once per
run, after the cross-file passes, and counts what it took out in
``FileReport.suppressed`` (``inline``, ``per-file``, ``baseline``).
"""

from __future__ import annotations

import fnmatch
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

from provenance.fingerprint import context, fingerprints
from provenance.report import Finding

KINDS = ("inline", "per-file", "baseline")
BASELINE_SCHEMA = "provenance/baseline-v1"


class BaselineError(Exception):
    """A baseline file that cannot be read; str() is a one-line reason."""


def known_selector(selector: str, rules) -> bool:
    from provenance.rules import _specificity

    return any(_specificity(selector, r) for r in rules)


def _matches(selectors: tuple[str, ...], finding: Finding, rules: dict) -> bool:
    if not selectors:
        return True
    from provenance.rules import _specificity

    rule = rules.get(finding.rule)
    if rule is None:
        return any(finding.rule.upper().startswith(s.upper()) for s in selectors)
    return any(_specificity(s, rule) for s in selectors)


def per_file_selectors(path: str | None, config) -> tuple[str, ...]:
    """The selectors ``per-file-ignores`` gives a file (paths relative to the config's folder)."""
    table = getattr(config, "per_file_ignores", None)
    if not table or not path:
        return ()
    absolute = os.path.abspath(path)
    try:
        rel = Path(os.path.relpath(absolute, config.base)).as_posix()
    except ValueError:  # another drive
        rel = Path(absolute).as_posix()
    name = os.path.basename(absolute)
    out: list[str] = []
    for pattern, selectors in table.items():
        pat = pattern.rstrip("/")
        if pat.startswith("./"):
            pat = pat[2:]
        if fnmatch.fnmatchcase(rel, pat) or ("/" not in pat and fnmatch.fnmatchcase(name, pat)) or fnmatch.fnmatchcase(rel, pat + "/*"):
            out += selectors
    return tuple(out)


def gather(doc, file_report, ruleset, config, *, keep_contexts: bool) -> None:
    """Resolve the file's suppression comments to spans; note the malformed ones."""
    hold = file_report.hold
    ranges: list[tuple[tuple[str, ...], int, int]] = []
    all_rules = ruleset.all_rules.values()
    for offset, reason in doc.directive_problems:
        file_report.notes.append(f"line {doc.line_col(offset)[0]}: {reason}")
    for d in doc.directives:
        line = doc.line_col(d.start)[0]
        unknown = [c for c in d.codes if not known_selector(c, all_rules)]
        if unknown:
            file_report.notes.append(f"line {line}: unknown rule {unknown[0]!r} in a suppression comment (a code such as PV210, a prefix, a slug or a category)")
        if d.action == "ignore-file":
            span = (0, len(doc.text))
        elif d.action == "ignore-line":
            span = _line_with_text(doc, line)
        else:
            seg = _paragraph_of(doc, d, line)
            span = (seg.start, seg.end) if seg is not None else None
        if span is None:
            file_report.notes.append(f"line {line}: suppression comment with no text after it")
            continue
        ranges.append((d.codes, span[0], span[1]))
    if ranges:
        hold["inline"] = ranges
    selectors = per_file_selectors(None if doc.path.startswith("<") or doc.path == "-" else doc.path, config)
    if selectors:
        hold["per-file"] = selectors
    if doc.path and not doc.path.startswith("<") and doc.path != "-" and os.path.exists(doc.path):
        hold["path"] = os.path.abspath(doc.path)
    if keep_contexts:
        hold["contexts"] = {(f.rule, f.start, f.end): context(doc.text, f.start, f.end) for f in file_report.findings}


def _paragraph_of(doc, d, line: int):
    """The segment an ``ignore`` comment closes (it stands inside it or after it
    on its last line), else the next segment."""
    for seg in doc.segments:
        if seg.start <= d.start < seg.end or (seg.end <= d.start and doc.line_col(max(seg.start, seg.end - 1))[0] == line):
            return seg
        if seg.start >= d.end:
            return seg
    return None


def _line_with_text(doc, line: int) -> tuple[int, int] | None:
    for n in range(line, doc.line_count + 1):
        s, e = doc.line_span(n)
        if doc.text[s:e].strip():
            return s, e
    return None


def finalize(report, ruleset, baseline: "Baseline | None" = None, *, keep_fingerprints: bool = False) -> None:
    """Take the suppressed findings out of every file of a report and count them."""
    for fr in report.files:
        finalize_file(fr, ruleset, baseline, keep_fingerprints=keep_fingerprints)


def finalize_file(fr, ruleset, baseline: "Baseline | None" = None, *, keep_fingerprints: bool = False) -> None:
    """Take one file's suppressed findings out and count them, as the file joins the
    run's report; ``fr.hold`` keeps only what findings added later by a cross-file
    pass need (``finalize_late``): the inline spans, the per-file selectors and what
    is left of the file's baseline."""
    if fr.error is not None:
        return
    hold = fr.hold
    want = baseline is not None or keep_fingerprints
    findings = sorted(fr.findings, key=Finding.sort_key)
    if baseline is not None:
        hold["left"] = baseline.for_file(fr)
    kept, counts, prints = _sift(hold, findings, ruleset, hold.get("contexts") if want else None, want)
    hold.pop("contexts", None)
    fr.findings = kept
    if keep_fingerprints:
        hold["fingerprints"] = prints
    if counts:
        fr.suppressed = {k: counts[k] for k in KINDS}


def finalize_late(hold: dict, findings: list[Finding], ruleset, *, keep_fingerprints: bool = False) -> tuple[list[Finding], Counter]:
    """The findings a cross-file pass added to a file, sifted like the file's own
    (their fingerprints have no context: the pass keeps no text around them)."""
    want = "left" in hold or keep_fingerprints
    kept, counts, prints = _sift(hold, sorted(findings, key=Finding.sort_key), ruleset, None, want)
    if keep_fingerprints:
        hold.setdefault("fingerprints", []).extend(prints)
    return kept, counts


def _sift(hold: dict, findings: list[Finding], ruleset, contexts, want: bool):
    rules = ruleset.all_rules
    inline = hold.get("inline", ())
    per_file = hold.get("per-file", ())
    left = hold.get("left") or Counter()
    counts: Counter = Counter()
    if not (inline or per_file or want):
        return findings, counts, []
    prints = fingerprints(findings, contexts) if want else [None] * len(findings)
    kept, kept_prints = [], []
    for f, fp in zip(findings, prints):
        if any(s <= f.start < e or (f.start < e and f.end > s) for codes, s, e in inline if _matches(codes, f, rules)):
            counts["inline"] += 1
        elif per_file and _matches(per_file, f, rules):
            counts["per-file"] += 1
        elif left.get(fp, 0) > 0:
            left[fp] -= 1
            counts["baseline"] += 1
        else:
            kept.append(f)
            kept_prints.append(fp)
    return kept, counts, kept_prints


def totals(files) -> dict[str, int]:
    out = {k: 0 for k in KINDS}
    for fr in files:
        for k, n in (fr.suppressed or {}).items():
            out[k] += n
    return out


class Baseline:
    """The findings a baseline file accepts: per file, a multiset of fingerprints."""

    def __init__(self, files: dict[str, Counter], base: Path):
        self.files = files
        self.base = base

    def key(self, fr) -> str:
        path = fr.hold.get("path")
        if path is None:
            return fr.path
        try:
            return Path(os.path.relpath(path, self.base)).as_posix()
        except ValueError:
            return Path(path).as_posix()

    def for_file(self, fr) -> Counter:
        return Counter(self.files.get(self.key(fr), ()))

    @classmethod
    def load(cls, path: Path) -> "Baseline":
        from provenance.safeio import read_input

        try:
            raw = read_input(path)
        except Exception as exc:  # InputError or OSError: one line either way
            raise BaselineError(f"{path}: cannot read the baseline ({getattr(exc, 'strerror', None) or exc})") from None
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BaselineError(f"{path}: not a baseline file (invalid JSON: {exc})") from None
        if not isinstance(data, dict) or data.get("schema") != BASELINE_SCHEMA or not isinstance(data.get("files"), dict):
            raise BaselineError(f"{path}: not a baseline file (expected schema {BASELINE_SCHEMA}; write one with `provenance baseline`)")
        files: dict[str, Counter] = {}
        for name, items in data["files"].items():
            if not isinstance(items, list) or not all(isinstance(i, dict) and isinstance(i.get("fingerprint"), str) for i in items):
                raise BaselineError(f"{path}: {name}: each finding needs a fingerprint")
            files[name] = Counter(i["fingerprint"] for i in items)
        return cls(files, path.absolute().parent)


def baseline_json(document: dict[str, Any]) -> str:
    """The baseline as JSON, one finding a line (readable in a diff)."""
    enc = lambda o: json.dumps(o, ensure_ascii=False)  # noqa: E731
    head = ",\n".join(f"  {enc(k)}: {enc(v)}" for k, v in document.items() if k != "files")
    files = ",\n".join(
        f"    {enc(path)}: [\n" + ",\n".join(f"      {enc(item)}" for item in items) + "\n    ]" for path, items in document["files"].items()
    )
    return "{\n" + head + ',\n  "files": {' + (f"\n{files}\n  " if files else "") + "}\n}\n"


def baseline_document(report, target: Path) -> dict[str, Any]:
    """The baseline of a report made with ``keep_fingerprints``, paths relative to ``target``'s folder."""
    from provenance import __version__

    base = Baseline({}, target.absolute().parent)
    files: dict[str, list] = {}
    for fr in report.files:
        if fr.error is not None or not fr.findings:
            continue
        prints = fr.hold.get("fingerprints") or fingerprints(fr.findings)
        files[base.key(fr)] = [
            {"rule": f.rule, "fingerprint": fp, "line": f.line, "text": f.text} for f, fp in zip(fr.findings, prints)
        ]
    count = sum(len(v) for v in files.values())
    return {"schema": BASELINE_SCHEMA, "version": __version__, "findings": count, "files": dict(sorted(files.items()))}
