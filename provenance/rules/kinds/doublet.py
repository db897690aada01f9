"""The ``doublet`` kind: "confusion and confusion".

Arabic prose pairs near-synonyms (تخبط وارتباك); when both words have the
same English equivalent the pair collapses into one word said twice, and the
second meaning is lost. English reduplication that is idiomatic ("more and
more", "again and again", comparatives such as "better and better", time
spans such as "hours and hours") is allowed.

The same collapse hits whole noun phrases: "the security situation and the
security situation" (الوضع الأمني والوضع السياسي lost its second adjective),
"the Finance Committee and the Finance Committee" (mode ``phrase``: two to
``max_words`` words repeated on both sides of the conjunction, at least one of
them not a function word).

Mode ``pairs`` finds the doublets that do not repeat a word: two English
renderings of an Arabic near-synonym pair (الشجب والاستنكار, "condemnation
and denunciation"; خطير وجسيم, "grave, serious"), listed as data in the
rule's ``pairs``, in either order, joined by "and", a comma or nothing.

Mode ``near`` (``provenance.rules.kinds._near_repeat``) finds one prepositional
phrase said twice in one clause with no conjunction between ("the raids on
farmers during the last two winters on farmers").

params:
  mode: word | phrase | pairs | near
  conjunctions: [and, or]
  commas: false         (word, phrase) a comma joins too ("confusion, confusion"), outside quotations
  determiners: [...]    (phrase) a leading article or determiner set aside ("its plan and the plan")
  max_gap: 10           (near) most words between the two copies
  allow: [...]          words whose doubling is idiomatic
  allow_suffixes: [er]  comparatives
  max_words: 6          (phrase) longest phrase compared
  function_words: [...] (phrase) words that alone do not make a phrase ("of the")
  pairs: [[a|forms, b|forms], ...]  (pairs) the two sides' word forms
  families: [[verb|noun|adj, lemma, ...], ...]  (pairs) near-synonym families, any two members a pair
  exclude: [[a, b], ...]  (pairs) lemma pairs of the families left out
  bare: true            (pairs) two words side by side with nothing between count too
"""

from __future__ import annotations

import re
from typing import Iterable

from provenance.lazyre import lazy
from provenance.rules import Hit
from provenance.rules.kinds._context import DocIndex
from provenance.rules.kinds.verbless import finite_forms, is_finite
from provenance.rules.model import PackError, Rule


#: One word said twice across a comma ("confusion, confusion").
_COMMA_DOUBLET = re.compile(r"(?P<w>[^\W\d_]{3,}),[ \t]+(?P=w)(?![\w\-])", re.IGNORECASE)
#: A comma straight after or before the pair: a third copy or a longer chant ("jobs, jobs, jobs").
_COMMA_AFTER = lazy(r",[ \t]")
_COMMA_BEFORE = lazy(r",[ \t]*$")
#: Words English says twice across a comma for emphasis or as an interjection.
_COMMA_EMPHATIC = frozenset(
    "yes yeah no nope very really please wait well now come okay hey stop help never surprise big great good bad "
    "little long horrible terrible so too".split()
)
_DOUBLET = re.compile(r"(?P<w>[^\W\d_]{3,})\s+(?P<conj>\w+)\s+(?P=w)(?![\w\-])", re.IGNORECASE)


def _word_start(text: str, end: int) -> int:
    """Start of the word that ends at ``end`` (a word is letters and hyphens)."""
    start = end
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "-"):
        start -= 1
    return start


