"""A reporting verb matched by the lexicon: the gates it passes and its speaker and content.

``_verb_cue`` turns one match of the lexicon's cue pattern into an attribution or
rejects it: base forms that are infinitives or futures ("to explain", "will warn"),
negation (a denied statement is kept, a refusal is not), "-s" forms that are
plural nouns ("212 warranty claims"), blocked senses from lexicon.yaml, a
that-only verb without its "that", "asked" and the reply verbs only in their
postposed or question forms, and where the speaker stands (before the cue,
postposed after it, apposed at the opening of the sentence, between commas).
The passive, the participles and "quoted X as saying" are in ``constructions``.
"""

from __future__ import annotations

import re

from provenance.attributions import compound
from provenance.attributions.constructions import _THAT_CLAUSE_AHEAD, _participle, _passive, _quoted, asked_request
from provenance.attributions.cues import lexicon
from provenance.attributions.extract_common import PRONOUNS, Raw, RawLink, _required_word, _strip
from provenance.attributions.following import after_cue, asker, cut_adverbial, right_np, time_adverbial
from provenance.attributions.scan import _ANY_QUOTE_MARK, _content, _content_end
from provenance.attributions.speaker import inverted_speaker, left_subject
from provenance.lazyre import lazy

#: Cue forms that are also plural nouns ("212 warranty claims").
AMBIGUOUS_S = frozenset(
    "claims notes states shows stresses reports reveals warns denies indicates remarks jokes boasts pledges promises vows mentions replies answers urges tweets".split()
    + ["calls for"]
)
#: Words before a base form ("acknowledge", "warn") that make it an infinitive, an imperative or a future.
_BASE_FORM_BLOCKERS = frozenset("to will would could should may might must can shall let please not never and or".split())
_POSSESSIVES = frozenset("his her their its our my your".split())
_AGED_NAME = lazy(r"\d{1,3}-year-old\s+[A-Z]")
_WORD_BEFORE_CUE = lazy(r"([\w'’.\-]+)\)?\s+(?:also\s+|now\s+|still\s+)?$")
_POSSESSIVE_S = lazy(r"['’]s$")
#: "The bridge reopened, as the minister had said.": the "as" that introduces the speaker is not what was said.
_AS_TAIL = lazy(r"(?:,\s*|\s+)(?:just\s+|exactly\s+)?as$", re.IGNORECASE)
# r"([\w']+)\s+$" searched in a window tries every start; matched at the start of
# the reversed window it finds the same word (reversed) in one step.
_PREVIOUS_WORD_REVERSED = lazy(r"\s+([\w']+)")
#: a noun's possessive right before a word ("Ann's", "the voters'"), not a contracted "has"/"is" after a pronoun
_POSSESSIVE_BEFORE = re.compile(r"(?<!\bit)(?<!\bhe)(?<!\bshe)(?<!\bthat)(?<!\bthere)(?<!\bwho)(?<!\bwhat)(?<!\bwhere)(?<!\bhere)(?<!\bone)['’]s\s+$|\ws['’]\s+$", re.IGNORECASE)
_FREE_RELATIVE = lazy(r"\bwhat\s+(?:[\w'’-]+\s+){1,2}$")
_QUOTE_TAG_TAIL = lazy(r"\s*(?:[,;]|(?:in|on|at|during|after|before|to|from|via|while|with)\b)")
_THAT_AFTER = lazy(r"\s+that\b")
_HYPHEN_PREFIX = lazy(r"[A-Za-z]+$")
#: Prefixes that keep a hyphenated participle a verb ("re-tweeting", "live-tweeting", "half-joking").
_VERB_PREFIXES = frozenset("re live half co counter cross pre de un self over double mis".split())
#: "want to go and say", "will meet and announce": the verb coordinated with an infinitive or a future is one too.
_IRREALIS_AND = lazy(r"\b(?:to|will|would|could|should|may|might|must|can|cannot|let)\s+(?:[\w'’]+\s+){1,4}and\s+$", re.IGNORECASE)
#: What a base form after an aside reports: "that", or a clause with its own subject ("say it will pass").
_CLAUSE_AFTER_ASIDE = lazy(r"\s+(?:that\b|(?:it|he|she|they|we|I|there|the\s+\w+)\s+(?:is|are|was|were|will|would|can|could|should|has|have|had|must|may|might)\b)")
#: A word or a quotation right after a cue (not a comma, not the end of the sentence).
_WORD_AHEAD = lazy(r"\s+[\w“\"‘']")
_PASSIVE_ADVERB_WORDS = "first also later originally initially previously widely publicly officially".split()
_PASSIVE_ADVERBS = frozenset(_PASSIVE_ADVERB_WORDS)
_ADVERB_IN_PASSIVE = re.compile(r"\b(?:was|were|is|are|been)\s+(?:" + "|".join(_PASSIVE_ADVERB_WORDS) + r")\s+$")
_SHORT_LISTENER = lazy(r"\s+(?:[A-Z][\w'’.\-]*|the|a|an|his|her|their)(?:\s+[\w'’.\-]+){0,3}\s*[.!?]?\s*$|\s+(?:me|us|him|her|them|reporters)\s*[.!?,]")
#: A question closed by a quotation mark ('"…?"', "''…?''" in the doubled-apostrophe style of some wires).
#: "is asking", "were asking": the progressive, which the passive's blocked "is"/"are" before "ask" must let through
_PROGRESSIVE_BE = frozenset(("is", "are", "was", "were"))
_QUESTION_BEFORE = lazy(r"[?!](?:[\"”]|'')\s*$")
# "asked (the crowd) whether …": a reported question
#: "asked" with its question ahead: "asked her whether", "asked them how", "asked voters a question:"
_ASKED_WHETHER = lazy(r"\s+(?:(?!to\b|for\b)[\w'’.\-]+\s+){0,8}?(?:whether|if|how|why|what|which|who|when|where|about)\b|\s+(?:[\w'’.\-]+\s+){0,4}?[\w'’.\-]+\s*(?::|,\s*[\"“]|\?)|\s*:\s*\S")
#: A cue in a parenthetical ("as Clyburn noted, ..."; "Voters, she suggested, ..."): the clause around it is
#: what was said, so a that-only verb needs no "that" there.
_PARENTHETICAL_BEFORE = lazy(r"(?:,|\bas)\s*$", re.IGNORECASE)
_COMMA_AHEAD = lazy(r"\s*,")
_NEGATABLE = frozenset("say mention respond comment disclose suggest confirm reveal answer explain address".split())
_REPORTED_NEGATION = lazy(r"(?:\b(?:did|does|do|has|have|had)\s+(?:not|never)|\b(?:didn|doesn|don|hasn|haven|hadn)['’]t|\bnever)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
#: A headline's subject right before an -s form ("Benghazi Mom Reveals"): a word that is no determiner or possessive.
_HEADLINE_SUBJECT = lazy(r"(?<![\w'’])(?!(?:the|a|an|his|her|their|its|our|my|your|of|in|on|for|to|with|and|or)\s)[A-Za-z][\w'’\-.]*\s+$", re.IGNORECASE)
_HEADLINE_OBJECT = lazy(r"\s+[\w“\"‘']")
#: A sentence that opens with a name (two to four capitalized words) and a comma.
_OPENING_NAME = lazy(r"\s*((?:(?:[A-Z][\w'’\-]*\.?|[A-Z]\.)\s+){1,3}[A-Z][a-z][\w'’\-]*),\s")
#: One capitalized word and a comma opening the sentence: a surname, unless it is one of _NOT_SURNAMES.
_OPENING_SURNAME = lazy(r"\s*([A-Z][a-z][\w'’\-]+),\s")
_NOT_SURNAMES = frozenset(
    """and but or nor so rather however still yet instead meanwhile indeed later earlier now then today yesterday tonight also moreover
    finally overall separately afterward afterwards again nonetheless nevertheless similarly likewise otherwise
    ultimately initially additionally furthermore regardless together here there thus hence previously recently
    currently first second third last next soon once sometimes often besides instead altogether anyway
    monday tuesday wednesday thursday friday saturday sunday january february march april june july august
    september october november december""".split()
)
_COMMA_BEFORE_CUE = lazy(r",\s*$")
#: Characters from the sentence start to the cue beyond which the name is too far away to be its subject.
_APPOSITION_MAX = 160
#: What may stand alone between the commas as the speaker: a pronoun or a capitalized name (with its title).
_PARENTHETICAL_SUBJECT = lazy(r"(?:he|she|they|we|I|it|(?:[A-Z][\w'’.\-]*\s+){0,3}[A-Z][\w'’\-]*)")
_CLOSED_QUOTE_BEFORE = lazy(r"[,?!][\"”'’]+\s*$")
_THAT_OR_COLON = lazy(r"\s*(?:that\b|:)")
_QUOTE_AHEAD = lazy(r"\s*[,:]\s*[\"“]")
_POSTPOSED_OPENER = lazy(
    r"(?:a|an|one|another|two|three|several|some|many|its|their|our|former|then|longtime|fellow|veteran|top|senior|retired|outgoing|acting|interim)\s+\S"
    # "said pollster Frank Luntz", "said election lawyer Joe Birkenstock": a lower-case title before a name
    r"|(?!(?:on|in|at|to|by|with|from|for|during|after|before|that|this|last|also|then|earlier|later|recently|it|he|she|they|we|i|you)\b)(?:[a-z][\w\-]*\s+){1,3}[A-Z][a-z]"
)


def _may_be_adverb_passive(text: str, cue: int, prev_word: str) -> bool:
    """False where _ADVERB_IN_PASSIVE cannot match before cue: with one space before the cue, its
    adverb would be prev_word (the word before that space), so the search runs only for those words."""
    if text[cue - 1 : cue] == " " and not text[cue - 2 : cue - 1].isspace():
        return prev_word in _PASSIVE_ADVERBS
    return True


def _may_be_possessive(text: str, lo: int, cue: int) -> bool:
    """False where _POSSESSIVE_BEFORE cannot match before cue: each match is "'s" or "s'" and
    whitespace up to the cue, so the last character before that whitespace is an "s" or an apostrophe."""
    j = cue
    while j > lo and text[j - 1].isspace():
        j -= 1
    return j < cue and j > max(lo, cue - 12) and text[j - 1] in "'’sSſ"


def _negated(text: str, lo: int, cue_start: int) -> bool:
    lex = lexicon()
    if lex.negator_at_end is not None:  # every negator ends the piece: tried once, at the end (not at its 40 characters)
        return lex.negator_at_end.match(text[max(lo, cue_start - 40) : cue_start][::-1]) is not None
    if not lex.negator_gate.may_match_within(text, max(lo, cue_start - 40), cue_start):
        return False
    return lex.negator_re.search(text[max(lo, cue_start - 40) : cue_start]) is not None


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


#: "the ad claims", "this memo notes": a determiner, at most two words, then the word before the cue.
_DET_NOUN_BEFORE = lazy(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Ee]ach)\s+([a-z]+)\s+$")
#: Words that follow a determiner without being its noun ("the new claims that", "the two states that").
_NOT_HEAD = frozenset(
    "new same latest false other recent early earlier first last many several few such own only main "
    "two three four five six seven eight nine ten dozen hundred".split()
)
#: What the -s form of a noun-like cue must have ahead: "that", a colon or a quotation, then a subject
#: ("the suit claims that Reed lied", "the ad claims “…”"); not a relative clause ("states that voted").
_SUBJECT_CLAUSE_AHEAD = lazy(
    r"\s*(?:that\s+(?:the|a|an|he|she|it|they|we|I|his|her|their|its|this|there|[A-Z0-9])|:|,?\s*[\"“])"
)


