"""Finding rare patterns in a whole text fast: candidate patterns, Aho-Corasick passes
over opening words, and literal gates read off a parsed pattern (the matching side of
the cue lexicon; the lexicon's data is read in cues.py)."""

from __future__ import annotations

import re

from provenance.lazyre import parse_flags

try:  # re's own parser, to read the literal words a pattern needs (LiteralGate)
    from re import _compiler as _sre_compile, _constants as _sre, _parser as _sre_parse
except ImportError:  # pragma: no cover - a Python whose re is laid out otherwise: no gates
    _sre = _sre_parse = _sre_compile = None


class Finder:
    r"""``list(pattern.finditer(text))``, found without trying the pattern at every character.

    Python's re can skip ahead only to where a pattern's first literal (or
    small set of first characters) occurs; a pattern that opens with ``\b``
    or with an alternation of words is tried at every character of the text.
    A Finder first looks for where a match can start with *candidate*
    patterns that re can skip ahead for, then tries the pattern itself only
    there, in order, as finditer would. The candidates are looser than the
    pattern (``\b`` dropped, alternatives split apart), so every place the
    pattern matches is one of theirs.

    A case-insensitive pattern's candidates are matched case-sensitively
    (which is what lets re skip ahead) against the lower-cased text; see
    ``lowered`` for when that finds every match.
    """

    __slots__ = ("pattern", "_sources", "_candidates", "_lowercase")

    def __init__(self, pattern: re.Pattern, candidate_sources: list[str]):
        self.pattern = pattern
        # the candidates are compiled on first use: most documents are read through the
        # lexicon's OpeningIndex, and these Finders then never run (the pattern may be lazy too)
        self._sources = candidate_sources
        self._candidates: list[re.Pattern] | None = None
        self._lowercase = False

    @property
    def candidates(self) -> list[re.Pattern]:
        if self._candidates is None:
            flags = self.pattern.flags
            self._lowercase = bool(flags & re.IGNORECASE)
            sources = self._sources
            # A candidate with an upper-case letter (or an upper-case escape such as \S)
            # could miss in the lower-cased text: then the pattern is run as it is.
            if self._lowercase and any(re.search(r"[A-Z]", s) for s in sources):
                sources = []
            self._candidates = [re.compile(s, flags & ~re.IGNORECASE) for s in sources]
        return self._candidates

    @property
    def lowercase(self) -> bool:
        """Whether the candidates run on the lower-cased text (the pattern is case-insensitive)."""
        self.candidates
        return self._lowercase

    def find(self, text: str, low: str | None) -> list[re.Match]:
        """``list(pattern.finditer(text))``; low is ``lowered(text)``."""
        candidates, lowercase = self.candidates, self._lowercase
        if not candidates or (lowercase and low is None):
            return list(self.pattern.finditer(text))
        return self._verified(text, self._starts(low if lowercase else text), 0, len(text))

    def find_within(self, text: str, start: int, end: int) -> list[re.Match]:
        """``list(pattern.finditer(text, start, end))``."""
        candidates, lowercase = self.candidates, self._lowercase
        piece = text[start:end]
        low = lowered(piece) if lowercase else piece
        if not candidates or low is None:
            return list(self.pattern.finditer(text, start, end))
        return self._verified(text, [start + p for p in self._starts(low)], start, end)

    def _starts(self, where: str) -> list[int]:
        """Every offset where a candidate matches, in order."""
        starts: set[int] = set()
        for rx in self.candidates:
            m = rx.search(where)
            while m:
                starts.add(m.start())
                m = rx.search(where, m.start() + 1)
        return sorted(starts)

    def _verified(self, text: str, starts: list[int], pos: int, end: int) -> list[re.Match]:
        """The pattern tried at each start in turn, as finditer would from pos."""
        return verified(self.pattern, text, starts, pos, end)

    def search(self, text: str, low: str | None) -> re.Match | None:
        """``pattern.search(text)``."""
        if not self.candidates or (self._lowercase and low is None):
            return self.pattern.search(text)
        found = self.find(text, low)
        return found[0] if found else None