class DoubletChecker:
    def __init__(self, rule: Rule):
        p = rule.params
        self.rule = rule
        conj = "|".join(re.escape(c) for c in p.get("conjunctions", ["and"]))
        # Find the conjunctions first (a literal scan), then compare the words
        # on either side: much faster than a backreference at every position.
        self.commas = bool(p.get("commas", False))
        # ", " joins too when ``commas`` is set ("confusion, confusion"; "the plan, the plan")
        self.joint = re.compile(rf"\s(?:{conj})\s" + (r"|,[ \t]" if self.commas else ""), re.IGNORECASE)
        self.allow = {w.lower() for w in p.get("allow", [])}
        self.allow_suffixes = tuple(p.get("allow_suffixes", []))
        self.mode = p.get("mode", "word")
        self.max_words = int(p.get("max_words", 6))
        self.max_gap = int(p.get("max_gap", 10))
        self.function_words = {w.lower() for w in p.get("function_words", [])}
        self.determiners = {w.lower() for w in p.get("determiners", [])}
        self.pairs = _pair_automaton(p.get("pairs", []), p.get("families", []), p.get("exclude", [])) if self.mode == "pairs" else None
        # (pairs) whether two words side by side with nothing between count ("brotherly fraternal ties")
        self.next = _NEXT if p.get("bare", True) else _NEXT_JOINED

    def check(self, doc) -> Iterable[Hit]:
        if self.mode == "phrase":
            yield from self._phrases(doc)
            return
        if self.mode == "pairs":
            yield from self._pairs(doc)
            return
        if self.mode == "near":
            from provenance.rules.kinds._near_repeat import near_repeats

            yield from near_repeats(doc, self.rule.scope, self.max_words, self.max_gap)
            return
        index = DocIndex.of(doc)
        text = doc.text
        for j in self._joints(doc):
            comma = text[j.start()] == ","
            m = (_COMMA_DOUBLET if comma else _DOUBLET).match(text, _word_start(text, j.start()))
            if m is None or (m.end("w") != j.start() if comma else m.end("conj") != j.end() - 1):
                continue
            if comma and not self._comma_doublet(doc, text, m.start(), m.end(), [m.group("w"), text[m.end() - len(m.group("w")) : m.end()]]):
                continue
            word = m.group("w").lower()
            if word in self.allow or word.endswith(self.allow_suffixes):
                continue
            if m.group("w")[0].isupper() and not index.starts_sentence(m.start()):
                continue  # a name ("P Diddy or Diddy"), not a collapsed pair of synonyms
            if _EMPHATIC_CHAIN.match(text, m.end()) or _EMPHATIC_CHAIN_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                continue  # "tweeting and tweeting and tweeting": repetition for emphasis
            if not comma and text.startswith(" not", m.end()) and m.group("conj").lower() == "or":
                continue  # "may or may not": the alternative, not a doublet
            if word.endswith("ed") and word in finite_forms() and not _BE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "she laughed and laughed": a past verb repeated for duration ("were targeted and targeted" is a doublet)
            after = _NEXT_WORD.match(text, m.end())
            if after is not None and after.group(1).lower() not in _CLOSED_CLASS and not word.endswith(_ADJECTIVE_ENDINGS):
                # "birth and birth certificate": the second noun modifies a head the pair shares; an
                # adjective cannot stand as the first conjunct, so "regional and regional efforts" is a doublet
                continue
            if index.in_scope(m.start(), m.end(), self.rule.scope) is None:
                continue
            yield Hit(
                m.start(),
                m.end(),
                f"“{m.group()}” says one word twice: two Arabic near-synonyms were probably "
                f"rendered by the same English word; keep one or find the second meaning",
                m.group("w"),
            )

    def _comma_doublet(self, doc, text: str, start: int, end: int, words: list[str]) -> bool:
        """Whether a repeat across a comma ("confusion, confusion") may be a collapsed pair: English
        repeats across a comma for emphasis, mostly in speech, and such repeats are left alone."""
        from provenance.rules.kinds.quotes import inside_quotation

        key = words[0].lower()
        if key in _COMMA_EMPHATIC or self.mode == "word" and key in _CLOSED_CLASS:
            return False  # "no, no", "very, very", "so glad, so glad", "that, that": an interjection, an intensifier, a false start
        after = _NEXT_WORD.match(text, end)
        if self.mode == "word" and after is not None and after.group(1).lower() not in _CLOSED_CLASS:
            return False  # "a terrible, terrible day": an adjective repeated before its noun, for emphasis
        if any(w[:1].isupper() for w in words[1:]) and not words[0][:1].isupper():
            return False  # "our team, Team Blue": the second is a name
        if words[0][:1].isupper() and not DocIndex.of(doc).starts_sentence(start):
            return False  # a name said twice
        if _COMMA_AFTER.match(text, end) or _COMMA_BEFORE.search(text, max(0, start - 3), start):
            return False  # "jobs, jobs, jobs", "drip, drip, drip": a chant of three
        if inside_quotation(doc, start, end):
            return False  # "awful, awful", "so glad, so glad": a speaker's emphasis, quoted as said
        return True

    def _joints(self, doc) -> list:
        """The conjunctions of the document, found once for the word and phrase rules."""
        key = f"_joints:{self.joint.pattern}"
        joints = doc.annotations.get(key)
        if joints is None:
            joints = doc.annotations[key] = list(self.joint.finditer(doc.text))
        return joints

    def _phrases(self, doc) -> Iterable[Hit]:
        index = DocIndex.of(doc)
        text = doc.text
        lowered = text.lower()
        same = len(lowered) == len(text)  # lower-casing may change offsets (rare scripts): skip the shortcut
        for j in self._joints(doc):
            before = _word_start(text, j.start())
            last = text[before : j.start()].lower()
            # cheap test first: the word before the conjunction must end a phrase on the right too
            if not last or same and lowered.find(" " + last, j.end() - 1, j.end() + 120) < 0:
                continue
            right = _RIGHT.match(text, j.end())
            if right is None:
                continue
            rw = [(m.group(), m.end()) for m in _PWORD.finditer(text, right.start(), right.end())]
            if all(w.lower() != last for w, _ in rw[: self.max_words + 1]):  # [0]: "the plan and plan"
                continue
            left = _LEFT.search(text, max(0, j.start() - 160), j.start())
            if left is None:
                continue
            lw = [(m.group(), m.start()) for m in _PWORD.finditer(text, left.start(), left.end())]
            found = False
            for n in range(min(len(lw), len(rw), self.max_words), 1, -1):
                a = [w.lower() for w, _ in lw[-n:]]
                if a != [w.lower() for w, _ in rw[:n]]:
                    continue
                found = True
                if all(w in self.function_words or w in self.allow for w in a):
                    break  # "of the and of the": no phrase
                words = [w for w, _ in lw[-n:]]
                if a[-1] in _OBJECT_PRONOUNS or any(is_finite(words, i, finite_forms()) for i in range(n)):
                    break  # "drive it and drive it", "there's X and there's X": a clause repeated for emphasis
                start, end = lw[-n][1], rw[n - 1][1]
                if index.in_scope(start, end, self.rule.scope) is None:
                    break
                if text[j.start()] == "," and not self._comma_doublet(doc, text, start, end, [lw[-n][0], rw[0][0]]):
                    break
                phrase = text[j.end() : end]
                yield Hit(
                    start,
                    end,
                    f"“{text[start:end]}” joins one phrase to itself: the two Arabic phrases probably differed "
                    f"in a word the translation lost; keep one or restore the difference",
                    text[start : j.start()] if text[start].isupper() else phrase,
                )
                break
            if not found and self.determiners and text[j.start()] != ",":  # "a rare mayor, a mayor with friends …" is apposition
                hit = self._determiner_variant(text, index, j, lw, rw)
                if hit is not None:
                    yield hit

    def _determiner_variant(self, text: str, index, j, lw: list, rw: list) -> Hit | None:
        """"its plan and the plan", "the aggression and aggression": the same words on both sides of
        the conjunction once a leading article or determiner is set aside (case-insensitive)."""
        forms = finite_forms()
        for k in range(min(len(lw), len(rw), self.max_words), 0, -1):
            core = [w.lower() for w, _ in lw[-k:]]
            ldet = lw[-k - 1][0].lower() if len(lw) > k and lw[-k - 1][0].lower() in self.determiners else None
            rdet = rw[0][0].lower() if rw[0][0].lower() in self.determiners else None
            roff = 1 if rdet else 0
            if len(rw) < roff + k or [w.lower() for w, _ in rw[roff : roff + k]] != core:
                continue
            if rdet is None or ldet == rdet:
                return None  # none on the right or the same on both sides: the exact repeat is PV201's or PV202's
            if ldet not in _ARTICLES and rdet not in _ARTICLES:
                return None  # "his team and her team", "this side and that side": two owners, a contrast
            if all(w in self.function_words or w in self.allow for w in core) or core[-1] in _OBJECT_PRONOUNS:
                return None  # no content word ("the one and one")
            if any(not w.isalpha() for w in core):
                return None  # numbers and hyphenated codes ("the 1 and 1")
            if ldet is None and len(lw) > k and lw[-k - 1][0].lower() not in self.function_words:
                flags = forms.get(lw[-k - 1][0].lower())
                if flags is None or "n" in flags:
                    return None  # "the peace plan and the plan": the left core ends a longer noun phrase (a verb before it is fine)
            if lw[-k][0][0].isupper() and not index.starts_sentence(lw[-k][1]):
                return None  # a name ("Hamas and the Hamas movement" is PV202's when exact)
            end = rw[roff + k - 1][1]
            after = _NEXT_WORD.match(text, end)
            if after is not None and after.group(1).lower() not in _CLOSED_CLASS:
                return None  # "the state and state institutions": the second side modifies a head
            words = [w for w, _ in lw[-k:]]
            if any(is_finite(words, i, forms) for i in range(k)):
                return None  # "it rose and it rose": a clause repeated for emphasis
            start = lw[-k - 1][1] if ldet else lw[-k][1]
            if index.in_scope(start, end, self.rule.scope) is None:
                return None
            return Hit(
                start,
                end,
                f"“{text[start:end]}” joins one phrase to itself with only its article changed: the two "
                f"Arabic phrases probably differed in a word the translation lost; keep one",
                text[start : j.start()],
            )
        return None

    def _pairs(self, doc) -> Iterable[Hit]:
        if self.pairs is None:
            return
        automaton, pairs = self.pairs
        text = doc.text
        lowered = text.lower()
        if len(lowered) != len(text):
            return  # lower-casing changed offsets (rare scripts): the pairs are English words
        index = DocIndex.of(doc)
        taken = -1
        # The listed words are found in one Aho-Corasick pass; each that stands as a whole word is
        # then compared with the word after it.
        for last, first in automaton.iter(lowered):
            start = last + 1 - len(first)
            if start < taken or (start and _WORDCHAR.match(text, start - 1)) or _WORDCHAR.match(text, last + 1):
                continue
            m = self.next.match(text, last + 1)
            if m is None or (first, m.group(1).lower()) not in pairs:
                continue
            end = m.end()
            if index.in_scope(start, end, self.rule.scope) is None:
                continue
            taken = end
            yield Hit(
                start,
                end,
                f"“{text[start:end]}” pairs two near-synonyms, as Arabic does (الشجب والاستنكار); "
                f"English says it once: keep one",
                text[start : last + 1],
            )


