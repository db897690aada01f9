"""The ``orphan-pronoun`` kind: "The statement added that … He added, …".

Arabic nouns such as البيان (statement) and المكتب (office) are masculine,
so the pronoun that continues them comes out as "He". The rule looks at a
body sentence that opens with "He/She" plus a speech verb and finds who spoke
in the sentence before: the head noun in front of that sentence's first
speech verb. When that speaker is a document or an institution, the pronoun
has no human antecedent.

params:
  pronouns: [He, She]
  verbs: [...]          speech verbs ("added", "said", ...)
  non_human: [...]      head nouns that cannot be "he" (statement, office, ...)
  neuter: [It]          openers that name a non-human speaker: a sentence that
                        opens "It stressed" makes the next "She added" orphan too

A pronoun sentence that follows a reported one (or an "It <verb>" sentence)
continues the same speaker, so a run of "She saluted … She called for …"
after "the factions affirmed" is reported sentence by sentence.
"""

from __future__ import annotations

import re
from typing import Iterable

from provenance.rules import Hit
from provenance.rules.model import Rule


class OrphanPronounChecker:
    def __init__(self, rule: Rule):
        p = rule.params
        self.rule = rule
        verbs = sorted(p.get("verbs", ["added", "said"]), key=len, reverse=True)
        verb_alt = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in verbs)
        pronouns = "|".join(re.escape(x) for x in p.get("pronouns", ["He", "She"]))
        self.opening = re.compile(rf"[\"'\u201c]?(?P<flag>(?P<pronoun>{pronouns})\s+(?:also\s+)?(?P<verb>{verb_alt}))\b")
        self.speaker = re.compile(rf"(?P<head>[^\W\d_][\w\-]*)(?:'s|\u2019s)?(?:\s*,[^,]{{1,60}},)?\s+(?:also\s+)?(?:{verb_alt})\b")
        self.non_human = {w.lower() for w in p.get("non_human", [])}
        self.first_letters = {x[0] for x in p.get("pronouns", ["He", "She"])} | set("\"'\u201c")
        neuter = "|".join(re.escape(x) for x in p.get("neuter", []))
        # "It also stressed …": the speaker is a thing; a "She added" after it is orphan
        self.neuter = re.compile(rf"(?:{neuter})\s+(?:also\s+)?(?:{verb_alt})\b") if neuter else None

    def check(self, doc) -> Iterable[Hit]:
        text = doc.text
        prev = None
        #: the previous sentence's speaker is known to be a thing: an "It <verb>"
        #: opener or a pronoun already reported (the chain goes on)
        prev_thing = False
        for sent in doc.body_sentences():
            # most sentences cannot open with the pronoun: a literal test first
            m = self.opening.match(text, sent.start, sent.end) if text[sent.start] in self.first_letters else None
            thing = False
            if m and prev is not None:
                head = self._speaker_head(text, prev)
                if prev_thing:
                    head = head if head is not None and head.lower() in self.non_human else "It"
                if head is not None and (head == "It" or head.lower() in self.non_human):
                    thing = True
                    pronoun = m.group("pronoun")
                    rest = text[m.end("pronoun") : m.end("flag")]
                    yield Hit(
                        m.start("flag"),
                        m.end("flag"),
                        f"“{pronoun}” has no human antecedent: the speaker before is “{head}” "
                        f"(Arabic gives institutions and plurals a gendered pronoun); use “It” or repeat the noun",
                        f"It{rest}",
                    )
            elif self.neuter is not None and text[sent.start] == "I":
                thing = self.neuter.match(text, sent.start, sent.end) is not None
            prev, prev_thing = sent, thing

    def _speaker_head(self, text: str, sent) -> str | None:
        m = self.speaker.search(text, sent.start, sent.end)
        return m.group("head") if m else None
