"""Counting the matches of a regex that opens with a zero-width test, fast.

Python's engine searches fast only for a pattern that opens with a literal or a
character set; one that opens with a look-behind or ``\\b`` ("(?<!\\w)(?:\\ba\\s+number\\s+of\\b|…)")
is tried at every position of the text. The same pattern without its leading tests
matches wherever the pattern does (and elsewhere), and usually opens with a literal:
its matches are the only places the pattern itself is then tried.
"""

from __future__ import annotations

import re

from re import _parser  # the parser's widths tell a test from a pattern that reads characters

#: Groups that may be set aside when they match nothing: non-capturing ones and look-arounds
#: (not an inline flag such as "(?i)", which the rest of the pattern needs).
_ASIDE = ("(?:", "(?=", "(?!", "(?<=", "(?<!")


def without_leading_tests(pattern: str) -> str | None:
    """The pattern less its leading zero-width tests (``\\b``, ``^``, a look-around or a group of
    them, such as "(?:^|(?<=[.!?]\\s))"), or None when it opens with none or nothing is left."""
    rest = pattern
    while True:
        if rest.startswith(("\\b", "\\A")):
            rest = rest[2:]
        elif rest.startswith("^"):
            rest = rest[1:]
        elif rest.startswith(_ASIDE) and (end := _group_end(rest)) is not None and _matches_nothing(rest[:end]):
            rest = rest[end:]
        else:
            break
    return rest if rest and rest != pattern else None


def finders(patterns: list[str], flags: int) -> list[re.Pattern]:
    """One search pattern per pattern (less its leading tests where that compiles), for ``count``."""
    out = []
    for p in patterns:
        rest = without_leading_tests(p)
        try:
            out.append(re.compile(rest if rest is not None else p, flags))
        except re.error:  # "\\b?x" less its "\\b": search with the pattern itself
            out.append(re.compile(p, flags))
    return out


def count(pattern: re.Pattern, found_by: list[re.Pattern], text: str) -> int:
    """How many matches ``pattern.finditer(text)`` yields, where every match of ``pattern`` starts
    where one of ``found_by`` matches: ``pattern`` is tried only there, in order, each match
    moving past its end as finditer does."""
    starts: set[int] = set()
    for finder in found_by:
        pos = 0
        while (m := finder.search(text, pos)) is not None:  # every start, overlapping ones too
            starts.add(m.start())
            pos = m.start() + 1
    n = limit = 0
    for p in sorted(starts):
        if p < limit:
            continue
        m = pattern.match(text, p)
        if m is None:
            continue
        if m.end() == p:  # an empty match: finditer's own stepping decides what follows
            return sum(1 for _ in pattern.finditer(text))
        n, limit = n + 1, m.end()
    return n


def _group_end(s: str) -> int | None:
    """The offset past the parenthesis that closes the group ``s`` opens."""
    depth, i, in_class = 0, 0, False
    while i < len(s):
        c = s[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            if s.startswith("^]", i + 1) or s.startswith("]", i + 1):
                i += 2 if s[i + 1] == "]" else 3  # a "]" first in the class is a literal
                continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return None


def _matches_nothing(group: str) -> bool:
    """Whether the group always matches the empty string only (a test, no characters)."""
    try:
        return _parser.parse(group).getwidth() == (0, 0)
    except re.error:
        return False


def required_literal(pattern: str, flags: int) -> str | None:
    """The longest string every match of the pattern holds, read off its top-level sequence (runs
    of literal characters, a literal repeated at least n times counting n), or None. Under
    IGNORECASE only characters without case count (spaces, punctuation, digits): a literal test
    of the text is then exact."""
    try:
        parsed = _parser.parse(pattern, flags)
    except re.error:
        return None
    caseless = bool(parsed.state.flags & re.IGNORECASE)
    runs: list[str] = []
    run: list[str] = []

    def usable(code: int) -> bool:
        return code < 128 and not (caseless and chr(code).isalpha())

    def end_run(start_with: str = "") -> None:
        if run:
            runs.append("".join(run))
        run[:] = [start_with] if start_with else []

    def walk(items) -> None:
        for op, av in items:
            if op is _parser.LITERAL and usable(av):
                run.append(chr(av))
            elif op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT) and av[0] >= 1 and len(av[2]) == 1 \
                    and av[2][0][0] is _parser.LITERAL and usable(av[2][0][1]):
                copies = chr(av[2][0][1]) * av[0]
                run.append(copies)
                if av[1] != av[0]:
                    end_run(copies)  # more copies may follow: the last n precede what comes next
            elif op is _parser.SUBPATTERN and not av[1] and not av[2]:
                walk(av[3].data)  # a group without flags: its sequence goes on the outer one
            else:
                end_run()

    walk(parsed.data)
    end_run()
    return max(runs, key=len, default=None)
