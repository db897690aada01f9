"""Split an article into structural units: title, captions, headings,
paragraphs, bylines, the footer credit line ("Source: ...", or a translation
credit such as "Translated from the Arabic edition") and (for Markdown) front
matter.

Scraped and translated news comes in two layouts: one paragraph a line
(blank lines optional) or hard-wrapped paragraphs separated by blank lines.
Lines are the units; a line is joined to the one before only when the break
is plainly a wrap (no closing punctuation before it, and the next line goes on
in lower case or the previous one stops on a comma or a function word).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from provenance.document.credits import INTERVIEW_CREDIT, NAME_PARTICLES, parse_byline, parse_translation

TITLE = "title"
CAPTION = "caption"
HEADING = "heading"
PARAGRAPH = "paragraph"
FOOTER = "footer"
FRONT_MATTER = "front-matter"
BYLINE = "byline"

#: Segment kinds that carry running prose (where sentence-level rules apply).
BODY_KINDS = frozenset({PARAGRAPH})
#: Segment kinds that are structure, not prose.
STRUCTURE_KINDS = frozenset({TITLE, CAPTION, HEADING, FOOTER, FRONT_MATTER, BYLINE})
#: A byline stands among the first units of an article (or its last ones).
BYLINE_UNITS = 6


@dataclass(slots=True)
class Unit:
    kind: str
    start: int
    end: int
    #: For captions: offsets of the credit inside the closing parentheses.
    credit: tuple[int, int] | None = None
    #: For footers: offsets of the text after "Source:".
    footer_value: tuple[int, int] | None = None
    #: For credit lines: "source" (Source: ...), "translation" or "byline", and the
    #: parts (role, start, end): translator / source, or one "by" per name.
    credit_kind: str | None = None
    credit_parts: tuple[tuple[str, int, int], ...] = ()


_TERMINAL = re.compile(r"""[.!?:;\u2026]["'\u201d\u2019)\]]*$""")
_SOFT_END = re.compile(r"(?:[,\-\u2013(]|\b(?:the|a|an|of|and|or|to|in|on|at|for|with|by|from|that|as|his|her|its|their))$", re.I)
_FOOTER = re.compile(r"^(?:sources?|source\(s\)|\u0627\u0644\u0645\u0635\u062f\u0631)\s*:\s*(?P<value>\S.*)$", re.I)
_CREDIT = re.compile(r"\((?P<credit>[^()\n]{2,70})\)$")
#: The agencies' sign-off closing Arab outlets' copy: "(Agencies)", "Al Jazeera + agencies", "— Agencies".
_AGENCIES = re.compile(
    r"^[(\[]?[ \t]*(?:[-\u2013\u2014][ \t]*)?(?P<value>(?:[A-Z][\w'\u2019.\-]*[ \t]+){1,3}(?:\+|and|&)[ \t]+(?:news[ \t]+)?[Aa]gencies"
    r"|(?:[Nn]ews[ \t]+)?[Aa]gencies)[ \t]*[)\]]?\.?$"
)
#: A photo credit on a line of its own: "Photo: Jane Roe/Reuters", "(Image credit: AFP)".
_PHOTO_LINE = re.compile(r"^[(\[]?(?:(?:file|archive)[ \t]+)?(?:photo|photos|image|picture|photograph)(?:[ \t]+credit)?[ \t]*:[ \t]*(?P<credit>\S[^\n]{0,79}?)[ \t]*[)\]]?$", re.I)
#: The copyright line closing the copy names its publisher: "© Valley Times 2021", "Copyright (c) Valley Times".
_COPYRIGHT = re.compile(r"^(?:(?:[Cc]opyright|COPYRIGHT)[ \t]*(?:©|\([cC]\))?|©|\([cC]\))[ \t]*(?:\d{4}(?:[-–]\d{2,4})?[ \t,]*)?(?P<value>[A-Z][^\n]{0,79}?)(?:[ \t,]+\d{4})?(?:[ \t]*\.?[ \t]*[Aa]ll[ \t]+[Rr]ights[ \t]+[Rr]eserved)?[ \t.]*$")
_MD_HEADING = re.compile(r"^#{1,6}\s+\S")
_WORDS = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")

# Words that mark a parenthesised line ending as a photo or video credit.
CREDIT_WORDS = frozenset(
    """
    reuters afp ap associated press anadolu anatolia agencies agency archive archives file
    getty images epa efe dpa ansa upi xinhua wafa sana qna mena kuna spa wam irna isna
    tasnim fars mehr tass ria sputnik bloomberg shutterstock pool handout courtesy photo
    photos video screenshot screen grab al jazeera aljazeera arabiya social media
    communication sites networking websites website networks european pressphoto
    """.split()
)


def segment(text: str, blocks: list[tuple[str, int, int]] | None = None) -> list[Unit]:
    """The units of a text; ``blocks`` (Markdown: ``(kind, start, end)`` of each
    paragraph and heading, from the parser) replace the guess at line joins."""
    lines = _strip_lines(text, line_spans(text))
    units: list[Unit] = []
    front = _front_matter(text, lines)
    if front is not None:
        units.append(Unit(FRONT_MATTER, lines[0][0], lines[front][1]))
        lines = lines[front + 1 :]
    if blocks is not None:
        body = [(s, e) for _, s, e in blocks if front is None or s > units[0].end]
        headings = {(s, e) for kind, s, e in blocks if kind == "heading"}
    else:
        body = _join_wrapped(text, lines)
        headings = set()
    last = len(body) - 1
    for i, (s, e) in enumerate(body):
        if (s, e) in headings:
            units.append(Unit(TITLE if i == 0 else HEADING, s, e))
            continue
        units.append(_credit_line(text, s, e, top=(i < BYLINE_UNITS), near_end=(i >= last - 2))
                     or _classify(text, s, e, first=(i == 0), near_end=(i >= last - 2), last=(i == last)))
    return units