def _pair_automaton(pairs: list, families: list = (), exclude: list = ()):
    """(an automaton of every listed word, the set of (first, second) pairs that are doublets, both
    orders), or None when there are no pairs; ``families`` (see ``_binomials``) add pairs."""
    import ahocorasick

    from provenance.rules.kinds._binomials import family_pairs

    found: set[tuple[str, str]] = family_pairs(families, exclude) if families else set()
    words: set[str] = {w for pair in found for w in pair}
    for pair in pairs:
        if len(pair) != 2:
            raise PackError(f"a doublet pair has two sides, not {pair!r}")
        x, y = ({w.strip().lower() for w in side.split("|") if w.strip()} for side in pair)
        if any(not w.isalpha() for w in x | y):
            raise PackError(f"a doublet pair lists single words: {pair!r}")
        words |= x | y
        found |= {(a, b) for a in x for b in y} | {(b, a) for a in x for b in y}
    if not words:
        return None
    automaton = ahocorasick.Automaton()
    for w in words:
        automaton.add_word(w, w)
    automaton.make_automaton()
    return automaton, frozenset(found)


_WORDCHAR = lazy(r"[\w\-]")
#: What may join the two words of a pair ("and", a comma or nothing), then the second word.
_NEXT = re.compile(r"(?:\s+and\s+|\s*,\s*|\s+)([^\W\d_]+)(?![\w\-])", re.IGNORECASE)
#: The same, "and" or a comma only.
_NEXT_JOINED = re.compile(r"(?:\s+and\s+|[ \t]*,[ \t]*)([^\W\d_]+)(?![\w\-])", re.IGNORECASE)


