"""The cue lexicon (lexicon.yaml) compiled into regular expressions and word sets.

Loaded once per process; everything here is read-only after loading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from provenance.attributions.finders import (
    Finder,
    LiteralGate,
    OpeningIndex,
    OutletFinder,
    WordFinder,
    by_first_word,
    candidate_sources,
    opening_words,
    reversed_at_end,
    trie_pattern,
)
from provenance.lazyre import lazy

LEXICON_PATH = Path(__file__).with_name("lexicon.yaml")

#: The words a medium opens with ("in a statement", "on Telegram").
MEDIUM_PREPOSITIONS = ("in", "at", "during", "on", "via", "through", "from", "with")

#: Quotation marks, opening and closing (the straight ones are both).
OPEN_QUOTES = "\"“«„‘'"
CLOSE_QUOTES = "\"”»’'"
QUOTES = "\"“”«»„"
#: Cue forms that are nouns first: a verb only where verb_cue says so ("The Post reports that"), so the
#: subject walks do not stop at them ("leaked reports revealed", "reports indicated", "the note says").
NOUN_FIRST = frozenset({"reports", "note"})


@dataclass(frozen=True)
class VerbInfo:
    lemma: str
    participle: bool = False
    audience: bool = False
    requires: str | None = None
    that_only: bool = False
    document_subject: bool = False
    postposed_only: bool = False
    relay: str | None = None
    directive: bool = False
    object_reports: bool = False


@dataclass
class Lexicon:
    verbs: dict[str, VerbInfo]
    cue_re_any_case: re.Pattern
    cue_finder: WordFinder
    according_finder: Finder
    cue_any_case_finder: Finder
    unspecified_finders: list[Finder]
    statement_finder: Finder
    connective_finder: Finder
    #: cue, according, unspecified, statement and connective patterns (``OPENERS`` order) in one
    #: pass; None when some pattern's opening words cannot be read off it
    openers: OpeningIndex | None
    #: the negators as one alternation: one search instead of one per negator
    negator_re: re.Pattern
    passive_aux: frozenset[str]
    relay_participles: frozenset[str]
    #: compound cues (``compound``): the words of a verb group, those that make it irrealis,
    #: and the groups that report with no clause of their own
    verb_group_words: frozenset[str]
    verb_group_irrealis: frozenset[str]
    verb_group_reporting: re.Pattern
    #: blocked senses (lexicon.yaml ``blocked_senses``): cue form -> what may not follow it
    blocked_after: dict[str, re.Pattern]
    #: cue form -> the words that may not stand right before it
    blocked_before: dict[str, frozenset[str]]
    outlet_alias: dict[str, str]
    outlet_re: re.Pattern
    outlet_finder: OutletFinder | None
    outlet_nouns: frozenset[str]
    outlet_agency_words: frozenset[str]
    document_nouns: frozenset[str]
    anonymous_nouns: frozenset[str]
    organization_nouns: frozenset[str]
    role_nouns: frozenset[str]
    org_words: frozenset[str]
    title_words: frozenset[str]
    name_abbreviations: frozenset[str]
    places: frozenset[str]
    reason_re: re.Pattern
    medium_re: re.Pattern
    pre_cue_adverbs: frozenset[str]
    time_words: frozenset[str]
    intro_words: frozenset[str]
    extra: dict = field(default_factory=dict)

    # Read off the patterns when first asked (a parse each): many documents never ask.
    @cached_property
    def negator_gate(self) -> LiteralGate:
        return LiteralGate(self.negator_re)

    @cached_property
    def negator_at_end(self) -> re.Pattern | None:
        """negator_re for the piece reversed, tried once at its start (``reversed_at_end``); None: search negator_re."""
        return reversed_at_end(self.negator_re)

    @cached_property
    def reason_gate(self) -> LiteralGate:
        return LiteralGate(self.reason_re)


def _words(items) -> frozenset[str]:
    return frozenset(str(x).lower() for x in items or ())


def _lexicon_data() -> dict:
    """lexicon.yaml parsed, through the on-disk cache: the parse (and the YAML
    library's import) costs more than checking a short article."""
    from provenance import cache

    return cache.parsed("lexicon", LEXICON_PATH.read_bytes(), _parse_lexicon, namespace="lexicon")


def _parse_lexicon(raw: bytes) -> dict:
    from ruamel.yaml import YAML

    from provenance.yamlguard import guard

    guard(raw)  # a shipped file, but read like any other YAML
    return YAML(typ="safe", pure=False).load(raw)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = _lexicon_data()
    verbs: dict[str, VerbInfo] = {}
    for lemma, spec in data["verbs"].items():
        common = dict(
            lemma=lemma,
            audience=bool(spec.get("audience")),
            requires=spec.get("requires"),
            that_only=bool(spec.get("that_only")),
            document_subject=bool(spec.get("document_subject")),
            postposed_only=bool(spec.get("postposed_only")),
            relay=spec.get("relay"),
            directive=bool(spec.get("directive")),
            object_reports=bool(spec.get("object_reports")),
        )
        for form in spec.get("forms") or []:
            verbs[" ".join(form.lower().split())] = VerbInfo(participle=False, **common)
        for form in spec.get("participle") or []:
            verbs[" ".join(form.lower().split())] = VerbInfo(participle=True, **common)
    forms = sorted(verbs, key=len, reverse=True)
    # Blocked senses, by cue form: a sense names its lemma and, optionally, the forms it is limited to.
    after: dict[str, list[str]] = {}
    before: dict[str, set[str]] = {}
    for sense in data.get("blocked_senses") or []:
        if not sense.get("reason"):
            raise ValueError(f"lexicon.yaml: blocked sense of {sense.get('lemma')!r} without a reason")
        senses_forms = [" ".join(str(f).lower().split()) for f in sense.get("forms") or ()] or [f for f, v in verbs.items() if v.lemma == sense["lemma"]]
        for f in senses_forms:
            if sense.get("after"):
                after.setdefault(f, []).append(sense["after"])
            before.setdefault(f, set()).update(str(w).lower() for w in sense.get("before") or ())
    cue_re = re.compile(r"\b" + trie_pattern(forms) + r"\b")
    # The trie, not the alternation of the forms longest first: it finds the same match (of the forms
    # that match at a place, one path of the trie holds them all, and its greedy branches end at the
    # longest one a \b follows) without trying some 200 forms one by one (a headline's or an opening's cue)
    cue_re_any_case = lazy(cue_re.pattern, re.IGNORECASE)

    outlet_alias: dict[str, str] = {}
    for canonical, aliases in data["outlets"].items():
        for name in [canonical, *(aliases or [])]:
            outlet_alias[name.lower()] = canonical
    outlet_names = sorted(outlet_alias, key=len, reverse=True)
    outlet_re = lazy(r"(?<![\w-])(?:" + trie_pattern(outlet_names) + r")(?![\w-])", re.IGNORECASE)

    according_branches = [data["according_to"], r"as\s+(?:quoted|reported)\s+by"]
    # compiled on first use (provenance.lazyre), as are the patterns below: one document needs few of them
    according_re = lazy(r"\b(?:" + "|".join(according_branches) + r")\b", re.IGNORECASE)
    unspecified_res = [lazy(p) for p in data["unspecified"]]
    statement_re = lazy(data["statement_cue"], re.IGNORECASE)
    connective_re = lazy(r"\b(?:" + "|".join(data["connectives"]) + r")\b", re.IGNORECASE)

    negator_re = lazy("|".join(f"(?:{p})" for p in data["negators"]), re.IGNORECASE)
    reason_re = lazy("|".join(f"(?:{p})" for p in data["anonymity_reasons"]), re.IGNORECASE)

    # The patterns that open attributions, with the words their matches open with (OPENERS order).
    cue_first_words = {f.split()[0] for f in forms}
    opening = [
        (cue_re, cue_first_words),
        (according_re, opening_words(by_first_word(according_branches))),
        *((rx, opening_words(candidate_sources(rx.pattern))) for rx in unspecified_res),
        (statement_re, opening_words(candidate_sources(statement_re.pattern))),
        (connective_re, opening_words(by_first_word(data["connectives"]))),
    ]
    openers = OpeningIndex(opening) if all(words for _, words in opening) else None

    media = sorted(data["media_nouns"], key=len, reverse=True)
    medium_re = lazy(
        r"(?:" + "|".join(MEDIUM_PREPOSITIONS) + r")\s+(?:(?:a|an|the|his|her|its|their|our|this|that)\s+)?"
        r"(?:[\w'’\-]+\s+){0,5}?(?:" + trie_pattern([" ".join(m.lower().split()) for m in media]) + r")\b",
        re.IGNORECASE,
    )
    return Lexicon(
        verbs=verbs,
        cue_re_any_case=cue_re_any_case,
        cue_finder=WordFinder(cue_re, cue_first_words),
        according_finder=Finder(according_re, by_first_word(according_branches)),
        cue_any_case_finder=Finder(cue_re_any_case, [trie_pattern(forms)]),
        unspecified_finders=[Finder(rx, candidate_sources(rx.pattern)) for rx in unspecified_res],
        statement_finder=Finder(statement_re, candidate_sources(statement_re.pattern)),
        connective_finder=Finder(connective_re, by_first_word(data["connectives"])),
        openers=openers,
        negator_re=negator_re,
        passive_aux=_words(data["passive_aux"]),
        relay_participles=_words(data["relay_participles"]),
        verb_group_words=_words(data["verb_group_words"]),
        verb_group_irrealis=_words(data["verb_group_irrealis"]),
        verb_group_reporting=lazy(r"(?:" + "|".join(data["verb_group_reporting"]) + r")\s*$", re.IGNORECASE),
        blocked_after={k: lazy("|".join(f"(?:{p})" for p in v), re.IGNORECASE) for k, v in after.items()},
        blocked_before={k: frozenset(v) for k, v in before.items() if v},
        outlet_alias=outlet_alias,
        outlet_re=outlet_re,
        outlet_finder=OutletFinder(outlet_re, outlet_names) if all(n.isascii() and "  " not in n for n in outlet_names) else None,
        outlet_nouns=_words(data["outlet_nouns"]),
        outlet_agency_words=_words(data["outlet_agency_words"]),
        document_nouns=_words(data["document_nouns"]),
        anonymous_nouns=_words(data["anonymous_nouns"]),
        organization_nouns=_words(data["organization_nouns"]),
        role_nouns=_words(data["role_nouns"]),
        org_words=frozenset(data["org_words"]),
        title_words=frozenset(data["title_words"]),
        name_abbreviations=frozenset(data["name_abbreviations"]),
        places=frozenset(w for p in data["places"] for w in [p, *p.split()]),
        reason_re=reason_re,
        medium_re=medium_re,
        pre_cue_adverbs=_words(data["pre_cue_adverbs"]),
        time_words=_words(data["time_words"]),
        intro_words=_words(data["intro_words"]),
    )
