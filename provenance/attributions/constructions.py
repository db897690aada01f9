"""A verb cue in a construction other than the active clause with its subject before it.

- ``_passive``: "X is quoted as saying …" (X speaks), "… was confirmed by the clinic"
  (the agent speaks);
- ``_participle``: ", adding that …" and "sent a letter urging …" (the speaker is
  inherited from the clause: ``compose``), the progressive ("is telling voters that …")
  and a share as the source ("with 41 percent of residents saying …");
- ``_quoted``: the relay "X quoted Y as saying …" (two links).

``verb_cue`` decides which of them a match is; ``_THAT_CLAUSE_AHEAD`` (a reported
clause after the cue) is shared with it.
"""

from __future__ import annotations

import re

from provenance.attributions import compound
from provenance.attributions.cues import lexicon
from provenance.attributions.extract_common import PRONOUNS, Raw, RawLink, _strip
from provenance.attributions.following import after_cue, cut_adverbial, right_np
from provenance.attributions.finders import reversed_at_end
from provenance.attributions.scan import _content, _content_end
from provenance.attributions.speaker import left_subject
from provenance.lazyre import lazy

_THAT_CLAUSE_AHEAD = re.compile(
    r"\s*(?:,[^,]{0,60},\s*)?"
    # "insisted on the radio that", "insisted at a meeting on Friday that": a short phrase of place or medium first
    r"(?:(?:on|to|in|at|during|before|after|from)\s+(?:[\w'’.\-]+\s+){1,6}?(?=that\b))?"
    r"(?:that\b|:|,?\s*[\"“]"
    # a clause without "that": a short subject, then a modal or "is/was" ("suggested the city should pay")
    r"|(?:(?:the|a|an|his|her|their|its)\s+)?(?:[\w'’\-]+\s+){0,3}?(?:should|would|could|will|can|might|must|was|is|were|are|had|has|have|did|does)\s"
    # a personal pronoun as the subject of a clause ("insisted she had not seen it")
    r"|(?:he|she|they|we|I)(?:\s+(?!and\b|or\b|to\b)[a-z’']|['’](?:s|d|ll|re|ve|m)\s)"
    # a capitalized name, then a past-tense verb ("noted the City Council paid the bill")
    r"|(?:the\s+)?(?:[A-Z][\w'’.\-]*\s+){1,3}(?:had|has|have|was|were|is|are|did|[a-z]{3,}ed)\s)"
)
_PARTICIPLE_LEAD = re.compile(r"(?:,[\"”’']?|[-–—]|\b(?:after|before|while|when|by|in|also|earlier|later|then|again|further|and)|\b(?:after|while|before)\s+\w+ly)\s*$")
#: A form of "be" (and an adverb) before a participle: the progressive of a reporting verb.
_PROGRESSIVE_AUX = re.compile(r"\b(?:is|are|was|were|am)\s+(?:also\s+|now\s+|still\s+|already\s+|increasingly\s+|openly\s+|publicly\s+)?$")
# Both end with "$" and open with "\b" or an alternation, so a search tries them at every character: the
# piece reversed is matched once at its start instead (``reversed_at_end``). A slice's "\b" at its first
# character sees no character before it, so on a slice _PROGRESSIVE_AUX may match where the search with
# offsets does not, never the other way round: its reversed match only rules a search out.
_PARTICIPLE_LEAD_REVERSED = reversed_at_end(_PARTICIPLE_LEAD)
_PROGRESSIVE_AUX_REVERSED = reversed_at_end(_PROGRESSIVE_AUX)
_LISTENER_THAT = lazy(r"\s+(?:[\w'’.\-]+\s+){1,3}(?:that\b|[\"“])")
_LONG_LISTENER_THAT = lazy(r"\s+(?:[\w'’.\-]+,?\s+){1,14}?(?:that\b|[\"“])")  # a listener with its place and day
#: "in" before a participle: what was done ("in writing"); "by" is a cue ("struck back by accusing the council of …": PolNeAR marks it 18 times in 31 on train)
_IN_BEFORE_PARTICIPLE = lazy(r"\bin\s*$")
#: group "cue": the words that introduce the one quoted ("as saying", "as telling" before its listener)
_AS_SAYING = lazy(r"\s*,?\s*(?P<cue>as\s+(?:saying|having\s+said|(?P<tell>telling)))(?(tell)\s+\w+)\b\s*(?:that\b|:|,)?\s*")
_WORD_BEFORE = lazy(r"\b([A-Za-z][\w'’\-]*)\s$")
#: Words before a participle that make it no participle after a noun (verbs, prepositions, pronouns, determiners).
_NOT_A_NOUN = frozenset(
    "is are was were be been being am has have had do does did not never also still just even only then now "
    "by in on of for to from with without about after before while when since as at into than that which who "
    "whom what the a an this these those his her their its our my your and or but nor so i you he she it we they "
    "me him us them stop stopped keep kept start started begin began avoid avoided quit risk mean means "
    "most more less very so too worth no any".split()  # "most telling", "worth noting", "no denying": an adjective or a gerund
)
_WITH_END = lazy(r"\bwith\s+(?:[\w'’\-]+\s+){0,6}$")
_GERUND_FIRST = lazy(r"[a-z]+ing\b")
_WITH_WORD = lazy(r"\bwith\b")
_REPORTED_BEFORE = lazy(r"\b(?:said|says|say|told|tells|reported|according\s+to)\b")
#: Messages and writings beside the document nouns ("sent an email saying", "wrote a column saying").
_SENT_NOUNS = frozenset("email emails e-mail message messages ad ads text texts tweets posts column article op-ed editorial essay book blog piece".split())
#: "asked" as a request: an object (up to eight words, no verb of its own) then "to" and a verb
#: ("asked the court to block the rule"), or "for" ("asked for a delay"): the asker speaks (PolNeAR marks it)
#: ("asked X not to …", like the anonymity formula "asked not to be named", stays out)
_ASKED_TO = lazy(r"\s+(?:(?!to\b|not\b|that\b|but\b|was\b|were\b|is\b|are\b|had\b|has\b|who\b|which\b)[\w'’.\-]+,?\s+){0,8}?(?:to\s+[“\"]?(?!be\b|the\b|a\b|an\b|his\b|her\b|their\b|its\b|him\b|them\b|me\b|us\b)[a-z]{2,}\b|for\s+[\w“\"$])")
_LOWER_WORD = lazy(r"[a-z]+")
#: words between a subject and "asked" ("we've also asked")
_REQUEST_AUX = frozenset(("ve", "have", "has", "had", "also", "just", "already", "repeatedly"))
#: a document made public earlier in the sentence ("released an email exchange in which she asked him to …"):
#: the request is its content, as after a cue of saying (statement_cue's verbs)
_PUBLISHED = frozenset(("released", "published", "issued"))
#: -s forms that are nouns as often as verbs ("a coalition of 13 states asked"): no cue of saying before a request
_S_NOUNS = frozenset(("claims", "notes", "states", "shows", "reports", "remarks", "jokes", "pledges", "promises", "vows", "mentions", "replies", "answers", "tweets"))
_RELATIVE_BEFORE_GROUP = lazy(r"\b(?:what|which|that|as|who)\s*$", re.IGNORECASE)
_AS_BEFORE = lazy(r"\b(?:as|as\s+having)\s*$", re.IGNORECASE)
# "with 41 percent of residents saying", "with three in 10 saying": the share is the source of the participle
_SHARE_BEFORE = lazy(
    r"\bwith\s+((?:(?:about|nearly|almost|some|only|just|roughly|more\s+than|fewer\s+than|less\s+than)\s+)?"
    r"(?:\d[\d,.]*\s*(?:percent|%)|(?:one|two|three|four|five|six|seven|eight|nine|\d)\s+in\s+(?:\d+|ten|five|four|three))"
    r"(?:\s+of\s+[\w'’\- ]{1,40}?)?)\s+$"
)

