"""The cue lexicon (lexicon.yaml) compiled into regular expressions and word sets.

Loaded once per process; everything here is read-only after loading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import add
from pathlib import Path

try:  # re's own parser, to read the literal words a pattern needs (LiteralGate)
    from re import _constants as _sre, _parser as _sre_parse
except ImportError:  # pragma: no cover - a Python whose re is laid out otherwise: no gates
    _sre = _sre_parse = None

LEXICON_PATH = Path(__file__).with_name("lexicon.yaml")

#: The words a medium opens with ("in a statement", "on Telegram").
MEDIUM_PREPOSITIONS = ("in", "at", "during", "on", "via", "through", "from", "with")

#: Quotation marks, opening and closing (the straight ones are both).
OPEN_QUOTES = "\"“«„‘'"
CLOSE_QUOTES = "\"”»’'"
QUOTES = "\"“”«»„"

# Tokens: initialisms ("U.S."), words with inner apostrophes, hyphens, dots
# ("PowerOutage.us"), numbers, then single punctuation characters.
TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:['’\-.&/][^\W_]+)*(?:['’]s\b)?|\S")


@dataclass(frozen=True)
class VerbInfo:
    lemma: str
    participle: bool = False
    audience: bool = False
    requires: str | None = None
    that_only: bool = False
    document_subject: bool = False
    postposed_only: bool = False
    relay: str | None = None


# -- finding a rare pattern in a whole text, fast ------------------------------------


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

    __slots__ = ("pattern", "candidates", "lowercase")

    def __init__(self, pattern: re.Pattern, candidate_sources: list[str]):
        self.pattern = pattern
        self.lowercase = bool(pattern.flags & re.IGNORECASE)
        # A candidate with an upper-case letter (or an upper-case escape such as \S)
        # could miss in the lower-cased text: then the pattern is run as it is.
        if self.lowercase and any(re.search(r"[A-Z]", s) for s in candidate_sources):
            candidate_sources = []
        self.candidates = [re.compile(s, pattern.flags & ~re.IGNORECASE) for s in candidate_sources]

    def find(self, text: str, low: str | None) -> list[re.Match]:
        """``list(pattern.finditer(text))``; low is ``lowered(text)``."""
        if not self.candidates or (self.lowercase and low is None):
            return list(self.pattern.finditer(text))
        return self._verified(text, self._starts(low if self.lowercase else text), 0, len(text))

    def find_within(self, text: str, start: int, end: int) -> list[re.Match]:
        """``list(pattern.finditer(text, start, end))``."""
        piece = text[start:end]
        low = lowered(piece) if self.lowercase else piece
        if not self.candidates or low is None:
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
        if not self.candidates or (self.lowercase and low is None):
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
                by_word.setdefault(word.lower(), ([], []))[0 if at_word_start else 1].append(i)
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
                before = text[p - 1] if p else " "
                if not (before.isalnum() or before == "_"):
                    for i in bounded:
                        starts[i].append(p)
            for i in anywhere:
                starts[i].append(p)
        for found in starts:
            found.sort()
        return starts


def opening_words(sources: list[str]) -> set[str] | None:
    """The literal words one of which opens every match of one of the (case-sensitive)
    pattern sources, read off re's parse; None when a match may open otherwise."""
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
    # ASCII only: then a word's lower case has its length and lines up with the text's.
    return words if all(w.isascii() for w in words) else None


def _opening_literals(seq) -> set[str] | None:
    run = _leading_literal(seq)
    if run:
        return {run}
    if not seq:
        return None
    op, av = seq[0]
    if op is _sre.BRANCH:
        each = [_opening_literals(alternative) for alternative in av[1]]
        return set().union(*each) if all(each) else None
    if op is _sre.SUBPATTERN and not av[1] and not av[2]:
        return _opening_literals(av[3].data)
    return None


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
            parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
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
        if self._few is not None:
            for word in self._few:
                if word in piece:
                    return True
            return False
        for _ in self._any.iter(piece):  # one pass, however many words
            return True
        return False


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


@dataclass
class Lexicon:
    verbs: dict[str, VerbInfo]
    cue_re_any_case: re.Pattern
    cue_finder: WordFinder
    according_finder: Finder
    cue_any_case_finder: Finder
    unspecified_finders: list[Finder]
    statement_finder: Finder
    connective_finder: Finder
    #: cue, according, unspecified, statement and connective patterns (``OPENERS`` order) in one
    #: pass; None when some pattern's opening words cannot be read off it
    openers: OpeningIndex | None
    #: the negators as one alternation: one search instead of one per negator
    negator_re: re.Pattern
    negator_gate: LiteralGate
    passive_aux: frozenset[str]
    relay_participles: frozenset[str]
    outlet_alias: dict[str, str]
    outlet_re: re.Pattern
    outlet_finder: OutletFinder | None
    outlet_nouns: frozenset[str]
    outlet_agency_words: frozenset[str]
    document_nouns: frozenset[str]
    anonymous_nouns: frozenset[str]
    organization_nouns: frozenset[str]
    role_nouns: frozenset[str]
    org_words: frozenset[str]
    title_words: frozenset[str]
    places: frozenset[str]
    reason_re: re.Pattern
    reason_gate: LiteralGate
    medium_re: re.Pattern
    pre_cue_adverbs: frozenset[str]
    time_words: frozenset[str]
    intro_words: frozenset[str]
    extra: dict = field(default_factory=dict)


