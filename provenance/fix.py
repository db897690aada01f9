"""Applying suggestions: ``check --fix``, ``--diff`` and ``--unsafe-fixes``.

A finding is fixable when it carries a suggestion (``""`` deletes the text)
and its rule's ``fix`` is ``safe`` (or ``unsafe`` with ``--unsafe-fixes``).
Edits are planned on the file's decoded text (``Document.source``), sorted by
position; an edit that overlaps or touches an edit already kept is left for
the next pass, so no two edits ever meet and no offset is shifted by another.
A file is re-checked after each pass (at most ``MAX_PASSES``) since a fix may
let another rule see the sentence anew.

The fixed text is written back in the file's own encoding, byte-order mark and
line endings (an edit never touches a line break, and a replacement holding
one gets the file's), atomically (``provenance.fsutil.atomic_write``). A file
whose bytes cannot be rebuilt exactly from its text (bytes that were not
UTF-8 and became U+FFFD, an encoding that cannot hold a replacement) is left
alone with a one-line reason.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from provenance.document.decode import UTF8_BOM, Decoded

MAX_PASSES = 4


class FixError(Exception):
    """A file that cannot be rewritten; str() is a one-line reason."""


@dataclass(frozen=True, slots=True)
class Edit:
    start: int
    end: int
    replacement: str
    rule: str = ""


@dataclass
class FileFix:
    """What fixing did to one file."""

    path: str
    original: str
    fixed: str
    applied: list[Edit] = field(default_factory=list)
    #: Fixes left out because their rule's fix is unsafe (without --unsafe-fixes).
    unsafe_left: int = 0
    error: str | None = None
    #: The fixed text encoded like the file, and the file to write it to.
    payload: bytes | None = None
    target: Path | None = None

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


def fixable(finding, rules: dict, unsafe: bool) -> bool:
    if finding.suggestion is None or finding.suggestion == finding.text:
        return False
    rule = rules.get(finding.rule)
    safety = rule.fix if rule is not None else "unsafe"
    return safety == "safe" or unsafe


def plan(edits: list[Edit]) -> list[Edit]:
    """The edits to apply now: sorted, no two overlapping or touching (an
    insertion next to another edit waits for the next pass too)."""
    kept: list[Edit] = []
    for e in sorted(edits, key=lambda e: (e.start, e.end, e.replacement, e.rule)):
        if kept and e.start <= kept[-1].end and not (e.start == kept[-1].end and e.start < e.end and kept[-1].start < kept[-1].end):
            continue
        kept.append(e)
    return kept


def apply(text: str, edits: list[Edit]) -> str:
    """``text`` with the (planned: sorted, disjoint) edits made."""
    out: list[str] = []
    pos = 0
    for e in edits:
        if e.start < pos or e.end < e.start or e.end > len(text):
            raise ValueError(f"edit {e.start}..{e.end} overlaps or lies outside the text")
        out.append(text[pos : e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def newline_of(text: str) -> str:
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf >= text.count("\n") - crlf else "\n"


def edits_for(findings, text: str, rules: dict, unsafe: bool) -> tuple[list[Edit], int]:
    """(edits for the fixable findings, number left out as unsafe)."""
    nl = newline_of(text)
    edits, unsafe_left = [], 0
    for f in findings:
        if text[f.start : f.end] != f.text:
            continue  # not the text it was found in
        if fixable(f, rules, unsafe):
            replacement = f.suggestion.replace("\r\n", "\n").replace("\n", nl) if "\n" in f.suggestion else f.suggestion
            edits.append(Edit(f.start, f.end, replacement, f.rule))
        elif fixable(f, rules, True):
            unsafe_left += 1
    return edits, unsafe_left


def encode_like(text: str, raw: bytes, decoded: Decoded) -> bytes:
    """``text`` in the encoding of the file ``raw`` was decoded from (BOM and byte order kept)."""
    if decoded.replaced:
        raise FixError("has bytes that are not UTF-8 (shown as U+FFFD); not rewritten")
    enc = decoded.encoding
    try:
        if enc == "utf-8-sig":
            return UTF8_BOM + text.encode("utf-8")
        if enc == "utf-16":
            return raw[:2] + text.encode("utf-16-le" if raw[:2] == b"\xff\xfe" else "utf-16-be")
        if enc == "utf-32":
            return raw[:4] + text.encode("utf-32-le" if raw[:4] == b"\xff\xfe\x00\x00" else "utf-32-be")
        return text.encode(enc)
    except UnicodeEncodeError as exc:
        raise FixError(f"a fix needs {text[exc.start:exc.end]!r}, which {enc} cannot hold; not rewritten") from None


def fix_text(pipeline, text: str, path: str, first_findings, *, unsafe: bool) -> tuple[str, list[Edit], int]:
    """Apply fixes in passes: the first from ``first_findings`` (the whole run's,
    cross-file findings included), later ones from a re-check of the fixed text."""
    from provenance.document import Document

    rules = pipeline.ruleset.all_rules
    applied: list[Edit] = []
    findings = first_findings
    unsafe_left = 0
    for _ in range(MAX_PASSES):
        edits, unsafe_left = edits_for(findings, text, rules, unsafe)
        planned = plan(edits)
        if not planned:
            break
        text = apply(text, planned)
        applied += planned
        findings = pipeline.check_document(Document(text, path)).files[0].findings
    else:
        unsafe_left = edits_for(findings, text, rules, unsafe)[1]
    return text, applied, unsafe_left


def fix_report(pipeline, report, sources, *, unsafe: bool) -> list[FileFix]:
    """Plan and apply (in memory) the fixes of every checked file of ``report``."""
    from provenance.document.decode import decode_bytes
    from provenance.safeio import read_input

    by_display = {s.display: s for s in sources}
    out: list[FileFix] = []
    for fr in report.files:
        src = by_display.get(fr.path)
        if fr.error is not None or src is None or not any(f.suggestion is not None for f in fr.findings):
            continue
        if src.path is None:
            out.append(FileFix(fr.path, "", "", error="standard input is not fixed in place"))
            continue
        try:
            raw = read_input(src.path)
            decoded = decode_bytes(raw)
            if encode_like(decoded.text, raw, decoded) != raw:
                raise FixError("its bytes cannot be rebuilt exactly from its text; not rewritten")
        except FixError as exc:
            out.append(FileFix(fr.path, "", "", error=str(exc)))
            continue
        except Exception as exc:  # InputError, OSError: the file changed since the check
            out.append(FileFix(fr.path, "", "", error=f"cannot read ({exc})"))
            continue
        fixed, applied, unsafe_left = fix_text(pipeline, decoded.text, str(src.path), fr.findings, unsafe=unsafe)
        fix = FileFix(fr.path, decoded.text, fixed, applied, unsafe_left)
        if fix.changed:
            try:
                fix.payload = encode_like(fixed, raw, decoded)
            except FixError as exc:
                fix.error = str(exc)
                fix.fixed = fix.original
                fix.applied = []
        fix.target = src.path
        out.append(fix)
    return out


def write_fixes(fixes: list[FileFix]) -> None:
    from provenance.fsutil import atomic_write

    for fix in fixes:
        if fix.error is None and fix.changed:
            try:
                atomic_write(fix.target, fix.payload)
            except OSError as exc:
                fix.error = f"cannot write ({exc.strerror or exc})"


def unified_diff(fix: FileFix) -> str:
    a = fix.original.splitlines(keepends=True)
    b = fix.fixed.splitlines(keepends=True)
    lines = list(difflib.unified_diff(a, b, fromfile=fix.path, tofile=fix.path))
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
