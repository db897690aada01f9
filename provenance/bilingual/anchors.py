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
# Persian "1،127" too, before exactly three digits; the Swiss apostrophe of "12'500").
_NUMBER = re.compile(r"\d+(?:(?:[,.٫٬]|[ \u202f\u00a0،'’](?=\d{3}\b))\d+)*")


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
    s = re.sub(r"[ \u202f\u00a0'’]", "", s)
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


# -- words that survive translation: names by romanization, cognates ------------------------------

#: Source languages whose words are compared with all the English's (cognates: "ministre",
#: "министр" and "minister" share a consonant skeleton); elsewhere only the English's names.
COGNATE_LANGS = frozenset({"tr", "fr", "de", "es", "ru", "uk", "el"})
#: Scripts that write clitics on the word (Arabic و ب ل ف ك, Hebrew ו ה ב ל מ ש כ): the
#: word without its first one or two letters may be the name.
_CLITIC_LANGS = frozenset({"ar", "fa", "ur", "he"})
_CLITIC = re.compile("^(?:وال|بال|لل|فال|كال|ال|[وبلفك]|[והבלמשכ]{1,2})")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff]")
#: Skeletons shorter than this match by chance ("nt" is Mohammed and a hundred other words).
NAME_SKELETON = 3
_LATIN_WORD = re.compile(r"[A-Za-z][a-z]*(?:[A-Z][a-z]+)*")
COGNATE_SKELETON = 4


def _common():
    from provenance.rules.kinds._romanized_model import model

    return model().common


def _least(word: str, at_start: bool = False) -> int:
    """The shortest skeleton a word of a cognate language counts with: a capitalized word (a name:
    "Jaynes", "Джейнс", "Ford") from NAME_SKELETON, any other from COGNATE_SKELETON."""
    return NAME_SKELETON if word[:1].isupper() and not at_start else COGNATE_SKELETON


def source_words(text: str, start: int, end: int, lang: str) -> frozenset[str]:
    """Consonant skeletons (provenance.bilingual.names.skeleton) of the words of text[start:end]
    in the original, with the clitic-less forms of an abjad's words; a Chinese original only
    for its words in Latin letters (a romanized Chinese character is no name's skeleton)."""
    from provenance.bilingual.names import _WORDS, skeleton

    cognates = lang in COGNATE_LANGS
    out = set()
    for m in _WORDS.finditer(text, start, end):
        w = m.group()
        if _CJK.search(w) or any(c.isdigit() for c in w):
            continue
        k = skeleton(w)
        if len(k) >= (_least(w) if cognates else NAME_SKELETON):
            out.add(k)
        if lang in _CLITIC_LANGS and len(w) >= 4:
            bare = _CLITIC.sub("", w)
            if bare != w and len(skeleton(bare)) >= NAME_SKELETON:
                out.add(skeleton(bare))
    return frozenset(out)


def english_words(text: str, start: int, end: int, lang: str) -> frozenset[str]:
    """Consonant skeletons of the English words that may be written alike in the original:
    capitalized words (names; a common word only inside the sentence: "After" opening one is
    no name), and for a Latin, Cyrillic or Greek original every word (cognates) of
    COGNATE_SKELETON consonants or more, a capitalized one (a name) of NAME_SKELETON."""
    from provenance.bilingual.names import skeleton

    common = _common()
    cognates = lang in COGNATE_LANGS
    out = set()
    for m in _LATIN_WORD.finditer(text[start:end]):
        w = m.group()
        k = skeleton(w)
        if cognates:
            if len(k) >= _least(w, m.start() == 0 and w.lower() in common):
                out.add(k)
        elif w[0].isupper() and len(k) >= NAME_SKELETON and (m.start() > 0 or w.lower() not in common):
            out.add(k)
    return frozenset(out)
