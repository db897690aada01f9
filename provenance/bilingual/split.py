"""Paragraphs and sentences of a source text in any of the NTREX languages.

English goes through provenance's own splitter; other languages use their own
sentence punctuation: Chinese 。！？ (no space after), Arabic ؟, Urdu ۔ ؟, Hindi
danda ।, and . ! ? for Latin, Cyrillic, Hebrew and Persian script. A line of a
paragraph that reads as a heading (no final stop, shorter than the line after it)
ends at its line break, on both sides: a title above its first sentence.
"""

from __future__ import annotations

import re

from provenance.document.sentences import split_sentences as english_sentences

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*")
# No-space scripts: the full-width punctuation ends a sentence wherever it stands.
# “ then a space or the end after a stop closes (Chinese sets no space after an opening mark; the closing one mistyped).
_CJK_END = re.compile(r"[。！？!?]+(?:[」』”’\"）)]|“(?=\s|$))*")
# Spaced scripts: punctuation (with closing quotes, the German “ too) then whitespace.
# French sets » off with a (no-break) space: ". »" closes the sentence too.
_END = re.compile(r"(?:[.!?؟۔।॥…]+)(?:[\"'”“’)\]]|[ \u00a0\u202f]?»)*(?=\s+[^\s»”’)\],.;:])")
_CJK_LANGS = {"zh", "ja"}


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the blank-line separated paragraphs, stripped of edge whitespace."""
    spans = []
    for m in _PARAGRAPH.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
    return spans


# A line ending in one of these goes on in the next line (a stop is the sentence splitter's business).
_STOP_OR_GOES_ON = frozenset(".!?؟۔।॥…。！？,;:،؛、，；：-–—/&+(")
_CLOSERS = "\"'”’»)]」』）"
# A heading is at most this share of the line after it: a hard-wrapped line is about as long as the next.
HEADING_RATIO = 0.8


def lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """text[start:end] cut after each line that reads as a heading (see heading_line)."""
    out, s = [], start
    pos = text.find("\n", start, end)
    while pos != -1:
        nxt_end = text.find("\n", pos + 1, end)
        nxt_end = end if nxt_end == -1 else nxt_end
        line_start = text.rfind("\n", start, pos) + 1 or start
        if heading_line(text[line_start:pos], text[pos + 1:nxt_end]):
            out.append((s, pos))
            s = pos + 1
        pos = text.find("\n", pos + 1, end)
    out.append((s, end))
    return out


def heading_break(text: str, end: int, start: int) -> bool:
    """Is the gap text[end:start] between two sentences the line break after a heading line?"""
    nl = text.find("\n", end, start)
    if nl == -1:
        return False
    line_start = text.rfind("\n", 0, end) + 1
    next_end = text.find("\n", start)
    return heading_line(text[line_start:end], text[start:len(text) if next_end == -1 else next_end])


def heading_line(line: str, following: str) -> bool:
    """Does a line end its sentence at its line break though it has no final stop? When it is a
    heading: no stop or mark that goes on at its end, the next line not in lower case (cased
    scripts) and the line clearly shorter than the next (a wrapped line is about as long)."""
    line, following = line.strip(), following.strip()
    if not line or not following or following[0].islower():
        return False
    if line.rstrip(_CLOSERS)[-1:] in _STOP_OR_GOES_ON or line[-1] in _STOP_OR_GOES_ON:
        return False
    return len(line) < HEADING_RATIO * len(following)


def sentences(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end] for language `lang` (ISO 639-1); a heading line
    (heading_line) is a sentence of its own."""
    parts = lines(text, start, end)
    if len(parts) > 1:
        return [span for s, e in parts for span in sentences(text, s, e, lang)]
    if lang == "en":
        return english_sentences(text, start, end) or [(start, end)]
    pattern = _CJK_END if lang in _CJK_LANGS else _END
    spans, s = [], start
    for m in pattern.finditer(text, start, end):
        if _is_decimal_or_initial(text, m.start(), m.end(), start) or _runs_on(text, m.start(), m.end(), start, end, lang):
            continue
        _add(text, spans, s, m.end())
        s = m.end()
    _add(text, spans, s, end)
    return spans


def _is_decimal_or_initial(text: str, p: int, q: int, floor: int) -> bool:
    # A single letter before a period ("A. Smith", "В. Путин") is an initial, not an end.
    if text[p] != "." or q - p != 1:
        return False
    before = text[max(floor, p - 2):p]
    return len(before) == 2 and before[0].isspace() and before[1].isalpha()