class WordFinder(Finder):
    """A Finder for a case-sensitive pattern whose every match opens with one of a
    set of words: they are all found in one Aho-Corasick pass (candidate patterns
    would take one pass each, and the pattern itself tries every character)."""

    __slots__ = ("automaton",)

    def __init__(self, pattern: re.Pattern, first_words: set[str]):
        import ahocorasick

        super().__init__(pattern, [])
        self.automaton = ahocorasick.Automaton()
        for word in first_words:
            self.automaton.add_word(word, len(word))
        self.automaton.make_automaton()

    def find(self, text: str, low: str | None = None) -> list[re.Match]:
        starts = sorted({end - length + 1 for end, length in self.automaton.iter(text)})
        return self._verified(text, starts, 0, len(text))


class OutletFinder:
    r"""``outlet_re.search(text)`` as a span, without trying the pattern at every character.

    outlet_re is ``(?<![\w-])(?:names)(?![\w-])``, case-insensitive, the names
    (lower case) in a trie with ``\s+`` between words: at the leftmost start
    with no word character or hyphen before it where a name is followed by
    none either, the longest such name. In a text of ASCII characters whose
    only whitespace is single spaces, that is found among the places where
    one Aho-Corasick pass over the lower-cased text finds a name. Other texts
    go to the pattern.
    """

    __slots__ = ("pattern", "automaton")

    _WORD_OR_HYPHEN = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_-")

    def __init__(self, pattern: re.Pattern, names: list[str]):
        import ahocorasick

        self.pattern = pattern
        self.automaton = ahocorasick.Automaton()
        for name in names:
            self.automaton.add_word(name, len(name))
        self.automaton.make_automaton()

    def search(self, text: str) -> tuple[int, int] | None:
        if not (text.isascii() and text.isprintable() and "  " not in text):
            m = self.pattern.search(text)
            return m.span() if m else None
        low = text.lower()
        inside = self._WORD_OR_HYPHEN
        best: tuple[int, int] | None = None  # (start, -length): the least is the leftmost, then the longest
        for last, length in self.automaton.iter(low):
            start = last - length + 1
            if (start and low[start - 1] in inside) or (last + 1 < len(low) and low[last + 1] in inside):
                continue
            if best is None or (start, -length) < best:
                best = (start, -length)
        return (best[0], best[0] - best[1]) if best else None


def verified(pattern: re.Pattern, text: str, starts: list[int], pos: int, end: int) -> list[re.Match]:
    """``list(pattern.finditer(text, pos, end))`` when every match starts at one of
    starts (in order; more are harmless): the pattern is tried at each in turn."""
    out = []
    match = pattern.match
    for p in starts:
        if p >= pos:
            m = match(text, p, end)
            if m:
                out.append(m)
                pos = m.end()
    return out


class OpeningIndex:
    r"""Where each of several patterns may match in a text, found with one Aho-Corasick pass.

    Each pattern comes with the words its matches open with (``opening_words``).
    One pass over the lower-cased text (``lowered``) finds them all; a pattern
    is then tried only where one of its words starts, and, when the pattern
    opens with ``\b``, only where that word starts a word. A Finder per
    pattern would take one pass (or several) each.
    """

    __slots__ = ("patterns", "automaton")

    def __init__(self, patterns: list[tuple[re.Pattern, set[str]]]):
        import ahocorasick

        self.patterns = [pattern for pattern, _ in patterns]
        # word -> (patterns opening with \b, the others)
        by_word: dict[str, tuple[list[int], list[int]]] = {}
        for i, (pattern, words) in enumerate(patterns):
            at_word_start = pattern.pattern.startswith(r"\b")
            for word in words:
                found = by_word.setdefault(word.lower(), ([], []))[0 if at_word_start else 1]
                if i not in found:  # "It" and "it" are one word here: the pattern is tried once where it starts
                    found.append(i)
        self.automaton = ahocorasick.Automaton()
        for word, (bounded, anywhere) in by_word.items():
            self.automaton.add_word(word, (len(word), tuple(bounded), tuple(anywhere)))
        self.automaton.make_automaton()

    def starts(self, text: str, low: str) -> list[list[int]]:
        """For each pattern, the offsets where a match may start, in order; low is ``lowered(text)``.

        Where text has a word, low has it in lower case at the same offset, so
        these include every start of a match. A word starts a word when the
        character before it is no word character: str.isalnum() (or "_") is
        re's own test of a word character for str patterns.
        """
        starts: list[list[int]] = [[] for _ in self.patterns]
        for end, (length, bounded, anywhere) in self.automaton.iter(low):
            p = end - length + 1
            if bounded:
                if p and (text[p - 1].isalnum() or text[p - 1] == "_"):  # inside a word: most hits ("it" in "with")
                    if anywhere:
                        for i in anywhere:
                            starts[i].append(p)
                    continue
                for i in bounded:
                    starts[i].append(p)
            if anywhere:
                for i in anywhere:
                    starts[i].append(p)
        for found in starts:
            found.sort()
        return starts


