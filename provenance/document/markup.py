"""What of a file is prose: Markdown structure and suppression comments masked.

The analysis text has the length of the file's text and the same characters
wherever there is prose; markup (code, URLs, HTML, list and quote markers,
emphasis delimiters) and ``<!-- provenance: ... -->`` comments are replaced by
spaces, line breaks kept. Every offset is therefore an offset into the file:
nothing is rewritten or shifted, and a reported span is cut from the original.

Markdown (``.md``, ``.markdown``) is parsed with markdown-it-py (CommonMark):
its block tokens give the line range of every paragraph and heading; all
other lines (code fences and indented code, HTML blocks, thematic breaks, link
reference definitions, tables) are not prose. Front matter (a leading
``---`` block) is kept as text: the segmenter makes it a ``front-matter``
segment that no rule reads. Inside paragraphs and headings the inline markup
is masked by position (markdown-it's inline tokens carry no offsets).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MARKDOWN_SUFFIXES = (".md", ".markdown")

#: ``<!-- provenance: ignore PV210, PV7 -->``; ``ignore-file`` and ``ignore-line`` too.
DIRECTIVE = re.compile(r"<!--[ \t]*provenance[ \t]*:[ \t]*(?P<action>[A-Za-z-]+)(?P<codes>[^>]*?)[ \t]*-->")
ACTIONS = ("ignore", "ignore-line", "ignore-file")
_CODE_SPLIT = re.compile(r"[\s,]+")

_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)[\s\S]+?(?<!`)\1(?!`)")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|!\[[^\]\n]*\]\[[^\]\n]*\]")
_LINK = re.compile(r"(?<!!)\[(?P<label>[^\]\n]*)\](?P<target>\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\]\n]*\])")
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>|<[^@>\s]+@[^@>\s]+\.[^@>\s]+>")
_BARE_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?\"'\u201d\u2019]")
_HTML_COMMENT = re.compile(r"<!--[\s\S]*?-->")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
#: Emphasis delimiters: a run of * or _ opening before a non-space or closing after one, not inside a word.
_EMPHASIS = re.compile(r"(?<![\w*\\])[*_]{1,3}(?=[^\s*_])|(?<=[^\s*_\\])[*_]{1,3}(?![\w*])")
_ATX_OPEN = re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
#: Container markers at the start of a line inside a list or a block quote.
_CONTAINER = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$))?(?:\[[ xX]\][ \t]+)?")
_LONE_CR = re.compile(r"\r(?!\n)")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")


@dataclass(frozen=True, slots=True)
class Directive:
    """A suppression comment: ``action`` (ignore, ignore-line, ignore-file), the
    selectors it names (empty: every rule) and where the comment stands."""

    action: str
    codes: tuple[str, ...]
    start: int
    end: int


@dataclass(slots=True)
class Prepared:
    text: str
    #: Markdown: the (kind, start, end) of each paragraph and heading, in order; None for plain text.
    blocks: list[tuple[str, int, int]] | None
    directives: list[Directive] = field(default_factory=list)
    #: Comments that look like directives but are not (unknown action): (offset, reason).
    problems: list[tuple[int, str]] = field(default_factory=list)


def is_markdown(path: str | None) -> bool:
    return bool(path) and str(path).lower().endswith(MARKDOWN_SUFFIXES)


def prepare(text: str, markdown: bool) -> Prepared:
    directives, problems = find_directives(text)
    if not markdown:
        if not directives and not problems:
            return Prepared(text, None)
        chars = list(text)
        for m in DIRECTIVE.finditer(text):
            _blank(chars, m.start(), m.end())
        return Prepared("".join(chars), None, directives, problems)
    masked, blocks = _markdown(text)
    return Prepared(masked, blocks, directives, problems)


def find_directives(text: str) -> tuple[list[Directive], list[tuple[int, str]]]:
    if "provenance" not in text:
        return [], []
    out, problems = [], []
    for m in DIRECTIVE.finditer(text):
        action = m.group("action").lower()
        if action not in ACTIONS:
            problems.append((m.start(), f"unknown suppression comment 'provenance: {action}' (known: {', '.join(ACTIONS)})"))
            continue
        codes = tuple(c for c in _CODE_SPLIT.split(m.group("codes").strip()) if c)
        out.append(Directive(action, codes, m.start(), m.end()))
    return out, problems


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\n\r":
            chars[i] = " "


def _line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def front_matter_lines(text: str) -> int:
    """Lines of a leading ``---`` … ``---`` block (0 when there is none)."""
    lines = text.split("\n", 200)
    if not lines or lines[0].rstrip("\r") != "---":
        return 0
    for i in range(1, min(len(lines), 200)):
        if lines[i].rstrip("\r") == "---":
            return i + 1
    return 0


def _markdown(text: str) -> tuple[str, list[tuple[str, int, int]]]:
    from markdown_it import MarkdownIt

    starts = _line_starts(text)
    nlines = len(starts)

    def line_end(i: int) -> int:  # end of line i, newline excluded
        return starts[i + 1] - 1 if i + 1 < nlines else len(text)

    front = front_matter_lines(text)
    # markdown-it reads the file with the front matter blanked (lines kept, so its line map holds)
    parsed = text if not front else "\n" * front + text[starts[front] if front < nlines else len(text) :]
    # markdown-it also ends a line at a lone CR; provenance only at LF: the line maps must agree
    parsed = _LONE_CR.sub(" ", parsed)
    tokens = MarkdownIt("commonmark").enable("table").parse(parsed)

    keep = bytearray(len(text))  # 1: prose (or front matter) kept as text
    if front:
        keep[0 : line_end(front - 1)] = b"\x01" * line_end(front - 1)
    chars = list(text)
    blocks: list[tuple[str, int, int]] = []
    depth = 0  # open lists and block quotes
    in_table = 0
    for i, tok in enumerate(tokens):
        if tok.type in ("bullet_list_open", "ordered_list_open", "blockquote_open"):
            depth += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            depth -= 1
        elif tok.type == "table_open":
            in_table += 1
        elif tok.type == "table_close":
            in_table -= 1
        if tok.type not in ("paragraph_open", "heading_open") or tok.map is None or in_table:
            continue
        first, last = tok.map[0], min(tok.map[1], nlines) - 1
        heading = tok.type == "heading_open"
        if heading and tokens[i + 1].map is not None and tokens[i + 1].map[1] - 1 < last:
            last = tokens[i + 1].map[1] - 1  # a setext heading: its underline is not text
        for n in range(first, last + 1):
            s, e = starts[n], line_end(n)
            if depth:
                s = _CONTAINER.match(text, s, e).end()
            if heading:
                m = _ATX_OPEN.match(text, s, e)
                if m:
                    s = m.end()
                    close = _ATX_CLOSE.search(text, s, e)
                    if close:
                        e = close.start()
            keep[s:e] = b"\x01" * (e - s)
        blocks.append(("heading" if heading else "paragraph", starts[first], line_end(last)))
    for i, flag in enumerate(keep):
        if not flag and chars[i] not in "\n\r":
            chars[i] = " "
    for kind, s, e in blocks:
        _mask_inline(text, chars, s, e)
    masked = "".join(chars)
    out = []
    for kind, s, e in blocks:
        while s < e and masked[s].isspace():
            s += 1
        while e > s and masked[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((kind, s, e))
    return masked, out


def _mask_inline(text: str, chars: list[str], start: int, end: int) -> None:
    """Blank the inline markup of one paragraph or heading (in ``chars``); the prose stays."""
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for pattern in (_CODE_SPAN, _HTML_COMMENT, _IMAGE, _AUTOLINK):
        for m in pattern.finditer(text, start, end):
            if free(m.start(), m.end()):
                _blank(chars, m.start(), m.end())
                taken.append((m.start(), m.end()))
    for m in _LINK.finditer(text, start, end):
        if free(m.start(), m.end()):
            _blank(chars, m.start(), m.start() + 1)  # "["
            _blank(chars, m.end("label"), m.end())  # "](url)" or "][ref]"
            taken.append((m.start(), m.start() + 1))
            taken.append((m.end("label"), m.end()))
    for pattern in (_BARE_URL, _HTML_TAG):
        for m in pattern.finditer(text, start, end):
            if free(m.start(), m.end()):
                _blank(chars, m.start(), m.end())
                taken.append((m.start(), m.end()))
    for pattern in (_EMPHASIS, _ESCAPE):
        for m in pattern.finditer(text, start, end):
            if free(m.start(), m.end()):
                _blank(chars, m.start(), m.end())
