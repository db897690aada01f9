"""The ``doublet`` kind: "confusion and confusion".

Arabic prose pairs near-synonyms (تخبط وارتباك); when both words have the
same English equivalent the pair collapses into one word said twice, and the
second meaning is lost. English reduplication that is idiomatic ("more and
more", "again and again", comparatives such as "better and better", time
spans such as "hours and hours") is allowed.

params:
  conjunctions: [and, or]
  allow: [...]          words whose doubling is idiomatic
  allow_suffixes: [er]  comparatives
"""

from __future__ import annotations

import re
from typing import Iterable

from provenance.rules import Hit
from provenance.rules.kinds._context import DocIndex
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

    def check(self, doc) -> Iterable[Hit]:
        index = DocIndex.of(doc)
        text = doc.text
        for j in self.joint.finditer(text):
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
