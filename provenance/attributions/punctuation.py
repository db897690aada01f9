"""Punctuation cues: a colon after a speaker ("Jack Liu: It is wrong …",
'Police: Man arrested', 'X: "…"', a transcript's 'SEN. SMITH:' label, a
headline's 'Bell: "…"') and a dash that signs a quotation ('"…."  - Ann Bell.')."""

from __future__ import annotations

import re

from provenance.attributions.extract_common import Raw, RawLink, _strip
from provenance.attributions.scan import _content
from provenance.attributions.tokens import tokenize
from provenance.lazyre import lazy

_COLON_SPEAKER_MAX = 8

_NAME_END = lazy(r"(?<![\w'’.])(?:[A-Z][\w'’\-]*\.?\s+){1,3}[A-Z][a-z][\w'’\-]*$")  # a name (with its titles) that ends at the colon

#: "- Ann Bell." / "—Sen. Ray Tan, on Tuesday.": a signature line after a quotation.
_SIGNATURE = lazy(r"\s*([-–—])\s*((?:(?:[A-Z][\w'’\-]*\.?)\s+){0,3}[A-Z][\w'’\-]+)(?:,[^\"“”]{0,80})?\s*[.]?\s*")

_SIGNED_QUOTE = lazy(r"[.!?,][\"”]\s+([-–—])")

_CLOSE_QUOTE_END = lazy(r"[.!?,]?[\"”]\s*$")

#: A transcript's speaker label: one to three upper-case words alone before the colon ("SEN. SMITH:").
_TRANSCRIPT_LABEL = lazy(r"\s*((?:[A-Z][A-Z'’.\-]+\s+){0,2}[A-Z][A-Z'’.\-]+)\s*")

_NOT_SPEAKER_LABELS = frozenset(
    "UPDATE UPDATED NOTE CORRECTION CLARIFICATION RELATED WATCH BREAKING READ EXCLUSIVE VIDEO PHOTOS PHOTO "
    "ADVERTISEMENT SOURCE SOURCES WARNING ALERT LIVE MORE ALSO SEE LISTEN EDITOR'S NOTE EDITOR’S NOTE "
    "SPOILER TRANSCRIPT DISCLAIMER FACT CHECK FACT-CHECK BACKGROUND ANALYSIS OPINION BYLINE DATELINE "
    "BOOM LOOK WOW OOPS EMAIL E-MAIL CONTACT".split(" ")
) | {"EDITOR'S NOTE", "EDITOR’S NOTE", "FACT CHECK"}

#: The last word of a column's or a feature's title before a headline colon ("Delegate Update: …",
#: "Paid Notice: …", "Just Leaked: …"): a rubric, nobody speaks. (Not "Email": PolNeAR marks a
#: newsletter's title as its source once and once not.)
_RUBRIC_WORDS = frozenset("update updates newsletter notice notices roundup digest recap leaked".split())


def _has_dash(text: str, start: int, end: int) -> bool:
    return text.find("-", start, end) >= 0 or text.find("–", start, end) >= 0 or text.find("—", start, end) >= 0


def _signature(text: str, start: int, end: int) -> Raw | None:
    """ '"…."  - Ann Bell.': a dash and a name right after a closing quotation sign the quotation."""
    m = _SIGNATURE.fullmatch(text, start, end)
    if m is None or not _CLOSE_QUOTE_END.search(text, max(0, start - 8), start):
        return None
    close = len(text[:start].rstrip())  # just after the closing quotation mark
    opening = max(text.rfind(q, max(0, close - 1500), close - 1) for q in "“\"")
    content = (opening + 1, close - 1) if opening >= 0 else None
    return Raw((m.start(1), m.end(1)), "colon", [RawLink(m.start(2), m.end(2))], content, m.start(1), postposed=True)