#: ", with" and a name or a short noun phrase right before a participle: its subject (an absolute phrase;
#: not "met with Tom Reed saying", where "with" is the verb's).
_WITH_SUBJECT_BEFORE = lazy(
    r"(?:,|[—–])\s*with\s+((?:(?:the|his|her|their|its|some|many|most|top|other|several)\s+(?:[a-z][\w'’\-]*\s+){0,3}[a-z][\w'’\-]*s"
    r"|(?:[A-Z][\w.'’\-]*\s+){0,3}[A-Z][\w'’\-]+))\s+$"
)


def asked_request(text: str, start: int, cue_start: int, cue_end: int, end: int) -> bool:
    """ "asked the court to act", "asked for a delay": a request made, unless a cue of saying stands earlier
    in the sentence ("Ann said her aide asked for a delay", "according to the filing, she asked him to stay"):
    there the request is part of what that speaker reports (PolNeAR marks only the outer statement)."""
    if _ASKED_TO.match(text, cue_end, end) is None:
        return False
    lo = max(start, cue_start - 200)
    lo = max(lo, text.rfind(". ", lo, cue_start) + 1, text.rfind("\n", lo, cue_start) + 1)
    before = text[lo:cue_start].lower()
    words = _LOWER_WORD.findall(before)
    while words and words[-1] in _REQUEST_AUX:
        words.pop()
    if words and words[-1] in ("i", "we"):
        return False  # "I ask you to …", "we've asked them to …": a quoted speaker's or the writer's own words
    verbs = lexicon().verbs
    return not ("according to" in before or any(w in verbs and w not in _S_NOUNS or w in _PUBLISHED for w in words))