def _words(items) -> frozenset[str]:
    return frozenset(str(x).lower() for x in items or ())


def _phrase(p: str) -> str:
    return r"\s+".join(re.escape(w) for w in p.split())


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


def _lexicon_data() -> dict:
    """lexicon.yaml parsed, through the on-disk cache: the parse (and the YAML
    library's import) costs more than checking a short article."""
    import hashlib

    from provenance import cache

    raw = LEXICON_PATH.read_bytes()
    key = hashlib.sha256(b"lexicon\0" + raw).hexdigest()
    data = cache.get("lexicon", key)
    if data is None:
        from ruamel.yaml import YAML

        from provenance.yamlguard import guard

        guard(raw)  # a shipped file, but read like any other YAML
        data = YAML(typ="safe", pure=False).load(raw)
        cache.put("lexicon", key, data)
    return data


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = _lexicon_data()
    verbs: dict[str, VerbInfo] = {}
    for lemma, spec in data["verbs"].items():
        common = dict(
            lemma=lemma,
            audience=bool(spec.get("audience")),
            requires=spec.get("requires"),
            that_only=bool(spec.get("that_only")),
            document_subject=bool(spec.get("document_subject")),
            postposed_only=bool(spec.get("postposed_only")),
            relay=spec.get("relay"),
        )
        for form in spec.get("forms") or []:
            verbs[" ".join(form.lower().split())] = VerbInfo(participle=False, **common)
        for form in spec.get("participle") or []:
            verbs[" ".join(form.lower().split())] = VerbInfo(participle=True, **common)
    forms = sorted(verbs, key=len, reverse=True)
    cue_re = re.compile(r"\b" + trie_pattern(forms) + r"\b")
    cue_re_any_case = re.compile(r"\b(?:" + "|".join(_phrase(f) for f in forms) + r")\b", re.IGNORECASE)

    outlet_alias: dict[str, str] = {}
    for canonical, aliases in data["outlets"].items():
        for name in [canonical, *(aliases or [])]:
            outlet_alias[name.lower()] = canonical
    outlet_names = sorted(outlet_alias, key=len, reverse=True)
    outlet_re = re.compile(r"(?<![\w-])(?:" + trie_pattern(outlet_names) + r")(?![\w-])", re.IGNORECASE)

    according_branches = [data["according_to"], r"as\s+(?:quoted|reported)\s+by"]
    according_re = re.compile(r"\b(?:" + "|".join(according_branches) + r")\b", re.IGNORECASE)
    unspecified_res = [re.compile(p) for p in data["unspecified"]]
    statement_re = re.compile(data["statement_cue"], re.IGNORECASE)
    connective_re = re.compile(r"\b(?:" + "|".join(data["connectives"]) + r")\b", re.IGNORECASE)

    negator_re = re.compile("|".join(f"(?:{p})" for p in data["negators"]), re.IGNORECASE)
    reason_re = re.compile("|".join(f"(?:{p})" for p in data["anonymity_reasons"]), re.IGNORECASE)

    # The patterns that open attributions, with the words their matches open with (OPENERS order).
    cue_first_words = {f.split()[0] for f in forms}
    opening = [
        (cue_re, cue_first_words),
        (according_re, opening_words(by_first_word(according_branches))),
        *((rx, opening_words(candidate_sources(rx.pattern))) for rx in unspecified_res),
        (statement_re, opening_words(candidate_sources(statement_re.pattern))),
        (connective_re, opening_words(by_first_word(data["connectives"]))),
    ]
    openers = OpeningIndex(opening) if all(words for _, words in opening) else None

    media = sorted(data["media_nouns"], key=len, reverse=True)
    medium_re = re.compile(
        r"(?:" + "|".join(MEDIUM_PREPOSITIONS) + r")\s+(?:(?:a|an|the|his|her|its|their|our|this|that)\s+)?"
        r"(?:[\w'’\-]+\s+){0,5}?(?:" + trie_pattern([" ".join(m.lower().split()) for m in media]) + r")\b",
        re.IGNORECASE,
    )
    return Lexicon(
        verbs=verbs,
        cue_re_any_case=cue_re_any_case,
        cue_finder=WordFinder(cue_re, cue_first_words),
        according_finder=Finder(according_re, by_first_word(according_branches)),
        cue_any_case_finder=Finder(cue_re_any_case, [trie_pattern(forms)]),
        unspecified_finders=[Finder(rx, candidate_sources(rx.pattern)) for rx in unspecified_res],
        statement_finder=Finder(statement_re, candidate_sources(statement_re.pattern)),
        connective_finder=Finder(connective_re, by_first_word(data["connectives"])),
        openers=openers,
        negator_re=negator_re,
        negator_gate=LiteralGate(negator_re),
        passive_aux=_words(data["passive_aux"]),
        relay_participles=_words(data["relay_participles"]),
        outlet_alias=outlet_alias,
        outlet_re=outlet_re,
        outlet_finder=OutletFinder(outlet_re, outlet_names) if all(n.isascii() and "  " not in n for n in outlet_names) else None,
        outlet_nouns=_words(data["outlet_nouns"]),
        outlet_agency_words=_words(data["outlet_agency_words"]),
        document_nouns=_words(data["document_nouns"]),
        anonymous_nouns=_words(data["anonymous_nouns"]),
        organization_nouns=_words(data["organization_nouns"]),
        role_nouns=_words(data["role_nouns"]),
        org_words=frozenset(data["org_words"]),
        title_words=frozenset(data["title_words"]),
        places=frozenset(w for p in data["places"] for w in [p, *p.split()]),
        reason_re=reason_re,
        reason_gate=LiteralGate(reason_re),
        medium_re=medium_re,
        pre_cue_adverbs=_words(data["pre_cue_adverbs"]),
        time_words=_words(data["time_words"]),
        intro_words=_words(data["intro_words"]),
    )


