"""Numbers, weekdays and months in an original and its English translation,
read with the per-language words of lexicon.yaml.

A number is read with every value it may have: its digits in any script, a
scale word after it ("3 million", "٣ ملايين", "300万", "2 करोड़"), a German
"3.500" both ways; a number word ("three", "ثلاثة") is a value too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from provenance.bilingual import anchors, number_words

_SPACE = "[ \u00a0\u202f]?"
_LETTER_BEFORE = r"(?<![^\W\d_])"
_LETTER_AFTER = r"(?![^\W\d_])"


@dataclass(frozen=True)
class Number:
    """A number in a text: the values it may have, its span, and whether it is
    written in digits (a word such as "three" only vouches for others)."""

    values: frozenset[float]
    start: int
    end: int
    digits: bool
    #: Values it vouches for without being them: the 5 and 30 of "5.30", the 1953 of "1950-53".
    parts: frozenset[float] = frozenset()
    #: Values the number has in other units, approximately: "550 pounds" is about 250 kg.
    approx: frozenset[float] = frozenset()
    #: The digits' own value when a scale word follows: "2.94 million" vouches for the 2.94 of an
    #: original whose scale word is not read (a Turkish "milyondan", a word of its own).
    base: frozenset[float] = frozenset()
    #: A vague plural ("decades", "hundreds"): vouches only in its own sentence (all_values leaves it out).
    vague: bool = False


@dataclass
class _Lang:
    scales: list[tuple[re.Pattern, float]]
    numbers: re.Pattern | None
    number_values: list[float]
    weekdays: re.Pattern | None
    weekday_values: list[int]
    months: re.Pattern | None
    month_values: list[int]
    alone: re.Pattern | None = None
    alone_values: list[float] = field(default_factory=list)
    centuries: str | None = None


@lru_cache(maxsize=1)
def _data() -> dict:
    """lexicon.yaml, through the on-disk cache (its parse and the YAML library's import
    cost a checked pair some 30 ms)."""
    from provenance import cache

    raw = resources.files("provenance.bilingual").joinpath("lexicon.yaml").read_bytes()
    return cache.parsed("bilingual-lexicon", raw, _parse)


def _parse(raw: bytes) -> dict:
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=False).load(raw)


def _alternation(table: dict, prefix: str, nospace: bool, flags: int) -> tuple[re.Pattern | None, list]:
    """One pattern with a group per entry (longest entries first, so "cumartesi" wins over "cuma")."""
    if not table:
        return None, []
    # each alternative on its own, longest first: "two-thirds" before the "two" of another entry
    items = sorted(((alt, v) for k, v in table.items() for alt in _top_level(k)), key=lambda kv: -len(kv[0]))
    before, after = ("", "") if nospace else (_LETTER_BEFORE, _LETTER_AFTER)
    # the entries' own groups are made non-capturing so that lastindex names the entry
    body = "|".join("(" + re.sub(r"\((?!\?)", "(?:", k) + ")" for k, _ in items)
    return re.compile(f"{before}{prefix}(?:{body}){after}", flags), [v for _, v in items]


def _top_level(pattern: str) -> list[str]:
    """The alternatives of a pattern split at its top-level | (not inside (...) or [...])."""
    out, depth, cls, cur, esc = [], 0, False, "", False
    for c in pattern:
        if esc:
            cur, esc = cur + c, False
            continue
        if c == "\\":
            esc = True
        elif cls:
            cls = c != "]"
        elif c == "[":
            cls = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(cur)
            cur = ""
            continue
        cur += c
    return [*out, cur]


@cache
def lang(code: str) -> _Lang:
    d = _data().get(code) or {}
    prefix = d.get("prefix", "")
    nospace = bool(d.get("nospace"))
    flags = re.IGNORECASE
    scales = []
    attached = set(d.get("attached") or ())
    for k, v in sorted((d.get("scales") or {}).items(), key=lambda kv: -len(kv[0])):
        for word in _top_level(k):  # "bin(?:lik|i)": the entry's own alternatives, not its groups'
            gap = "" if word in attached else _SPACE  # "300万" and "2040 万" both
            after = "" if nospace else _LETTER_AFTER
            # the period of an abbreviation ("Mio.", "млн.", "bn."), not a full word's sentence stop ("2 million.")
            dot = "\\.?" if _ABBREVIATION.fullmatch(word) else ""
            scales.append((re.compile(f"{gap}{prefix}(?:{word}){after}{dot}", 0 if word in attached else flags), float(v)))
    scales.sort(key=lambda t: -len(t[0].pattern))
    numbers, number_values = _alternation(d.get("numbers") or {}, prefix, nospace, flags)
    weekdays, weekday_values = _alternation(d.get("weekdays") or {}, prefix, nospace, flags)
    # English month names only capitalized ("May", "March"): the other languages fold case
    months, month_values = _alternation(d.get("months") or {}, prefix, nospace, 0 if code == "en" else flags)
    alone, alone_values = _alternation(d.get("alone") or {}, prefix, nospace, flags)
    return _Lang(scales, numbers, [float(v) for v in number_values], weekdays, weekday_values, months, month_values,
                 alone, [float(v) for v in alone_values], d.get("centuries"))


_ABBREVIATION = re.compile(r"[a-zа-яёіїє]{1,4}", re.IGNORECASE)


def _key(v: float) -> float:
    return float(f"{v:.10g}")


def _scaled(text: str, pos: int, end: int, table: _Lang) -> tuple[float, int]:
    """The product of the scale words right after ``pos`` ("mil millones": 1e9) and where they end."""
    factor, steps = 1.0, 0
    while steps < 2:
        for pattern, value in table.scales:
            m = pattern.match(text, pos, end)
            if m:
                factor *= value
                pos = m.end()
                break
        else:
            break
        steps += 1
    return factor, pos


def numbers(text: str, start: int, end: int, code: str) -> list[Number]:
    """Every number in text[start:end], in digits or words, with its scale."""
    table = lang(code)
    out: list[Number] = []
    digit_spans = []
    readings = anchors.readings
    last_end, last_factor = -1, 1.0
    found = anchors.numbers(text, start, end)
    slashed = _slash_decimals(text, found) if code == "fa" else {}
    for value, s, e in found:
        if s < last_end:
            continue  # "300万": the digits with their scale word were read already
        if s in slashed:  # "۳۵/۵ درصد": Persian writes the decimal point as a slash
            e, read = slashed[s]
            factor, stop = _scaled(text, e, end, table)
            out.append(Number(frozenset(_key(v * factor) for v in read), s, stop, True, frozenset(_key(v) for v in read[2:])))
            digit_spans.append((s, stop))
            last_end = stop
            continue
        if not any(c.isdigit() for c in text[s:e]):  # a Chinese numeral ("八十", "一一"): vouches only
            out.append(Number(frozenset({_key(value)}), s, e, False))
            digit_spans.append((s, e))
            continue
        base = set(readings(text, s, e)) or {value}
        frac = _fraction_before(text, s, start, code)
        if frac:  # "साढ़े 3 लाख": three and a half lakh
            base = {v + frac for v in base}
        factor, stop = _scaled(text, e, end, table)
        values = {_key(v * factor) for v in base} if factor != 1.0 else {_key(v) for v in base}
        parts = _parts(text, s, e)
        approx: frozenset[float] = frozenset()
        if code == "en":
            minutes = _MINUTES.match(text, e)  # "3:30 p.m.": the hour's clock is after its minutes
            parts |= _clock(text, minutes.end() if minutes else e, values)
            approx = _converted(text, stop, values)
        base_values = frozenset(_key(v) for v in base) if factor != 1.0 else frozenset()
        if code == "zh" and s == last_end and last_factor >= 1e4 and out and max(values) < last_factor:
            # "1亿2千万", "3亿5000万": the smaller unit's count after the larger's is one number (120, 350 million)
            prev = out.pop()
            digit_spans.pop()
            values = {_key(a + b) for a in prev.values for b in values}
            s, base_values = prev.start, prev.base | base_values
        out.append(Number(frozenset(values), s, stop, True, frozenset(parts), approx, base_values))
        digit_spans.append((s, stop))
        last_end, last_factor = stop, factor
    tokens = _word_tokens(text, start, end, code, table, digit_spans)
    for value, s, e, taken in number_words.runs(text, tokens, code):
        # the run's value ("двести пятьдесят" 250) and its words' own (a scale word alone only as the first: "две
        # тысячи" is no 1,000), then a scale word the words do not hold ("три млн")
        own = {tokens[k][0] for k in taken if not tokens[k][3] or k == taken[0]}
        if code == "zh" and _tenths(text, e) and value < 10:
            value, e, own = value * 10, e + 1, set()  # 成 counts tenths: 三成 is 30 percent
        factor, stop = _scaled(text, e, end, table)
        # a number word with a unit converts too: "a two-foot brim" is 60 cm in the original
        approx = _converted(text, stop, {value * factor}) if code == "en" else frozenset()
        out.append(Number(frozenset(_key(v) for v in {*own, value, value * factor}), s, stop, False, approx=approx))
    for value, s, e in number_words.centuries(text, start, end, table.centuries):
        if not any(a < e and s < b for a, b in digit_spans):  # "XIX век": a century in figures, the English "19th"
            out.append(Number(frozenset({_key(value)}), s, e, True, frozenset({_key((value - 1) * 100)})))
    if code == "en":  # "decades ago" alone: some tens of years, which the original may give ("30 лет назад")
        for m in _DECADES.finditer(text, start, end):
            if not any(s <= m.start() < e for s, e in digit_spans) and not any(n.end == m.end() and n.start < m.start() for n in out):
                out.append(Number(_VAGUE[m.group().lower()], m.start(), m.end(), False, vague=True))
    if code == "en":  # "one in five": a share of 0.2 (the original's 20 %)
        for m in _ONE_IN.finditer(text, start, end):
            k = m.group(1).lower()
            d = float(_SMALL.get(k) or k)
            if d:
                out.append(Number(frozenset({_key(1 / d)}), m.start(), m.end(), False))
    if code == "en":  # "about a mile", "half a mile": one unit, which the original converts (1,6 km)
        for m in _ONE_UNIT.finditer(text, start, end):
            value = 0.5 if m.group(1) else 1.0
            approx = _converted(text, m.end(2), {value})
            if approx:
                out.append(Number(frozenset({value}), m.start(), m.end(), False, approx=approx))
    out.sort(key=lambda n: (n.start, n.end))
    return out


_MINUTES = re.compile(r":\d\d(?!\d)")
#: A Persian decimal slash between two numbers ("۲/۵"), not a date's ("۱۳۹۷/۷/۷").
_SLASH = re.compile(r"/(?=\d)")


def _slash_decimals(text: str, found: list[tuple[float, int, int]]) -> dict[int, tuple[int, list[float]]]:
    """Start -> (end, readings) of two numbers with one slash between them and none beside: the
    decimal (a.b) first, then the fraction (a/b), then both parts (a date's day and month)."""
    out = {}
    for (v1, s1, e1), (v2, s2, e2) in zip(found, found[1:]):
        if _SLASH.match(text, e1) and s2 == e1 + 1 and text[s1 - 1:s1] != "/" and text[e2:e2 + 1] != "/":
            a, b = anchors.ascii_digits(text[s1:e1]), anchors.ascii_digits(text[s2:e2])
            if a.isdigit() and b.isdigit():
                out[s1] = (e2, [float(f"{a}.{b}"), v1 / v2 if v2 else v1, v1, v2])
    return out


def _word_tokens(text: str, start: int, end: int, code: str, table: _Lang, digit_spans) -> list[tuple[float, int, int, bool]]:
    """(value, start, end, alone) of the number words and scale words alone in text[start:end] that are not
    part of a number in digits (a Chinese numeral, the scale of "3 миллиона"), in text order."""
    out: list[tuple[float, int, int, bool]] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in digit_spans) and not any(t[1] < e and s < t[2] for t in out)

    if code == "de":  # German writes a numeral as one word: "zweihundertfünfzig", "zweieinhalb"
        out += [(v, s, e, False) for v, s, e in number_words.german(text, start, end) if free(s, e)]
    if table.numbers is not None:
        out += [(table.number_values[m.lastindex - 1], m.start(), m.end(), False)
                for m in table.numbers.finditer(text, start, end) if free(m.start(), m.end())]
    if table.alone is not None:  # "тысяча человек", "مليون شخص": a scale word alone is one of it
        out += [(table.alone_values[m.lastindex - 1], m.start(), m.end(), True)
                for m in table.alone.finditer(text, start, end) if free(m.start(), m.end())]
    return sorted(out, key=lambda t: t[1])


