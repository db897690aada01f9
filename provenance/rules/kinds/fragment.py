"""The ``fragment`` kind: a word split off the end of the sentence before it.

Arabic puts the adjective after its noun and machine translation sometimes
breaks the sentence between them: "…on charges of genocide. Collective."
(الإبادة الجماعية). The same break strands nouns: "…before a month arrives.
Ramadan." A one- or two-word "sentence" that ends in a period, follows a
sentence of the same paragraph that also ended in a period, and is not a
quoted or conversational fragment ("Yes.", "Really.") is reported.

Arabic also explains a noun with a list opened by من ("of", "such as"), and
the break leaves the list as a sentence with no verb: "…and its
consequences. From the withdrawal of the forces, the return of the
displaced, and reconstruction." (mode ``list``).

params:
  mode: modifier | stranded | list
                              modifier: the stray word looks like an adjective
                              (it is suggested before the noun it left);
                              stranded: any other stray word;
                              list: a verbless list of noun phrases opened
                              by one of ``openers``.
  max_words: 2
  adjectives: [...]           adjectives without a telling suffix
  adjective_suffixes: [...]
  allow: [...]                words that may stand alone (interjections)
  openers: [...]              (list) words a split-off list opens with
  determiners: [...]          (list) words a listed noun phrase may open with
  verbs: [...]                (list) finite verbs and auxiliaries: any of them
                              makes the sentence a clause, not a list
  min_items: 2                (list) noun phrases the list needs at least
  min_words: 6                (clause) words the sentence needs at least
  exempt_openers: [...]       (clause) first words of native verbless sentences
                              ("And", "With", "Not"): such a sentence is style

Mode ``clause``: a sentence after a full stop that opens with a noun phrase
and has no main verb (``_mainverb.has_main_verb``): "…in the town of Beit
Ummar, north. Hebron Governorate (south of the West Bank)." or "The press
that supports the embargo and its campaign against the city." Headlines,
datelines, captions, bylines and lists are not paragraph sentences after
another one, and sentences with quotation marks, colons, dashes or slashes
are left alone (a list item, a quoted fragment, a dateline).
"""

from __future__ import annotations

import re
from typing import Iterable

from provenance.document import PARAGRAPH
from provenance.lazyre import lazy
from provenance.rules import Hit
from provenance.rules.kinds._mainverb import has_main_verb
from provenance.rules.kinds.verbless import finite_forms, is_finite
from provenance.rules.model import Rule

_WORD = lazy(r"[^\W\d_]+(?:[\-'\u2019][^\W\d_]+)*")
_QUOTES = "\"\u201c\u201d\u00ab\u00bb"
_LAST_WORD = lazy(r"([^\W_][\w\-'\u2019]*)\W*$")
#: A sentence split after an initial, a title or an item number ("U.S.", "Sen.", "7.").
_ABBREVIATION_END = lazy(
    r"(?:^|[\s.\-(])(?:[A-Z]|Sens?|Reps?|Gov|Gen|Cmdr|Lt|Col|Sgt|Capt|Maj|Adm|Dr|Mr|Mrs|Ms|St|Jr|Sr|Prof|Rev|No|Mt|Ft|Inc|Corp|Co|\d+)\.$"
)
_SUBJECT_PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "i'm", "it's", "he's", "she's", "we're", "they're", "you're"}
#: Words a Title Case headline leaves in lower case.
_MINOR = {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "as", "vs"}


def _short(text: str, sent) -> bool:
    return len(_WORD.findall(text, sent.start, sent.end)) <= 2