def _colon(text: str, start: int, end: int, *, headline: bool, found: list[Raw]) -> Raw | None:
    """ "Jack Liu: It is wrong to assume failure", 'Police: Man arrested', 'X: "…"'."""
    from provenance.attributions.sources import speaker_like

    colon = text.find(":", start, end)
    if colon <= start:
        return None
    if any(r.cue[0] < colon for r in found if r.kind != "colon"):
        return None
    after = text[colon + 1 : end].lstrip()
    if not after:
        return None
    if not headline and after[:1] not in "\"“'‘":
        label = _TRANSCRIPT_LABEL.fullmatch(text, start, colon)
        if label is None:
            # "Matthews: Well, the levy …" in an interview: a surname alone before the colon, opening the paragraph
            label = _SURNAME_LABEL.fullmatch(text, start, colon)
            if label is None or (start > 0 and text[start - 1] != "\n") or not _person_label(text, label.start(1), label.end(1)) or not _turns_around(text, start):
                return None
            if not any(w[:1].islower() for w in after.split()[:8]):
                return None  # "Iowa: Tim Albrecht, Gopal Krishna, …": a list of names under a heading
        if label.group(1).upper() in _NOT_SPEAKER_LABELS:
            return None
        # "TAPPER: Do you think ...": a transcript's speaker label opens the turn
        cs = colon + 1 + (len(text[colon + 1 : end]) - len(after))
        return Raw((colon, colon + 1), "colon", [RawLink(label.start(1), label.end(1))], _content(text, cs, end), label.start(1))
    s, e = _strip(text, start, colon, " \t\"“”'")
    toks = tokenize(text, s, e)
    if toks and len(toks) > _COLON_SPEAKER_MAX and not headline:
        # "… surprised the pollster Ray Tan: “…”": the noun phrase that ends at the colon, when it names a person
        name = _NAME_END.search(text, s, e)
        if name is None:
            return None
        s = name.start()
        toks = tokenize(text, s, e)
    if any(low in ("said", "says", "told", "added") for low in toks.low):
        return None
    if headline and (text[s:e].upper() in _NOT_SPEAKER_LABELS or toks and toks.low[-1] in _RUBRIC_WORDS):
        return None  # "EXCLUSIVE: …", "BYLINE: …", "Delegate Update: …": a label, not a speaker
    if headline and (lead := _HEADLINE_ADDRESSEE.match(text, s, e)) is not None and (
        speaker_like(lead.group(1)) or _surname_named_later(text, s, s + len(lead.group(1)))
    ):
        e = s + len(lead.group(1))  # "Obama to Asians worried about the vote: …", "Bell on the levy: …": the speaker opens it
    if not speaker_like(text[s:e]) and not (headline and (_surname_named_later(text, s, e) or _headline_source_noun(text, s, e))) and not (
        not headline and after[:1] in "\"“" and _person_label(text, s, e)  # 'Clinton: "Our goal is …"'
    ):
        return None
    if any(r.cue[0] > colon and r.kind == "verb" and r.span_start <= colon + 3 for r in found):
        return None
    cs = colon + 1 + (len(text[colon + 1 : end]) - len(text[colon + 1 : end].lstrip()))
    return Raw((colon, colon + 1), "colon", [RawLink(s, e)], _content(text, cs, end), s)


#: A headline's speaker before whom it is addressed to or what it is about ("Obama to Asians …:", "Bell on the levy:").
_HEADLINE_ADDRESSEE = lazy(r"((?:[A-Z][\w'’.\-]*\s+){0,3}[A-Z][\w'’.\-]*)\s+(?:to|on|at|in)\s+\S")


def _headline_source_noun(text: str, s: int, e: int) -> bool:
    """"Poll: …", "Report: …", "Clinton camp: …": a headline's colon after a document, an outlet or a body."""
    from provenance.attributions.cues import lexicon

    words = text[s:e].split()
    if not words or len(words) > 3 or not all(w[:1].isupper() for w in words[:-1]) or not words[-1][:1].isupper() and len(words) == 1:
        return False
    lex = lexicon()
    head = words[-1].lower()
    return head in lex.document_nouns or head in lex.outlet_nouns or head in lex.organization_nouns or head in ("camp",)


#: One name in mixed case alone before a colon ("Matthews:"): a turn of an interview when the article names
#: the person in full elsewhere (full names before a colon are as often section headings: "Ann Bell: the plan").
_SURNAME_LABEL = lazy(r"\s*([A-Z][a-z][\w'’\-]*)\s*")


