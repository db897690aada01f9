"""Paragraphs and sentences of a source text in any of the NTREX languages.

English goes through provenance's own splitter; other languages use their own
sentence punctuation: Chinese 。！？ (no space after), Arabic ؟, Urdu ۔ ؟, Hindi
danda ।, and . ! ? for Latin, Cyrillic, Hebrew and Persian script.
"""

from __future__ import annotations

import re

from provenance.document.sentences import split_sentences as english_sentences

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*")
# No-space scripts: the full-width punctuation ends a sentence wherever it stands.
_CJK_END = re.compile(r"[。！？!?]+[」』”’\"）)]*")
# Spaced scripts: punctuation (with closing quotes) then whitespace.
# French sets » off with a (no-break) space: ". »" closes the sentence too.
_END = re.compile(r"(?:[.!?؟۔।॥…]+)(?:[\"'”’)\]]|[ \u00a0\u202f]?»)*(?=\s+[^\s»”’)\],.;:])")
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


def sentences(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end] for language `lang` (ISO 639-1)."""
    if lang == "en":
        return english_sentences(text, start, end) or [(start, end)]
    pattern = _CJK_END if lang in _CJK_LANGS else _END
    spans, s = [], start
    for m in pattern.finditer(text, start, end):
        if _is_decimal_or_initial(text, m.start(), m.end(), start):
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


def _add(text: str, spans: list[tuple[int, int]], s: int, e: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if s < e:
        spans.append((s, e))