def _passive(text: str, start: int, end: int, m: re.Match, info) -> Raw | None:
    """A cue in the passive: "X is quoted as saying ..." (X speaks), "... was confirmed by the
    clinic" (the agent speaks; what was confirmed is the subject). Others ("were reported
    trapped") are no attribution."""
    group, _ = compound.verb_group(text, start, m.start())
    if info.relay == "as saying":
        tail = _AS_SAYING.match(text, m.end(), end)
        subj = left_subject(text, start, group)
        if tail is None or subj.span is None or subj.coordinated:
            return None
        return Raw((m.start(), m.end()), "verb", [RawLink(*subj.span, reason=subj.reason)], _content(text, tail.end(), end), subj.span[0])
    if _RELATIVE_BEFORE_GROUP.search(text, max(start, group - 30), group):
        return None  # "according to what was reported by X": the phrase names the source itself
    agent = compound.passive_agent(text, m.end(), end)  # "was asked by the moderator whether ...": the one asking
    if agent is None:
        return None
    span, reason, _ = right_np(text, agent, end, allow_commas=False)
    if span is None:
        return None
    span = cut_adverbial(text, *span)  # "was reported by the council on Monday": the agent ends before the day
    cs, ce = _strip(text, start, group)
    content = (cs, _content_end(text, cs, ce)) if cs < ce else None
    return Raw((m.start(), m.end()), "verb", [RawLink(*span, reason=reason)], content, start, postposed=True)


def _participle(text: str, start: int, end: int, m: re.Match, info) -> Raw | None:
    before = text[max(start, m.start() - 30) : m.start()]
    # both patterns hold "with": where the 80 characters before the cue have none, neither is searched
    with_before = text.find("with", max(start, m.start() - 80), m.start()) >= 0
    share = _SHARE_BEFORE.search(text, max(start, m.start() - 80), m.start()) if with_before and info.lemma == "say" else None
    # "with Ann Bell tweeting that …", "with top aides saying": the one after "with" speaks
    share = share or (_WITH_SUBJECT_BEFORE.search(text, max(start, m.start() - 60), m.start()) if with_before else None)
    if share:
        after = after_cue(text, m.end(), end, audience=False)
        content = _content(text, after.content_start, end)
        if content is None:
            return None
        return Raw((m.start(), m.end()), "participle", [RawLink(share.start(1), share.end(1))], content, share.start(1))
    lead = max(start, m.start() - 30)
    progressive = _PROGRESSIVE_AUX.search(text, lead, m.start()) if _PROGRESSIVE_AUX_REVERSED is None or _PROGRESSIVE_AUX_REVERSED.match(text[lead : m.start()][::-1]) else None
    if progressive is not None:
        # "Ann Bell is telling voters that …", "critics are arguing that …": the subject stands before the auxiliary
        subj = left_subject(text, start, progressive.start())
        after = after_cue(text, m.end(), end, audience=info.audience)
        content = _content(text, after.content_start, end)
        if subj.span is None or subj.coordinated or content is None or text[subj.span[0]].islower() and text[subj.span[0] : subj.span[1]].lower() not in PRONOUNS:
            return None
        if text[subj.span[0] : subj.span[0] + 5].lower().startswith("what") or not (
            _THAT_CLAUSE_AHEAD.match(text, m.end(), end) or _LISTENER_THAT.match(text, m.end(), end)
            or (info.audience and _LONG_LISTENER_THAT.match(text, m.end(), end))  # "is telling a crowd in Leeds on Monday that"
            or (info.directive and (info.lemma == "call for" or compound.directive_ahead(text, m.end(), end)))  # "Clinton is calling for ..."
            or (info.lemma == "ask" and asked_request(text, start, m.start(), m.end(), end))  # "unions are asking the mayor to resign"
        ):
            return None  # "What she is saying is …"; "The problem is saying no": no reported clause
        links = [RawLink(*subj.span, reason=subj.reason)] + subj.relays + after.relays
        return Raw((m.start(), m.end()), "verb", links, content, subj.span[0], medium=subj.medium or after.medium)
    if not (_PARTICIPLE_LEAD.search(before) if _PARTICIPLE_LEAD_REVERSED is None else _PARTICIPLE_LEAD_REVERSED.match(before[::-1])) and m.start() != start and not (
        # "sent a letter urging Congress to act", "emailed supporters saying: ...": a participle whose report
        # follows; not "quoted X as saying", the relay's own words
        (compound.clause_ahead(text, m.end(), end) or (info.directive and compound.directive_ahead(text, m.end(), end)) or info.lemma == "say" and compound.bare_clause_ahead(text, m.end(), end))
        and not _AS_BEFORE.search(before)
    ):
        return _after_noun(text, start, end, m, info)
    if _IN_BEFORE_PARTICIPLE.search(before) and info.lemma not in ("say",) and not _THAT_CLAUSE_AHEAD.match(text, m.end(), end):
        return None  # "in writing", "in asking"; but "in arguing that …" reports the argument ("by accusing him of …" is a cue)
    after = after_cue(text, m.end(), end, audience=info.audience)
    content = _content(text, after.content_start, end)
    if content is None:
        return None
    # the outlet told ("…, telling CNN that") reports the inherited speaker: it goes before them (compose)
    outer = [after.outlet] if after.outlet is not None else []
    return Raw((m.start(), m.end()), "participle", list(after.relays), content, m.start(), inherits=True, medium=after.medium, outer=outer)