#: A paragraph that opens with a name and a colon ("Lopez: …", "Ann Bell: …").
_TURN = lazy(r"(?:[A-Z][a-z][\w'’\-]*\s+){0,2}[A-Z][a-z][\w'’\-]*:\s+\S")


def _turns_around(text: str, start: int) -> bool:
    """The paragraph before or after the one at ``start`` opens with another name and a colon: the turns
    of an interview, not a heading between paragraphs of prose ("Ann Bell: a long shot")."""
    before = text.rfind("\n", 0, max(0, start - 1))
    prev_start = text.rfind("\n", 0, before) + 1 if before > 0 else -1
    while prev_start >= 0 and not text[prev_start:before].strip() and prev_start > 0:  # blank lines between paragraphs
        before = prev_start - 1
        prev_start = text.rfind("\n", 0, before) + 1
    nxt = text.find("\n", start)
    while nxt >= 0 and nxt + 1 < len(text) and text[nxt + 1] == "\n":
        nxt += 1
    return bool((prev_start >= 0 and _TURN.match(text, prev_start)) or (nxt >= 0 and _TURN.match(text, nxt + 1)))


def _person_label(text: str, s: int, e: int) -> bool:
    """The words before a colon name a person: a full name, or one name the article gives in full elsewhere
    ("Matthews" for "Chris Matthews", "Hillary" for "Hillary Clinton")."""
    from provenance.attributions.sources import person_name

    words = text[s:e].split()
    if len(words) > 1:
        return person_name(words) is not None
    if not words:
        return False
    return _named_beside(text, words[0], colon_ok=False)


_ONE_NAME = lazy(r"[A-Z][a-z][\w'’\-]*")


def _surname_named_later(text: str, s: int, e: int) -> bool:
    """ "Bell: 'The bridge will reopen.'": one capitalized word before a headline's colon that the
    article names in full later ("Ann Bell"): a person, unlike "Brexit:"."""
    word = text[s:e]
    if not _ONE_NAME.fullmatch(word):
        return False
    later = text[e : e + 5000]
    # a surname after a first name ("Ann Bell"), or a first name before a surname ("Hillary" for "Hillary Clinton")
    return _named_beside(later, word, colon_ok=True)


#: What follows a first name: spaces and a capitalized word (``_named_beside``).
_SURNAME_AFTER = lazy(r"\s+[A-Z][a-z]+\b")
#: The characters of a capitalized word before a surname, past its capital (``[\w.'’\-]``, with \w tested by _is_word).
_NAME_PUNCTUATION = ".'’-"


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"  # re's \w for str patterns


def _named_beside(s: str, word: str, *, colon_ok: bool) -> bool:
    r"""``re.search(r"\b[A-Z][\w.'’\-]*\s+W\b(?!:)|\bW\s+[A-Z][a-z]+\b", s)`` with W ``re.escape(word)``
    (without ``(?!:)`` when colon_ok), tested at each occurrence of word: the pattern, opening with
    ``\b``, was tried at every character of the text, and compiled for each word."""
    n = len(word)
    first_w, last_w = _is_word(word[0]), _is_word(word[-1])
    at = s.find(word)
    while at >= 0:
        end = at + n
        # \bW\s+[A-Z][a-z]+\b: a first name before a surname
        if (at > 0 and _is_word(s[at - 1])) != first_w and _SURNAME_AFTER.match(s, end):
            return True
        # \b[A-Z][\w.'’\-]*\s+W\b(?!:): a capitalized word and spaces before it
        if (end < len(s) and _is_word(s[end])) != last_w and (colon_ok or s[end : end + 1] != ":"):
            k = at
            while k > 0 and s[k - 1].isspace():
                k -= 1
            if k < at:
                r = k  # the run of [\w.'’\-] before the spaces: the capital opens it or follows one of its dots, quotes or dashes
                while r > 0 and (_is_word(s[r - 1]) or s[r - 1] in _NAME_PUNCTUATION):
                    r -= 1
                for i in range(r, k):
                    if "A" <= s[i] <= "Z" and (i == 0 or not _is_word(s[i - 1])):
                        return True
        at = s.find(word, at + 1)
    return False
