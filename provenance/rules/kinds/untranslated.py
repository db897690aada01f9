"""Kinds ``foreign-script`` and ``foreign-language``: text left untranslated.

foreign-script: a run of letters from a script other than Latin (Arabic,
Hebrew, Cyrillic, …) inside the English text.

foreign-language: a Latin-script sentence in another language. Sentences
that plainly read as English (function words, see document.language) are not
sent to langdetect; the rest are, with a fixed seed so results repeat.

params (foreign-language):
  min_words: 6        shorter sentences are too short to identify
  min_probability: 0.9
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from provenance.document.language import ENGLISH_GATE, LANGUAGE_NAMES, detect, english_ratio
from provenance.lazyre import lazy
from provenance.rules import Hit
from provenance.rules.kinds._context import DocIndex
from provenance.rules.model import Rule

SCRIPTS = {
    "Arabic": "\u0600-\u061b\u061d-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc",
    "Hebrew": "\u0590-\u05ff\ufb1d-\ufb4f",
    "Cyrillic": "\u0400-\u04ff",
    "Greek": "\u0370-\u03ff",
    "Devanagari": "\u0900-\u097f",
    "Thai": "\u0e00-\u0e7f",
    "CJK": "\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af",
    "Armenian": "\u0530-\u058f",
    "Georgian": "\u10a0-\u10ff",
}
_JOINERS = r"[\s\u200c\u200d\-.,:;!?\u060c\u061b\u061f()]"


@lru_cache(maxsize=1)
def _script_regex() -> re.Pattern:
    """Runs of letters per script; compiled on first use (most texts have none)."""
    parts = []
    for name, chars in SCRIPTS.items():
        parts.append(f"(?P<{name}>[{chars}]+(?:{_JOINERS}+[{chars}]+)*)")
    return re.compile("|".join(parts))


_ANY_SCRIPT = lazy("[" + "".join(SCRIPTS.values()) + "]")  # one cheap pass: most texts have none (nor compile it)


class ForeignScriptChecker:
    def __init__(self, rule: Rule):
        self.rule = rule
        self.allow = set(rule.params.get("allow_scripts", []))

    def check(self, doc) -> Iterable[Hit]:
        from provenance.rules.kinds.invisible import has_unusual_characters

        if not has_unusual_characters(doc):
            return
        first = _ANY_SCRIPT.search(doc.text)
        if first is None:
            return
        index = DocIndex.of(doc)
        for m in _script_regex().finditer(doc.text, first.start()):
            script = m.lastgroup
            if script in self.allow or index.in_scope(m.start(), m.end(), self.rule.scope) is None:
                continue
            words = len(m.group().split())
            what = "word" if words == 1 else f"{words} words"
            yield Hit(m.start(), m.end(), f"{script} script in English text ({what}) was left untranslated", None)


_WORD = re.compile(r"[^\W\d_]+")


def _mostly_names(sentence: str) -> bool:
    """Headlines and lists of names ("Elite League: Dundee Stars 5-3 Belfast
    Giants") have no function words and fool language identification."""
    words = _WORD.findall(sentence)
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) > 0.6


_COMMON = (" the ", " of ", " and ", " to ", " that ", " in ")


def _plainly_english(sentence: str) -> bool:
    """Two of the commonest English words: no need to count function words."""
    lowered = sentence.lower()
    seen = False
    for w in _COMMON:  # stops at the second found: most sentences have two of the first three
        if w in lowered:
            if seen:
                return True
            seen = True
    return False


_LONG_WORD = re.compile(r"[^\W\d_]{3,}")


def _english_vocabulary(sentence: str) -> bool:
    """Every word of three letters or more is in the English vocabulary of the
    romanized-Arabic model (wordfreq's): headline English that drops the
    function words the gate counts. A French or Spanish sentence keeps words
    English lacks ("gouvernement", "llevar"). Measured on PolNeAR train: 6 of
    the 8 PV502 warnings were such headlines."""
    from provenance.rules.kinds._romanized_model import model

    words = _LONG_WORD.findall(sentence)
    if not words:
        return False
    known = model().known
    return all(known(w.lower()) for w in words)


class ForeignLanguageChecker:
    def __init__(self, rule: Rule):
        p = rule.params
        self.rule = rule
        self.min_words = int(p.get("min_words", 6))
        self.min_probability = float(p.get("min_probability", 0.9))

    def check(self, doc) -> Iterable[Hit]:
        text = doc.text
        for sent in doc.sentences:
            if sent.kind not in self.rule.scope:
                continue
            s = text[sent.start : sent.end]
            if _plainly_english(s):
                continue
            ratio, tokens = english_ratio(s)
            if tokens < self.min_words or ratio >= ENGLISH_GATE or _mostly_names(s):
                continue
            if _english_vocabulary(s):
                continue  # "Rail Strike Talks Stall Again.": a headline without function words
            guess = detect(s)
            if guess is None:
                continue
            lang, prob = guess
            if lang != "en" and prob >= self.min_probability:
                name = LANGUAGE_NAMES.get(lang, lang)
                yield Hit(sent.start, sent.end, f"sentence reads as {name} (langdetect {prob:.2f}), not English: untranslated?", None)
