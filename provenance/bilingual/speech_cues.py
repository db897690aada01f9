"""Reporting cues beside a quotation of the original (rule PV1005): is a short quoted stretch
speech (a speech verb or a colon next to it, or a quoted sentence) or a quoted term, title or scare
quote? The per-language cue words are data (lexicon.yaml, ``speech_cues``)."""

from __future__ import annotations

import re
from functools import cache

from provenance.bilingual.check_common import word_count

#: A colon (then a space or a dash) right before the opening mark: the quotation is introduced as speech.
_COLON_BEFORE = re.compile("[:：][\\s\u00a0—–-]*$")
#: The punctuation of a sentence or clause inside the closing mark ("…nicht."“, «…?»): a quoted sentence.
_PUNCT_INSIDE = re.compile("[.!?,;…،؟۔।。！？，；]$")
_MARKS = "\"“”«»„‚‘’「」『』 \u00a0"


@cache
def _cues(lang: str) -> re.Pattern | None:
    from provenance.bilingual.lexicon import _data

    data = _data()
    words = (data.get("speech_cues") or {}).get(lang)
    if not words:
        return None
    if lang == "zh":
        return re.compile(f"(?:{words})")
    prefix = (data.get(lang) or {}).get("prefix", "")
    # from a word's start, after the language's clitics; the stem's word runs to its end (сказа → сказала;
    # not [^\W] alone: a Devanagari vowel sign is no \w)
    return re.compile(f"(?<![^\\W\\d_]){prefix}(?:{words})[^\\s{_MARKS},.:;!?]*", re.IGNORECASE)


@cache
def _according(lang: str) -> re.Pattern | None:
    from provenance.bilingual.lexicon import _data

    words = (_data().get("speech_according") or {}).get(lang)
    if not words:
        return None
    start = "" if lang == "zh" else "(?<![^\\W\\d_])"
    return re.compile(f"{start}(?:{words})(?![^\\W\\d_])" if lang != "zh" else f"(?:{words})", re.IGNORECASE)


#: Nothing but punctuation and spaces (a comma, a bracket) between a quotation mark and a cue.
_ADJACENT = re.compile(f"[\\s{_MARKS},;:()（），、،؛—–-]*")
#: Words a quotation needs for 'according to' beside it to make it speech: «los "sin techo", según los planes» is a term.
_ACCORDING_WORDS = 3


@cache
def _as_cues(lang: str) -> tuple[re.Pattern, re.Pattern] | None:
    from provenance.bilingual.lexicon import _data

    entry = (_data().get("speech_as") or {}).get(lang)
    if not entry:
        return None
    verbs, word = entry
    joined = lang in ("he", "zh")  # the 'as' word written against the mark
    start = "" if lang == "zh" else "(?<![^\\W\\d_])"
    gap = "" if joined else "[\\s\u00a0]+"
    return re.compile(f"{start}(?:{verbs})", re.IGNORECASE), re.compile(f"{'' if joined else start}(?:{word}){gap}$", re.IGNORECASE)


def quoted_sentence(src: str, quoted: tuple[int, int], unit: tuple[int, int], lone: bool = False) -> bool:
    """Is the quoted stretch a sentence of its own: a ``lone`` mark's, running to the unit's edge; the
    sentence's punctuation inside its closing mark; or the whole unit (but for marks and punctuation)?"""
    if lone:
        return True  # a lone mark's quotation, running on from the sentence before or to the next: speech
    inner = src[quoted[0] : quoted[1]].strip(_MARKS)
    if _PUNCT_INSIDE.search(inner):
        return True
    outside = src[unit[0] : quoted[0]] + src[quoted[1] : unit[1]]
    return not any(c.isalnum() for c in outside)


def _words(s: str) -> int:
    """word_count without punctuation between spaces ("заявил , что": two words, the comma none)."""
    return word_count(" ".join(w for w in s.split() if any(c.isalnum() for c in w)))


def cue_beside(src: str, quoted: tuple[int, int], unit: tuple[int, int], lang: str, window: int) -> bool:
    """Is there a reporting cue of the language within ``window`` words before the quotation's
    opening mark or after its closing one, inside the unit, or a colon right before it?"""
    before = src[unit[0] : quoted[0]]
    if _COLON_BEFORE.search(before):
        return True
    described = _as_cues(lang)
    if described is not None and described[1].search(before) and described[0].search(before):
        return True  # "described X as «…»": a verb of describing earlier in the sentence, its 'as' word before the mark
    according = _according(lang)
    if according is not None and word_count(src[quoted[0] : quoted[1]]) >= _ACCORDING_WORDS:
        for m in according.finditer(src, unit[0], quoted[0]):
            if _ADJACENT.fullmatch(src, m.end(), quoted[0]):
                return True  # واشنگٹن پوسٹ کے مطابق، “…”: 'according to' right before the mark
        m = according.match(src, _ADJACENT.match(src, quoted[1], unit[1]).end())
        if m is not None and m.end() <= unit[1]:
            return True  # «…» selon le Washington Post: 'according to' right after the mark
    pattern = _cues(lang)
    if pattern is None:
        return False
    for m in pattern.finditer(src, unit[0], quoted[0]):
        if _words(src[m.end() : quoted[0]]) <= window:
            return True
    for m in pattern.finditer(src, quoted[1], unit[1]):
        if _words(src[quoted[1] : m.start()]) <= window:
            return True
    return False


@cache
def _naming(lang: str) -> tuple[re.Pattern | None, re.Pattern | None]:
    from provenance.bilingual.lexicon import _data

    entry = (_data().get("speech_naming") or {}).get(lang)
    if not entry:
        return None, None
    before, after = entry
    start = "" if lang == "zh" else "(?<![^\\W\\d_])"
    end = "" if lang == "zh" else "(?![^\\W\\d_])"
    prefix = "" if lang == "zh" else (_data().get(lang) or {}).get("prefix", "")
    # a word before the mark may be followed by up to two words (a book "entitled, in English, …" is rare; "known by the name")
    gap = "" if lang == "zh" else f"(?:[\\s\u00a0,:\u200f]+[^\\s{_MARKS}]+){{0,{_NAMING_GAP}}}[\\s\u00a0,\u200f]*"
    head = re.compile(f"{start}{prefix}(?:{before}){end}{gap}$", re.IGNORECASE) if before else None
    # Turkish joins a case suffix to the closing mark ("…"ın adlı): a word's letters may come before the space
    tail = re.compile(f"[^\\W\\d_]*[\\s\u00a0,]*(?:{after}){end}", re.IGNORECASE) if after else None
    return head, tail


#: Words that may stand between a naming word and the opening mark ("known by various names such as «…»").
_NAMING_GAP = 2


def named(src: str, quoted: tuple[int, int], unit: tuple[int, int], lang: str) -> bool:
    """Is the quotation introduced or followed by a naming word of the language (lexicon.yaml
    ``speech_naming``: под названием «…», 名为“…”, “…” adlı, so-called, entitled)? Then it is a name,
    title or term; a colon right before it makes it speech again (cue_beside)."""
    head, tail = _naming(lang)
    before = src[unit[0] : quoted[0]]
    if _COLON_BEFORE.search(before):
        return False
    if head is not None and head.search(before):
        return True
    return tail is not None and tail.match(src, quoted[1], unit[1]) is not None
