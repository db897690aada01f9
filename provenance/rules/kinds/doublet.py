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

params:
  mode: word | phrase
  conjunctions: [and, or]
  allow: [...]          words whose doubling is idiomatic
  allow_suffixes: [er]  comparatives
  max_words: 6          (phrase) longest phrase compared
  function_words: [...] (phrase) words that alone do not make a phrase ("of the")
"""

from __future__ import annotations

import re
from typing import Iterable

from provenance.rules import Hit
from provenance.rules.kinds._context import DocIndex
from provenance.rules.kinds.verbless import finite_forms, is_finite
from provenance.rules.model import Rule


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
        self.joint = re.compile(rf"\s(?:{conj})\s", re.IGNORECASE)
        self.allow = {w.lower() for w in p.get("allow", [])}
        self.allow_suffixes = tuple(p.get("allow_suffixes", []))
        self.mode = p.get("mode", "word")
        self.max_words = int(p.get("max_words", 6))
        self.function_words = {w.lower() for w in p.get("function_words", [])}

    def check(self, doc) -> Iterable[Hit]:
        if self.mode == "phrase":
            yield from self._phrases(doc)
            return
        index = DocIndex.of(doc)
        text = doc.text
        for j in self._joints(doc):
            m = _DOUBLET.match(text, _word_start(text, j.start()))
            if m is None or m.end("conj") != j.end() - 1:
                continue
            word = m.group("w").lower()
            if word in self.allow or word.endswith(self.allow_suffixes):
                continue
            if m.group("w")[0].isupper() and not index.starts_sentence(m.start()):
                continue  # a name ("P Diddy or Diddy"), not a collapsed pair of synonyms
            if index.in_scope(m.start(), m.end(), self.rule.scope) is None:
                continue
            yield Hit(
                m.start(),
                m.end(),
                f"“{m.group()}” says one word twice: two Arabic near-synonyms were probably "
                f"rendered by the same English word; keep one or find the second meaning",
                m.group("w"),
            )

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
            if not last or same and lowered.find(" " + last, j.end(), j.end() + 120) < 0:
                continue
            right = _RIGHT.match(text, j.end())
            if right is None:
                continue
            rw = [(m.group(), m.end()) for m in _PWORD.finditer(text, right.start(), right.end())]
            if all(w.lower() != last for w, _ in rw[1 : self.max_words]):
                continue
            left = _LEFT.search(text, max(0, j.start() - 160), j.start())
            if left is None:
                continue
            lw = [(m.group(), m.start()) for m in _PWORD.finditer(text, left.start(), left.end())]
            for n in range(min(len(lw), len(rw), self.max_words), 1, -1):
                a = [w.lower() for w, _ in lw[-n:]]
                if a != [w.lower() for w, _ in rw[:n]]:
                    continue
                if all(w in self.function_words or w in self.allow for w in a):
                    break  # "of the and of the": no phrase
                words = [w for w, _ in lw[-n:]]
                if a[-1] in _OBJECT_PRONOUNS or any(is_finite(words, i, finite_forms()) for i in range(n)):
                    break  # "drive it and drive it", "there's X and there's X": a clause repeated for emphasis
                start, end = lw[-n][1], rw[n - 1][1]
                if index.in_scope(start, end, self.rule.scope) is None:
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


_OBJECT_PRONOUNS = {"it", "them", "him", "her", "me", "us", "you", "this", "that"}
_PWORD = re.compile(r"[\w\u2019'\-]+")
#: Up to seven words straight before a conjunction, no punctuation between them.
_LEFT = re.compile(r"(?:[\w\u2019'\-]+ ){0,6}[\w\u2019'\-]+$")
_RIGHT = re.compile(r"[\w\u2019'\-]+(?: [\w\u2019'\-]+){0,6}")
