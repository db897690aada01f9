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


class DoubletChecker:
    def __init__(self, rule: Rule):
        p = rule.params
        self.rule = rule
        conj = "|".join(re.escape(c) for c in p.get("conjunctions", ["and"]))
        self.regex = re.compile(rf"(?<![\w\-])(?P<w>[^\W\d_]{{3,}})\s+(?:{conj})\s+(?P=w)(?![\w\-])", re.IGNORECASE)
        self.allow = {w.lower() for w in p.get("allow", [])}
        self.allow_suffixes = tuple(p.get("allow_suffixes", []))

    def check(self, doc) -> Iterable[Hit]:
        index = DocIndex.of(doc)
        for m in self.regex.finditer(doc.text):
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
