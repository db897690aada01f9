"""Numbers written in words, read whole (provenance.bilingual.lexicon): a run of number words
is one number ("двести пятьдесят" 250, "خمسة وعشرون" 25, "Treinta y cinco mil" 35,000,
"שלוש מאות" 300, "deux millions et demi" 2.5 million), German compounds ("zweihundertfünfzig",
"zweieinhalb"), and Roman numerals of centuries ("XIX век", "siglo XIX")."""

from __future__ import annotations

import math
import re

#: What may stand between two number words of one number: a space or hyphen ("twenty-one",
#: "quatre-vingt"), and the word "and" of the language ("y", "et", "und", Persian "و", "с"/"з"
#: before a half: "два с половиной"); Arabic و and Hebrew ו are written on the next word.
_CONNECTOR = re.compile(r"[\s\u00a0\u200c-]*(?:(?:and|y|e|et|und|و|с|з)[\s\u00a0\u200c]+)?", re.IGNORECASE)
#: Multipliers: a number word before one of these is so many of it ("three hundred", "две тысячи").
_MULTIPLIERS = frozenset({100.0, 1e3, 1e5, 1e6, 1e7, 1e9, 1e12})
#: Languages that write a teen as a unit before ten ("ثلاثة عشر", "שלושה עשר": 13).
_TEENS_LANGS = frozenset({"ar", "he", "de"})
#: Languages that write a unit before its ten ("خمسة وعشرون", "fünfundzwanzig": 25).
_UNIT_FIRST = frozenset({"ar", "de"})


def _connected(text: str, end: int, start: int) -> tuple[bool, bool]:
    """Do two words at end..start belong to one number, and is an "and" between them?"""
    gap = text[end:start]
    m = _CONNECTOR.fullmatch(gap)
    return m is not None, m is not None and bool(gap.strip(" \u00a0\u200c-"))


def runs(text: str, tokens: list[tuple[float, int, int, bool]], code: str) -> list[tuple[float, int, int, list[int]]]:
    """Tokens (value, start, end, alone) of number words in text order, joined into numbers:
    (value, start, end, indices of the tokens taken). A run breaks where two words do not
    make one number ("first three" is no 4: a unit takes no unit after it)."""
    out, i = [], 0
    while i < len(tokens):
        total, current, last, j = 0.0, 0.0, math.inf, i
        while j < len(tokens):
            v = tokens[j][0]
            if j > i:
                joined, has_and = _connected(text, tokens[j - 1][2], tokens[j][1])
                if not joined:
                    break
                has_and = has_and or text[tokens[j][1]] in "وו"  # Arabic و, Hebrew ו written on the word: "ونصف", "וחצי"
            else:
                has_and = False
            step = _step(total, current, last, v, has_and, code, first=j == i)
            if step is None:
                break
            total, current, last = step
            j += 1
        out.append((total + current, tokens[i][1], tokens[j - 1][2], list(range(i, j))))
        i = j
    return out


def _step(total: float, current: float, last: float, v: float, has_and: bool, code: str, first: bool):
    """The number so far (total, current, last multiplier) with the word of value v after it, or
    None where v is no part of it."""
    if first:
        return (v, 0.0, v) if v in _MULTIPLIERS and v >= 1e3 else (0.0, v, math.inf)
    if v < 1:  # a half after a number: "два с половиной" 2.5, "millones y medio" (after the scale: half of it)
        if not (has_and or code == "tr"):  # Turkish buçuk is "and a half" itself; elsewhere "and" must say so ("second half" is no 2.5)
            return None
        if current == 0 and total and last < math.inf:
            return total + v * last, 0.0, last
        if not current or current != int(current):
            return None
        # a dual of a scale word and a half: "مليونان ونصف" is 2.5 million
        scale = 10 ** int(math.log10(current)) if current >= 1e3 and current % 10 ** int(math.log10(current)) == 0 else 1
        return total, current + v * scale, last
    if v in _MULTIPLIERS:
        if v == 100:
            if 0 < current < 100 and current == int(current):
                return total, current * v, last  # "three hundred", "שלוש מאות"
            return (total, v, last) if current == 0 and total and v < last else None  # "две тысячи сто"
        if current:
            if v >= last or current >= v:  # "тысяча тысяча"; "مليارين ونصف مليار" (the scale said again)
                return None
            return (total + current) * v if total and total < v else total + current * v, 0.0, v
        if total and total < v:
            return total * v, 0.0, v  # "тысяча миллионов": a thousand million
        return None
    if current == 0:
        return (total, v, last) if total and v < last else None  # "две тысячи пятьсот"
    if current == int(current):
        k = _zeros(current)
        if k and v < 10 ** k:
            return total, current + v, last  # "двести пятьдесят", "twenty-one"
        if 1 <= current <= 9 and v == int(v) and 10 <= v <= 90 and v % 10 == 0 and code in (_TEENS_LANGS if v == 10 else _UNIT_FIRST):
            return total, current + v, last  # a unit before its ten: "خمسة وعشرون" 25, "ثلاثة عشر" 13
        if code == "fr" and current in (60.0, 80.0) and 10 <= v <= 19 and v == int(v):
            return total, current + v, last  # French counts 70-79 and 90-99 as 60 or 80 and a teen: "soixante-douze" 72
    return None


