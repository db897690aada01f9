"""The ``grammar`` kind: word sequences English grammar does not allow, found
with a part-of-speech and number lexicon instead of a parser.

Machine translation from Arabic (and hurried human translation) leaves
English that no phrase list covers but whose shape is wrong: a determiner
that disagrees with its noun ("several period", "a officials"), two words
that cannot stand side by side ("the their", "will cabin"), an article
before the wrong sound ("a earthquake"), two words run together ("Houseof").
Each rule of this kind is one such shape, written as data in its pack.

The lexicon, ``data/grammar_lexicon.tsv.gz``, holds wordfreq's ~40,000 most
frequent English words with what lemminflect knows of each (flags below);
``tools/build_grammar_lexicon.py`` builds it at build time, the check only
reads it (loaded on first use, ~20 ms). Flags:

  n singular noun   p plural noun     m also a mass noun ("evidence")
  b base verb       z verb -s form
  d past tense      e past participle g -ing form       a adjective
  r adverb          x auxiliary/modal c closed class (determiner, pronoun,
                                        preposition, conjunction, numeral)

A word that is not in the file is unknown (no flags, ``known`` false); a
possessive ("minister's") gets the pseudo flag ``s``, a number ``#``, a
punctuation mark none (but it is ``known``).

params:
  mode: sequence | glued

  sequence: a list of slots, matched token by token on one line (tokens are
    words, numbers and single punctuation marks; whitespace between them, no
    line break). The first slot must list ``words``: they anchor the search.
    A slot is a mapping of tests, all of which must hold:
      words: [...]        the token, lower-cased, is one of these
      not_words: [...]    ... is none of these
      has: "np"           the token has one of these flags
      lacks: "bvc"        ... has none of these flags ("v": any verb flag)
      known: true|false   the token is (not) in the lexicon
      prefix: [...]       the lower-cased token starts with one of these
      not_prefix: [...]   ... with none of these
      case: lower | cap | notupper   the token is lower case / opens with a
                          capital / is not all capitals (abbreviations)
      differs: true       the token is not the one before it (PV321 has doubles)
    not_after: [...]    the word before the match is none of these
    not_after_has: "cs" ... and has none of these flags
    not_next: [{slot}]  the token after the match passes none of these slots
    flag: [i, j]        the slots (0-based, inclusive) the finding spans
                        (default: the whole match)
    suggestion: template with {0}, {1}… for the slots' tokens (optional)

  glued: a word that is not in the lexicon but splits into a known word and
    a function word ("Houseof", "tothe"):
      joints: [...]       function words that may be glued on at the end
      lower_joints: [...] ... at the end of a lower-case word only
      lead_joints: [...]  ... at the start (lower-case words only: names
                          open with "And", "The")
      min_part: 3         the shortest other part
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from provenance.rules import Hit
from provenance.rules.kinds._context import DocIndex
from provenance.rules.model import PackError, Rule

_DATA = Path(__file__).parent / "data" / "grammar_lexicon.tsv.gz"
_TOKEN = re.compile(r"[A-Za-z]+(?:['\u2019\-][A-Za-z]+)*|\d+(?:[.,:]\d+)*|[^\w\s]")
_GAP = re.compile(r"[ \t\u00a0]*")
#: The last token before an offset on the same line.
_LAST_TOKEN = re.compile(r"([A-Za-z]+(?:['\u2019\-][A-Za-z]+)*|\d+(?:[.,:]\d+)*|[^\w\s])[ \t\u00a0]*$")
_VERB_FLAGS = frozenset("bzdeg")
_SLOT_KEYS = {"words", "not_words", "has", "lacks", "known", "prefix", "not_prefix", "case", "differs"}
_CASES = ("lower", "cap", "notupper")
_BOUNDED = r"(?<![\w'\-])(?:{})(?![\w'\u2019\-])"
#: The first words of every sequence rule built in this process (one scan per document finds them all).
_FIRST_WORDS: set[str] = set()
_UNION: list[re.Pattern] = []
#: Slot test results kept per slot, cleared when this large (tokens repeat across rules and documents).
_MEMO_LIMIT = 100_000


def _first_word_spans(doc) -> dict[str, list[tuple[int, int]]]:
    """Spans of every sequence rule's first words in the document, by lower-cased word.

    Fourteen rules each scanning the text for "the", "a", "to"… cost a fifth of
    `check`; one scan with their union, kept on the document, gives the same
    matches (a match is a whole bounded word, so no two rules' matches overlap
    differently).
    """
    if not _UNION:
        _UNION.append(re.compile(_BOUNDED.format(_trie(_FIRST_WORDS)), re.IGNORECASE))
    union = _UNION[0]
    cached = doc.annotations.get("_grammar_first_words")
    if cached is not None and cached[0] is union:
        return cached[1]
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in union.finditer(doc.text):
        spans.setdefault(m.group().lower(), []).append(m.span())
    doc.annotations["_grammar_first_words"] = (union, spans)
    return spans


_UNSEEN = object()


#: [(document, the token after an offset, the last word before one)] for the document being checked
#: (one tuple, read and replaced whole: a thread never gets another document's lookups).
_MEMO: list = [(None, {}, {})]


def _token_memo(doc) -> tuple[dict, dict]:
    """The token after an offset and the last token before one, as ``_sequence`` reads them, kept
    for the document being checked: fourteen rules open on the same "the" and "a" and read the
    same next words. Only the last document's are kept, as plain tuples: thousands per document,
    left on every document (or kept as match objects), they lengthen the garbage collector's passes."""
    entry = _MEMO[0]
    if entry[0] is not doc:
        entry = _MEMO[0] = (doc, {}, {})
    return entry[1], entry[2]