_BE_BEFORE = lazy(r"\b(?:is|are|was|were|be|been|being|get|got)\s+$", re.IGNORECASE)
_EMPHATIC_CHAIN = lazy(r"\s+(?:and|or)\s+(?P<w>[^\W\d_]+)\b")
_EMPHATIC_CHAIN_BEFORE = lazy(r"\b([^\W\d_]+)\s+(?:and|or)\s+$")
#: The word right after a doublet, when it is a lower-case word on the same line.
_NEXT_WORD = lazy(r"[ \t]+([a-z][a-z\-]*)\b")
#: Words that may follow a collapsed pair of synonyms ("confusion and confusion in
#: the ranks"); any other lower-case word makes the pair a shared modifier.
_CLOSED_CLASS = frozenset(
    "a an the this that these those and or but nor so yet for of in on at to from by with without about "
    "over under into onto upon after before during since until against among between through across "
    "within around behind beyond toward towards than as like is are was were be been being has have had "
    "will would shall should can could may might must do does did it its they them their he his she her "
    "we our us you your i my which who whom whose what where when why how because while if though although "
    "not no also even only just still then there here all both each every some any many much more most "
    "such said says say".split()
)
#: Endings of adjectives ("international", "economic", "decisive", "serious", "military").
_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ary", "ful", "less", "ian", "ible", "able")
#: Articles: a change of article is no contrast ("its plan and the plan"); two possessives are ("his and her X").
_ARTICLES = {None, "the", "a", "an"}
_OBJECT_PRONOUNS = {"it", "them", "him", "her", "me", "us", "you", "this", "that"}
_PWORD = lazy(r"[\w\u2019'\-]+")
#: Up to seven words straight before a conjunction, no punctuation between them.
_LEFT = lazy(r"(?:[\w\u2019'\-]+ ){0,6}[\w\u2019'\-]+$")
_RIGHT = lazy(r"[\w\u2019'\-]+(?: [\w\u2019'\-]+){0,6}")