# Abbreviations that a period follows inside a sentence (casefolded, without the period):
# titles and a few common short forms of the NTREX languages' news ("Sra.", "St.", "Св.", "z.B.").
_ABBREVIATIONS = frozenset([
    "mr", "mrs", "ms", "dr", "drs", "st", "sr", "sra", "srta", "jr", "prof", "gen", "gov",
    "rep", "rev", "mt", "nr", "vs", "etc", "ca", "approx", "mme", "mlle", "me", "av", "dra",
    "lic", "ing", "arq", "ud", "uds", "vd", "vds", "ee", "uu", "bzw", "z.b", "u.a", "d.h", "usw",
    "vgl", "св", "г", "гг", "ул", "пр", "т.е", "т.д", "т.п", "др", "проф", "акад", "д-р",
    "тыс", "млн", "млрд",
    # a language named in brackets before a foreign word: "(от англ. Member of …)", "(нім. …)"
    "англ", "нем", "франц", "фр", "исп", "итал", "лат", "араб", "кит", "нім", "італ", "рос", "укр",
])
# An ordinal's period: after a German article or contracted preposition ("im 1."), or before a
# month or a word that ordinals lead ("3. Oktober", "1. Dünya Savaşı"); "auf 40. Niemand" ends.
_ORDINAL_BEFORE = {"de": frozenset(["im", "am", "vom", "zum", "zur", "beim", "der", "die", "das", "den", "dem", "des"]), "tr": frozenset()}
_ORDINAL_AFTER = frozenset([
    "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
    "november", "dezember", "weltkrieg", "liga", "runde", "halbzeit", "jahrhundert", "platz",
    "klasse", "ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül",
    "ekim", "kasım", "aralık", "dünya", "lig", "yüzyıl",
])
_WORD = re.compile(r"[^\W\d_]+")


def _ordinal(text: str, number_start: int, nxt: int, end: int, lang: str) -> bool:
    before = [w.casefold() for w in _WORD.findall(text, max(0, number_start - 8), number_start)]
    after = _WORD.match(text, nxt, end)
    return bool(before and before[-1] in _ORDINAL_BEFORE[lang]) or bool(after and after.group().casefold() in _ORDINAL_AFTER)


_WORD_BEFORE = re.compile(r"[^\s(\[«\"“„]+$")


def _runs_on(text: str, p: int, q: int, floor: int, end: int, lang: str) -> bool:
    """Does the sentence go on after the period at p? When the next word starts in lower case
    (a cased script: "la Sra. dijo", "sloganları attı" split off by a quotation), or the word
    before is an abbreviation: a title ("St. Martin"), or a dotted one ("U.K.", "यू.के.")."""
    nxt = q
    while nxt < end and text[nxt].isspace():
        nxt += 1
    if nxt < end and text[nxt].islower():
        return True  # any stop: "Pourquoi ? lui a-t-elle demandé", "Ммм... ммм, какого"
    if text[p] != "." or q - p != 1:
        return False
    if _spaced_letters(text, p, nxt, end):
        return True
    m = _WORD_BEFORE.search(text, max(floor, p - 12), p)
    if m is None or m.end() != p:
        return False
    word = m.group().casefold()
    if lang in _ORDINAL_BEFORE and word.isdigit() and len(word) <= 2 and _ordinal(text, m.start(), nxt, end, lang):
        return True  # a German or Turkish ordinal: "im 1. Weltkrieg", "am 3. Oktober", "1. Dünya Savaşı"
    if lang == "tr" and word.isdigit() and len(word) <= 3:
        return True  # Turkish ends its sentences with the verb: a number's period is an ordinal ("125. Cadde")
    return word in _ABBREVIATIONS or ("." in word and len(word) <= 8 and all(len(part) <= 3 for part in word.split(".")))


_SHORT_WORD = re.compile(r"(?<![^\s(\[«\"“„])[^\W\d_]{1,3}$")
_SHORT_DOTTED = re.compile(r"[^\W\d_]{1,2}\.")


def _spaced_letters(text: str, p: int, nxt: int, end: int) -> bool:
    """A period after a word of one to three letters followed by one of one or two letters and its
    period: an abbreviation written with spaces (Hebrew "הבי. סי.", the BBC with its article;
    "U. S."), not a sentence's end."""
    return bool(_SHORT_WORD.search(text, max(0, p - 3), p)) and bool(_SHORT_DOTTED.match(text, nxt, end))


def _add(text: str, spans: list[tuple[int, int]], s: int, e: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if s < e:
        spans.append((s, e))