def _tenths(text: str, pos: int) -> bool:
    """Whether a Chinese 成 at ``pos`` counts tenths ("三成", "七成以上"), not the first character of
    a word ("三成员国" three member states, "一成为"…)."""
    return text.startswith("成", pos) and text[pos + 1 : pos + 2] not in _CHENG_WORDS


#: Second characters of words that begin with 成: 成员 member, 成为 become, 成立 found, 成功, 成本, 成果…
_CHENG_WORDS = frozenset("员为立功本果绩就熟长交年都人")


_DECADES = re.compile(r"\b(?:decades|dozens|hundreds|thousands)\b", re.IGNORECASE)
#: A plural alone is a vague number, which the original may give as one ("300" for "hundreds").
_VAGUE = {"decades": frozenset(float(v) for v in range(20, 100, 10)),
          "dozens": frozenset(float(v) for v in (*range(20, 100, 10), 24, 36, 48)),
          "hundreds": frozenset(float(v) for v in range(100, 1000, 100)),
          "thousands": frozenset(float(v) for v in range(1000, 10000, 1000))}


@cache
def _fractions(code: str) -> tuple[re.Pattern | None, dict]:
    raw = (_data().get(code) or {}).get("fractions") or {}
    table = {w: v for k, v in raw.items() for w in k.split("|")}
    if not table:
        return None, {}
    return re.compile("(" + "|".join(sorted(table, key=len, reverse=True)) + ")" + _SPACE + "$"), table


