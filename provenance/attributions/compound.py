"""Compound cues: a reporting verb inside a verb group ("did say", "has since said", "went
on to say"; not "wants to say", "will warn"), in the passive ("was confirmed by the clinic",
"is quoted as saying"), a participle or that-only verb admitted by what follows it (a
reported clause, a directive's infinitive, an object that is what was said).

The words of a verb group are data (lexicon.yaml ``verb_group_words``); the extractor
looks for the subject left of the whole group.
"""

from __future__ import annotations


from provenance.attributions.cues import lexicon
from provenance.lazyre import lazy

#: One word of a verb group before a position, with the spaces after it (matched on the reversed text).
_WORD_BACK = lazy(r"\s+([\w'’]+)")
#: How far left a verb group may reach (characters).
GROUP_WINDOW = 80
#: A reported clause ahead: "that", a colon, a quotation, or a question word ("whether").
_CLAUSE_AHEAD = lazy(r"\s*(?:,[^,]{0,60},\s*)?(?:that\b|:|,?\s*[\"“]|whether\b|if\b)")
#: What a directive reports: "to" and a verb, or a listener and then "to" ("urged Congress to act"), or "for".
_DIRECTIVE_AHEAD = lazy(r"\s+(?:(?:[\w'’.\-]+\s+){0,5}?to\s+[a-z]|for\b)")
#: A passive's agent: "was confirmed by the clinic", "were claimed by Islamic State".
_BY_AGENT = lazy(r"\s+(?:(?:first|later|also|widely|publicly|officially)\s+)?by\s+(?=[A-Z]|(?:the|a|an|his|her|its|their)\s)")


#: A causative before "to" and a base form: "led Republicans to say that", "prompted the mayor to warn that";
#: group 1 is the one made to speak (a capitalized name, or a determiner and a noun; no comma inside).
_CAUSATIVE_TO = lazy(
    r"\b(?:led|leads|lead|leading|prompted|prompts|prompting|drove|drives|driving|forced|forces|force|forcing|"
    r"spurred|spurs|pushed|pushes|moved|compelled|inspired|caused|causing)\s+"
    r"((?:[A-Z][\w'’.\-]*|(?:the|some|many|several|other|both|most)\s+[\w'’\-]+)(?:\s+[\w'’.\-]+){0,4}?)\s+to\s+$"
)


def causative_object(text: str, lo: int, cue_start: int) -> tuple[int, int] | None:
    """The one made to speak by a causative before "to" and the cue ("led Republicans to say"), or None."""
    m = _CAUSATIVE_TO.search(text, max(lo, cue_start - GROUP_WINDOW), cue_start)
    return m.span(1) if m else None


def verb_group(text: str, lo: int, cue_start: int) -> tuple[int, list[str]]:
    """Where the verb group before text[cue_start] begins, and its words (lower case, left to
    right); (cue_start, []) when none of its words stands right before the cue."""
    words_ok = lexicon().verb_group_words
    window = text[max(lo, cue_start - GROUP_WINDOW) : cue_start][::-1]
    at, pos, words = 0, cue_start, []
    while True:
        m = _WORD_BACK.match(window, at)
        if m is None:
            break
        word = m.group(1)[::-1]
        if word.lower() not in words_ok:
            break
        words.append(word.lower())
        at = m.end()
        pos = cue_start - m.end()  # the reversed match ends where the word starts
    return pos, words[::-1]


#: A clause without "that" whose subject is a pronoun ("voters saying they want a ban", "calls saying it had
#: begun"): the pronoun, at most one word, then a finite verb.
_BARE_CLAUSE_AHEAD = lazy(
    r"\s+(?:he|she|they|it|we|I|there)\s+(?:[a-z]+\s+)?(?:is|are|was|were|will|would|had|has|have|did|does|do|can|could|"
    r"should|must|want|wants|wanted|need|needs|needed|planned|plan|plans|[a-z]{3,}ed)\b"
)


def bare_clause_ahead(text: str, pos: int, end: int) -> bool:
    """A that-less clause with a pronoun subject follows pos."""
    return _BARE_CLAUSE_AHEAD.match(text, pos, end) is not None


def clause_ahead(text: str, pos: int, end: int) -> bool:
    """A reported clause follows pos: "that", a colon, a quotation or "whether"."""
    return _CLAUSE_AHEAD.match(text, pos, end) is not None


def directive_ahead(text: str, pos: int, end: int) -> bool:
    """What a call or a promise reports follows pos ("to act", "Congress to act", "for calm")."""
    return _DIRECTIVE_AHEAD.match(text, pos, end) is not None


def admits(text: str, lo: int, cue_start: int, cue_end: int, end: int, info) -> int | None:
    """The end of the subject of a base form inside a verb group ("did say", "has since
    said"), or None when the group makes it no report: a want, a future, an obligation or an
    ability ("wants to say", "will tell", "had to explain"); "went on to say" always counts."""
    lex = lexicon()
    group_start, words = verb_group(text, lo, cue_start)
    if not words:
        return None
    if (reporting := lex.verb_group_reporting.search(text, max(lo, cue_start - GROUP_WINDOW), cue_start)) is not None:
        return min(group_start, reporting.start())  # the subject stands before "took to Twitter to", not "Twitter"
    if not lex.verb_group_irrealis.isdisjoint(words):
        return None  # "had to explain that", "will warn that": an obligation or a future, not a report
    return group_start


def passive_agent(text: str, cue_end: int, end: int) -> int | None:
    """Where the agent of a passive cue starts ("was confirmed by the clinic"), or None."""
    m = _BY_AGENT.match(text, cue_end, end)
    return m.end() if m else None


#: What may open the object of a that-only verb used without "that": a word or a quotation
#: ("noted the change", "complained about the tone"); not the end of a clause ("had predicted.").
_OBJECT_AHEAD = lazy(r"\s+(?:[\"“]|[\w$])")
_GERUND_AHEAD = lazy(r"\s+(?:not\s+)?[a-z]{3,}ing\b")
_SPEAKER_HEAD = lazy(r"[\w'’\-]+$")
_NOT_AFTER = frozenset("a an the his her their its our my your whose this that these those of".split())


def object_ahead(text: str, pos: int, end: int) -> bool:
    """A word or a quotation follows pos (not the end of a clause)."""
    return _OBJECT_AHEAD.match(text, pos, end) is not None


def that_less(text: str, subject: tuple[int, int], prev_word: str, cue_end: int, end: int, info) -> bool:
    """A that-only verb without "that" is a cue when its subject names a speaker (a name, a
    pronoun, a person or a body) and what follows is reported: for a verb whose object is
    what was said (lexicon.yaml ``object_reports``: "mentioned the deal", "complained about
    the tone", "noted the closure", "predicted a win") any object; "suggest" also takes a
    gerund ("suggested rallying allies"); the others only a clause, which
    ``_THAT_CLAUSE_AHEAD`` has already admitted. After a determiner the word is an
    adjective or a noun ("her repeated claims", "the noted author")."""
    from provenance.attributions.extract_common import PRONOUNS

    if prev_word in _NOT_AFTER or not _OBJECT_AHEAD.match(text, cue_end, end):
        return False
    if not info.object_reports and not (info.lemma == "suggest" and _GERUND_AHEAD.match(text, cue_end, end)):
        return False
    s, e = subject
    words = text[s:e]
    head = _SPEAKER_HEAD.search(words)
    low = head.group().lower() if head else ""
    lex = lexicon()
    return (
        words[:1].isupper()
        or words.lower() in PRONOUNS
        or low in lex.anonymous_nouns
        or low in lex.organization_nouns
        or low in lex.role_nouns
    )