def _title_case(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] reads as a Title Case headline ("… From The U.S. And Iran.")."""
    words = [w for w in _WORD.findall(text, start, end) if w.lower() not in _MINOR or w[0].isupper()]
    if len(words) < 4:
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


#: A sentence ending on an indefinite noun phrase ("She was a newcomer."), which "A stranger." restates.
_RESTATED = lazy(r"\b(?:a|an)\s+(?:[\w\-]+\s+){0,2}[\w\-]+\.$", re.IGNORECASE)

#: Items of a list: comma-separated, the last one maybe after "and"/"or".
_ITEM_SPLIT = lazy(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")


class FragmentChecker:
    def __init__(self, rule: Rule):
        p = rule.params
        self.rule = rule
        self.mode = p.get("mode", "modifier")
        self.max_words = int(p.get("max_words", 2))
        self.adjectives = {w.lower() for w in p.get("adjectives", [])}
        self.suffixes = tuple(s.lower() for s in p.get("adjective_suffixes", []))
        self.allow = {w.lower() for w in p.get("allow", [])}
        self.openers = sorted((w.lower() for w in p.get("openers", [])), key=len, reverse=True)
        self.determiners = {w.lower() for w in p.get("determiners", [])}
        self.verbs = {w.lower() for w in p.get("verbs", [])}
        self.min_items = int(p.get("min_items", 2))
        self.min_words = int(p.get("min_words", 6))
        self.exempt_openers = {w.lower() for w in p.get("exempt_openers", [])}

    def looks_adjective(self, word: str) -> bool:
        w = word.lower()
        return w in self.adjectives or (len(w) > 4 and w.endswith(self.suffixes))

    def check(self, doc) -> Iterable[Hit]:
        text = doc.text
        for seg in doc.segments:
            if seg.kind != PARAGRAPH or len(seg.sentences) < 2:
                continue
            sents = seg.sentences
            for k in range(1, len(sents)):
                hit = self._check_pair(text, seg.start, sents[k - 1], sents[k])
                if hit is not None and self.mode not in ("list", "clause"):
                    if _short(text, sents[k - 1]) or k + 1 < len(sents) and _short(text, sents[k + 1]):
                        continue  # "Bigot. Racist. Psychopath.": a run of one-word sentences is style, not a split
                if hit is not None:
                    yield hit

    def _check_pair(self, text: str, para_start: int, prev, sent) -> Hit | None:
        s = text[sent.start : sent.end]
        if not s.endswith(".") or s.endswith("..") or any(q in s for q in _QUOTES):
            return None
        if self.mode == "list":
            return self._check_list(text, para_start, prev, sent, s)
        if self.mode == "clause":
            return self._check_clause(text, para_start, prev, sent, s)
        if s.count(" ") > self.max_words + 1:
            return None  # the two tests below, read off the spaces: too many words, or more than words
        words = _WORD.findall(s)
        if not 1 <= len(words) <= self.max_words or not words[0][0].isupper():
            return None
        if len("".join(words)) + len(words) < len(s) - 1:
            return None  # other characters besides the words: not a bare fragment
        if " ".join(words).lower() in self.allow or words[-1].lower().endswith("ly"):
            return None
        before = text[prev.start : prev.end]
        if not before.endswith(".") or _inside_quote(text, para_start, sent.start):
            return None
        if _ABBREVIATION_END.search(before) or _ABBREVIATION_END.search(s) or _title_case(text, para_start, sent.end):
            return None  # split at "U.S." or "Sen.", or a Title Case headline: not a stranded word
        if words[0].lower() in _SUBJECT_PRONOUNS or any(is_finite(words, i, finite_forms()) for i in range(len(words))):
            return None  # "He didn't.", "Fear throbs.": a short clause, not a stray word
        if len(words) == 2 and words[0].lower() in ("a", "an") and _RESTATED.search(before):
            return None  # "She was a newcomer. A stranger.": a noun phrase restating the one before, for effect
        adjective = len(words) == 1 and self.looks_adjective(words[0])
        if adjective != (self.mode == "modifier"):
            return None
        last = _LAST_WORD.search(text, prev.start, prev.end)
        if last is None:
            return None
        start = last.start(1)
        noun = last.group(1)
        stray = " ".join(words)
        if adjective:
            suggestion = f"{stray.lower()} {noun}."
            message = (
                f"“{stray}.” is an adjective cut off from “{noun}”: Arabic puts the adjective after "
                f"the noun and the translation split them into two sentences"
            )
        else:
            suggestion = None
            message = f"“{stray}.” stands alone as a sentence: it was split off the sentence before it"
        return Hit(start, sent.end, message, suggestion)


    def _check_list(self, text: str, para_start: int, prev, sent, s: str) -> Hit | None:
        low = s.lower()
        opener = next((o for o in self.openers if low.startswith(o + " ")), None)
        if opener is None or not s[0].isupper():
            return None
        items = [i for i in _ITEM_SPLIT.split(s[len(opener) + 1 : -1].strip()) if i]
        if len(items) < self.min_items or not all(self._noun_phrase(i) for i in items):
            return None
        if not text[prev.start : prev.end].endswith(".") or _inside_quote(text, para_start, sent.start):
            return None
        last = _LAST_WORD.search(text, prev.start, prev.end)
        if last is None:
            return None
        listed = s[len(opener) + 1 :]
        if listed[:1].isupper() and listed.split(" ", 1)[0].lower() in self.determiners:
            listed = listed[0].lower() + listed[1:]
        message = (
            f"“{s[:40].rstrip()}{'…' if len(s) > 40 else ''}” is a list with no verb, split off the sentence "
            f"before it: it explains “{last.group(1)}” (Arabic من …, “such as”)"
        )
        return Hit(last.start(1), sent.end, message, f"{last.group(1)}: {listed}")

    def _check_clause(self, text: str, para_start: int, prev, sent, s: str) -> Hit | None:
        if any(c in s for c in "?!:;/@\u2014\u2013") or " - " in s:
            return None  # a question, a list item, a dateline or a byline: not a sentence cut from another
        words = _WORD.findall(s)
        if len(words) < self.min_words or not s[:1].isalnum():
            return None
        first = words[0].lower()
        if first in self.exempt_openers or first.endswith("ing") or first != "the" and first in finite_forms():
            return None  # "And then …", "Thinking of …", "Follow him …": native fragments and imperatives
        if sum(w[0].isupper() for w in words) > 0.6 * len(words):
            return None  # a Title Case heading or a run of names
        before = text[prev.start : prev.end]
        if not before.endswith(".") or before.endswith("..") or _ABBREVIATION_END.search(before):
            return None
        if has_main_verb(s) or _inside_quote(text, para_start, sent.start):
            return None
        last = _LAST_WORD.search(text, prev.start, prev.end)
        start = last.start(1) if last else sent.start
        message = (
            f"“{s[:50].rstrip()}{'…' if len(s) > 50 else ''}” has no main verb: it was cut off the sentence "
            f"before it, or its verb was lost in translation"
        )
        return Hit(start, sent.end, message)

    def _noun_phrase(self, item: str) -> bool:
        """A determiner-led phrase or one or two bare words, with no finite verb
        and no "-ed" word except after a determiner ("the displaced")."""
        words = _WORD.findall(item)
        if not words or len(words) > 8 or any(c in item for c in ":;()"):
            return False
        low = [w.lower() for w in words]
        if low[0] not in self.determiners and len(words) > 2:
            return False
        for i, w in enumerate(low):
            if w in self.verbs or (w.endswith("ed") and (i == 0 or low[i - 1] not in self.determiners)):
                return False
        return True


def _inside_quote(text: str, para_start: int, offset: int) -> bool:
    before = text[para_start:offset]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1
