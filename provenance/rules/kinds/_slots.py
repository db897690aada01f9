"""Slots of phrase templates: word classes, optional words and inflections.

A phrase entry's ``match`` (literal phrases) or ``regex`` may hold tokens in
braces that stand for a set of words, so that a family is written once:

    {DET}            a word class: built in (below) or listed in the rule's
                     ``params.slots`` (``{AUTH}`` with ``slots: {AUTH: [authorities, bodies]}``)
    {DET?}           the same, optional
    {storm~}         the inflections of a lemma: storm, storms, stormed, storming
    {fall~|fell}     alternatives: lemmas, words or classes
    {the?}           (in ``match``) an optional word; {the|a?} optional alternatives

In ``match`` every brace token is a slot and the words around it are literal
("in {DET?} {framework|context} of"). In ``regex`` only an upper-case class
name or a token holding ``~`` is expanded (``{0,3}`` stays a quantifier); an
optional token there takes the space after it with it: ``in\\s+{DET?}framework``.

Built-in classes (matched case-insensitively unless the entry is
case-sensitive): DET (articles, demonstratives, possessives), ART, POSS,
ORD (ordinals in words or figures), MONTH, WEEKDAY, NUM (figures and number
words), NAT (the nationality adjectives of the region's conflicts), WORD (any
one word) and ADJ (one word shaped like an adjective: a closed list of common
ones, or a content word with an adjective ending; there is no tagger here, so
"ADJ" is a shape, not a part of speech).
"""

from __future__ import annotations

import re

from provenance.rules.model import PackError

_ORD_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth"]
_ORD_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
#: Closed-class words: never an adjective or a modifier slot.
_CLOSED = ["the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "your", "my", "such", "every", "each", "some", "any", "another", "all", "both", "of", "in", "on", "at", "by", "for", "from", "with", "to", "into", "onto", "over", "under", "about", "against", "between", "among", "through", "during", "before", "after", "since", "until", "and", "or", "but", "nor", "so", "yet", "if", "than", "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "he", "she", "it", "they", "we", "you", "i", "who", "which", "what", "whom", "whose", "not", "no", "also", "very", "more", "most"]
#: Common adjectives without a telling ending.
_COMMON_ADJ = ["new", "old", "big", "great", "small", "large", "long", "short", "high", "low", "full", "free", "open", "real", "true", "main", "key", "top", "major", "minor", "brutal", "fierce", "heavy", "strong", "weak", "bad", "good", "wise", "sound", "fresh", "recent", "current", "last", "next", "past", "early", "late", "clear", "direct", "hard", "deep", "wide", "broad", "safe", "secure", "sure", "just", "unjust", "grave", "dire", "joint", "vast"]
_ADJ_ENDINGS = (
    "al", "ial", "ic", "ical", "ive", "ous", "ful", "less", "ary", "ory", "ian", "ean", "ish", "ent", "ant",
    "ible", "able", "ist", "ite", "ile", "ine", "ed", "ing", "i", "ese", "ly",
)

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "scores", "tens", "several"]
_NATIONS = ["Israeli", "American", "US", "U.S.", "Saudi", "Emirati", "UAE", "Zionist", "British", "Western", "Iranian", "Turkish", "Russian", "Egyptian", "Qatari", "Jordanian", "Syrian", "Iraqi", "Lebanese", "Yemeni", "Houthi", "French", "European", "Saudi-led", "US-led"]


def _words(words: list[str]) -> str:
    return "(?:" + "|".join(sorted((r"\s+".join(map(re.escape, w.split())) for w in words), key=len, reverse=True)) + ")"


_WORD = r"[A-Za-z][\w'’\-]*"
_NOT_CLOSED = r"(?!(?:" + "|".join(_CLOSED) + r")(?![\w'’\-]))"
BUILTIN: dict[str, tuple[str, int]] = {
    # name: (pattern, longest match in characters, for the search window)
    "DET": (_words(_CLOSED[:17]), 7),
    "ART": (_words(["the", "a", "an"]), 3),
    "POSS": (_words(["its", "their", "his", "her", "our", "your", "my"]), 5),
    "ORD": (
        r"(?:(?:twenty|thirty)[\s\-]" + _words(_ORD_UNITS) + "|" + _words(_ORD_WORDS) + r"|\d{1,2}(?:st|nd|rd|th)?)",
        14,
    ),
    "MONTH": (_words(_MONTHS), 9),
    "WEEKDAY": (_words(_WEEKDAYS), 9),
    "NUM": (r"(?:\d[\d,.]*|" + _words(_NUMBER_WORDS) + ")", 12),
    "NAT": (_words(_NATIONS), 9),
    "WORD": (_WORD, 25),
    "ADJ": (
        _NOT_CLOSED + r"(?:" + _words(_COMMON_ADJ) + r"(?![\w'’\-])|[A-Za-z][\w\-]*(?:" + "|".join(_ADJ_ENDINGS) + r")(?![\w'’\-]))",
        25,
    ),
}

_TOKEN = re.compile(r"\{([^{}]+)\}")
#: In a regex only these brace tokens are slots; ``{0,3}`` stays a quantifier.
_REGEX_TOKEN = re.compile(r"\{((?:[A-Z][A-Z_]*|[^{}]*~[^{}]*)\??)\}")
_CLASS = re.compile(r"[A-Z][A-Z_]*")
#: A word of a literal phrase: a run of characters and brace groups (which may hold spaces).
_PHRASE_TOKEN = re.compile(r"(?:\{[^{}]*\}|[^\s{}])+")


