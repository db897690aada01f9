"""Per-sentence extraction: cues, their source spans and content spans.

Rule-based over a small window around each cue (no parser): the subject is
found by walking left from the cue over a noun phrase, the content by
skipping what may stand between the cue and the reported words (time,
"in a statement", the listener of "told"), and postposed attributions
("…, officials said.") by looking at what follows the cue. Relay
constructions ("X quoted Y as saying", "Y told X", "X reported, citing Y")
give several links at once; ``compose`` then stacks an attribution whose
content opens with another one ("according to X, Y said …").

Everything returned is an offset into the document text; windows are
bounded, so a very long sentence costs time linear in its cues.

This module holds the word cues (verbs, participles, "according to",
statements, unspecified sources) and the relays they build ("quoted X as
saying": ``_quoted``); the speaker span left of a cue is in ``speaker``,
what follows a cue (content start, listeners, outlets, "citing X") in
``following``, colon and dash cues in ``punctuation``, the document scan,
quotations and content spans in ``scan``, and what they share in
``extract_common``.
"""

from __future__ import annotations

import re

from provenance.attributions import compound
from provenance.attributions.cues import VerbInfo, lexicon
from provenance.attributions.extract_common import PRONOUNS, Raw, RawLink, _ONLY_CLOSERS, _required_word, _strip
from provenance.attributions.following import after_cue, asker, right_np
from provenance.attributions.punctuation import _SIGNED_QUOTE, _colon, _has_dash, _signature
from provenance.attributions.scan import _ANY_QUOTE_MARK, Scan, _content, _content_end, _in_connective, quoted_spans
from provenance.attributions.speaker import inverted_speaker, left_subject

__all__ = ["Raw", "Scan", "extract_sentence", "quoted_spans"]