def _singular_noun_before(text: str, lo: int, pos: int) -> bool:
    """ "The ad claims Jeb is …", "the paper notes that …": an -s form after a singular noun with its
    determiner agrees with it, a verb; a plural ("the two claims") or an adjective ("the new claims") is no subject."""
    m = _DET_NOUN_BEFORE.search(text, max(lo, pos - 40), pos)
    if m is None:
        return False
    w = m.group(1)
    return not (w in _NOT_HEAD or w.endswith(("s", "ed", "al", "ous", "ive", "ful", "ic", "ing", "ly")))


#: The word right before "reports": a name (capitalized) or a pronoun.
_NAME_BEFORE = lazy(r"(?:^|[\s\"“(])([A-Z][\w'’.\-]*|he|she|it|they)\)?\s+$")


def _reports_verb(text: str, lo: int, pos: int) -> bool:
    """ "The Post reports that …", "…, the Courier reports.": "reports" is a verb after a name
    or a pronoun; not after a noun ("media reports", "leaked reports") nor after the capitalized
    first word of the sentence that is a noun of the press or of documents ("News reports say")."""
    before = text[max(lo, pos - 60) : pos]
    m = _NAME_BEFORE.search(before)
    if m is None:
        return False
    w = m.group(1)
    if _POSSESSIVE_S.search(w):
        return False  # "Trump's reports": a noun
    lex = lexicon()
    if w.isupper() and len(w) > 1 and w.lower() not in lex.outlet_alias:
        return False  # "FEC reports show": an agency's filings (a known outlet, "CNN reports", is a verb)
    first = before[: m.start(1)].strip(" \"“(") == "" and pos - 60 < lo
    return not (first and (w.lower() in lex.outlet_nouns or w.lower() in lex.document_nouns or w.lower() in ("several", "early", "initial", "local", "conflicting", "unconfirmed")))