#: The characters re's ``\s`` matches in a str pattern (``str.isspace``, the same test): each is its own lower case.
WHITESPACE = "".join(c for c in map(chr, range(0x3001)) if c.isspace())


def opening_words(sources: list[str]) -> set[str] | None:
    r"""The literal words one of which opens every match of one of the (case-sensitive)
    pattern sources, read off re's parse; None when a match may open otherwise.

    A word every match follows with whitespace or with one of a few ASCII marks (``as\s+``,
    ``so[-\s]``) is given with each character that may follow it ("as ", "as\n", ...): the
    Aho-Corasick pass then stops at "as" only before them, not in "last" or "ask".
    """
    if _sre_parse is None or not sources:
        return None
    words: set[str] = set()
    for source in sources:
        try:
            opening = _opening_literals(_sre_parse.parse(source, 0).data)
        except Exception:  # pragma: no cover - a parse tree laid out otherwise
            return None
        if not opening:
            return None
        words |= opening
    # A word given alone needs none of its followed forms ("as" covers "as "): they would repeat its starts.
    words = {w for w in words if w[:-1] not in words}
    # ASCII only (whitespace after a word aside, each its own lower case): then a word's lower
    # case has its length and lines up with the text's.
    return words if all(w.rstrip(WHITESPACE).isascii() for w in words) else None


#: ASCII marks that may stand with whitespace in a class after an opening word ("so[-\s]called").
_FOLLOWER_MARKS = frozenset("-'/")


def _followers(seq) -> str | None:
    """The characters the parsed sequence's matches can open with, when all are whitespace or
    _FOLLOWER_MARKS (a class, a repeat of one at least once, or a group or alternation of such
    openings: "as(?:\\s+noted|\\s+said)"); None otherwise."""
    if not seq:
        return None
    op, av = seq[0]
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
        return _followers(av[2].data)
    if op is _sre.SUBPATTERN and not av[1] and not av[2]:
        return _followers(av[3].data)
    if op is _sre.BRANCH:
        each = [_followers(alternative) for alternative in av[1]]
        return "".join(sorted(set("".join(each)))) if all(each) else None
    if op is not _sre.IN:
        return None
    out = []
    for kind, value in av:
        if kind is _sre.CATEGORY and value is _sre.CATEGORY_SPACE:
            out.append(WHITESPACE)
        elif kind is _sre.LITERAL and chr(value) in _FOLLOWER_MARKS:
            out.append(chr(value))
        else:
            return None
    return "".join(out)


def _opening_literals(seq) -> set[str] | None:
    run = _leading_literal(seq)
    if run:
        # the characters every match has right after the word, when few (whitespace): one key each
        follow = _followers(seq[len(run) :])
        return {run + c for c in follow} if follow else {run}
    if not seq:
        return None
    op, av = seq[0]
    if op is _sre.BRANCH:
        each = [_opening_literals(alternative) for alternative in av[1]]
        return set().union(*each) if all(each) else None
    if op is _sre.SUBPATTERN and not av[1] and not av[2]:
        return _opening_literals(av[3].data)
    return None


#: The last text ``lowered_text`` was asked about and its answer: the document being read.
_LOWERED_TEXT: list = [None, None]


def lowered_text(text: str) -> str | None:
    """``lowered(text)``, kept for the last text asked about: the checks of one document ask it
    about the document's text many times."""
    if _LOWERED_TEXT[0] is not text:
        _LOWERED_TEXT[1] = lowered(text)
        _LOWERED_TEXT[0] = text
    return _LOWERED_TEXT[1]


def lowered(text: str) -> str | None:
    """``text.lower()`` when a case-insensitive match in text is a plain one in it.

    That needs the characters to line up one to one (not so when "İ" becomes
    two) and no character that re.IGNORECASE equates with an ASCII letter
    other than through lower(): over all of Unicode these are "ı" and "ſ"
    (re takes them for "i" and "s"; lower() leaves them as they are).
    """
    low = text.lower()
    if len(low) != len(text) or "ı" in text or "ſ" in text:
        return None
    return low