def _front_matter(text: str, lines: list[tuple[int, int] | None]) -> int | None:
    """Index of the line closing a leading `---` block (Markdown front matter)."""
    if not lines or lines[0] is None or text[lines[0][0] : lines[0][1]] != "---":
        return None
    for i in range(1, min(len(lines), 200)):
        if lines[i] is not None and text[lines[i][0] : lines[i][1]] == "---":
            return i
    return None


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, newline excluded; only "\n" ends a line."""
    spans = []
    pos = 0
    while True:
        nl = text.find("\n", pos)
        if nl == -1:
            spans.append((pos, len(text)))
            return spans
        spans.append((pos, nl))
        pos = nl + 1


def _strip_lines(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int] | None]:
    out: list[tuple[int, int] | None] = []
    for s, e in lines:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((s, e) if s < e else None)
    return out


def _join_wrapped(text: str, lines: list[tuple[int, int] | None]) -> list[tuple[int, int]]:
    blocks: list[tuple[int, int]] = []
    prev_line: tuple[int, int] | None = None
    for line in lines:
        if line is None:
            prev_line = None
            continue
        if prev_line is not None and blocks and _is_wrap(text, prev_line, line):
            blocks[-1] = (blocks[-1][0], line[1])
        else:
            blocks.append(line)
        prev_line = line
    return blocks


def _is_wrap(text: str, prev: tuple[int, int], line: tuple[int, int]) -> bool:
    if text[prev[0] : prev[1]] == "---" or text[line[0] : line[1]] == "---":
        return False  # a front-matter fence stands alone ("---" then "date: …")
    tail = text[max(prev[0], prev[1] - 40) : prev[1]]
    if _TERMINAL.search(tail) or _MD_HEADING.match(text, line[0]) or _MD_HEADING.match(text, prev[0]):
        return False
    first = text[line[0]]
    return first.islower() or (bool(_SOFT_END.search(tail)) and prev[1] - prev[0] >= 30)


def _credit_line(text: str, s: int, e: int, *, top: bool, near_end: bool) -> Unit | None:
    """A translation credit or an interview credit (anywhere) or a byline (at the top or the end), else None."""
    if e - s > 200:
        return None
    line = text[s:e]
    parts = parse_translation(line)
    if parts:
        return Unit(FOOTER, s, e, credit_kind="translation", credit_parts=tuple((r, s + a, s + b) for r, a, b in parts))
    if top or near_end or INTERVIEW_CREDIT.match(line):
        parts = parse_byline(line)
        if parts:
            return Unit(BYLINE, s, e, credit_kind="byline", credit_parts=tuple((r, s + a, s + b) for r, a, b in parts))
    return None


def _classify(text: str, s: int, e: int, *, first: bool, near_end: bool, last: bool) -> Unit:
    line = text[s:e]
    if near_end:
        m = _FOOTER.match(line)
        if m and e - s <= 200:
            return Unit(FOOTER, s, e, footer_value=(s + m.start("value"), e), credit_kind="source")
        m = _AGENCIES.match(line) if e - s <= 60 else None
        if m is None and e - s <= 100:
            m = _COPYRIGHT.match(line)
            if m is not None and not _publisher(m.group("value")):
                m = None
        if m:
            return Unit(FOOTER, s, e, footer_value=(s + m.start("value"), s + m.end("value")), credit_kind="source")
    if _MD_HEADING.match(line):
        return Unit(TITLE if first else HEADING, s, e)
    m = _PHOTO_LINE.match(line) if e - s <= 100 else None
    if m:
        return Unit(CAPTION, s, e, credit=(s + m.start("credit"), s + m.end("credit")))
    credit = _caption_credit(line)
    if credit is not None:
        return Unit(CAPTION, s, e, credit=(s + credit[0], s + credit[1]))
    words = len(_WORDS.findall(line)) if e - s < 250 else 99  # a title or heading is short
    ends_terminal = bool(_TERMINAL.search(line[-40:]))
    if first and not last and not ends_terminal and words <= 25:
        return Unit(TITLE, s, e)
    if not first and not last and not ends_terminal and words <= 12 and _starts_like_heading(line):
        return Unit(HEADING, s, e)
    return Unit(PARAGRAPH, s, e)


def _publisher(value: str) -> bool:
    """A publisher's name: capitalized words and the small words names hold ("Copyright laws were changed" is prose)."""
    words = _WORDS.findall(value)
    return 0 < len(words) <= 8 and all(w[0].isupper() or w[0].isdigit() or w in _PUBLISHER_SMALL for w in words)


#: Lower-case words a publisher's name may hold: a name's particles, and the small words of a title.
_PUBLISHER_SMALL = NAME_PARTICLES | frozenset("of the and for".split())


def _starts_like_heading(line: str) -> bool:
    c = line.lstrip("\"'\u201c\u2018")[:1]
    return bool(c) and (c.isupper() or c.isdigit())


def _caption_credit(line: str) -> tuple[int, int] | None:
    tail_start = max(0, len(line) - 80)
    m = _CREDIT.search(line, tail_start)
    if m is None or m.start() == 0:
        return None
    before = line[: m.start()].rstrip()
    if not before or _TERMINAL.search(before[-5:]) or len(_WORDS.findall(before[-300:])) < 3:
        return None
    credit = m.group("credit")
    tokens = {t.lower() for t in _WORDS.findall(credit)}
    if not tokens & CREDIT_WORDS:
        return None
    cs, ce = m.start("credit"), m.end("credit")
    while cs < ce and line[cs].isspace():
        cs += 1
    while ce > cs and line[ce - 1].isspace():
        ce -= 1
    return cs, ce