def _next_token(text: str, pos: int, after: dict) -> tuple[str, int, int] | None:
    """(token, start, end) of the token after ``pos`` and the spaces there, or None, looked up once
    per document in ``after``; kept as plain data (a match object stays on the garbage collector's lists)."""
    t = after.get(pos, _UNSEEN)
    if t is _UNSEEN:
        m = _TOKEN.match(text, _GAP.match(text, pos).end())
        t = after[pos] = None if m is None else (m.group(), m.start(), m.end())
    return t


def _trie(words) -> str:
    """One regex for a set of words, as a trie of their letters ("a(?:n|gainst)?|the"): Python's
    engine tries a flat alternation word by word at every position, and some eighty first words
    made that scan a tenth of the rules layer; the trie reads each position's letters once."""
    root: dict = {}
    for w in {w.lower() for w in words}:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and len(branches[0]) == 1 else "(?:" + "|".join(branches) + ")"
        return body + "?" if ends else body  # a shorter word ends here: the rest is optional

    return build(root)


@lru_cache(maxsize=1)
def lexicon() -> dict[str, str]:
    """word -> flags, from the shipped data file (read once), through the on-disk cache as
    two columns (its 40,000 lines cost ~13 ms to read, the two strings ~6)."""
    from provenance import cache

    raw = _DATA.read_bytes()
    cached = cache.parsed("grammar-lexicon", raw, lambda data: _columns(_read(data)))
    if not (isinstance(cached, list) and len(cached) == 3 and isinstance(cached[0], int)):
        return _read(raw)  # an entry of another shape: read the file
    count, words, flags = cached
    out = dict(zip(words.split("\n"), flags.split("\n"))) if count else {}
    return out if len(out) == count else _read(raw)


def _read(raw: bytes) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            word, _, flags = line.partition("\t")
            out[word] = flags
    return out


def _columns(table: dict[str, str]) -> list:
    """(entries, the words, their flags): no word or flags holds a line break (they are lines' parts)."""
    return [len(table), "\n".join(table), "\n".join(table.values())]


def flags_of(token: str, lex: dict[str, str]) -> str | None:
    """The token's flags; None when the lexicon does not know it."""
    if token[0].isdigit():
        return "#"
    if not token[0].isalpha():
        return ""  # a punctuation mark: known, no word class
    low = token.lower().replace("\u2019", "'")
    if low.endswith("'s") and "c" not in (lex.get(low[:-2]) or ""):
        return "s"  # a possessive; "it's", "there's" are contractions
    return lex.get(low)


