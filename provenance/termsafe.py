"""Text for a terminal: control characters shown, never sent.

Article text and file names are untrusted. An escape sequence in either,
printed raw, can set the window title, clear the screen, move the cursor or
(on some terminals) write to the clipboard; a carriage return can hide what
came before it on the line; bidirectional overrides reorder what is shown.
Every text renderer passes untrusted strings through :func:`printable`, which
replaces such characters with a visible escape (ESC is shown as ``\\x1b``,
U+202E as ``\\u202e``), as ruff and ``cat -v`` do. A file name byte that is
not UTF-8 (decoded by Python with surrogateescape) is shown as ``\\xNN``.
JSON and SARIF keep the exact text (JSON escapes control characters itself).
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, bidi embeddings,
# overrides and isolates, line/paragraph separators, and lone surrogates
# (undecodable file-name bytes, or broken text).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_OR_TAB_NL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(m: re.Match) -> str:
    c = ord(m.group())
    if 0xDC80 <= c <= 0xDCFF:  # surrogateescape: the original byte
        return f"\\x{c - 0xDC00:02x}"
    if c <= 0xFF:
        return f"\\x{c:02x}"
    return f"\\u{c:04x}"


def printable(text: str, *, keep_newlines: bool = True) -> str:
    """``text`` with every character that could act on a terminal escaped.

    Tabs and newlines are kept unless ``keep_newlines`` is false (a value
    shown on one line: a file name, a message)."""
    pattern = _UNSAFE if keep_newlines else _UNSAFE_OR_TAB_NL
    if pattern.search(text) is None:
        return text
    return pattern.sub(_escape, text)


def one_line(text: str) -> str:
    """A value shown inside one line: newlines and tabs escaped too."""
    return printable(text, keep_newlines=False)


def printable_data(value):
    """A JSON-like structure (dicts, lists, strings) with every string made printable."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {k: printable_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [printable_data(v) for v in value]
    return value


def display_name(name: str) -> str:
    """A file name as reports show it: bytes that were not UTF-8 (surrogateescape)
    become ``\\xNN`` text, so the name can be written as UTF-8 anywhere."""
    if not _has_surrogate(name):
        return name
    return re.sub("[\ud800-\udfff]", _escape, name)


def _has_surrogate(s: str) -> bool:
    try:
        s.encode("utf-8")
        return False
    except UnicodeEncodeError:
        return True