class LiteralGate:
    """A cheap test that says when a pattern cannot match: every match of it holds one
    of a few literal words, read off the parsed pattern (``_required``).

    ``may_match(piece)`` is False only when no match can lie within piece, so
    ``rx.search(text, s, e)`` may be skipped when ``may_match(text[s:e])`` is False.
    """

    __slots__ = ("words", "lowercase", "_any", "_few")

    #: Up to this many words, one ``in`` test each is quicker than an Aho-Corasick pass.
    FEW = 16

    def __init__(self, pattern: re.Pattern):
        self._few = None
        if _sre_parse is None:
            self.words = self._any = None
            self.lowercase = False
            return
        try:
            parsed = _sre_parse.parse(pattern.pattern, parse_flags(pattern))
            self.lowercase = bool(parsed.state.flags & re.IGNORECASE)
            words = _required(parsed.data)
        except Exception:  # pragma: no cover - a parse tree laid out otherwise: no gate
            self.lowercase, words = False, None
        # Only ASCII words: for them lowered() makes a case-insensitive match a plain one.
        if words and not all(w.isascii() for w in words):
            words = None
        if words and self.lowercase:
            words = {w.lower() for w in words}
        self.words = frozenset(words) if words else None
        self._any = None
        if self.words and len(self.words) <= self.FEW:
            self._few = tuple(sorted(self.words))
        elif self.words:
            import ahocorasick

            self._any = ahocorasick.Automaton()
            for w in self.words:
                self._any.add_word(w, w)
            self._any.make_automaton()

    def may_match(self, piece: str) -> bool:
        if self._any is None and self._few is None:
            return True
        if self.lowercase:
            piece = lowered(piece)
            if piece is None:
                return True
        return self._holds_word(piece)

    def may_match_within(self, text: str, start: int, end: int) -> bool:
        """``may_match(text[start:end])``, reading the lower case off the whole text's
        (``lowered_text``): where that is not None, ``lowered(text[start:end])`` differs
        from its slice in no ASCII character (only in a final sigma), and the words are ASCII."""
        if self._any is None and self._few is None:
            return True
        if self.lowercase:
            low = _LOWERED_TEXT[1] if _LOWERED_TEXT[0] is text else lowered_text(text)  # lowered_text's test inline
            piece = low[start:end] if low is not None else lowered(text[start:end])
            if piece is None:
                return True
        else:
            piece = text[start:end]
        if self._few is not None:
            return any(map(piece.__contains__, self._few))  # _holds_word's test inline: asked per cue
        return self._holds_word(piece)

    def _holds_word(self, piece: str) -> bool:
        if self._few is not None:
            return any(map(piece.__contains__, self._few))  # the loop in C: asked some 10,000 times per megabyte
        for _ in self._any.iter(piece):  # one pass, however many words
            return True
        return False


def reversed_at_end(pattern: re.Pattern) -> re.Pattern | None:
    r"""A pattern for ``piece[::-1]`` that matches at its start (``match``) exactly when
    ``pattern.search(piece)`` finds a match, for a pattern whose every match ends with ``$``
    (a word before a cue: "did not say"); None for a pattern read otherwise.

    Such a pattern that opens with ``\b`` gives re no first character to skip ahead to, so a
    search tries it at every character of the piece; the reversed one is tried once, at the
    end. The parse tree is reversed item by item (``\b`` reads both sides, so it stays); the
    final ``$``, which also matches before a newline that ends the piece, becomes ``\n?``.
    Anything else (lookarounds, other anchors, references, ``re.MULTILINE``) gives None.
    """
    if _sre_parse is None or _sre_compile is None:
        return None
    try:
        parsed = _sre_parse.parse(pattern.pattern, parse_flags(pattern))
        if parsed.state.flags & re.MULTILINE:
            return None  # "$" would match before every newline
        data = _reversed_items(parsed.state, parsed.data, True)
        if data is None:
            return None
        return _sre_compile.compile(_sre_parse.SubPattern(parsed.state, data), parsed.state.flags)
    except Exception:  # pragma: no cover - a parse tree laid out otherwise
        return None


