"""Per-occurrence fingerprints of findings, shared by the CI renderers
(SARIF ``partialFingerprints``, GitLab ``fingerprint``, JUnit ids).

A finding is named by its rule, its exact text, its message (numbers left
out) and which occurrence of that (rule, text, message) it is in its file, counted in
report order. Edits elsewhere in the file (lines added above, other
paragraphs rewritten) leave it unchanged: neither line nor offset is part of
it. Two identical findings in one file ("War Council" flagged twice) differ
by their occurrence index, so every result is distinct.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from typing import Iterable, Iterator

from provenance.report import Finding, ordered

#: Numbers in a message are left out: a message may name a line ("named in
#: full on line 27"), which moves with every edit above it.
_NUMBER = re.compile(r"\d+")
VERSION = "v2"  # v1 (before occurrences) gave 20 of the 82 seed results a shared fingerprint


def fingerprint(finding: Finding, occurrence: int, path: str | None = None) -> str:
    """32 hex digits; with ``path`` the fingerprint is unique across files too
    (GitLab needs that; SARIF scopes fingerprints to the artifact itself)."""
    parts = [finding.rule, finding.text, _NUMBER.sub("#", finding.message), str(occurrence)]
    if path is not None:
        parts.insert(0, path)
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def with_fingerprints(findings: Iterable[Finding], path: str | None = None) -> list[tuple[Finding, str]]:
    """The findings of one file in report order, each with its fingerprint."""
    return list(iter_fingerprints(findings, path))


def iter_fingerprints(findings: Iterable[Finding], path: str | None = None) -> Iterator[tuple[Finding, str]]:
    """``with_fingerprints`` one finding at a time (a file's findings on disk stay there)."""
    seen: Counter = Counter()
    for f in ordered(findings):
        key = (f.rule, f.text, _NUMBER.sub("#", f.message))
        yield f, fingerprint(f, seen[key], path)
        seen[key] += 1