def _fraction_before(text: str, pos: int, start: int, code: str) -> float:
    """The fraction a Hindi or Urdu word before a number adds to it (साढ़े 3: 3.5, सवा 2: 2.25)."""
    pattern, table = _fractions(code)
    if pattern is None:
        return 0.0
    m = pattern.search(text, max(start, pos - 8), pos)
    return float(table[m.group(1)]) if m else 0.0


@cache
def calendar(code: str) -> re.Pattern | None:
    """Month names of a calendar other than the Gregorian (Solar Hijri, Islamic) in the language."""
    words = (_data().get("calendars") or {}).get(code)
    return re.compile(f"{_LETTER_BEFORE}(?:{words}){_LETTER_AFTER}") if words else None
_ONE_UNIT = re.compile(r"\b(half )?(an?)(?= (?:mile|foot|yard|inch|pound|ton|gallon|acre|ounce)\b)", re.IGNORECASE)
_GROUP = re.compile(r"\d+")
_YEAR_RANGE = re.compile(r"[-–](\d\d)(?!\d)")
_MATCH_CLOCK = re.compile(r":\d\d\b")
_CENTURY = re.compile(r"(?:st|nd|rd|th)?[ -]century", re.IGNORECASE)
#: "one in five" is a share, 20 % in the original.
_ONE_IN = re.compile(r"\b(?:one|1) in (\d+|two|three|four|five|six|seven|eight|nine|ten)\b", re.IGNORECASE)
_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _parts(text: str, s: int, e: int) -> set[float]:
    """What a number may stand for besides its value: the groups of "5.30" (a time,
    5 and 30) and the year "1953" that "1950-53" ends with."""
    raw = anchors.ascii_digits(text[s:e])
    groups = _GROUP.findall(raw)
    out = {float(g) for g in groups} if len(groups) > 1 else set()
    if _CENTURY.match(text, e) and raw.isdigit() and 1 < int(raw) <= 21:  # "the 19th century": the 1800s, its years 18xx
        out.add(float((int(raw) - 1) * 100))
    clock = _MATCH_CLOCK.match(text, e)
    if clock and raw.isdigit() and 24 <= int(raw) <= 130:  # a match clock "27:37" (no hour of the day) is in the 28th minute
        out.add(float(int(raw) + 1))
    if len(raw) == 4 and raw.isdigit() and raw[:2] in ("18", "19", "20"):
        m = _YEAR_RANGE.match(anchors.ascii_digits(text[e : e + 3]))
        if m:
            out.add(float(raw[:2] + m.group(1)))
        if raw.endswith("0") and text[e : e + 1] == "s":  # "the 1980s": the eighties, the 80s of the 20th century
            out |= {float(raw[2:]), float(int(raw[:2]) + 1)}
    return out


