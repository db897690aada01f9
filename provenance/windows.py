"""A very large file checked in windows, so memory stays bounded by the window.

A Document holds every segment and sentence of its text, and the layers keep
per-sentence structures beside it: about 30 MB of Python objects per MB of
text. A file past ``LIMIT`` characters (an archive dump, a concatenation of
articles, not one article) is therefore never made into one Document: its
text is cut at paragraph breaks into windows of about ``WINDOW`` characters,
each window is analyzed as a Document of its own, and the window reports are
joined into one FileReport whose offsets and lines are those of the file
(every span still exact). What reaches across windows is lost, and the report
says so in a note: a name or an attribution context of another window, the
cross-file passes. The joined report keeps its findings, names and
attributions on disk (``provenance.records``), written as each window is done:
the run holds the text and one window, not the records of the whole file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import Any

from provenance.report import _ENCODE, Finding

#: Characters past which a file is checked in windows (4 M: several hundred
#: articles; one article is a few thousand).
LIMIT = 4_000_000
#: Characters of one window, cut at the next paragraph break after it.
WINDOW = 1_000_000
#: Keys of the report's records that hold an offset into the text, and a line.
_OFFSETS = ("start", "end")
_LINE = "line"


@dataclass
class LargeText:
    """A decoded file too large to be one Document."""

    text: str
    path: str
    encoding: str
    encoding_detected: bool
    sha256: str


def read_bytes(raw: bytes, path: str):
    """A Document, or a LargeText when the decoded text passes LIMIT."""
    from provenance.document import Document
    from provenance.document.decode import decode_bytes

    decoded = decode_bytes(raw)
    sha = hashlib.sha256(raw).hexdigest()
    if len(decoded.text) > LIMIT:
        return LargeText(decoded.text, path, decoded.encoding, decoded.detected, sha)
    return Document(decoded.text, path, encoding=decoded.encoding, encoding_detected=decoded.detected, sha256=sha)


def read_path(path):
    """``Document.from_path``, or a LargeText (InputError as from_path)."""
    from provenance.safeio import read_input

    return read_bytes(read_input(path), str(path))


def cuts(text: str, window: int = WINDOW) -> list[tuple[int, int]]:
    """(start, end) of each window: cut after the first blank line past ``window``
    characters, else after a line break, else at ``window`` exactly; every window
    but the last ends with its line break, so each one starts a line."""
    out = []
    start, n = 0, len(text)
    while start < n:
        if n - start <= window * 3 // 2:
            out.append((start, n))
            break
        at = start + window
        brk = text.find("\n\n", at, at + window)
        if brk != -1:
            end = brk + 2
        else:
            nl = text.find("\n", at, at + window)
            end = nl + 1 if nl != -1 else at
        out.append((start, end))
        start = end
    return out


def analyze(pipeline, big: LargeText, display: str, *, stream: bool = False):
    """One FileReport for the whole file, from the reports of its windows.

    With ``stream``, each window's findings are suppressed and filtered as the
    run would (``Pipeline.finalize_window``) and its records go to disk as it is
    done: a ``records.WindowedReport``, whose memory is that of one window. A run
    that fingerprints findings across the file (a baseline read or written)
    cannot sift them a window at a time; it, and an engine's worker (its result
    goes to another process whole), gets an ordinary FileReport."""
    from provenance.document import Document
    from provenance.records import WindowedReport
    from provenance.spool import _Disk

    stream = stream and pipeline.can_stream_windows()
    report = WindowedReport(_Disk(), path=display, sha256=big.sha256, encoding=big.encoding, encoding_detected=big.encoding_detected)
    windows = cuts(big.text, WINDOW)
    segments: dict[str, int] = {}
    credits: dict[str, list] = {}
    sourcing: list[dict] = []
    notes: list[str] = []
    suppressed: dict[str, int] = {}
    inline, contexts = [], {}
    carry: list = []  # findings at the very end of a window: they may sort after the next window's first
    line_base = 0
    for start, end in windows:
        piece = big.text[start:end]
        doc = Document(piece, big.path, encoding=big.encoding, encoding_detected=big.encoding_detected, sha256=big.sha256)
        part = pipeline.analyze(doc, display)[0]  # not the Emitter: it holds the Document
        del doc  # the window's Document goes before the next one is made
        if stream:
            pipeline.finalize_window(part)
            for k, v in part.suppressed.items():
                suppressed[k] = suppressed.get(k, 0) + v
        found = sorted(carry + [replace(f, start=f.start + start, end=f.end + start, line=f.line + line_base) for f in part.findings], key=Finding.sort_key)
        carry = [f for f in found if f.start >= end]
        report.findings.add_sorted(found[: len(found) - len(carry)])
        report.names.add([_ENCODE(_shift(n, start, line_base)) for n in part.names])
        before = len(report.attributions)
        report.attributions.add([_ENCODE(_renumber(_shift(a, start, line_base), before)) for a in part.attributions])
        report.words += part.words
        if report.language is None:
            report.language = part.language
        for k, v in part.segments.items():
            segments[k] = segments.get(k, 0) + v
        for k, v in part.credits.items():
            credits.setdefault(k, []).extend(_shift(v, start, line_base))
        if "sourcing" in part.extra:
            sourcing.append(_shift(part.extra["sourcing"], start, line_base))
        for k, v in part.extra.items():
            if k != "sourcing":
                report.extra.setdefault(k, v)
        notes += [n for n in part.notes if n not in notes]
        inline += [(codes, s + start, e + start) for codes, s, e in part.hold.get("inline", ())]
        contexts.update({(r, s + start, e + start): c for (r, s, e), c in part.hold.get("contexts", {}).items()})
        for key in ("per-file", "path"):
            if key in part.hold:
                report.hold[key] = part.hold[key]
        line_base += piece.count("\n")
        del part
    report.findings.add_sorted(carry)
    report.segments = dict(sorted(segments.items()))
    report.credits = {k: credits.get(k, []) for k in ("footer", "captions", "translation", "bylines")} | {k: v for k, v in credits.items() if k not in ("footer", "captions", "translation", "bylines")}
    if sourcing:
        report.extra["sourcing"] = _merge_sourcing(sourcing)
    if inline:
        report.hold["inline"] = inline
    if contexts:
        report.hold["contexts"] = contexts
    if suppressed:
        from provenance.suppress import KINDS

        report.suppressed = {k: suppressed.get(k, 0) for k in KINDS}
    report.notes = [
        f"{len(big.text):,} characters: checked in {len(windows)} windows of about {WINDOW:,} characters cut at paragraph breaks "
        "(names, attributions and repeats do not reach across windows; no cross-file checks)"
    ] + notes
    if stream:
        return report
    plain = report.to_plain()
    report.close()
    return plain


def _shift(obj: Any, offset: int, lines: int) -> Any:
    """A copy of a report record with its offsets and lines moved into the file."""
    if isinstance(obj, dict):
        out = {}
        for k, v in obj.items():
            if k in _OFFSETS and isinstance(v, int) and not isinstance(v, bool):
                out[k] = v + offset
            elif k == _LINE and isinstance(v, int) and not isinstance(v, bool):
                out[k] = v + lines
            else:
                out[k] = _shift(v, offset, lines)
        return out
    if isinstance(obj, list):
        return [_shift(v, offset, lines) for v in obj]
    return obj


def _renumber(attribution: dict, base: int) -> dict:
    """An attribution of a window with its links' ``resolves_to`` (an index into
    the window's attributions) moved to index the file's, ``base`` being the
    number of attributions of the windows before."""
    if base:
        for link in attribution.get("chain", ()):
            if link.get("resolves_to") is not None:
                link["resolves_to"] += base
    return attribution


def _merge_sourcing(parts: list[dict]) -> dict:
    """The sourcing profile of the file from its windows': counts added, lists
    joined, outlets merged by name, the anonymous share over all attributed sentences."""
    attributed = sum(p["attributed_sentences"] for p in parts)
    anonymous = sum(round(p["anonymous_share"] * p["attributed_sentences"]) for p in parts)
    outlets: dict[str, int] = {}
    for p in parts:
        for o in p["outlets"]:
            outlets[o["name"]] = outlets.get(o["name"], 0) + o["links"]
    merged = {
        "attributions": sum(p["attributions"] for p in parts),
        "attributed_sentences": attributed,
        "by_kind": _add(p["by_kind"] for p in parts),
        "links_by_kind": _add(p["links_by_kind"] for p in parts),
        "anonymous_share": round(anonymous / attributed, 3) if attributed else 0.0,
        "outlets": [{"name": n, "links": c} for n, c in sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0]))],
        "anonymous": [a for p in parts for a in p["anonymous"]],
        "unattributed_claims": [c for p in parts for c in p["unattributed_claims"]],
    }
    for p in parts:  # keys a later version of the profile adds: the first window's
        for k, v in p.items():
            merged.setdefault(k, v)
    return merged


def _add(dicts) -> dict:
    out: dict = {}
    for d in dicts:
        for k, v in d.items():
            out[k] = out.get(k, 0) + v
    return out