def inflections(lemma: str) -> list[str]:
    """The forms of an English noun or verb: storm -> storm, storms, stormed,
    storming (consonant doubling and e-, y-endings handled; an odd extra form
    such as "stormmed" matches nothing, so over-generation is harmless)."""
    w = lemma
    forms = {w}
    if len(w) > 2 and w.endswith("y") and w[-2] not in "aeiou":
        forms |= {w[:-1] + "ies", w[:-1] + "ied", w + "ing"}
    elif w.endswith("ie"):
        forms |= {w + "s", w + "d", w[:-2] + "ying"}
    elif w.endswith("e"):
        forms |= {w + "s", w + "d", w[:-1] + "ing"}
    elif w.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {w + "es", w + "ed", w + "ing"}
    else:
        forms |= {w + "s", w + "ed", w + "ing"}
    if len(w) >= 3 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return sorted(forms, key=len, reverse=True)


class Slots:
    """The slot classes a rule may use: the built-in ones and ``params.slots``."""

    def __init__(self, code: str, custom: dict | None):
        self.code = code
        self.classes = dict(BUILTIN)
        if custom is None:
            return
        if not isinstance(custom, dict):
            raise PackError(f"rule {code}: params.slots is a mapping of NAME to a list of words")
        for name, words in custom.items():
            if not isinstance(name, str) or not _CLASS.fullmatch(name):
                raise PackError(f"rule {code}: slot name {name!r} must be upper case (A-Z, _)")
            if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
                raise PackError(f"rule {code}: slot {name} needs a non-empty list of words")
            self.classes[name] = (_words([w.strip() for w in words]), max(len(w) for w in words))

    # -- one token ----------------------------------------------------------
    def token(self, body: str, *, literal_words: bool) -> tuple[str, int, bool, list[str]]:
        """(pattern, longest match, optional, anchor candidates) of a brace token's body."""
        optional = body.endswith("?")
        body = body[:-1] if optional else body
        pieces, longest, anchors = [], 0, []
        for alt in (a.strip() for a in body.split("|")):
            if not alt:
                raise PackError(f"rule {self.code}: empty alternative in slot {{{body}}}")
            if alt.endswith("~"):
                lemma = alt[:-1]
                if not re.fullmatch(r"[A-Za-z][\w'\-]*", lemma):
                    raise PackError(f"rule {self.code}: {{{alt}}}: inflection takes one word")
                forms = inflections(lemma)
                pieces.append(_words(forms))
                longest = max(longest, max(map(len, forms)))
                # the stem every form starts with (carry -> carr-ies)
                anchors.append(lemma.lower()[:-1] if lemma[-1] in "ey" and len(lemma) > 3 else lemma.lower())
            elif _CLASS.fullmatch(alt):
                if alt not in self.classes:
                    raise PackError(f"rule {self.code}: unknown slot {{{alt}}} (known: {', '.join(sorted(self.classes))})")
                pattern, size = self.classes[alt]
                pieces.append(pattern)
                longest = max(longest, size)
                anchors.append("")  # a class gives no anchor
            elif literal_words:
                pieces.append(_words([alt]))
                longest = max(longest, len(alt))
                anchors.append(max(alt.lower().split(), key=len))
            else:
                raise PackError(f"rule {self.code}: slot {{{body}}}: a word in a regex slot needs a lemma (~) or a class beside it")
        # a token anchors its match only when every alternative gives an anchor
        return "(?:" + "|".join(pieces) + ")", longest, optional, anchors if all(anchors) else []

    # -- whole patterns -------------------------------------------------------
    def literal(self, phrase: str) -> tuple[str, int, list[str]]:
        """(pattern body, longest match, anchor candidates) of a literal phrase with slots.
        The anchors are the words every match holds (the longest fixed word first)."""
        out, longest, required = "", 0, []
        started = False  # a required word is placed: an optional one attaches after it
        for tok in _PHRASE_TOKEN.findall(phrase):
            pattern, size, optional, anchors = self._word(phrase, tok)
            longest += size + 1
            if optional:
                out += f"(?:\\s+{pattern})?" if started else f"(?:{pattern}\\s+)?"
                continue
            if anchors:
                required.append(anchors)
            out += (r"\s+" if started else "") + pattern
            started = True
        if not started:
            raise PackError(f"rule {self.code}: {phrase!r}: every word is optional")
        return out, longest, _best_anchors(required)

    def _word(self, phrase: str, tok: str) -> tuple[str, int, bool, list[str]]:
        """One whitespace-free token of a literal phrase: a word, a slot, or
        both glued ("{level|front},")."""
        m = _TOKEN.fullmatch(tok)
        if m:
            return self.token(m.group(1), literal_words=True)
        pattern, size, anchors, fixed = "", 0, [], ""
        for piece in re.split(r"(\{[^{}]*\})", tok):
            if piece.startswith("{"):
                body, n, optional, alt_anchors = self.token(piece[1:-1], literal_words=True)
                if optional:
                    raise PackError(f"rule {self.code}: {phrase!r}: an optional slot stands alone between spaces")
                pattern, size, anchors = pattern + body, size + n, anchors or alt_anchors
            elif piece:
                pattern, size = pattern + re.escape(piece), size + len(piece)
                if sum(c.isalnum() for c in piece) > len(fixed):
                    fixed = piece.lower()
        return pattern, size, False, [fixed] if fixed else anchors

    def regex(self, pattern: str) -> str:
        """A regex with its slot tokens expanded."""
        def expand(m: re.Match) -> str:
            body, _size, optional, _ = self.token(m.group(1), literal_words=False)
            return f"(?:{body}\\s+)?" if optional else body

        return _REGEX_TOKEN.sub(expand, pattern)


def _best_anchors(required: list[list[str]]) -> list[str]:
    """The anchors of the token whose shortest anchor is longest (fewer false windows)."""
    if not required:
        return []
    return max(required, key=lambda a: min(map(len, a)))


def has_slots(phrase: str) -> bool:
    return "{" in phrase