class _Slot:
    def __init__(self, rule: Rule, spec, where: str):
        if not isinstance(spec, dict) or not spec or set(spec) - _SLOT_KEYS:
            raise PackError(f"rule {rule.code}: {where}: a slot is a mapping of {', '.join(sorted(_SLOT_KEYS))}")
        self.words = frozenset(str(w).lower() for w in spec["words"]) if "words" in spec else None
        self.not_words = frozenset(str(w).lower() for w in spec.get("not_words", ()))
        self.has = set(str(spec.get("has", "")))
        lacks = set(str(spec.get("lacks", "")))
        if "v" in lacks:
            lacks = (lacks - {"v"}) | _VERB_FLAGS
        self.lacks = lacks
        self.known = spec.get("known")
        self.prefix = tuple(str(p).lower() for p in spec.get("prefix", ()))
        self.not_prefix = tuple(str(p).lower() for p in spec.get("not_prefix", ()))
        self.case = spec.get("case")
        self.differs = bool(spec.get("differs"))
        self._memo: dict[str, bool] = {}
        if self.case is not None and self.case not in _CASES:
            raise PackError(f"rule {rule.code}: {where}: case is one of {', '.join(_CASES)}")

    def test(self, token: str, lex: dict[str, str]) -> bool:
        got = self._memo.get(token)
        if got is None:
            if len(self._memo) >= _MEMO_LIMIT:
                self._memo.clear()
            got = self._memo[token] = self._test(token, lex)
        return got

    def _test(self, token: str, lex: dict[str, str]) -> bool:
        low = token.lower()
        if self.words is not None and low not in self.words:
            return False
        if low in self.not_words:
            return False
        if self.prefix and not low.startswith(self.prefix):
            return False
        if self.not_prefix and low.startswith(self.not_prefix):
            return False
        if self.case == "lower" and not token.islower():
            return False
        if self.case == "cap" and not token[0].isupper():
            return False
        if self.case == "notupper" and token.isupper() and len(token) > 1:
            return False
        if self.has or self.lacks or self.known is not None:
            flags = flags_of(token, lex)
            if self.known is not None and (flags is not None) != self.known:
                return False
            got = set(flags or "")
            if self.has and not (got & self.has):
                return False
            if got & self.lacks:
                return False
        return True