#: English units and what their numbers are in metric (a translator converts: 30 yards = 27 m).
_UNITS = [
    (re.compile(r"[ -]?(?:pounds?|lbs?)\b"), (0.4536,)),
    (re.compile(r"[ -]?(?:miles?|mph)\b"), (1.609,)),
    (re.compile(r"[ -]?(?:square miles?)\b"), (2.59,)),
    (re.compile(r"[ -]?(?:inch|inches|in\.)"), (2.54, 25.4)),
    (re.compile(r"[ -]?(?:foot|feet|ft)\b"), (0.3048, 30.48)),
    (re.compile(r"[ -]?(?:yards?)\b"), (0.9144,)),
    (re.compile(r"[ -]?(?:gallons?)\b"), (3.785,)),
    (re.compile(r"[ -]?(?:acres?)\b"), (0.4047, 4047.0, 4.047)),  # hectares, m², dunams
    (re.compile(r"[ -]?(?:hectares?|ha)\b"), (10.0, 2.471, 0.01, 10000.0)),  # dunams (he ar tr: 1 ha = 10 dunams), acres, km², m²
    (re.compile(r"[ -]?(?:ounces?|oz)\b"), (28.35,)),
    (re.compile(r"[ -]?(?:tons?)\b"), (0.907,)),
    (re.compile(r"[ -]?(?:square (?:feet|foot)|sq\.? ?ft)\b"), (0.0929,)),  # m²
    (re.compile(r"[ -]?(?:stones?)\b"), (6.35,)),  # kg ("15 stone", a British weight)
    (re.compile(r"[ -]?(?:knots?)\b"), (1.852,)),  # km/h
    (re.compile(r"[ -]?(?:pints?)\b"), (0.568, 0.473, 568.0, 473.0)),  # litres, ml (imperial, US)
    (re.compile(r"[ -]?(?:quarts?)\b"), (0.946,)),
    (re.compile(r"[ -]?(?:cubic (?:feet|foot))\b"), (0.0283,)),  # m³
]
#: "80 degrees" in an American text is Fahrenheit: the original may say 26 °C.
_FAHRENHEIT = re.compile(r" ?(?:°F|° F|degrees?(?: Fahrenheit)?|F\b)")
#: The second number of a range carries the unit for both: "1 to 2 inches" is 25-50 mm.
_FEET_INCHES = re.compile(r"[ -](?:foot|feet|ft)[ -](\d{1,2})\b")
_RANGE = re.compile(r" ?(?:to|-|–|or|and) ?\d[\d.,]*")
_PM = re.compile(r" ?([ap])\.?m\b\.?", re.IGNORECASE)


