"""Fingerprints of findings that survive edits elsewhere in the file.

A finding's fingerprint joins its rule code, the flagged text normalized
(case-folded, whitespace collapsed), a little normalized context (up to two
words either side on the same line) and its occurrence number among the
findings of the file with the same three parts. Offsets and line numbers are
left out, so inserting or deleting a paragraph above a finding does not
change it; editing the flagged words (or the words right beside them) does.
"""

from __future__ import annotations

import hashlib
import re

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
CONTEXT_WORDS = 2
_WINDOW = 80  # characters looked at on each side for the context words


def normalize(text: str) -> str:
    return _SPACE.sub(" ", text.casefold()).strip()


def context(text: str, start: int, end: int) -> str:
    """Up to CONTEXT_WORDS words before and after the span, on its line."""
    left = text[max(0, start - _WINDOW) : start]
    left = left[left.rfind("\n") + 1 :]
    right = text[end : end + _WINDOW]
    nl = right.find("\n")
    if nl != -1:
        right = right[:nl]
    before = _WORD.findall(left.casefold())[-CONTEXT_WORDS:]
    after = _WORD.findall(right.casefold())[:CONTEXT_WORDS]
    return " ".join(before) + "|" + " ".join(after)


def fingerprints(findings, contexts: dict | None = None) -> list[str]:
    """One fingerprint per finding, in the order given (sort findings by position
    first: the occurrence number counts in file order). ``contexts`` maps
    ``(rule, start, end)`` to ``context(...)``; findings without one get ''."""
    seen: dict[tuple[str, str, str], int] = {}
    out = []
    for f in findings:
        key = (f.rule, normalize(f.text), (contexts or {}).get((f.rule, f.start, f.end), ""))
        n = seen.get(key, 0)
        seen[key] = n + 1
        out.append(hashlib.sha256("\0".join((*key, str(n))).encode("utf-8", "surrogatepass")).hexdigest()[:20])
    return out