def _previous_word(text: str, start: int, cue: int) -> str:
    """The word right before the cue (within 20 characters, lower case), or ""."""
    piece = text[max(start, cue - 20) : cue]
    word = piece.rstrip()  # str.isspace is re's \s
    if len(word) == len(piece):
        return ""  # no space before the cue
    tail = word[word.rfind(" ") + 1 :]
    if tail.isalnum():  # a word of letters and digits after a space (or the piece's start): the pattern's word, read without it
        return tail.lower()
    prev = _PREVIOUS_WORD_REVERSED.match(piece[::-1])
    return prev.group(1)[::-1].lower() if prev is not None else ""


def _verb_cue(text: str, start: int, end: int, m: re.Match, *, headline: bool) -> Raw | None:
    lex = lexicon()
    word = m.group()
    form = word.lower()
    if not form.isalpha():  # a form of one word needs no spaces normalized
        form = " ".join(form.split())
    info = lex.verbs.get(form)
    if info is None:
        return None
    ms, me = m.span()  # read once: the match's offsets are used a dozen times below
    if info.participle and ms > start + 1 and text[ms - 1] == "-" and (
        (pre := _HYPHEN_PREFIX.search(text, max(start, ms - 20), ms - 1)) and pre.group().lower() not in _VERB_PREFIXES
    ):
        return None  # "the tax-writing committee": a noun and a participle make an adjective ("re-tweeting" stays a verb)
    if not word[:1].islower() and not headline:
        # "Said" is also a name; a capitalized cue opens a sentence only in headlines.
        if not (info.participle and ms == start):
            return None
    subject_end = ms  # where the subject ends: before the verb group of a compound cue
    prev_word = None  # the word before the cue, read once (lower case; "" for none)
    negated = None  # _negated(text, start, ms), asked at most once
    if form == info.lemma:  # checked first: base forms ("tell", "write") match often and rarely report
        if ms == start or text[ms - 2 : ms].strip() == ";" or (
            # "Cement makers, for instance, argue that …", "Backers, however, say it will pass": after an aside a
            # base form with its clause still reports; outside headlines with any clause or object ("Others,
            # however, say the levy will pass", "A third of riders, 41%, say they ride less", "…, say some analysts");
            # a comma ahead is the "say" of an example ("cities of, say, 40,000")
            text[ms - 2 : ms].strip() == "," and not _CLAUSE_AFTER_ASIDE.match(text, me, end)
            and (headline or not _WORD_AHEAD.match(text, me, end))
        ):
            return None
        prev_word = base_word = _previous_word(text, start, ms)
        if base_word == "and" and _THAT_CLAUSE_AHEAD.match(text, me, end) and not _COMMA_AHEAD.match(text, me, end) and not _IRREALIS_AND.search(text, max(start, ms - 50), ms):
            pass  # "Pollsters counted twice and say they are sure": a verb coordinated with the clause before, its clause ahead
        elif base_word and (base_word in _BASE_FORM_BLOCKERS or base_word in lex.verb_group_words and (negated := _negated(text, start, ms))):
            # a base form is a cue only after its subject ("officials acknowledge") or in a verb group that
            # reports ("went on to say", "would not say", "will announce that"): not "to explain", "will warn"
            if base_word == "to" and (made := compound.causative_object(text, start, ms)) is not None:
                if (blocked := lex.blocked_after.get(form)) and blocked.match(text, me, end) or info.requires and not _required_word(info.requires).match(text, me, end):
                    return None  # "led her to tell the truth": a blocked sense here too
                content = _content(text, after_cue(text, me, end, audience=info.audience).content_start, end)
                return Raw((ms, me), "verb", [RawLink(*made)], content, made[0]) if content else None
            group = compound.admits(text, start, ms, me, end, info)
            if group is None:
                return None
            subject_end = group
    denied = False
    if negated is None:
        negated = _negated(text, start, ms)
    if negated:
        # "did not mention the deal", "has never said", "didn't respond to": a statement denied, which
        # PolNeAR marks; "would not say", "declined to comment" (a refusal or a future) stay out
        denied = info.lemma in _NEGATABLE and _REPORTED_NEGATION.search(text, max(start, ms - 30), ms) is not None
        if not denied:
            return None
    if form in AMBIGUOUS_S and not (headline and _HEADLINE_SUBJECT.search(text, max(start, ms - 40), ms)) and not _source_before(text, start, ms) and not (
        _COMMA_BEFORE_CUE.search(text, max(start, ms - 3), ms) and _THAT_AFTER.match(text, me, end)
    ) and not (
        # "mentions “…”" names a topic, not what was said
        form != "mentions" and _singular_noun_before(text, start, ms) and _SUBJECT_CLAUSE_AHEAD.match(text, me, end)
    ):
        return None  # "212 warranty claims"; but "Ann Bell, a pollster, notes that …" is a cue
    if form == "reports" and not headline and not _reports_verb(text, start, ms):
        return None
    if prev_word is None:
        prev_word = _previous_word(text, start, ms)
    if not info.participle and prev_word in lex.passive_aux and not (info.lemma == "say" and prev_word in ("is",)):
        return _passive(text, start, end, m, info)
    if not info.participle and _may_be_adverb_passive(text, ms, prev_word) and _ADVERB_IN_PASSIVE.search(text, max(start, ms - 30), ms):
        if (passive := _passive(text, start, end, m, info)) is not None:
            return passive  # "The move was first reported by MSNBC" (else as before: "which was first reported by")
    if prev_word == "the" or prev_word == "to" and info.lemma in ("say", "tell", "report") and subject_end == ms:
        return None
    if form.endswith("ed") and _may_be_possessive(text, start, ms) and _POSSESSIVE_BEFORE.search(text, max(start, ms - 12), ms):
        return None  # "the mayor's repeated requests", "Ann's reported income": a participle as adjective
    if prev_word in lex.blocked_before.get(form, ()) and not (
        # "unions are asking the mayor to resign": a progressive request, not the passive "are asked"
        form == "asking" and prev_word in _PROGRESSIVE_BE and asked_request(text, start, ms, me, end)
    ):  # a blocked sense (lexicon.yaml): "a campaign promise"
        if info.lemma == "ask" and prev_word == "when" and (who := asker(text, me, end)) is not None:
            return Raw((ms, me), "verb", [RawLink(*who)], _content(text, who[1], end), ms, postposed=True)
        if info.lemma == "ask" and prev_word == "when" and _ASKED_WHETHER.match(text, me, end):
            # "..., he said when asked whether ...": the one asked answers; the chain is the clause's
            return Raw((ms, me), "participle", [], _content(text, me, end), ms, inherits=True)
        return None
    before = text[max(start, ms - 30) : ms]
    if "what" in before and _FREE_RELATIVE.search(before):
        return None  # "what he described as", "what carmakers say are"
    blocked = lex.blocked_after.get(form)  # a blocked sense (lexicon.yaml): "claimed the title"
    if blocked and blocked.match(text, me, end):
        return None
    if info.requires and not _required_word(info.requires).match(text, me, end):
        return None
    # a that-only cue also closes a quotation ('"…," Tom Reed declared.'): checked once the subject is known
    # a headline drops its "that" ("Sanders Declares Revolution Is Near"): its object is what was said
    that_missing = info.that_only and not _THAT_CLAUSE_AHEAD.match(text, me, end) and not (headline and _HEADLINE_OBJECT.match(text, me, end))
    if that_missing and (info.participle or info.relay) and not (
        # ", noting the change", ", declaring victory": a participle after a comma, its object what was said
        info.participle and _COMMA_BEFORE_CUE.search(text, max(start, ms - 3), ms) and compound.object_ahead(text, me, end)
    ):
        return None
    if info.relay == "as saying":
        return _quoted(text, start, end, m)
    if info.participle:
        return _participle(text, start, end, m, info)
    after = after_cue(text, me, end, audience=info.audience)
    subj = left_subject(text, start, subject_end, postposed=after.ends)
    # the four characters before the sentence first: rarely a question, and no slice of the sentence
    if subj.span and not subj.after_quote and _QUESTION_BEFORE.search(text, max(0, start - 4), start) and text[start:subj.span[0]].strip() == "":
        subj.after_quote = split_question = True  # '"Can you explain that?" | Boyle asked.': the sentence split after the question
    else:
        split_question = False
    if subj.span is not None and _COMMA_AHEAD.match(text, me, end):
        _parenthetical_subject(text, subj)
    if that_missing and not (
        (after.ends and subj.after_quote)
        # '"…," he declared in a statement', '"…?" Ann Bell remarked, adding …': the quotation before is the content
        or (subj.after_quote and subj.span is not None and _QUOTE_TAG_TAIL.match(text, me, end))
        or (subj.span is None and _CLOSED_QUOTE_BEFORE.search(text, max(start, ms - 6), ms))
        or (subj.span is not None and _COMMA_AHEAD.match(text, me, end) and _PARENTHETICAL_BEFORE.search(text, max(start, subj.span[0] - 4), subj.span[0]))
        # "…, she noted." closing the sentence: the clause before the comma is what was noted
        or (after.ends and subj.span is not None and subj.before is not None and subj.before > start and text[subj.before : subj.span[0]].strip() == ",")
        # "argued the plan would fail", "noted the change": a speaker as the subject and an object ahead
        or (subj.span is not None and not subj.coordinated and compound.that_less(text, subj.span, prev_word, me, end, info))
    ):
        return None
    links: list[RawLink] = []
    postposed = False
    content: tuple[int, int] | None
    inherits = False
    inverted = (subj.span is not None or subj.coordinated) and not subj.after_quote and inverted_speaker(
        text, start, ms, me, end, names_only=subj.span is not None and not text[start : subj.span[0]].strip()
    )
    after_clause = inverted and subj.coordinated  # "…, but it has drawn a crowd, said Ms. Tan": no verb coordinated with the clause before
    if inverted:
        subj.span = subj.before = None  # "…, said Lee Tan, who teaches law": the name after the cue speaks
        subj.coordinated = False
    if subj.coordinated:
        inherits = True
        span_start = ms
    elif subj.span is None and not after_clause and (named := _apposed_name(text, start, ms)) is not None:
        # "Ann Bell, 63, a retired nurse from Dayton, said she ...": the name that opens the sentence
        links.append(RawLink(*named, cue=(ms, me)))
        span_start = named[0]
    elif subj.span is None:
        # "…," said Karl Schamotta, chief market strategist at Corpay.
        # "…, said Monday that …": a weekday or a date after the cue is an adverbial, not an inverted subject
        span, reason, consumed = right_np(text, time_adverbial(text, me, end) or me, end, allow_commas=True)
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
        if "," not in text[span[0] : span[1]]:
            span = cut_adverbial(text, *span)  # "said Ann Bell on Monday": the day is no part of the name
        links.append(RawLink(*span, reason=reason, cue=(ms, me)))
        postposed = True
        cs, ce = _before_speaker(text, start, subj.before if subj.before is not None else ms)
        content = (cs, _content_end(text, cs, ce)) if cs < ce else None
        span_start = start
        info_after = after_cue(text, consumed, end, audience=False)
        if info_after.relays:
            links += info_after.relays
        return Raw((ms, me), "verb", links, content, span_start, postposed=True)
    else:
        links.append(RawLink(*subj.span, reason=subj.reason or after.reason, cue=(ms, me)))
        span_start = subj.span[0]
    if info.postposed_only and not (after.ends and subj.after_quote):
        if (
            not (subj.after_quote and _SHORT_LISTENER.match(text, me, end))
            and not (subj.span and _QUOTE_AHEAD.match(text, me, end))
            and not (subj.span and info.lemma == "ask" and _ASKED_WHETHER.match(text, me, end))
            and not (subj.span and info.lemma == "ask" and asked_request(text, start, ms, me, end))
            # "The campaign responded that …", "he answered: …": what follows is the reply
            and not (subj.span and info.lemma != "ask" and _THAT_OR_COLON.match(text, me, end))
            # "The campaign did not respond to requests for comment": a reply denied (PolNeAR marks it)
            and not (subj.span and denied and info.lemma != "ask")
        ):
            return None  # '"…?" Boyle asked Trump.', 'Jim Lehrer asked, "…"' and 'asked the court to act' are cues
        if subj.after_quote:
            after.ends = True
    if info.document_subject and not _looks_document(text, subj.span):
        return None
    if info.audience and after.outlet is None and after.content_start is None and not (after.ends and subj.after_quote) and not (
        # "…, the mayor told the Courier.", "…, Ann Bell told her.": the clause before the comma is what was told
        after.ends and subj.span is not None and subj.before is not None and subj.before > start and text[subj.before : subj.span[0]].strip() == ","
    ):
        return None  # '"…," Tom Reed told CNBC.': the quotation before is the content
    links += subj.relays + after.relays
    if after.outlet is not None:
        links.insert(0, after.outlet)
    if subj.dateline is not None:
        links.insert(0, subj.dateline)
    quote_tag = that_missing and subj.after_quote and subj.span is not None and not after.ends and _QUOTE_TAG_TAIL.match(text, me, end)
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
    raw = Raw((ms, me), "verb", links, content, span_start, postposed=postposed, inherits=inherits, medium=subj.medium or after.medium, dropped=subj.relative)
    return raw


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
    if m is None:
        # a surname alone ("Reed, though, said", "Bell, 44, said"): not a connective or a day that opens the sentence
        m = _OPENING_SURNAME.match(text, start, cue)
        if m is None or m.group(1).lower() in _NOT_SURNAMES or m.group(1).endswith("ly"):
            return None
    if _ANY_QUOTE_MARK.search(text, m.end(), cue):
        return None
    return m.start(1), m.end(1)


def _looks_document(text: str, span: tuple[int, int] | None) -> bool:
    if span is None:
        return False
    from provenance.attributions.sources import head_noun

    return head_noun(text[span[0] : span[1]]) in lexicon().document_nouns


def _before_speaker(text: str, start: int, end: int) -> tuple[int, int]:
    """The content ahead of a postposed speaker, without an "as" that introduces the speaker."""
    cs, ce = _strip(text, start, end)
    # every match ends the stripped span with "as" (re takes "ſ" for "s"): searched only then, not at every character
    tail = _AS_TAIL.search(text, cs, ce) if ce - cs >= 2 and text[ce - 1] in "sSſ" and text[ce - 2] in "aA" else None
    return _strip(text, cs, tail.start()) if tail is not None else (cs, ce)
