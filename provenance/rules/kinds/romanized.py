"""Kind ``romanized``: an Arabic word left in the English, in Latin letters.

Machine translation that does not know an Arabic word spells it out instead:
"the government's alosmah plan" (العاصمة, the capital), "requires Altanmiah
efforts" (التنمية, development), often with the article glued on and the
short vowels missing ("Almjls", "Mjhza"). The foreign-script rule (PV501)
cannot see these: the letters are Latin.

A word is a candidate when it is none of these:
- English: in the shipped vocabulary (wordfreq's English words with Zipf >= 2),
  or an inflection or a prefixed form of one ("counterstrikes"), or one edit
  away from a common one (a typo: "Democatic");
- an adopted term (``allow`` in the rule's params: intifada, sheikh, souk…);
- a known name (the given names of the names layer, the default glossary);
- an acronym, a mixed-case brand ("iPhone"), part of a URL, handle or hyphenated
  compound ("al-Zubaidi": the hyphen is the romanization convention of names).

and when the character n-gram model (``_romanized_model``) scores it as a
romanization. The model is two 4-gram letter models, one of English words
(wordfreq's English list) and one of Latin spellings generated from
wordfreq's Arabic list by ``tools/build_romanized_model.py``: no permissive
list of romanized Arabic common words exists, and the romanized names one
could get (OFAC) are what must not fire. Why n-grams: MT's leftovers are
words nobody listed ("Aqrartghyir"), but their letter sequences (al- glued
on, kh/dh/q clusters, no vowels) are Arabic ones; English words below the
vocabulary's frequency floor keep English sequences ("everyplace" scores
-3.7, "alosmah" +1.1). Details and measurements: docs/romanized.md.

Then capitalization and position decide, because a romanized *name* is no
artifact. A lower-case word inside a sentence is not a name: confident hit
(PV503). A capitalized word is a name when anything says so: a capitalized
neighbour (a multi-word name), a title before it ("President", "Sheikh"), a
speech verb or a possessive after it, another place in the document where it
stands inside a multi-word name, a sentence start. A capitalized word with
none of these and a common-noun position (after a determiner, "that" or a
number, before a lower-case word, or glued to an agency end tag as in
"Almqadim.anthy") is a hit too; one that only follows a preposition ("in X",
"of X") may be a place, so it is reported at info level (PV504).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from provenance.document.language import ENGLISH_FUNCTION_WORDS
from provenance.rules import Hit
from provenance.rules.kinds._context import DocIndex
from provenance.rules.model import Rule

_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*|\d+|[^\w\s]")
_CHUNK_SKIP = re.compile(r"://|www\.|@|#|_|/|\\|\.(?:com|org|net|gov|edu|co|io|ly|ps|sy|iq|lb|eg)\b", re.I)

# Words before a name: titles, offices, kinship and the particles of Arabic names.
TITLES = frozenset(
    """
    mr mrs ms miss dr prof sir lord lady president minister premier governor general gen brigadier colonel
    col major maj lieutenant lt captain capt sergeant commander chief judge sheikh shaikh sheik sayyed sayyid
    sayed king queen prince princess emir amir imam mufti mullah ayatollah hajj haj mp deputy spokesman
    spokeswoman envoy ambassador director mayor senator rep representative secretary chairman speaker
    al el bin ibn bint abu abdel abdul um umm st saint mount lake cape fort dear uncle aunt brother sister
    son daughter father mother wife husband professor eng engineer counsellor councillor
    de da do dos das del della di du van von der den la le y
    called named dubbed nicknamed titled entitled
    """.split()
)
# Verbs that follow a name as their subject ("Zubaidi said").
SPEECH = frozenset(
    """
    said says told added stated explained noted stressed predicted confirmed announced asked replied
    wrote argued warned claimed insisted urged called denied pointed affirmed continued concluded
    believes believed thinks thought also who whose himself herself
    """.split()
)
# Words before a common noun: where a capitalized word is not a name.
DETERMINERS = frozenset(
    "the a an this that these those its their his her our your my some any every each no which whose".split()
)
# Nouns that a place or a name stands before ("the Kafr Zeid camp", "Wadi Sirhan province").
PLACE_NOUNS = frozenset(
    """
    camp camps area areas village villages town towns city district districts province provinces governorate
    neighborhood neighbourhood quarter region countryside valley mountain mountains mount hill hills street
    road square farms farm crossing events incident massacre attack tribe tribes clan family party movement
    council mosque hospital school university market port refinery field oilfield dam bridge gate prison
    checkpoint base airport border river island islands desert plain plains coast bay district's suburb
    suburbs junction roundabout palace brigade brigades battalion front operation group agency news channel
    """.split()
)
_FUNCTION_WORDS = ENGLISH_FUNCTION_WORDS
_ARTICLES = frozenset("the a an this these those its their his her our your my".split())
PARTICLES = frozenset("al el bin ibn bint abu abdel abdul um umm".split())
PREPOSITIONS = frozenset(
    "in of from at near to into towards toward outside inside across around between through via on by for with against".split()
)
_SUFFIXES = (
    ("'s", ""), ("\u2019s", ""), ("ies", "y"), ("ied", "y"), ("iest", "y"), ("ier", "y"), ("ily", "y"),
    ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ly", ""), ("er", ""),
    ("er", "e"), ("ers", ""), ("ers", "e"), ("est", ""), ("ness", ""), ("ment", ""), ("ments", ""),
    ("ism", ""), ("ist", ""), ("ists", ""), ("ity", ""), ("ize", ""), ("ized", ""), ("ise", ""), ("ised", ""),
    ("ation", "e"), ("ations", "e"), ("able", ""), ("ful", ""), ("less", ""), ("ship", ""), ("hood", ""),
)
_PREFIXES = (
    "un", "re", "non", "pre", "anti", "over", "under", "co", "de", "dis", "mis", "post", "sub", "counter",
    "inter", "multi", "self", "super", "mid", "semi", "ex", "trans", "out", "up", "cyber", "mega", "micro",
)


@lru_cache(maxsize=1)
def _glossary_words() -> frozenset[str]:
    """Single words of the default glossary's forms (names, places, outlets).
    Kept in the on-disk cache under the glossary files' hash: the names layer
    loads the whole glossary later, and loading it twice would cost ~30 ms."""
    import hashlib

    from pathlib import Path

    from provenance import cache

    try:
        digest = hashlib.sha256(b"romanized-glossary-words-v1")
        # names.glossary.default_files(), without importing that module (~40 ms) when the cache answers
        for path in sorted((Path(__file__).resolve().parents[2] / "glossaries" / "default").glob("*.yaml")):
            digest.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
        key = digest.hexdigest()
        cached = cache.get("romanized", key)
        if cached is not None:
            return cached
        from provenance.names.glossary import load

        glossary = load()
    except Exception:  # a broken glossary is the names layer's error to report, not ours
        return frozenset()
    words: set[str] = set()
    for form in glossary.forms:
        words.update(w for w in re.findall(r"[a-z]+", form.lower()) if len(w) >= 3)
    found = frozenset(words)
    cache.put("romanized", key, found)
    return found


class Words:
    """English vocabulary lookups, with inflections, prefixes and typos."""

    def __init__(self, model):
        self.known = model.known  # exact lookup in the English vocabulary
        self.common = model.common
        self.model = model
        self._verdicts: dict[str, bool] = {}  # per process: a word's verdict does not change
        self._scores: dict[str, float] = {}

    def base_known(self, w: str) -> bool:
        if self.known(w):
            return True
        for suffix, repl in _SUFFIXES:
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                stem = w[: -len(suffix)]
                if self.known(stem + repl):
                    return True
                if repl == "" and len(stem) >= 4 and stem[-1] == stem[-2] and self.known(stem[:-1]):
                    return True  # stopped, running
        return False

    def is_english(self, w: str) -> bool:
        if w in self.common:
            return True
        verdict = self._verdicts.get(w)
        if verdict is None:
            verdict = self._verdicts[w] = self._is_english(w)
        return verdict

    def score(self, w: str) -> float:
        got = self._scores.get(w)
        if got is None:
            got = self._scores[w] = self.model.score(w)
        return got

    def _is_english(self, w: str) -> bool:
        if self.base_known(w):
            return True
        for prefix in _PREFIXES:
            if w.startswith(prefix) and len(w) - len(prefix) >= 4 and self.base_known(w[len(prefix) :]):
                return True
        for i in range(4, len(w) - 3):  # a compound or two words run together ("Houseof" is not; "goalkeeper" is)
            if self.known(w[:i]) and self.known(w[i:]):
                return True
        return False

    def is_typo(self, w: str) -> bool:
        """One edit away from a common English word: asked last, of would-be hits only (it is the slow test)."""
        return len(w) >= 6 and self._one_edit_from_english(w)

    def _one_edit_from_english(self, w: str) -> bool:
        """A typo of an English word: one letter dropped, added, changed or two swapped."""
        letters = "abcdefghijklmnopqrstuvwxyz"
        english = self.common  # a rare word's neighbour is as likely a foreign word ("haktha", "hatha")
        for i in range(len(w) + 1):
            head, tail = w[:i], w[i:]
            if tail and head + tail[1:] in english:
                return True
            if len(tail) > 1 and head + tail[1] + tail[0] + tail[2:] in english:
                return True
            for c in letters:
                if head + c + tail in english:
                    return True
                if tail and c != tail[0] and head + c + tail[1:] in english:
                    return True
        return False


@lru_cache(maxsize=1)
def _words() -> "Words":
    from provenance.rules.kinds._romanized_model import model

    m = model()
    return Words(m)


class RomanizedChecker:
    def __init__(self, rule: Rule):
        p = rule.params
        self.rule = rule
        self.allow = frozenset(w.lower() for w in p.get("allow", []))
        self.min_length = int(p.get("min_length", 4))
        self.min_score = float(p.get("min_score", 0.3))
        self.min_score_capitalized = float(p.get("min_score_capitalized", 0.3))
        # "confident" (PV503): lower-case or in a common-noun position; "place" (PV504): after a preposition only
        self.level = str(p.get("level", "confident"))
        # on the lower-cased text; no \b (slower): a piece of a longer word fails the boundary test of _occurrences
        self._word_re = re.compile(r"[a-z]{%d,}" % self.min_length)

    def check(self, doc) -> Iterable[Hit]:
        for hit, level in self.candidates(doc):
            if level == self.level:
                yield hit

    def candidates(self, doc) -> list[tuple[Hit, str]]:
        key = ("_romanized", self.min_length, self.min_score, self.min_score_capitalized, self.allow)
        cached = doc.annotations.get("_romanized")
        if cached is not None and cached[0] == key:
            return cached[1]
        found = self._find(doc)
        doc.annotations["_romanized"] = (key, found)
        return found

    def _find(self, doc):
        text = doc.text
        words = _words()
        lowered = text.lower()
        floor = min(self.min_score, self.min_score_capitalized)
        # the distinct words of the article less the vocabulary, in C (a set difference): a few are left
        unknown = sorted(
            w for w in set(self._word_re.findall(lowered)) - words.common
            if w not in self.allow and w.rstrip("s") not in self.allow and not words.is_english(w)
            and words.score(w) >= floor  # English-shaped: neither a hit nor worth a look at its context
        )
        if not unknown:
            return []
        index = DocIndex.of(doc)
        found: list[tuple[str, Hit, str]] = []
        names: set[str] = set()
        tokenized: dict[int, tuple[list, dict[int, int], bool]] = {}
        for start, end in _occurrences(text, lowered, unknown):
            tok = text[start:end]
            if not (tok.islower() or (tok[0].isupper() and tok[1:].islower())):
                continue  # acronyms, mixed case brands
            sent = index.sentence_at(start)
            if sent is None or sent.kind not in self.rule.scope or _in_skipped_chunk(text, start, end):
                continue
            if sent.start not in tokenized:
                s = text[sent.start : sent.end]
                toks = [(t.group(), sent.start + t.start(), sent.start + t.end()) for t in _TOKEN.finditer(s)]
                tokenized[sent.start] = (toks, {t[1]: i for i, t in enumerate(toks)}, _title_case(toks))
            tokens, at, title_case = tokenized[sent.start]
            i = at.get(start)
            if i is None or tokens[i][2] != end:
                continue  # inside a longer token ("Zubaidi's")
            prev = tokens[i - 1] if i > 0 else None
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            level = self._level(tok, words.score(tok.lower()), prev, nxt, i, tokens, text, title_case, index, doc)
            if level == _NAME:
                names.add(tok)
            elif level is not None and not words.is_typo(tok.lower()) and not _is_known_name(tok.lower()):
                # last: the typo test is slow and the name test loads the glossary
                found.append((tok, Hit(start, end, _message(tok, level), None), level))
        # a word that anything marks as a name in one place is a name everywhere ("Kfarzeit village" … "and Kfarzeit")
        return [(hit, level) for tok, hit, level in found if tok not in names]

    def _level(self, tok, score, prev, nxt, i, tokens, text, title_case, index, doc) -> str | None:
        glued = _glued(prev, text) or _glued(nxt, text, after=True)  # "Almqadim.anthy": an end tag run into the word
        if prev is not None and prev[0] in "-\u2013" and _word(tokens[i - 2] if i >= 2 else None).lower() in PARTICLES:
            return _NAME  # "al-Zubaidi", "Al - Zubaidi": the article of a name
        if _hyphenated(prev, text, before=True) or _hyphenated(nxt, text, before=False):
            return _NAME if tok[0].isupper() else None  # part of a hyphenated compound
        if tok.islower():
            if score < self.min_score or (prev is None and not glued):
                return None
            if prev is not None and prev[0] in "-'\u2019" or nxt is not None and nxt[0] in "-'\u2019":
                return None  # part of a hyphenated or quoted-apart form
            return "confident"
        if title_case:
            return None  # capitals say nothing in a title-case headline, not even "name"
        if _is_name_context(tokens, i) or _capitalized_elsewhere_in_name(doc, tok):
            return _NAME  # asked before the score: a name is a name everywhere in the document
        if score < self.min_score_capitalized:
            return None
        if prev is None or index.starts_sentence(tokens[i][1]) or prev[0] in ":\"\u201c\u2018'(":
            if not glued:
                return None  # a sentence start says nothing
        if glued or prev is None:
            return "confident"
        p = prev[0].lower()
        n = nxt[0] if nxt is not None else ""
        followed_lower = bool(n) and n[0].islower()
        if p in PREPOSITIONS and p not in ("by", "for", "with", "on"):
            return "place"  # "in X", "of X": may be a village
        if p in _ARTICLES and followed_lower and n.lower() not in _FUNCTION_WORDS:
            return "place"  # "the Harrat plateau": a name used as a modifier as often as an artifact
        if followed_lower or p in DETERMINERS or prev[0].isdigit() or (prev[0][0].islower() and n in (".", ",", ";")):
            return "confident"
        return "place"


_NAME = "name"  # a verdict of _level: this word is a name, here and everywhere in the document


def _occurrences(text: str, lowered: str, words: list[str]) -> list[tuple[int, int]]:
    """Where each word stands as a whole word, in text order. str.find on the
    lower-cased text is many times faster than one case-insensitive alternation."""
    if len(lowered) != len(text):  # lower-casing moved offsets (rare letters): the slow way
        pattern = re.compile(r"\b(?:" + "|".join(words) + r")\b", re.I | re.A)
        return [(m.start(), m.end()) for m in pattern.finditer(text)]
    spans = []
    for w in words:
        i = lowered.find(w)
        while i >= 0:
            j = i + len(w)
            if (i == 0 or not lowered[i - 1].isalnum()) and (j == len(lowered) or not lowered[j].isalnum()):
                spans.append((i, j))
            i = lowered.find(w, j)
    spans.sort()
    return spans


def _message(tok: str, level: str) -> str:
    if level == "confident":
        return f"'{tok}' reads as an Arabic word left in Latin letters, not English and not a name: untranslated?"
    return f"'{tok}' reads as romanized Arabic: a place name, or a word left untranslated?"


def _title_case(tokens) -> bool:
    """A headline in title case: every longer word after the first capitalized."""
    words = [t for t, _, _ in tokens[1:] if t[0].isalpha() and len(t) > 4]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _in_skipped_chunk(text: str, start: int, end: int) -> bool:
    """Inside a URL, an e-mail address, a handle, a hashtag or a path."""
    a = start
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    b = end
    while b < len(text) and not text[b].isspace():
        b += 1
    return bool(_CHUNK_SKIP.search(text, a, b))


def _glued(token, text: str, after: bool = False) -> bool:
    """A full stop between two words with no space: "Almqadim.anthy"."""
    if token is None or token[0] != ".":
        return False
    _, start, end = token
    if after:
        return end < len(text) and text[end].isalpha() and start > 0 and text[start - 1].isalpha()
    return start > 0 and text[start - 1].isalpha() and end < len(text) and text[end].isalpha()


def _hyphenated(token, text: str, before: bool) -> bool:
    """A hyphen touching the word: "Abdel-Karim", "al-Kfarzeit"."""
    if token is None or token[0] not in "-\u2010\u2011":
        return False
    _, start, end = token
    return (end < len(text) and not text[end].isspace()) if before else (start > 0 and not text[start - 1].isspace())


def _is_known_name(lower: str) -> bool:
    from provenance.names.given_names import group_of

    return group_of(lower) is not None or lower in _glossary_words()


def _word(token) -> str:
    return token[0] if token is not None and token[0][0].isalpha() else ""


def _is_name_context(tokens, i: int) -> bool:
    """Something around tokens[i] marks it as (part of) a name."""
    at = lambda j: tokens[j] if 0 <= j < len(tokens) else None  # noqa: E731
    prev, nxt = _word(at(i - 1)), _word(at(i + 1))
    if prev[:1].isupper() or nxt[:1].isupper():
        return True  # "Hamid Alzoubi", "Alnahar News"
    if prev.lower() in TITLES or prev.lower() in SPEECH:
        return True  # "President Alzoubi", "said Zubaidi"
    if nxt.lower() in SPEECH or nxt.lower() in PARTICLES or nxt.lower() in PLACE_NOUNS or nxt in ("v", "vs"):
        return True  # "Zubaidi said", "Fahd bin Salem", "the Kfarzeit camp", "Doe v. Roe"
    if prev == "as" and _word(at(i - 2)).lower() in ("known", "called", "named", "dubbed"):
        return True  # "also known as Altaawun"
    before, after = at(i - 1), at(i + 1)
    if after is not None and after[0] == ",":
        if before is not None and before[0] == ",":
            return True  # an apposition: "his son, Anwaar, left"
        if _word(at(i + 2)).lower() in ("a", "an", "the", "who", "whose", "which", "where"):
            return True  # described by an apposition: "in Kfarzeit, a village of"
    for j in (i - 1, i + 1):  # in a list of names: "Kfarzeit, Bir Salem, Umm Qasr and Tal Hamid"
        sep = at(j)
        if sep is not None and sep[0] in (",", "and", "&", "or"):
            step = 1 if j > i else -1
            other = at(j + step)
            if other is not None and other[0] == "," and sep[0] == "and":
                other = at(j + 2 * step)  # "X, and Y"
            other = _word(other)
            if other[:1].isupper() or (step == 1 and other.lower() in PARTICLES):
                return True  # "Kfarzeit, al-Mazraa"
    if nxt.lower() in ("in", "near") and _word(at(i + 2))[:1].isupper():
        return True  # a place within a place: "from Kfarzeit in Idlib"
    if _word(at(i - 2)).lower() in PLACE_NOUNS and prev.lower() == "of":
        return True  # "the town of Kfarzeit"
    return False


def _capitalized_elsewhere_in_name(doc, tok: str) -> bool:
    """The word stands beside another capitalized word somewhere in the document
    (not at a sentence start): part of a multi-word name."""
    cache = doc.annotations.get("_romanized_names")
    if cache is None:
        pairs = re.finditer(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+)\s+([A-Z][a-z]+)\b", doc.text, re.M)
        cache = set()
        for m in pairs:
            cache.add(m.group(1))
            cache.add(m.group(2))
        doc.annotations["_romanized_names"] = cache
    return tok in cache