def _converted(text: str, pos: int, values: set[float]) -> frozenset[float]:
    out = set()
    feet = _FEET_INCHES.match(text, pos)
    if feet:  # "6-foot-6": 198 cm, 1.98 m, 6.5 feet (within close_to of "6.6", feet.inches as a translator may write it)
        inches = {v * 12 + int(feet.group(1)) for v in values}
        out |= {i * f for i in inches for f in (2.54, 0.0254, 1 / 12)}
    m = _RANGE.match(text, pos)
    if m:
        pos = m.end()
    for pattern, factors in _UNITS:
        if pattern.match(text, pos):
            out |= {v * f for v in values for f in factors}
    if _FAHRENHEIT.match(text, pos):
        out |= {(v - 32) * 5 / 9 for v in values}
    return frozenset(out)


def _clock(text: str, pos: int, values: set[float]) -> set[float]:
    """"3 p.m." is 15:00 in the original."""
    m = _PM.match(text, pos)
    if not m:
        return set()
    out = {0.0}
    if m.group(1).lower() == "p":  # "5.30pm": 17.30, and its hour 17
        out |= {x for v in values if v < 12 for x in (v + 12, float(int(v) + 12))}
    return out


def close_to(value: float, approx: set[float], tolerance: float = 0.06) -> bool:
    return any(abs(value - a) <= tolerance * abs(a) + 0.5 for a in approx)