def _zeros(n: float) -> int:
    k, n = 0, int(n)
    while n and n % 10 == 0:
        k, n = k + 1, n // 10
    return k


# -- German compounds -----------------------------------------------------------------------------

_DE_MORPHEMES = {"einhalb": 0.5, "anderthalb": 1.5, "hundert": 100, "tausend": 1e3, "zwanzig": 20, "dreißig": 30,
                 "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
                 "zwölf": 12, "zehn": 10, "elf": 11, "eins": 1, "ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
                 "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "sech": 6, "sieb": 7, "und": -1}
_DE_PART = re.compile("|".join(sorted(_DE_MORPHEMES, key=len, reverse=True)))
#: A German numeral written as one word: "zweihundertfünfzig", "zweieinhalb", "dreiundzwanzig".
_DE_WORD = re.compile(r"(?<![^\W\d_])(?:" + _DE_PART.pattern + r")+(?:s?te[nmrs]?)?(?![^\W\d_])", re.IGNORECASE)
#: The ending of an ordinal ("zwanzigsten", "dreizehnte", "einundzwanzigster"): the number it counts.
_DE_ORDINAL = re.compile(r"s?te[nmrs]?$")


def german(text: str, start: int, end: int) -> list[tuple[float, int, int]]:
    """(value, start, end) of German numerals of two parts or more in text[start:end]."""
    out = []
    for m in _DE_WORD.finditer(text, start, end):
        low = m.group().lower()
        pieces = _DE_PART.findall(low)
        if "".join(pieces) != low:
            stem = _DE_ORDINAL.sub("", low)
            pieces = _DE_PART.findall(stem)
            if stem == low or "".join(pieces) != stem:
                continue
        parts = [_DE_MORPHEMES[p] for p in pieces]
        values = [p for p in parts if p >= 0]
        if len(values) < 2:
            continue  # "zwei", "Acht": the words of the table
        total, current, last, ok = 0.0, 0.0, math.inf, True
        for k, v in enumerate(values):
            if v == 1.5 and k:
                ok = False
                break
            step = _step(total, current, last, v, True, "de", first=k == 0)
            if step is None:
                ok = False
                break
            total, current, last = step
        if ok:
            out.append((total + current, m.start(), m.end()))
    return out


# -- Roman numerals of centuries ------------------------------------------------------------------

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman(s: str) -> int | None:
    """The value of a Roman numeral up to L ("XIX" 19), or None."""
    if not s or any(c not in _ROMAN for c in s):
        return None
    total = 0
    for k, c in enumerate(s):
        v = _ROMAN[c]
        total += -v if k + 1 < len(s) and _ROMAN[s[k + 1]] > v else v
    return total if 0 < total <= 30 else None


def centuries(text: str, start: int, end: int, words: str | None) -> list[tuple[float, int, int]]:
    """(century, start, end) of a Roman numeral beside the language's word for century ("XIX век",
    "XIXe siècle", "siglo XXI"): a number in figures, which the English writes "19th century"."""
    if not words:
        return []
    pattern = _century_pattern(words)
    out = []
    for m in pattern.finditer(text, start, end):
        r = m.group(1) or m.group(2)
        v = roman(r)
        if v is not None:
            s = m.start(1) if m.group(1) else m.start(2)
            out.append((float(v), s, s + len(r)))
    return out


_PATTERNS: dict[str, re.Pattern] = {}


def _century_pattern(words: str) -> re.Pattern:
    if words not in _PATTERNS:
        # the numeral before the word (with an ordinal ending: "XIXe", "XIX-го") or after it ("siglo XIX")
        _PATTERNS[words] = re.compile(
            rf"\b([IVXL]{{1,6}})(?:e|er|ème|-?(?:го|й|м|му|ст))?\s(?:{words})\b|\b(?:{words})\s([IVXL]{{1,6}})\b", re.IGNORECASE)
    return _PATTERNS[words]