def _reversed_items(state, seq, final: bool) -> list | None:
    """seq's items in reverse order, each reversed; final: seq ends the pattern, so its last item must
    end every match with "$" (itself, or each alternative of a branch or the group it is)."""
    if final and not seq:
        return None
    out: list = []
    for k in range(len(seq) - 1, -1, -1):
        op, av = seq[k]
        last = final and k == len(seq) - 1
        if op is _sre.AT:
            if last and av is _sre.AT_END:
                out.append((_sre.MAX_REPEAT, (0, 1, _sre_parse.SubPattern(state, [(_sre.LITERAL, 10)]))))
            elif not last and av in (_sre.AT_BOUNDARY, _sre.AT_NON_BOUNDARY):
                out.append((op, av))
            else:
                return None
        elif op in (_sre.LITERAL, _sre.NOT_LITERAL, _sre.IN, _sre.ANY) and not last:
            out.append((op, av))
        elif op is _sre.BRANCH:
            alternatives = [_reversed_items(state, a.data, last) for a in av[1]]
            if any(a is None for a in alternatives):
                return None
            out.append((op, (av[0], [_sre_parse.SubPattern(state, a) for a in alternatives])))
        elif op is _sre.SUBPATTERN:
            group, add_flags, del_flags, inner = av
            items = _reversed_items(state, inner.data, last)
            if items is None:
                return None
            out.append((op, (group, add_flags, del_flags, _sre_parse.SubPattern(state, items))))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and not last:
            lo, hi, inner = av
            items = _reversed_items(state, inner.data, False)
            if items is None:
                return None
            out.append((op, (lo, hi, _sre_parse.SubPattern(state, items))))
        else:
            return None
    return out


def _leading_literal(seq) -> str:
    out = []
    for op, av in seq:
        if op is not _sre.LITERAL:
            break
        out.append(chr(av))
    return "".join(out)


def _required(seq) -> set[str] | None:
    """A set of strings one of which every match of the parsed sequence contains, or None."""
    options: list[set[str]] = []
    run = ""
    for op, av in seq:
        if op is _sre.LITERAL:
            run += chr(av)
            continue
        if op is _sre.BRANCH:
            alternatives = av[1]
            if run:  # the run goes on into whichever alternative matches
                options.append({run + _leading_literal(a) for a in alternatives})
            each = [_required(a) for a in alternatives]
            if all(each):
                options.append(set().union(*each))
        elif op is _sre.SUBPATTERN and not av[1] and not av[2]:  # (group, add_flags, del_flags, pattern)
            inner = _required(av[3].data)
            if inner:
                options.append(inner)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            inner = _required(av[2])
            if inner:
                options.append(inner)
        if run:
            options.append({run})
            run = ""
    if run:
        options.append({run})
    options = [o for o in options if all(o)]
    if not options:
        return None
    return max(options, key=lambda o: (min(map(len, o)), -len(o)))


def candidate_sources(source: str) -> list[str]:
    r"""Patterns, each opening with a literal where possible, that match wherever source
    does: a leading ``\b`` dropped, a leading ``[Xx]`` or ``(?:word|word …)`` split
    into one pattern per alternative."""
    if source.startswith(r"\b"):
        source = source[2:]
    m = re.match(r"\[([A-Za-z])([A-Za-z])\]", source)
    if m and m.group(1).lower() == m.group(2).lower():
        return [m.group(1) + source[m.end() :], m.group(2) + source[m.end() :]]
    m = re.match(r"\(\?:((?:[a-z ]|\\s\+?)+(?:\|(?:[a-z ]|\\s\+?)+)*)\)", source)
    if m:
        return [alternative + source[m.end() :] for alternative in m.group(1).split("|")]
    return [source]


def by_first_word(branches: list[str]) -> list[str]:
    """Alternatives grouped by their first word: re factors a shared opening out, so
    each group opens with a literal."""
    groups: dict[str, list[str]] = {}
    for b in branches:
        m = re.match(r"[a-z]+", b)
        groups.setdefault(m.group() if m else b, []).append(b)
    return ["|".join(g) for g in groups.values()]


def trie_pattern(words: list[str]) -> str:
    """One regex for many words, shared prefixes factored out: Python's re tries
    the branches of a plain alternation one by one at every position."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            esc = r"\s+" if ch == " " else re.escape(ch)
            branches.append(esc + build(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return build(trie)