def all_approx(nums: list[Number]) -> set[float]:
    out: set[float] = set()
    for n in nums:
        out |= n.approx
    return out


def all_values(nums: list[Number]) -> set[float]:
    """Every value a group of numbers may stand for, scaled or not ("3 million" vouches for 3 too)."""
    out: set[float] = set()
    for n in nums:
        if not n.vague:
            out |= n.values | n.parts
    return out


def _found(pattern: re.Pattern | None, values: list, text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    if pattern is None:
        return []
    return [(values[m.lastindex - 1], m.start(), m.end()) for m in pattern.finditer(text, start, end)]


def weekdays(text: str, start: int, end: int, code: str) -> list[tuple[int, int, int]]:
    """(weekday 0=Monday, start, end) of each weekday word in text[start:end]."""
    t = lang(code)
    return _found(t.weekdays, t.weekday_values, text, start, end)


def months(text: str, start: int, end: int, code: str) -> list[tuple[int, int, int]]:
    """(month 1-12, start, end) of each month name in text[start:end]."""
    t = lang(code)
    found = _found(t.months, t.month_values, text, start, end)
    if code == "en":  # English "May" is also a surname and a verb: the month only in a date's context
        found = [f for f in found if f[0] != 5 or _may_is_month(text, f[1], f[2])]
    return found


# Words before "May" that make it the month ("in May", "last May", "mid-May"); a digit before or after
# ("5 May", "May 5", "May 2018") or a dash/slash beside it ("April-May") does too. Else a name: "Theresa May".
_MAY_BEFORE = frozenset("in on since by until till from to of through between and or last next this early mid "
                        "late before after during end beginning start".split())
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]*$")


def _may_is_month(text: str, s: int, e: int) -> bool:
    after = text[e:e + 3].lstrip(" ,")
    if after[:1].isdigit() or text[e:e + 1] in "-/–" and e < len(text):
        return True
    before = text[max(0, s - 24):s]
    if before.rstrip()[-1:].isdigit() or before[-1:] in "-/–" and before:
        return True
    m = _WORD_BEFORE.search(before)
    return bool(m) and m.group(1).lower() in _MAY_BEFORE


WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