def _after_noun(text: str, start: int, end: int, m: re.Match, info) -> Raw | None:
    """ "calls saying a truck had crashed", "left most riders saying the ferry was late": a participle
    right after a noun, no comma between, with a reported clause ahead; the noun phrase speaks."""
    if text[m.start() - 1 : m.start()] != " " or not _THAT_CLAUSE_AHEAD.match(text, m.end(), end):
        return None
    prev = _WORD_BEFORE.search(text, max(start, m.start() - 30), m.start())
    word = prev.group(1).lower() if prev is not None else ""
    if not word or word in _NOT_A_NOUN or word.endswith("ly") or "'" in word or "’" in word:
        return None  # "is saying", "by saying", "publicly saying", "I'm asking", "worth noting": no noun before
    subj = left_subject(text, start, m.start())
    if subj.span is None or subj.coordinated or subj.span[1] != prev.end(1) or subj.after_quote or _GERUND_FIRST.match(text, subj.span[0]):
        return None  # "is making a pitch to voters saying …": a verb phrase, not a noun phrase, before the participle
    if _WITH_END.search(text, max(start, subj.span[0] - 60), subj.span[0]) or _WITH_WORD.search(text, *subj.span) or _REPORTED_BEFORE.search(text, start, subj.span[0]):
        # "with 56 percent of voters saying …", "Bell said the memo saying …": reported in turn (PolNeAR, univocal, marks the outer one)
        return None
    after = after_cue(text, m.end(), end, audience=info.audience)
    content = _content(text, after.content_start, end)
    if content is None:
        return None
    if word in lexicon().document_nouns or word in _SENT_NOUNS:
        return None  # "released a statement saying …": PolNeAR names the sender or the document, either about as often (train)
    links = [RawLink(*subj.span, reason=subj.reason)] + after.relays
    return Raw((m.start(), m.end()), "verb", links, content, subj.span[0], medium=after.medium)


def _quoted(text: str, start: int, end: int, m: re.Match) -> Raw | None:
    lex = lexicon()
    obj, reason, consumed = right_np(text, m.end(), end, stop_as=True)
    tail = _AS_SAYING.match(text, consumed, end)
    if tail is None:  # "quoted Mr. Ivanov, the deputy minister, as saying": an appositive
        obj, reason, consumed = right_np(text, m.end(), end, stop_as=True, allow_commas=True)
        tail = _AS_SAYING.match(text, consumed, end)
    if obj is None or tail is None:
        return None
    subj = left_subject(text, start, m.start())
    links: list[RawLink] = []
    inherits = subj.coordinated
    if subj.span:
        links.append(RawLink(*subj.span, reason=subj.reason, cue=(m.start(), m.end())))
    elif not inherits:
        return None
    links += subj.relays
    # "quoted Mr. Ivanov as saying": "as saying" introduces the one quoted
    links.append(RawLink(*obj, reason=reason, cue=tail.span("cue")))
    content = _content(text, tail.end(), end)
    span_start = subj.span[0] if subj.span else m.start()
    del lex
    return Raw((m.start(), m.end()), "verb", links, content, span_start, inherits=inherits)
