"""Anchors that survive translation: numbers in any digit system, question and
quotation marks, romanized capitalized names. Used to sharpen the length model."""

from __future__ import annotations

import re
import unicodedata

# Chinese numerals: digits and multipliers (万 = 10^4, 亿 = 10^8).
_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_SMALL = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG = {"万": 10**4, "亿": 10**8}
_ZH_NUMBER = re.compile("[零〇一二两三四五六七八九十百千万亿]{2,}|[0-9]+(?:\\.[0-9]+)?[万亿]")
# A number in any script: Unicode decimal digits with the usual separators
# (, . ٫ ٬ and a thin or plain space between groups of three; the Arabic comma of
# Persian "1،127" too, before exactly three digits).
_NUMBER = re.compile(r"\d+(?:(?:[,.٫٬]|[ \u202f\u00a0،](?=\d{3}\b))\d+)*")


def ascii_digits(s: str) -> str:
    """Any Unicode decimal digit (Arabic-Indic, Persian, Devanagari...) as 0-9."""
    return "".join(str(unicodedata.digit(c)) if c.isdigit() and unicodedata.digit(c, None) is not None else c for c in s)


def chinese_value(s: str) -> float | None:
    """The value of a Chinese numeral ("三百万" -> 3000000, "2.5亿" -> 250000000)."""
    if s and s[-1] in _ZH_BIG and re.fullmatch(r"[0-9.]+", s[:-1] or "x"):
        return float(s[:-1]) * _ZH_BIG[s[-1]]
    total, section, digit = 0, 0, None
    for c in s:
        if c in _ZH_DIGITS:
            digit = _ZH_DIGITS[c]
        elif c in _ZH_SMALL:
            section += (1 if digit is None else digit) * _ZH_SMALL[c]
            digit = None
        elif c in _ZH_BIG:
            section += digit or 0
            total += (section or 1) * _ZH_BIG[c]
            section, digit = 0, None
        else:
            return None
    return float(total + section + (digit or 0))


def number_value(raw: str) -> float | None:
    """A number token as a float; a lone comma or period between digit groups of
    three is a thousands separator, otherwise a decimal mark."""
    s = ascii_digits(raw).replace("٬", ",").replace("٫", ".").replace("،", ",")
    s = re.sub(r"[ \u202f\u00a0]", "", s)
    if "," in s and "." in s:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        s = s.replace("," if dec == "." else ".", "").replace(dec, ".")
    elif s.count(",") + s.count(".") >= 1:
        sep = "," if "," in s else "."
        parts = s.split(sep)
        if len(parts) > 2 or all(len(p) == 3 for p in parts[1:]) and len(parts[0]) <= 3 and sep == ",":
            s = s.replace(sep, "")
        else:
            s = s.replace(sep, ".")
    try:
        return float(s)
    except ValueError:
        return None


def numbers(text: str, start: int = 0, end: int | None = None) -> list[tuple[float, int, int]]:
    """(value, start, end) of every number in text[start:end]."""
    end = len(text) if end is None else end
    found = []
    for m in _NUMBER.finditer(text, start, end):
        v = number_value(m.group())
        if v is not None:
            found.append((v, m.start(), m.end()))
    for m in _ZH_NUMBER.finditer(text, start, end):
        v = chinese_value(m.group())
        if v is not None:
            found.append((v, m.start(), m.end()))
    return sorted(found, key=lambda t: t[1])


def readings(text: str, start: int, end: int) -> frozenset[float]:
    """Every value the numbers in text[start:end] may have: "3.500" is 3500 in
    German and 3.5 in English, so a single separator before three digits gives both."""
    values = set()
    for v, s, e in numbers(text, start, end):
        values.add(v)
        raw = ascii_digits(text[s:e])
        if re.fullmatch(r"\d{1,3}[.,٫٬]\d{3}", raw):
            values.add(float(re.sub(r"\D", "", raw)))
            values.add(float(re.sub(r"\D", ".", raw)))
    return frozenset(values)


def number_set(text: str, start: int, end: int) -> frozenset[float]:
    return frozenset(v for v, _, _ in numbers(text, start, end))


_QUESTION = re.compile("[?؟？]")
_QUOTE = re.compile("[\"“”«»„「」『』]")


def marks(text: str, start: int, end: int) -> tuple[bool, bool]:
    """(has a question mark, has a quotation mark) in text[start:end]."""
    seg = text[start:end]
    return bool(_QUESTION.search(seg)), bool(_QUOTE.search(seg))
