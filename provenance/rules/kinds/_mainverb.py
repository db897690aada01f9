"""Whether a sentence has a main clause: a finite verb that no subordinator claims.

Used by the ``fragment`` kind in mode ``clause`` (PV125). A sentence whose
only finite verbs sit inside relative or subordinate clauses ("The press that
supports the embargo and its campaign.", "Relief agencies threatening to stop
the aid if they report that the hospital was hit.") has no main verb: the
translation lost it or cut the sentence in two.

No tagger: words are looked up in the finite-verb lexicon of ``verbless``
(``data/finite_verbs.json``). Each subordinator ("who", "which", "if",
"because", a "that" that opens a clause) claims the first finite verb after
it; a finite verb left unclaimed is a main verb. Base forms ("support",
"remain") are finite after a subject the lexicon cannot see as one (a plural
noun or a name, maybe behind an adverb: "most voters still support"), which
``is_finite`` leaves out to stay safe on attributions.
"""

from __future__ import annotations

import re

from provenance.rules.kinds.verbless import finite_forms, is_finite

#: Words, numbers and the punctuation that tells a pronoun "that" from a clause-opening one.
TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*|\d[\d.,%]*|[,;:()]")
#: Subordinators that open a clause with a finite verb of its own ("that" is judged apart).
SUBORDINATORS = frozenset(
    "which who whom whose if when because while although though where whereas unless whether".split()
)
DETERMINERS = frozenset("the a an this these those his her its their our my your some any no every each all both".split())
PRONOUNS = frozenset("he she it they we i you there".split())
PREPOSITIONS = frozenset(
    "of in on at for with by from to into about over under against between among through during without within "
    "across and or but than as per via toward towards near behind before after since until amid upon".split()
)
#: Adverbs between a subject and its verb ("voters still support", "we also stress").
ADVERBS = frozenset(
    "also therefore still often only never always now then already just really mainly jointly directly further "
    "thus again even actually generally usually sometimes currently reportedly allegedly apparently increasingly".split()
)
MODALS = frozenset("will would can could shall should must might".split())
#: Words before a base form that make it an infinitive or an object, not a finite verb.
_NOT_SUBJECT = frozenset("to will would can could may might must shall should do does did not let".split()) | DETERMINERS
#: Endings of adjectives, which modify a following noun rather than govern a verb ("gloomy assessments").
_ADJECTIVE_ENDS = ("ing", "al", "ic", "ive", "ous", "ful", "ed", "ern", "ese", "ish", "ian", "ary", "ble")


#: Auxiliaries whose participle is part of the same verb ("was hit", "has left").
_AUXILIARIES = frozenset("is was were are am be been being has have had having get gets got".split())


def _finite(words: list[str], i: int, forms: dict[str, str]) -> bool:
    if i > 0 and words[i - 1].lower() in _AUXILIARIES:
        return False  # "was hit": one verb, counted at the auxiliary
    if is_finite(words, i, forms):
        return True
    w = words[i]
    low = w.lower()
    if i > 0 and w[:1].isupper():
        return False
    if low in MODALS and (i == 0 or words[i - 1].lower() not in DETERMINERS):
        return True  # "The U.S. will be": a modal is finite wherever it is not a noun ("the will")
    flags = forms.get(low)
    if flags is None or "d" in flags or "z" in flags:
        return False
    j = i - 1
    while j >= 0 and (words[j].lower() in ADVERBS or len(words[j]) > 4 and words[j].lower().endswith("ly")):
        j -= 1
    if j < 0:
        return False
    prev = words[j]
    low_prev = prev.lower()
    if low_prev in _NOT_SUBJECT:
        return False
    if low_prev in PRONOUNS or low_prev in ("who", "which", "that") or prev[:1].isdigit():
        return True  # "they support", "35% agree"
    if j != i - 1:
        return True  # a subject, then an adverb: "most voters still support"
    if prev[:1].isupper():
        return j > 0  # "Netanyahu make": a name before it (not the sentence's first word, an adjective as often)
    if low_prev in PREPOSITIONS or low_prev.endswith(_ADJECTIVE_ENDS) or low_prev in forms:
        return False  # "its long campaign", "to help support": a word that may be a verb or an adjective itself
    return prev.isalpha()  # a plain noun before it: "the senators oppose"


def has_main_verb(sentence: str) -> bool:
    """Whether ``sentence`` has a finite verb outside every subordinate clause."""
    forms = finite_forms()
    tokens = TOKEN.findall(sentence)
    words = [t for t in tokens if t[0].isalnum()]
    after = {}  # word index -> the token after it (a comma makes "that" a pronoun)
    prev_tok = {}
    k = -1
    for n, t in enumerate(tokens):
        if t[0].isalnum():
            k += 1
            after[k] = tokens[n + 1] if n + 1 < len(tokens) else ""
            prev_tok[k] = tokens[n - 1] if n else ""
    pending = 0
    for i, w in enumerate(words):
        low = w.lower()
        if low.endswith("n't"):
            return True
        if low == "that" and i > 0 and after[i] not in ",;:" and words[i - 1].lower() not in PREPOSITIONS:
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if nxt.lower() in DETERMINERS or nxt.lower() in PRONOUNS or nxt and _finite(words, i + 1, forms):
                pending += 1  # "the press that supports", "… that the hospital was hit"
                continue
        if _finite(words, i, forms):
            if pending:
                pending -= 1
                continue
            return True
        if low in SUBORDINATORS and i > 0 and prev_tok[i] != "(":
            pending += 1
    return False
