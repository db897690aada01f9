"""From raw per-sentence cues to chains: relays, inherited subjects, anaphora.

- ``compose`` works inside one sentence: an attribution whose content opens
  with another attribution becomes one relay ("according to X, Y said …",
  "Y said …, X reported", "X said that leaked reports revealed …");
  participles and "… and said" take the chain of the attribution before them;
  a content span stops where the next attribution of the sentence starts.
- ``Resolver`` works over the article in order: pronouns ("He added"),
  definite descriptions ("the same sources", "the newspaper", "The
  statement"), surnames ("Eisenkot") and variant spellings ("Liu" for "Jack
  Lew", through the names layer or a sound-alike surname) point to the
  earlier attribution whose source they name (``resolves_to``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from provenance.attributions.cues import NOUN_FIRST, QUOTES, lexicon
from provenance.attributions.tokens import tokenize
from provenance.attributions.scan import _content_end
from provenance.attributions.extract_common import BOUNDARY, COMMON_VERBS, Raw, RawLink, _is_verb, _strip
from provenance.attributions.sources import Descriptor, anaphor_class, head_noun, outlet_hint
from provenance.attributions.speaker import SUBORDINATORS, clause_subject_before, main_clause_start
from provenance.lazyre import lazy

_TRAILING_JOIN = lazy(r"(?:[\s,;:\-–—]+(?:and|but|while|whereas|as|so|or|then)?)+\s*$", re.I)
_PUT_IT = re.compile(r"[\s,]*as\s+(?:he|she|they|it|the\s+\w+)\s+(?:put|described|called)\s+it\s*$", re.I)
# Both patterns above end at the end of the content and start with an optional
# run, so re tries them at every character. What they can match is bounded:
# _PUT_IT ends in "it" (case-insensitively, as re.I sees it), and a trailing
# join is made only of these characters, so the search can start where the
# last run of them starts (found on the reversed piece, in one C call).
_IT = lazy(r"it", re.I)
#: A subordinator that opens the sentence before a participle ("When asked whether …, she said"): not a subject.
_OPENING_SUBORDINATOR = lazy(r"\s*[\"“]?(?:" + "|".join(sorted(w.capitalize() for w in SUBORDINATORS)) + r")\s+")
_TRAILING_JOIN_CHARS = lazy(r"[\s,;:\-–—abdehilnorstuw]*", re.I)
_TAIL = 64  # characters of a content span looked at first for what ends it
_QUOTE_CHARS = "\"“”«»„"
_QUOTE_MARK = re.compile("[" + _QUOTE_CHARS + "]")
_RELAY_GAP = lazy(r"[\s\"“”'‘,]*(?:that\s*)?")
_SINGLE_QUOTE = lazy(r"(?:(?<=\s)|^)['‘](?=\w)|(?<=[\w.,!?])['’](?=\s|$|[.,;:])")
_SINGLE_QUOTE_CHAR = lazy("['‘’]")
_LEADING_THAT = lazy(r"^\s*that\b")
_LETTER = lazy(r"[^\W\d_]")
_DEFINITE_LEAD = lazy(r"(?i)^(the|this|that|these|those)\s+(same\s+)?")


def _key(r: Raw) -> tuple[int, int]:
    return r.cue


def compose(text: str, raws: list[Raw], start: int, end: int) -> list[Raw]:
    raws = sorted(raws, key=_key) if len(raws) > 1 else raws  # one needs no sorting (the list is never changed in place)
    for r in raws:
        # the cue introduces the subject: the first link the finder left without a cue of its own
        if not r.inherits:
            cue = r.cue
            first = None
            for l in r.links:  # loops, not any() and next() over generators: once per attribution
                if l.cue == cue:
                    break
                if first is None and l.cue is None:
                    first = l
            else:
                if first is not None:
                    first.cue = cue
    removed: set[int] = set()
    # Relays: A's content opens with B (most sentences have one attribution: no pair to look at).
    for ai, a in enumerate(raws if len(raws) > 1 else ()):
        if ai in removed or a.content is None or a.kind == "participle":
            continue
        for bi, b in enumerate(raws):
            if bi == ai or bi in removed or b.inherits or b.kind in ("participle", "colon"):
                continue
            if not (a.content[0] <= b.cue[0] < max(a.content[1], a.content[0] + 1) + 1):
                continue
            gap = text[a.content[0] : b.span_start] if b.span_start >= a.content[0] else None
            if gap is None or len(gap) > 12 or not _RELAY_GAP.fullmatch(gap):
                continue
            if a.kind == "according" and len(a.links) == 1 and b.links and _same_referent(text, a.links[0], b.links[0]):
                removed.add(ai)
                break
            a.links = a.links + b.links
            a.content = b.content if b.content is not None else a.content
            a.medium = a.medium or b.medium
            removed.add(bi)
    if removed:  # (most sentences: none, and no comprehension)
        raws = [r for i, r in enumerate(raws) if i not in removed]
    # Participles and coordinated verbs take the chain of the attribution before them.
    for i, r in enumerate(raws):
        if not r.inherits:
            continue
        gov = next((raws[k] for k in range(i - 1, -1, -1) if raws[k].links), None)
        own = clause_subject_before(text, start, r.cue[0]) if r.kind == "verb" else None
        if gov is not None and own is not None and own[0] > gov.cue[1]:
            r.links = r.outer + [RawLink(*own, cue=r.cue)] + r.links  # "…, but he hasn't endorsed her or conceded": his clause
        elif gov is not None:
            r.links = r.outer + _copied(gov.links, r.cue) + r.links
            r.medium = r.medium or gov.medium
        else:
            lead = _OPENING_SUBORDINATOR.match(text, start, r.cue[0])
            opening = r.cue[0] - start < 3 or (lead is not None and lead.end() == r.cue[0])
            # "When asked whether …, she said": only a subordinator before the participle, which opens the sentence
            subj = None if lead is not None and lead.end() == r.cue[0] else main_subject(text, start, r.cue[0])
            if subj is not None and own is not None:
                subj = own  # "Bell, though she praised the plan and said …": the verb is coordinated in her clause
            after = next((raws[k] for k in range(i + 1, len(raws)) if raws[k].links and not raws[k].inherits), None) if subj is None else None
            if subj is None and after is None and opening:
                # "Noting he had studied law, Reed joked …": an opening participle's speaker is the main clause's subject
                subj = main_subject(text, start, end)
                if subj is not None and r.content is not None and r.content[0] < subj[0] <= r.content[1]:
                    r.content = _strip(text, r.content[0], text.rfind(",", r.content[0], subj[0]))
            if subj is not None:
                r.links = r.outer + [RawLink(*subj, cue=r.cue)] + r.links
            elif after is not None and opening:
                # "Asked whether ..., Ryan said": an opening participle's speaker is the clause after it
                r.links = r.outer + _copied(after.links, r.cue) + r.links
                r.medium = r.medium or after.medium
            else:
                r.links = []
    if len(raws) == 1:  # most sentences: one attribution, no comprehension
        raws = raws if raws[0].links else []
    else:
        raws = [r for r in raws if r.links]
    # A content span stops where the next attribution of the sentence begins.
    for i, r in enumerate(raws):
        if r.content is None or r.postposed:
            continue
        cs, ce = r.content
        for nxt in raws[i + 1 :]:
            cut = nxt.cue[0] if nxt.kind == "participle" or nxt.inherits else nxt.span_start
            if cs < cut < ce:
                ce = cut
                break
        piece = text[cs:ce]
        m = _PUT_IT.search(piece) if _IT.fullmatch(_last_chars(piece, 2)) else None
        if m:
            ce = cs + m.start()
            piece = text[cs:ce]
        m = _trailing_join(piece)
        if m and m.start() > 0:
            ce = cs + m.start()
        ce = _content_end(text, cs, ce)
        r.content = (cs, ce) if cs < ce else None
    return raws


def _copied(links: list[RawLink], cue: tuple[int, int]) -> list[RawLink]:
    """Links taken over by an attribution that shares their speaker ("… and added"): the
    last one (the one who speaks) is introduced by the new cue, the others keep theirs."""
    out = [RawLink(l.start, l.end, l.reason, l.cue) for l in links]
    if out:
        out[-1].cue = cue
    return out


def _trailing_join(piece: str) -> re.Match | None:
    """_TRAILING_JOIN.search(piece), searching only the tail that can hold a match."""
    tail = piece[-_TAIL:]
    run = _TRAILING_JOIN_CHARS.match(tail[::-1]).end()
    if not run:
        return None  # most contents end with a character no join holds ("."): a match takes one at least
    if run == len(tail) < len(piece):  # the run may go on before the tail
        run = _TRAILING_JOIN_CHARS.match(piece[::-1]).end()
    return _TRAILING_JOIN.search(piece, len(piece) - run)


def _last_chars(piece: str, n: int) -> str:
    """piece.rstrip()[-n:], without copying a long piece."""
    tail = piece[-_TAIL:].rstrip()
    if len(tail) < n and len(piece) > _TAIL:
        tail = piece.rstrip()
    return tail[-n:]


def _same_referent(text: str, outer: RawLink, inner: RawLink) -> bool:
    a = text[outer.start : outer.end].lower()
    b = text[inner.start : inner.end].lower()
    if a == b:
        return True
    ha, hb = head_noun(a), head_noun(b)
    return bool(ha) and ha == hb and a.startswith(("the ", "this ", "that "))


#: Lower-case words inside a name or a subject noun phrase ("Bank of England", "Omar al Bashir").
_NAME_JOINERS = frozenset("of and de del der la le al el bin ibn von van da du for on at in from with to by".split())
#: Words that open an object: the word before them is a verb.
_OBJECT_OPENERS = frozenset("his her their its our my the a an".split())
#: Focus words that may open a sentence before its subject ("Even the mayor", "Only Reed").
_LEADING_FOCUS = frozenset("even only just also".split())


def main_subject(text: str, start: int, limit: int) -> tuple[int, int] | None:
    """The subject at the opening of the sentence (for "X addressed …, saying …")."""
    toks = tokenize(text, start, min(limit, start + 300))
    texts, lows = toks.text, toks.low
    first = main_clause_start(toks, text)
    last = None  # the subject is toks[first : last + 1]
    for k in range(first, len(texts)):
        word, low = texts[k], lows[k]
        if word in ",;:" or word in QUOTES or word in "-–—":
            break
        if low in BOUNDARY and word[:1].islower():
            break
        if last is not None and (_is_verb(toks, k) or (low in lexicon().verbs and low not in NOUN_FIRST) or low in COMMON_VERBS):
            break
        if last is not None and lows[last] in ("he", "she", "it", "they"):
            break
        if last is not None and word[:1].islower() and word.isalpha() and low not in _NAME_JOINERS and k + 1 < len(texts) and lows[k + 1] in _OBJECT_OPENERS:
            break  # a word before "his", "the" … is the verb the subject ends at ("Mr. Reed shook his head and said")
        last = k
        if last - first + 1 > 12:
            return None
    lex = lexicon()
    while last is not None and last > first and texts[last][:1].islower() and (lows[last] in lex.pre_cue_adverbs or lows[last].endswith("ly") and len(lows[last]) > 4):
        last -= 1  # "Reed then went on the attack, saying": an adverb before the verb is not the subject's
    while first < (last if last is not None else first) and lows[first] in _LEADING_FOCUS:
        first += 1  # "Even the mayor tried to help, noting": a focus word opens the phrase, not the name
    if last is None:
        return None
    s, e = _strip(text, toks.start[first], toks.end[last])
    return (s, e) if s < e else None


def quote_type(text: str, content: tuple[int, int] | None, quote_marks: list[int] | None = None) -> str:
    """direct, mixed, indirect or none; quote_marks: the offsets of every double quotation
    mark in text (``_QUOTE_MARK``), in order, when known."""
    if content is None:
        return "none"
    s, e = content
    if quote_marks is None:
        piece = text[s:e]
        marks = [m.start() for m in _QUOTE_MARK.finditer(piece)]
    else:
        first = bisect_left(quote_marks, s)
        last = bisect_left(quote_marks, e, first)
        marks = [at - s for at in quote_marks[first:last]] if last > first else []  # most contents: no mark, no comprehension
        # no copy of the span where it holds no quotation mark at all (most indirect speech)
        if not marks and text.find("'", s, e) < 0 and text.find("‘", s, e) < 0 and text.find("’", s, e) < 0:
            return "indirect"
        piece = text[s:e]
    if not marks:
        # single quotes count only when there is no double one
        has_single = "'" in piece or "‘" in piece or "’" in piece
        # each match is one quotation mark: tried only at those (re would try every character of the span)
        singles = [m.start() for m in _SINGLE_QUOTE_CHAR.finditer(piece) if _SINGLE_QUOTE.match(piece, m.start())] if has_single else []
        if len(singles) < 2:
            return "indirect"
        marks = singles
    pieces = []
    cursor = 0
    opened = None
    for i in marks:
        if opened is None:
            opened = i
        else:
            pieces.append(piece[cursor:opened])
            cursor = i + 1
            opened = None
    if opened is not None:
        # an unbalanced mark: the quotation runs to the end (or, when it closes one, from the start)
        if opened >= len(piece) - 2 and cursor == 0:
            cursor = opened + 1
        else:
            pieces.append(piece[cursor:opened])
            cursor = len(piece)
    pieces.append(piece[cursor:])
    outside = "".join(pieces)
    if _LETTER.search(_LEADING_THAT.sub("", outside)):
        return "mixed"
    return "direct"


# -- resolution across the article -------------------------------------------------------------


@dataclass(slots=True)
class Mention:
    index: int  # attribution index
    sentence: int
    start: int
    end: int
    text: str
    kind: str
    canonical: str | None
    desc: Descriptor
    medium: str | None = None
    innermost: bool = False


_SOUNDEX_CODES = {**dict.fromkeys("bfpv", "1"), **dict.fromkeys("cgjkqsxz", "2"), **dict.fromkeys("dt", "3"), "l": "4", **dict.fromkeys("mn", "5"), "r": "6"}


@lru_cache(maxsize=4096)  # asked again for every earlier person at each surname
def soundex(word: str) -> str:
    """American Soundex: "Lew" and "Liu" both give L000."""
    codes = _SOUNDEX_CODES
    w = "".join(c for c in word.lower() if c.isalpha())
    if not w:
        return ""
    out = w[0].upper()
    last = codes.get(w[0], "")
    for c in w[1:]:
        code = codes.get(c, "")
        if code and code != last:
            out += code
        if c not in "hw":
            last = code
    return (out + "000")[:4]


@dataclass
class Resolver:
    text: str
    persons: frozenset[str]
    mentions: list[Mention] = field(default_factory=list)
    #: per attribution: (sentence index, innermost mention)
    attributions: list[tuple[int, Mention | None]] = field(default_factory=list)

    def resolve(self, index: int, sentence: int, start: int, end: int, desc: Descriptor, medium: str | None, *, subjects: dict[int, Mention | None]) -> tuple[str, str | None, int | None]:
        """(kind, canonical, resolves_to) of one link."""
        text = self.text[start:end]
        ante: Mention | None = None
        if desc.anaphor == "pronoun":
            ante, person = self._pronoun(desc, sentence, subjects)
            if person is not None:
                return "person", person, None
        elif desc.anaphor == "definite":
            ante = self._definite(desc)
        elif desc.kind == "person":
            ante = self._person(desc, text)
        if ante is None:
            kind = desc.kind or ("person" if desc.head in ("he", "she", "i") else "organization" if desc.head == "it" else "anonymous")
            canonical = desc.canonical
            if desc.anaphor == "definite" and canonical is None and kind != "unspecified":
                canonical = _DEFINITE_LEAD.sub("", " ".join(text.split()))
            return kind, canonical, None
        kind = ante.kind
        if desc.anaphor == "definite" and desc.kind in ("document",) and ante.kind != "document":
            kind = "document"
        return kind, ante.canonical, ante.index

    def add(self, m: Mention) -> None:
        self.mentions.append(m)

    # pronouns: the last speaker, unless a person opened a sentence since
    def _pronoun(self, desc: Descriptor, sentence: int, subjects: dict[int, Mention | None]) -> tuple[Mention | None, str | None]:
        word = desc.head
        if not self.attributions:
            subj = self._recent_subject(sentence, -1, subjects)
            return None, subj
        last_sentence = self.attributions[-1][0]
        if word == "it":
            for m in reversed(self.mentions[-8:]):
                if m.kind not in ("person", "anonymous") and not m.desc.plural:
                    return m, None
            return None, None
        if word in ("he", "she"):
            subj = self._recent_subject(sentence, last_sentence, subjects)
            if subj is not None:
                return None, subj
        for _, inner in reversed(self.attributions[-4:]):
            if inner is None:
                continue
            if word in ("he", "she", "i") and (inner.desc.plural and inner.kind != "document"):
                continue
            if word == "it" and (inner.kind in ("person", "anonymous") or inner.desc.plural):
                continue
            if word == "they" and not inner.desc.plural:
                continue
            return inner, None
        return (self.attributions[-1][1] if word in ("he", "she") else None), None

    def _recent_subject(self, sentence: int, since: int, subjects: dict[int, Mention | None]) -> str | None:
        for s in range(sentence - 1, max(since, sentence - 3), -1):
            m = subjects.get(s)
            if m is not None and m.kind == "person" and m.canonical and " " in m.canonical:
                return m.canonical
        return None

    def _definite(self, desc: Descriptor) -> Mention | None:
        head = desc.head
        cls = anaphor_class(head)
        if cls is None:
            return None
        hint = outlet_hint(head) if cls == "outlet" else None
        fallback = None
        for m in reversed(self.mentions[-40:]):
            if cls == "outlet":
                if m.kind != "outlet":
                    continue
                if hint is None or hint.search(m.text) or (m.canonical and hint.search(m.canonical)):
                    return m
                fallback = fallback or m
            elif cls == "document":
                if m.kind == "document" and m.desc.head.rstrip("s") == head.rstrip("s"):
                    return m
                if head.startswith("statement") and m.medium == "statement" and m.innermost:
                    return m
                if m.kind == "document":
                    fallback = fallback or m
            elif cls == "anonymous":
                if m.kind != "anonymous":
                    continue
                if desc.plural != m.desc.plural and head not in ("source", "sources"):
                    continue
                if desc.plural != m.desc.plural:
                    fallback = fallback or m
                    continue
                mods = {w for w in desc.modifiers if w not in ("same", "said")}
                if mods and not all(w in m.text.lower() for w in mods):
                    continue
                if m.desc.head == head or head in ("source", "sources") and m.desc.head in ("official", "officials", "source", "sources"):
                    return m
                fallback = fallback or m
            elif cls == "person":
                if m.kind == "person" and head in m.text.lower():
                    return m
            elif cls == "organization":
                if m.kind != "organization":
                    continue
                if m.desc.head == head or head in m.text.lower():
                    return m
                if head in ("airline", "company", "firm", "automaker", "carmaker", "group", "movement", "government", "army", "military"):
                    fallback = fallback or m
        return fallback

    def _person(self, desc: Descriptor, text: str) -> Mention | None:
        canonical = desc.canonical or text
        tokens = canonical.split()
        if not tokens:
            return None
        for m in reversed(self.mentions):
            if m.kind != "person" or not m.canonical:
                continue
            if m.canonical == canonical:
                return m if desc.anaphor == "short" or _differs(text, m) else None
            theirs = m.canonical.split()
            if len(tokens) == 1:
                if tokens[0].lower() in (t.lower() for t in theirs):
                    return m
            elif len(theirs) >= 2 and tokens[0] == theirs[0] and len(tokens) == len(theirs) and soundex(tokens[-1]) == soundex(theirs[-1]) and tokens[-1][0] == theirs[-1][0]:
                return m
        if len(tokens) == 1:
            # "Liu" for "Jack Lew": one sound-alike surname among the earlier persons
            alike = {m.canonical for m in self.mentions if m.kind == "person" and m.canonical and len(m.canonical.split()) >= 2 and soundex(m.canonical.split()[-1]) == soundex(tokens[0]) and m.canonical.split()[-1][0] == tokens[0][0]}
            if len(alike) == 1:
                target = alike.pop()
                return next(m for m in reversed(self.mentions) if m.canonical == target)
        return None


def _differs(text: str, m: Mention) -> bool:
    return " ".join(text.split()) != " ".join(m.text.split()) and len(text) < len(m.text)