class Tokens:
    """TOKEN's matches in a piece of text, as parallel lists (no object per token):
    ``start[k]``, ``end[k]`` (offsets into the document text), ``text[k]`` and ``low[k]``."""

    __slots__ = ("start", "end", "text", "low")

    def __init__(self, start: list[int], end: list[int], text: list[str], low: list[str]):
        self.start = start
        self.end = end
        self.text = text
        self.low = low

    def __len__(self) -> int:
        return len(self.text)


def is_cap(word: str) -> bool:
    """A capitalized word, or a short number ("12" in "Channel 12")."""
    c = word[:1]
    return c.isupper() or (c.isdigit() and len(word) <= 3)


def _chunk_tokens(chunk: str) -> list[str] | tuple[str, ...]:
    """``TOKEN.findall(chunk)`` for a non-empty chunk of text without whitespace.

    TOKEN matches at every character but whitespace, so its tokens tile the
    chunk. A run of letters and digits (``isalnum``: re's word characters
    but "_") is one token, and so is what such a run leaves between one other
    character at either end: TOKEN joins nothing to it, as its joiners and
    "'s" need a letter or digit after them and an initialism needs a dot
    after its first letter. Other chunks go to the regex (some 100 ns a character).
    """
    if chunk.isalnum() or len(chunk) == 1:
        return (chunk,)
    if chunk[1:-1].isalnum():
        first, last = chunk[0], chunk[-1]
        if first.isalnum():
            return (chunk[:-1], last)
        if last.isalnum():
            return (first, chunk[1:])
        return (first, chunk[1:-1], last)
    return TOKEN.findall(chunk)


def token_texts(piece: str) -> list[str]:
    """``TOKEN.findall(piece)``: where plain spaces are the only whitespace
    (``isprintable``), the tokens of each space-separated chunk in turn."""
    if not piece.isprintable():
        return TOKEN.findall(piece)
    out: list[str] = []
    for chunk in piece.split(" "):
        if chunk:
            out += _chunk_tokens(chunk)
    return out


# Each token with the whitespace before it: findall hands back plain strings (no
# match objects, no method calls) and the offsets follow from their lengths.
# TOKEN matches at every non-space character and at no space, so these are
# exactly TOKEN's matches, and the pieces tile the text from start on.
_SPACE_AND_TOKEN = re.compile(r"(\s*)(" + TOKEN.pattern + ")")


def tokenize(text: str, start: int, end: int) -> Tokens:
    """TOKEN's matches in text[start:end]."""
    piece = text[start:end]
    texts: list[str] = []
    starts: list[int] = []
    pos = start
    if piece.isprintable():  # plain spaces only: chunk by chunk (see token_texts)
        for chunk in piece.split(" "):
            if chunk:
                tokens = _chunk_tokens(chunk)
                if len(tokens) == 1:
                    texts.append(chunk)
                    starts.append(pos)
                else:
                    at = pos
                    for token in tokens:
                        texts.append(token)
                        starts.append(at)
                        at += len(token)
            pos += len(chunk) + 1
    else:
        for space, token in _SPACE_AND_TOKEN.findall(piece):
            pos += len(space)
            texts.append(token)
            starts.append(pos)
            pos += len(token)
    return Tokens(starts, list(map(add, starts, map(len, texts))), texts, list(map(str.lower, texts)))
