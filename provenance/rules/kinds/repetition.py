"""The ``repetition`` kind: a paragraph or sentence that the article says twice.

Translated articles assembled from several wire pieces repeat themselves:
a paragraph word for word, or the opening of an earlier paragraph again
(seed 003). Comparison ignores spacing and quotation-mark style. The later
copy is reported and points back at the first. A live blog (three or more
lines that are only a time stamp, "8:35 p.m.") restates its background in
each update by design, and is not checked (measured on PolNeAR train: 30 of
its 44 repeats were in five such blogs). Nor is a repeated paragraph that opens
with a numbered clause ("Article (2) states that this decree takes effect …"):
a gazette of several decrees repeats such a clause in each by design.

The repeats are found by ``provenance.reuse.local`` with the normalization and
passage comparison that ``provenance reuse`` uses across articles.

params:
  mode: paragraph | prefix | sentence
  min_words: 6        shortest repeat worth reporting
  min_chars: 40       (prefix mode) shortest shared opening
"""

from __future__ import annotations

import re
from typing import Iterable

from provenance.reuse.local import find_repeats
from provenance.reuse.passages import MIN_WORDS, OPENING_CHARS
from provenance.rules import Hit
from provenance.rules.model import Rule


#: A numbered clause of a law or decree ("Article (3)", "Clause 2"): boilerplate a gazette repeats per decree.
_NUMBERED_CLAUSE = re.compile(r"(?:Article|Clause|Section)\s*\(?\d+\)?\s")
#: A live blog's update stamp on a line of its own ("8:35 p.m.", "10:02 AM", "14:30 GMT").
_UPDATE_STAMP = re.compile(r"^[ \t]*\d{1,2}:\d{2}(?:[ \t]*(?:[ap]\.m\.|[AP]M|GMT|UTC|ET|EST|EDT))?[ \t]*$", re.MULTILINE)
_MIN_UPDATES = 3
#: What every stamp holds: fewer than three of these and no line-anchored scan of the text is needed.
_STAMP_CORE = re.compile(r"\d:\d\d")


class RepetitionChecker:
    def __init__(self, rule: Rule):
        p = rule.params
        self.rule = rule
        self.mode = p.get("mode", "paragraph")
        self.min_words = int(p.get("min_words", MIN_WORDS))
        self.min_chars = int(p.get("min_chars", OPENING_CHARS))

    def check(self, doc) -> Iterable[Hit]:
        if _live_blog(doc):
            return  # a live blog: each timed update restates the background on purpose
        key = f"_repeats:{self.min_words}:{self.min_chars}"
        repeats = doc.annotations.get(key)
        if repeats is None:
            repeats = doc.annotations[key] = find_repeats(doc, self.min_words, self.min_chars)
        for r in repeats:
            if r.mode != self.mode:
                continue
            if _NUMBERED_CLAUSE.match(doc.text, r.start):
                continue  # "Article (2) states that this decree takes effect …": each decree of a gazette repeats it by design
            if r.mode == "paragraph":
                message = f"repeats the paragraph at line {r.first_line} word for word"
            elif r.mode == "prefix" and r.extends:
                message = f"repeats the whole paragraph at line {r.first_line} and goes on"
            elif r.mode == "prefix":
                message = f"repeats the opening of the paragraph at line {r.first_line}"
            else:
                message = f"repeats a sentence from line {r.first_line}"
            yield Hit(r.start, r.end, message, None)


def _live_blog(doc) -> bool:
    """Three or more lines that are only a time stamp; asked once per document (the kind's three
    rules share it), and the scan from every line start only when three stamps' digits are there."""
    live = doc.annotations.get("_live_blog")
    if live is None:
        text = doc.text
        live = len(_STAMP_CORE.findall(text)) >= _MIN_UPDATES and len(_UPDATE_STAMP.findall(text)) >= _MIN_UPDATES
        doc.annotations["_live_blog"] = live
    return live