MAX_PER_SENTENCE = 64
#: Cue forms that are also plural nouns ("212 warranty claims").
AMBIGUOUS_S = frozenset(
    "claims notes states shows stresses reports reveals warns denies indicates remarks jokes boasts pledges promises vows mentions replies answers urges tweets".split()
    + ["calls for"]
)
#: Words before a base form ("acknowledge", "warn") that make it an infinitive, an imperative or a future.
_BASE_FORM_BLOCKERS = frozenset("to will would could should may might must can shall let please not never and or".split())
_POSSESSIVES = frozenset("his her their its our my your".split())
_AGED_NAME = re.compile(r"\d{1,3}-year-old\s+[A-Z]")
_WORD_BEFORE_CUE = re.compile(r"([\w'’.\-]+)\)?\s+(?:also\s+|now\s+|still\s+)?$")
_POSSESSIVE_S = re.compile(r"['’]s$")
#: "The bridge reopened, as the minister had said.": the "as" that introduces the speaker is not what was said.
_AS_TAIL = re.compile(r"(?:,\s*|\s+)(?:just\s+|exactly\s+)?as$", re.IGNORECASE)
_UNSPECIFIED_WORD = re.compile(r"reports|a\s+report|information")
_UNSPECIFIED_LEAD = re.compile(r"\s*(?:that|of|indicating|suggesting|saying|about)\b\s*")
_CAPITALIZED_OPENER = re.compile(r"\s*(?:[A-Z][\w\s]{0,40},\s*)?")
_OPTIONAL_COMMA = re.compile(r"\s*,?\s*")
_COMMA_RELATIVE = re.compile(r",\s*(?:who|which)\b")
_COMMA_GAP = re.compile(r"\s*,\s*")
# r"([\w']+)\s+$" searched in a window tries every start; matched at the start of
# the reversed window it finds the same word (reversed) in one step.
_PREVIOUS_WORD_REVERSED = re.compile(r"\s+([\w']+)")
#: a noun's possessive right before a word ("Ann's", "the voters'"), not a contracted "has"/"is" after a pronoun
_POSSESSIVE_BEFORE = re.compile(r"(?<!\bit)(?<!\bhe)(?<!\bshe)(?<!\bthat)(?<!\bthere)(?<!\bwho)(?<!\bwhat)(?<!\bwhere)(?<!\bhere)(?<!\bone)['’]s\s+$|\ws['’]\s+$", re.IGNORECASE)
_FREE_RELATIVE = re.compile(r"\bwhat\s+(?:[\w'’-]+\s+){1,2}$")
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
_QUOTE_TAG_TAIL = re.compile(r"\s*(?:[,;]|(?:in|on|at|during|after|before|to|from|via|while|with)\b)")
_THAT_AFTER = re.compile(r"\s+that\b")
_HYPHEN_PREFIX = re.compile(r"[A-Za-z]+$")
#: Prefixes that keep a hyphenated participle a verb ("re-tweeting", "live-tweeting", "half-joking").
_VERB_PREFIXES = frozenset("re live half co counter cross pre de un self over double mis".split())
#: "want to go and say", "will meet and announce": the verb coordinated with an infinitive or a future is one too.
_IRREALIS_AND = re.compile(r"\b(?:to|will|would|could|should|may|might|must|can|cannot|let)\s+(?:[\w'’]+\s+){1,4}and\s+$", re.IGNORECASE)
#: What a base form after an aside reports: "that", or a clause with its own subject ("say it will pass").
_CLAUSE_AFTER_ASIDE = re.compile(r"\s+(?:that\b|(?:it|he|she|they|we|I|there|the\s+\w+)\s+(?:is|are|was|were|will|would|can|could|should|has|have|had|must|may|might)\b)")
_LISTENER_THAT = re.compile(r"\s+(?:[\w'’.\-]+\s+){1,3}(?:that\b|[\"“])")
_ADVERB_IN_PASSIVE = re.compile(r"\b(?:was|were|is|are|been)\s+(?:first|also|later|originally|initially|previously|widely|publicly|officially)\s+$")
_LONG_LISTENER_THAT = re.compile(r"\s+(?:[\w'’.\-]+,?\s+){1,14}?(?:that\b|[\"“])")  # a listener with its place and day
_BY_OR_IN_END = re.compile(r"\b(?:by|in)\s*$")
#: group "cue": the words that introduce the one quoted ("as saying", "as telling" before its listener)
_AS_SAYING = re.compile(r"\s*,?\s*(?P<cue>as\s+(?:saying|having\s+said|(?P<tell>telling)))(?(tell)\s+\w+)\b\s*(?:that\b|:|,)?\s*")
_SHORT_LISTENER = re.compile(r"\s+(?:[A-Z][\w'’.\-]*|the|a|an|his|her|their)(?:\s+[\w'’.\-]+){0,3}\s*[.!?]?\s*$|\s+(?:me|us|him|her|them|reporters)\s*[.!?,]")
#: A question closed by a quotation mark ('"…?"', "''…?''" in the doubled-apostrophe style of some wires).
_QUESTION_BEFORE = re.compile(r"[?!](?:[\"”]|'')\s*$")
# "asked (the crowd) whether …": a reported question
#: "asked" with its question ahead: "asked her whether", "asked them how", "asked voters a question:"
_ASKED_WHETHER = re.compile(r"\s+(?:[\w'’.\-]+\s+){0,3}?(?:whether|if|how|why|what|which|who|when|where|about)\b|\s+(?:[\w'’.\-]+\s+){0,4}?[\w'’.\-]+\s*(?::|,\s*[\"“]|\?)|\s*:\s*\S")
#: A cue in a parenthetical ("as Clyburn noted, ..."; "Voters, she suggested, ..."): the clause around it is
#: what was said, so a that-only verb needs no "that" there.
_PARENTHETICAL_BEFORE = re.compile(r"(?:,|\bas)\s*$", re.IGNORECASE)
_COMMA_AHEAD = re.compile(r"\s*,")
_RELATIVE_BEFORE_GROUP = re.compile(r"\b(?:what|which|that|as|who)\s*$", re.IGNORECASE)
_NEGATABLE = frozenset("say mention respond comment disclose suggest confirm reveal answer explain address".split())
_REPORTED_NEGATION = re.compile(r"(?:\b(?:did|does|do|has|have|had)\s+(?:not|never)|\b(?:didn|doesn|don|hasn|haven|hadn)['’]t|\bnever)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
#: A headline's subject right before an -s form ("Benghazi Mom Reveals"): a word that is no determiner or possessive.
_HEADLINE_SUBJECT = re.compile(r"(?<![\w'’])(?!(?:the|a|an|his|her|their|its|our|my|your|of|in|on|for|to|with|and|or)\s)[A-Za-z][\w'’\-.]*\s+$", re.IGNORECASE)
_HEADLINE_OBJECT = re.compile(r"\s+[\w“\"‘']")
_AS_BEFORE = re.compile(r"\b(?:as|as\s+having)\s*$", re.IGNORECASE)
_ASKED_OPENING = re.compile(r"\s*[\"“]?(Asked)\b")
_ASKED_BY = re.compile(r"\s+(?:by|on|during|in|at|later|again|specifically|repeatedly)\b")
#: A sentence that opens with a name (two to four capitalized words) and a comma.
_OPENING_NAME = re.compile(r"\s*((?:(?:[A-Z][\w'’\-]*\.?|[A-Z]\.)\s+){1,3}[A-Z][a-z][\w'’\-]*),\s")
_COMMA_BEFORE_CUE = re.compile(r",\s*$")
#: Characters from the sentence start to the cue beyond which the name is too far away to be its subject.
_APPOSITION_MAX = 160
#: What may stand alone between the commas as the speaker: a pronoun or a capitalized name (with its title).
_PARENTHETICAL_SUBJECT = re.compile(r"(?:he|she|they|we|I|it|(?:[A-Z][\w'’.\-]*\s+){0,3}[A-Z][\w'’\-]*)")
_CLOSED_QUOTE_BEFORE = re.compile(r"[,?!][\"”'’]+\s*$")
_THAT_OR_COLON = re.compile(r"\s*(?:that\b|:)")
_QUOTE_AHEAD = re.compile(r"\s*[,:]\s*[\"“]")
_POSTPOSED_OPENER = re.compile(
    r"(?:a|an|one|another|two|three|several|some|many|its|their|our|former|then|longtime|fellow|veteran|top|senior|retired|outgoing|acting|interim)\s+\S"
    # "said pollster Frank Luntz", "said election lawyer Joe Birkenstock": a lower-case title before a name
    r"|(?!(?:on|in|at|to|by|with|from|for|during|after|before|that|this|last|also|then|earlier|later|recently|it|he|she|they|we|i|you)\b)(?:[a-z][\w\-]*\s+){1,3}[A-Z][a-z]"
)
# "with 41 percent of residents saying", "with three in 10 saying": the share is the source of the participle
_SHARE_BEFORE = re.compile(
    r"\bwith\s+((?:(?:about|nearly|almost|some|only|just|roughly|more\s+than|fewer\s+than|less\s+than)\s+)?"
    r"(?:\d[\d,.]*\s*(?:percent|%)|(?:one|two|three|four|five|six|seven|eight|nine|\d)\s+in\s+(?:\d+|ten|five|four|three))"
    r"(?:\s+of\s+[\w'’\- ]{1,40}?)?)\s+$"
)


# -- the extractor ---------------------------------------------------------------------------


def _negated(text: str, lo: int, cue_start: int) -> bool:
    before = text[max(lo, cue_start - 40) : cue_start]
    lex = lexicon()
    return lex.negator_gate.may_match(before) and lex.negator_re.search(before) is not None


def _source_before(text: str, lo: int, pos: int) -> bool:
    m = _WORD_BEFORE_CUE.search(text[max(lo, pos - 60) : pos])
    if not m:
        return False
    w = m.group(1)
    if _POSSESSIVE_S.search(w) or w.lower() in _POSSESSIVES:
        return False  # "Trump's remarks", "their claims": a possessive stands before a noun
    lex = lexicon()
    low = w.lower()
    return w[:1].isupper() or low in PRONOUNS or low in lex.anonymous_nouns or low in lex.organization_nouns or low in lex.document_nouns or low in lex.role_nouns or low in lex.outlet_nouns


def extract_sentence(text: str, start: int, end: int, *, headline: bool = False, scan: Scan | None = None) -> list[Raw]:
    """Attributions in text[start:end], one sentence, in cue order."""
    lex = lexicon()
    if scan is None:
        scan = Scan(text[: end])
    dash = _SIGNED_QUOTE.search(text, start, end) if _has_dash(text, start, end) else None
    if dash is not None and (signed := _signature(text, dash.start(1), end)) is not None:
        return [signed]  # '"…."  - Ann Bell.'
    if text[start : start + 2].lstrip()[:1] in "-–—" and (signed := _signature(text, start, end)) is not None:
        return [signed]
    opening = _asked_opening(text, start, end) if not headline else None
    if opening is not None:  # "Asked whether ..., the senator said": capitalized, so not among the cues
        return sorted([*extract_sentence(text, opening.cue[1], end, scan=scan), opening], key=lambda r: r.cue)
    space = text.find(" ", start, start + 24)  # the first word ends in -ing: the only ones that may open with a participle
    lead = _opening_participle(text, start, end) if not headline and space > start + 4 and text[space - 3 : space] == "ing" else None
    if lead is not None:  # "Noting that …, Reed said": capitalized, so not among the cues
        return sorted([*extract_sentence(text, lead.cue[1], end, scan=scan), lead], key=lambda r: r.cue)
    if not headline and not scan.may_open(start, end):
        return []
    cue_matches, according, unspecified, statements, connective_matches = scan.share(start, end)
    if headline:
        cue_matches = scan.any_case_cues(start, end)
    colon = scan.has_colon(start, end)
    if not (cue_matches or according or unspecified or statements or colon):
        return []
    connectives = [(m.start(), m.end()) for m in connective_matches]
    if cue_matches or according:  # the only ones checked against connectives and quotations
        connectives += [(a + 1, b - 1) for a, b in quoted_spans(text, start, end, scan.quote_marks)]
    found: list[Raw] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    # Multi-word cues first: they contain verbs that must not count twice.
    for m in statements:
        if len(found) >= MAX_PER_SENTENCE:
            break
        subj = left_subject(text, start, m.start())
        if subj.span:
            after = after_cue(text, m.end(), end, audience=False)
            found.append(Raw((m.start(), m.end()), "statement", [RawLink(*subj.span, reason=subj.reason)], _content(text, after.content_start, end), subj.span[0], medium="statement"))
            taken.append((m.start(), m.end()))
    for m in unspecified:
        if True:
            if not free(m.start(), m.end()):
                continue
            word = _UNSPECIFIED_WORD.search(m.group())
            link = RawLink(m.start() + word.start(), m.start() + word.end()) if word else RawLink(m.start(), m.end())
            c = _UNSPECIFIED_LEAD.match(text, m.end(), end)
            cs = c.end() if c else m.end()
            found.append(Raw((m.start(), m.end()), "unspecified", [link], _content(text, cs, end), m.start()))
            taken.append((m.start(), m.end()))
    for m in according:
        if not free(m.start(), m.end()) or _in_connective(connectives, m.start(), m.end()):
            continue
        raw = _according(text, start, end, m)
        if raw:
            found.append(raw)
            taken.append((m.start(), m.end()))
    for m in cue_matches:
        if len(found) >= MAX_PER_SENTENCE:
            break
        if not free(m.start(), m.end()) or _in_connective(connectives, m.start(), m.end()):
            continue
        raw = _verb_cue(text, start, end, m, headline=headline)
        if raw:
            found.append(raw)
            taken.append((m.start(), m.end()))
    if colon:
        raw = _colon(text, start, end, headline=headline, found=found)
        if raw:
            found.append(raw)
    found.sort(key=lambda r: r.cue)
    return found


def _asked_opening(text: str, start: int, end: int) -> Raw | None:
    """A sentence that opens with "Asked" and its question ("Asked if ...", "Asked on Monday whether ...")."""
    m = _ASKED_OPENING.match(text, start, end)
    if m is None or not _ASKED_WHETHER.match(text, m.end(), end) and not _ASKED_BY.match(text, m.end(), end):
        return None
    if (who := asker(text, m.end(), end)) is not None:  # "Asked by Tom Reed if …": the one asking speaks
        return Raw((m.start(1), m.end(1)), "verb", [RawLink(*who)], _content(text, who[1], end), m.start(1), postposed=True)
    return Raw((m.start(1), m.end(1)), "participle", [], _content(text, m.end(), end), m.start(1), inherits=True)


#: A capitalized word that opens a sentence, after any quotation mark.
_OPENING_WORD = re.compile(r"[\"“]?\s*(?=[A-Z][a-z]{2,}ing\s+[a-z])")


def _opening_participle(text: str, start: int, end: int) -> Raw | None:
    """A participle of the lexicon that opens the sentence ("Noting that the levy failed, Reed …",
    "Acknowledging the loss, the mayor …"): its speaker is the subject of the main clause (compose)."""
    lead = _OPENING_WORD.match(text, start, end)
    if lead is None:
        return None
    m = lexicon().cue_re_any_case.match(text, lead.end(), end)
    if m is None or not lexicon().verbs.get(" ".join(m.group().lower().split()), VerbInfo("")).participle:
        return None
    raw = _verb_cue(text, lead.end(), end, m, headline=False)
    return raw if raw is not None and raw.kind == "participle" else None


def _according(text: str, start: int, end: int, m: re.Match) -> Raw | None:
    span, reason, consumed = right_np(text, m.end(), end, allow_commas=False)
    if span is None:
        return None
    # "according to what was reported by the Israeli media"
    before = text[start : m.start()]
    if before.strip(" ,\"“”'") == "" or _CAPITALIZED_OPENER.fullmatch(before):
        # sentence-initial: the content follows
        rest = _OPTIONAL_COMMA.match(text, consumed, end)
        content = _content(text, rest.end() if rest else consumed, end)
        return Raw((m.start(), m.end()), "according", [RawLink(*span, reason=reason)], content, m.start())
    cstart = start
    s, e = _strip(text, cstart, m.start())
    tail = text[consumed:end].strip()
    if tail and not _ONLY_CLOSERS.fullmatch(tail) and not tail.startswith(","):
        content = _content(text, consumed, end)
    else:
        content = (s, _content_end(text, s, e)) if s < e else None
    if tail.startswith(",") and not _COMMA_RELATIVE.match(tail):
        nxt = _COMMA_GAP.match(text, consumed, end)
        if nxt and nxt.end() < end and len(text[start : m.start()].strip(" ,")) < 3:
            content = _content(text, nxt.end(), end)
    return Raw((m.start(), m.end()), "according", [RawLink(*span, reason=reason)], content if content and content[0] < content[1] else None, s if content else m.start(), postposed=True)


def _verb_cue(text: str, start: int, end: int, m: re.Match, *, headline: bool) -> Raw | None:
    lex = lexicon()
    form = " ".join(m.group().lower().split())
    info = lex.verbs.get(form)
    if info is None:
        return None
    word = m.group()
    if info.participle and m.start() > start + 1 and text[m.start() - 1] == "-" and (
        (pre := _HYPHEN_PREFIX.search(text, max(start, m.start() - 20), m.start() - 1)) and pre.group().lower() not in _VERB_PREFIXES
    ):
        return None  # "the tax-writing committee": a noun and a participle make an adjective ("re-tweeting" stays a verb)
    if not word[:1].islower() and not headline:
        # "Said" is also a name; a capitalized cue opens a sentence only in headlines.
        if not (info.participle and m.start() == start):
            return None
    subject_end = m.start()  # where the subject ends: before the verb group of a compound cue
    if form == info.lemma:  # checked first: base forms ("tell", "write") match often and rarely report
        if m.start() == start or text[m.start() - 2 : m.start()].strip() == ";" or (
            # "Cement makers, for instance, argue that …", "Backers, however, say it will pass": after an aside a
            # base form with its clause still reports
            text[m.start() - 2 : m.start()].strip() == "," and not _CLAUSE_AFTER_ASIDE.match(text, m.end(), end)
        ):
            return None
        base_prev = _PREVIOUS_WORD_REVERSED.match(text[max(start, m.start() - 20) : m.start()][::-1])
        base_word = base_prev.group(1)[::-1].lower() if base_prev is not None else ""
        if base_word == "and" and _THAT_CLAUSE_AHEAD.match(text, m.end(), end) and not _COMMA_AHEAD.match(text, m.end(), end) and not _IRREALIS_AND.search(text, max(start, m.start() - 50), m.start()):
            pass  # "Pollsters counted twice and say they are sure": a verb coordinated with the clause before, its clause ahead
        elif base_prev is not None and (base_word in _BASE_FORM_BLOCKERS or base_word in lex.verb_group_words and _negated(text, start, m.start())):
            # a base form is a cue only after its subject ("officials acknowledge") or in a verb group that
            # reports ("went on to say", "would not say", "will announce that"): not "to explain", "will warn"
            if base_word == "to" and (made := compound.causative_object(text, start, m.start())) is not None:
                if (blocked := lex.blocked_after.get(form)) and blocked.match(text, m.end(), end) or info.requires and not _required_word(info.requires).match(text, m.end(), end):
                    return None  # "led her to tell the truth": a blocked sense here too
                content = _content(text, after_cue(text, m.end(), end, audience=info.audience).content_start, end)
                return Raw((m.start(), m.end()), "verb", [RawLink(*made)], content, made[0]) if content else None
            group = compound.admits(text, start, m.start(), m.end(), end, info)
            if group is None:
                return None
            subject_end = group
    denied = False
    if _negated(text, start, m.start()):
        # "did not mention the deal", "has never said", "didn't respond to": a statement denied, which
        # PolNeAR marks; "would not say", "declined to comment" (a refusal or a future) stay out
        denied = info.lemma in _NEGATABLE and _REPORTED_NEGATION.search(text, max(start, m.start() - 30), m.start()) is not None
        if not denied:
            return None
    if form in AMBIGUOUS_S and not (headline and _HEADLINE_SUBJECT.search(text, max(start, m.start() - 40), m.start())) and not _source_before(text, start, m.start()) and not (
        _COMMA_BEFORE_CUE.search(text, max(start, m.start() - 3), m.start()) and _THAT_AFTER.match(text, m.end(), end)
    ):
        return None  # "212 warranty claims"; but "Ann Bell, a pollster, notes that …" is a cue
    prev = _PREVIOUS_WORD_REVERSED.match(text[max(start, m.start() - 20) : m.start()][::-1])
    prev_word = prev.group(1)[::-1].lower() if prev else ""
    if not info.participle and prev_word in lex.passive_aux and not (info.lemma == "say" and prev_word in ("is",)):
        return _passive(text, start, end, m, info)
    if not info.participle and _ADVERB_IN_PASSIVE.search(text, max(start, m.start() - 30), m.start()):
        if (passive := _passive(text, start, end, m, info)) is not None:
            return passive  # "The move was first reported by MSNBC" (else as before: "which was first reported by")
    if prev_word == "the" or prev_word == "to" and info.lemma in ("say", "tell", "report") and subject_end == m.start():
        return None
    if form.endswith("ed") and _POSSESSIVE_BEFORE.search(text, max(start, m.start() - 12), m.start()):
        return None  # "the mayor's repeated requests", "Ann's reported income": a participle as adjective
    if prev_word in lex.blocked_before.get(form, ()):  # a blocked sense (lexicon.yaml): "a campaign promise"
        if info.lemma == "ask" and prev_word == "when" and (who := asker(text, m.end(), end)) is not None:
            return Raw((m.start(), m.end()), "verb", [RawLink(*who)], _content(text, who[1], end), m.start(), postposed=True)
        if info.lemma == "ask" and prev_word == "when" and _ASKED_WHETHER.match(text, m.end(), end):
            # "..., he said when asked whether ...": the one asked answers; the chain is the clause's
            return Raw((m.start(), m.end()), "participle", [], _content(text, m.end(), end), m.start(), inherits=True)
        return None
    before = text[max(start, m.start() - 30) : m.start()]
    if "what" in before and _FREE_RELATIVE.search(before):
        return None  # "what he described as", "what carmakers say are"
    blocked = lex.blocked_after.get(form)  # a blocked sense (lexicon.yaml): "claimed the title"
    if blocked and blocked.match(text, m.end(), end):
        return None
    if info.requires and not _required_word(info.requires).match(text, m.end(), end):
        return None
    # a that-only cue also closes a quotation ('"…," Tom Reed declared.'): checked once the subject is known
    # a headline drops its "that" ("Sanders Declares Revolution Is Near"): its object is what was said
    that_missing = info.that_only and not _THAT_CLAUSE_AHEAD.match(text, m.end(), end) and not (headline and _HEADLINE_OBJECT.match(text, m.end(), end))
    if that_missing and (info.participle or info.relay) and not (
        # ", noting the change", ", declaring victory": a participle after a comma, its object what was said
        info.participle and _COMMA_BEFORE_CUE.search(text, max(start, m.start() - 3), m.start()) and compound.object_ahead(text, m.end(), end)
    ):
        return None
    if info.relay == "as saying":
        return _quoted(text, start, end, m)
    if info.participle:
        return _participle(text, start, end, m, info)
    after = after_cue(text, m.end(), end, audience=info.audience)
    subj = left_subject(text, start, subject_end, postposed=after.ends)
    if subj.span and not subj.after_quote and text[start:subj.span[0]].strip() == "" and _QUESTION_BEFORE.search(text, max(0, start - 4), start):
        subj.after_quote = split_question = True  # '"Can you explain that?" | Boyle asked.': the sentence split after the question
    else:
        split_question = False
    if subj.span is not None and _COMMA_AHEAD.match(text, m.end(), end):
        _parenthetical_subject(text, subj)
    if that_missing and not (
        (after.ends and subj.after_quote)
        # '"…," he declared in a statement', '"…?" Ann Bell remarked, adding …': the quotation before is the content
        or (subj.after_quote and subj.span is not None and _QUOTE_TAG_TAIL.match(text, m.end(), end))
        or (subj.span is None and _CLOSED_QUOTE_BEFORE.search(text, max(start, m.start() - 6), m.start()))
        or (subj.span is not None and _COMMA_AHEAD.match(text, m.end(), end) and _PARENTHETICAL_BEFORE.search(text, max(start, subj.span[0] - 4), subj.span[0]))
        # "…, she noted." closing the sentence: the clause before the comma is what was noted
        or (after.ends and subj.span is not None and subj.before is not None and subj.before > start and text[subj.before : subj.span[0]].strip() == ",")
        # "argued the plan would fail", "noted the change": a speaker as the subject and an object ahead
        or (subj.span is not None and not subj.coordinated and compound.that_less(text, subj.span, prev_word, m.end(), end, info))
    ):
        return None
    links: list[RawLink] = []
    postposed = False
    content: tuple[int, int] | None
    inherits = False
    if subj.span is not None and not subj.after_quote and inverted_speaker(text, start, m.start(), m.end(), end):
        subj.span = subj.before = None  # "…, said Lee Tan, who teaches law": the name after the cue speaks
    if subj.coordinated:
        inherits = True
        span_start = m.start()
    elif subj.span is None and (named := _apposed_name(text, start, m.start())) is not None:
        # "Ann Bell, 63, a retired nurse from Dayton, said she ...": the name that opens the sentence
        links.append(RawLink(*named, cue=(m.start(), m.end())))
        span_start = named[0]
    elif subj.span is None:
        # "…," said Karl Schamotta, chief market strategist at Corpay.
        span, reason, consumed = right_np(text, m.end(), end, allow_commas=True)
        if span is None or not (
            text[span[0]].isupper()
            or text[span[0] : span[0] + 4].lower() in ("the ", "a ", "an ")
            or text[span[0] : span[0] + 3].lower() in ("his", "her")
            or (not info.document_subject and _POSTPOSED_OPENER.match(text, span[0], span[1]))  # "said one New Hampshire Democrat", "said former Sen. Ray Tan"
            or _AGED_NAME.match(text, span[0], span[1])  # "said 23-year-old Rahm"
        ):
            if not (subj.before is not None and info.lemma in ("say", "add", "tell", "continue", "write")):
                return None
            return None
        links.append(RawLink(*span, reason=reason, cue=(m.start(), m.end())))
        postposed = True
        cs, ce = _before_speaker(text, start, subj.before if subj.before is not None else m.start())
        content = (cs, _content_end(text, cs, ce)) if cs < ce else None
        span_start = start
        info_after = after_cue(text, consumed, end, audience=False)
        if info_after.relays:
            links += info_after.relays
        return Raw((m.start(), m.end()), "verb", links, content, span_start, postposed=True)
    else:
        links.append(RawLink(*subj.span, reason=subj.reason or after.reason, cue=(m.start(), m.end())))
        span_start = subj.span[0]
    if info.postposed_only and not (after.ends and subj.after_quote):
        if (
            not (subj.after_quote and _SHORT_LISTENER.match(text, m.end(), end))
            and not (subj.span and _QUOTE_AHEAD.match(text, m.end(), end))
            and not (subj.span and info.lemma == "ask" and _ASKED_WHETHER.match(text, m.end(), end))
            # "The campaign responded that …", "he answered: …": what follows is the reply
            and not (subj.span and info.lemma != "ask" and _THAT_OR_COLON.match(text, m.end(), end))
            # "The campaign did not respond to requests for comment": a reply denied (PolNeAR marks it)
            and not (subj.span and denied and info.lemma != "ask")
        ):
            return None  # '"…?" Boyle asked Trump.' and 'Jim Lehrer asked, "…"' are cues; 'asked the court to' is not
        if subj.after_quote:
            after.ends = True
    if info.document_subject and not _looks_document(text, subj.span):
        return None
    if info.audience and after.outlet is None and after.content_start is None and not (after.ends and subj.after_quote):
        return None  # '"…," Tom Reed told CNBC.': the quotation before is the content
    links += subj.relays + after.relays
    if after.outlet is not None:
        links.insert(0, after.outlet)
    if subj.dateline is not None:
        links.insert(0, subj.dateline)
    quote_tag = that_missing and subj.after_quote and subj.span is not None and not after.ends and _QUOTE_TAG_TAIL.match(text, m.end(), end)
    if (after.ends or after.continues_quote or quote_tag) and subj.before is not None and not inherits and subj.span is not None and subj.before > start:
        postposed = True
        cs, ce = _before_speaker(text, start, subj.before)
        if after.continues_quote:
            content = (cs, _content_end(text, cs, end))
        else:
            content = (cs, _content_end(text, cs, ce)) if cs < ce else None
        span_start = start
    else:
        content = _content(text, after.content_start, end)
    if split_question and that_missing and not postposed:
        content = None  # '"… paid!" | Reed declared, a point he makes': what was said is the quotation before the split
    raw = Raw((m.start(), m.end()), "verb", links, content, span_start, postposed=postposed, inherits=inherits, medium=subj.medium or after.medium, dropped=subj.relative)
    return raw


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
    cs, ce = _strip(text, start, group)
    content = (cs, _content_end(text, cs, ce)) if cs < ce else None
    return Raw((m.start(), m.end()), "verb", [RawLink(*span, reason=reason)], content, start, postposed=True)


def _parenthetical_subject(text: str, subj) -> None:
    """ "Loyalty, he noted, is ...": a cue between commas has only what follows the last comma as its subject."""
    s, e = subj.span
    cut = text.rfind(", ", s, e)
    if cut < 0:
        return
    rest = text[cut + 2 : e]
    if _PARENTHETICAL_SUBJECT.fullmatch(rest):
        subj.span = (cut + 2, e)


def _apposed_name(text: str, start: int, cue: int) -> tuple[int, int] | None:
    """The name that opens the sentence when an apposition too long for left_subject
    runs from it to the comma before the cue ("Ann Bell, 63, a nurse who ..., said")."""
    if cue - start > _APPOSITION_MAX or not _COMMA_BEFORE_CUE.search(text, max(start, cue - 3), cue):
        return None
    m = _OPENING_NAME.match(text, start, cue)
    if m is None or _ANY_QUOTE_MARK.search(text, m.end(), cue):
        return None
    return m.start(1), m.end(1)


def _looks_document(text: str, span: tuple[int, int] | None) -> bool:
    if span is None:
        return False
    from provenance.attributions.sources import head_noun

    return head_noun(text[span[0] : span[1]]) in lexicon().document_nouns


def _participle(text: str, start: int, end: int, m: re.Match, info) -> Raw | None:
    before = text[max(start, m.start() - 30) : m.start()]
    share = _SHARE_BEFORE.search(text, max(start, m.start() - 80), m.start()) if info.lemma == "say" else None
    if share:
        after = after_cue(text, m.end(), end, audience=False)
        content = _content(text, after.content_start, end)
        if content is None:
            return None
        return Raw((m.start(), m.end()), "participle", [RawLink(share.start(1), share.end(1))], content, share.start(1))
    progressive = _PROGRESSIVE_AUX.search(text, max(start, m.start() - 30), m.start())
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
        ):
            return None  # "What she is saying is …"; "The problem is saying no": no reported clause
        links = [RawLink(*subj.span, reason=subj.reason)] + subj.relays + after.relays
        return Raw((m.start(), m.end()), "verb", links, content, subj.span[0], medium=subj.medium or after.medium)
    if not _PARTICIPLE_LEAD.search(before) and m.start() != start and not (
        # "sent a letter urging Congress to act", "emailed supporters saying: ...": a participle whose report
        # follows; not "quoted X as saying", the relay's own words
        (compound.clause_ahead(text, m.end(), end) or (info.directive and compound.directive_ahead(text, m.end(), end)) or info.lemma == "say" and compound.bare_clause_ahead(text, m.end(), end))
        and not _AS_BEFORE.search(before)
    ):
        return None
    if _BY_OR_IN_END.search(before) and info.lemma not in ("say",) and not _THAT_CLAUSE_AHEAD.match(text, m.end(), end):
        return None  # "in writing", "by noting the date"; but "by arguing that …" reports the argument
    after = after_cue(text, m.end(), end, audience=info.audience)
    content = _content(text, after.content_start, end)
    if content is None:
        return None
    # the outlet told ("…, telling CNN that") reports the inherited speaker: it goes before them (compose)
    outer = [after.outlet] if after.outlet is not None else []
    return Raw((m.start(), m.end()), "participle", list(after.relays), content, m.start(), inherits=True, medium=after.medium, outer=outer)


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


def _before_speaker(text: str, start: int, end: int) -> tuple[int, int]:
    """The content ahead of a postposed speaker, without an "as" that introduces the speaker."""
    cs, ce = _strip(text, start, end)
    tail = _AS_TAIL.search(text, cs, ce)
    return _strip(text, cs, tail.start()) if tail is not None else (cs, ce)