class GrammarChecker:
    def __init__(self, rule: Rule):
        self.rule = rule
        p = rule.params
        self.mode = p.get("mode", "sequence")
        if self.mode == "sequence":
            raw = p.get("sequence")
            if not isinstance(raw, list) or len(raw) < 2:
                raise PackError(f"rule {rule.code}: mode sequence needs a 'sequence' of two or more slots")
            self.slots = [_Slot(rule, s, f"slot {i}") for i, s in enumerate(raw)]
            if self.slots[0].words is None:
                raise PackError(f"rule {rule.code}: the first slot of a sequence lists its 'words'")
            self.first = self.slots[0].words
            if not self.first <= _FIRST_WORDS:
                _FIRST_WORDS.update(self.first)
                _UNION.clear()  # rebuilt with the new words on the next document
            self.not_after = frozenset(str(w).lower() for w in p.get("not_after", ()))
            self.not_after_has = set(str(p.get("not_after_has", "")))
            nxt = p.get("not_next") or []
            self.not_next = [_Slot(rule, s, "not_next") for s in (nxt if isinstance(nxt, list) else [nxt])]
            flag = p.get("flag", [0, len(self.slots) - 1])
            if not (isinstance(flag, list) and len(flag) == 2 and 0 <= flag[0] <= flag[1] < len(self.slots)):
                raise PackError(f"rule {rule.code}: flag is [first, last] slot")
            self.flag = tuple(flag)
            self.suggestion = p.get("suggestion")
        elif self.mode == "glued":
            joints = sorted({str(j).lower() for j in p.get("joints", ())}, key=len, reverse=True)
            lower = sorted({str(j).lower() for j in p.get("lower_joints", ())}, key=len, reverse=True)
            leads = sorted({str(j).lower() for j in p.get("lead_joints", ())}, key=len, reverse=True)
            if not joints and not leads:
                raise PackError(f"rule {rule.code}: mode glued needs 'joints' or 'lead_joints'")
            self.joints, self.lower, self.leads = tuple(joints), tuple(lower), tuple(leads)
            self.min_part = int(p.get("min_part", 3))
            n = self.min_part
            parts = []
            if joints:
                parts.append(rf"[A-Za-z]{{{n},}}(?:{'|'.join(map(re.escape, joints))})")
            if lower:
                parts.append(rf"(?-i:[a-z]{{{n},}}(?:{'|'.join(map(re.escape, lower))}))")
            if leads:
                parts.append(rf"(?-i:(?:{'|'.join(map(re.escape, leads))})[a-z]{{{n},}})")
            self.anchor = re.compile(r"\b(?:" + "|".join(parts) + r")\b", re.IGNORECASE)
        else:
            raise PackError(f"rule {rule.code}: unknown grammar mode {self.mode!r} (sequence, glued)")

    def check(self, doc) -> Iterable[Hit]:
        text = doc.text
        index = DocIndex.of(doc)
        if self.mode == "sequence":
            found = _first_word_spans(doc)
            starts = sorted(span for word in self.first.intersection(found) for span in found[word])
            memo = _token_memo(doc)
            hits = (self._sequence(text, s, e, lexicon(), memo) for s, e in starts)
        else:
            hits = (self._glued(m, lexicon()) for m in self.anchor.finditer(text))
        for hit in hits:
            if hit is not None and index.in_scope(hit.start, hit.end, self.rule.scope) is not None:
                yield hit

    def _sequence(self, text: str, first: int, first_end: int, lex: dict[str, str], memo: tuple[dict, dict]) -> Hit | None:
        if not self.slots[0].test(text[first:first_end], lex):
            return None
        after, before_memo = memo
        spans = [(first, first_end)]
        pos = first_end
        for slot in self.slots[1:]:
            t = _next_token(text, pos, after)
            if t is None or not slot.test(t[0], lex):
                return None
            if slot.differs and t[0].lower() == text[spans[-1][0] : spans[-1][1]].lower():
                return None
            spans.append((t[1], t[2]))
            pos = t[2]
        if self.not_next:
            t = _next_token(text, pos, after)
            if t is not None and any(slot.test(t[0], lex) for slot in self.not_next):
                return None
        if self.not_after or self.not_after_has:
            word = before_memo.get(first, _UNSEEN)
            if word is _UNSEEN:
                before = _LAST_TOKEN.search(text, max(0, first - 40), first)
                word = before_memo[first] = None if before is None else before.group(1)
            if word is not None:
                if word.lower() in self.not_after:
                    return None
                if self.not_after_has and set(flags_of(word, lex) or "") & self.not_after_has:
                    return None
        start, end = spans[self.flag[0]][0], spans[self.flag[1]][1]
        tokens = [text[s:e] for s, e in spans]
        suggestion = self.suggestion.format(*tokens) if self.suggestion else None
        if suggestion and tokens[0][:1].isupper() and self.flag[0] == 0:
            suggestion = suggestion[:1].upper() + suggestion[1:]
        message = (self.rule.message or self.rule.summary).format(text=text[start:end], suggestion=suggestion or "")
        return Hit(start, end, message, suggestion)

    def _glued(self, m: re.Match, lex: dict[str, str]) -> Hit | None:
        word = m.group()
        low = word.lower()
        # a word the lexicon lists with no class is web debris ("ofthe") or a name
        if lex.get(low) or m.string[m.start() - 1 : m.start()] in ("@", "#", "/", "."):
            return None  # a handle, hashtag, path or domain name
        suggestion = None
        for joint in self.joints + (self.lower if word.islower() else ()):
            rest = low[: -len(joint)]
            if low.endswith(joint) and len(rest) >= self.min_part and lex.get(rest):
                suggestion = f"{word[: len(rest)]} {word[len(rest):]}"
                break
        if suggestion is None and word.islower():
            for joint in self.leads:
                rest = low[len(joint):]
                if low.startswith(joint) and len(rest) >= self.min_part and lex.get(rest):
                    suggestion = f"{word[: len(joint)]} {word[len(joint):]}"
                    break
        if suggestion is None:
            return None
        message = (self.rule.message or self.rule.summary).format(text=word, suggestion=suggestion)
        return Hit(m.start(), m.end(), message, suggestion)
