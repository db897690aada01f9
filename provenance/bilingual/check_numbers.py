"""PV1001 and PV1002: numbers, weekdays and months of the original that the aligned English
has otherwise. Thresholds tuned on the even-indexed NTREX-128 articles; rule parameters."""

from __future__ import annotations

import re
from collections.abc import Iterator

from provenance.bilingual import lexicon
from provenance.bilingual.check_common import Issue, _matched, _near, _short

# -- numbers --------------------------------------------------------------------------------------


def numbers(pair, params: dict) -> Iterator[Issue]:
    """A number of the original that the aligned English does not have, or an English number
    the original does not have (digits only on the reported side; words vouch)."""
    al, src, tgt, lang = pair.alignment, pair.text, pair.alignment.target_text, pair.lang
    beads = al.beads
    cache: dict[tuple[str, tuple[int, int]], list] = {}
    min_other = params.get("min_english_value", 100)

    def nums(side: str, span: tuple[int, int]):
        key = (side, span)
        if key not in cache:
            text, code = (src, lang) if side == "source" else (tgt, "en")
            cache[key] = lexicon.numbers(text, span[0], span[1], code)
        return cache[key]

    def near_approx(i: int) -> set[float]:
        return {a for span in _near(beads, i, "target") for a in lexicon.all_approx(nums("target", span))}

    def near_values(i: int, side: str) -> set[float]:
        out: set[float] = set()
        for span in _near(beads, i, side):
            out |= lexicon.all_values(nums(side, span))
        if side == "target":  # "November" vouches for the 11 of "11月"; "2.94 million" for a bare 2.94
            for span in _near(beads, i, side):
                out |= {v for n in nums(side, span) for v in n.base}
                out |= {float(m) for m, _, _ in lexicon.months(tgt, span[0], span[1], "en")}
                out |= _short_years(tgt, span)
        return out

    for i in _matched(beads):
        b = beads[i]
        s_nums, t_nums = nums("source", b.source), nums("target", b.target)
        if not s_nums and not t_nums:
            continue
        t_all, s_all = near_values(i, "target"), near_values(i, "source")
        approx = None
        lost, extra = [], []
        excused = []  # the original's numbers the English gives otherwise: no partner for a small English number
        vague = {v for n in t_nums if n.vague for v in n.values}  # "decades ago" for "30 лет назад": this sentence only
        own = lexicon.all_values(t_nums)
        for n in s_nums:
            if not n.digits or n.values & t_all or n.values & vague:
                continue  # found (or a word, which only vouches)
            if _excused(src, n, lang, tgt, b.target, t_all, own) or any(_rounds(tgt, t, n.values) for t in t_nums if t.digits):
                excused.append(n)
                continue
            approx = near_approx(i) if approx is None else approx
            if not any(_close(v, approx) for v in n.values):
                lost.append(n)
        lost, two = _two_units(src, lost, approx or set())
        excused += two
        small = []  # English numbers below min_other the original lacks: reported only as one changed
        for n in t_nums:
            # the other way round only for numbers of three digits or more that are not a year or
            # a decade: a small number is often a word, a dual or an ordinal in the original
            if n.digits and (_checkable(tgt, n, 0) or _ORDINAL.match(tgt, n.end) and max(n.values) < min_other) and not _PERCENT_IDIOM.match(tgt, n.start) and not _rounds(tgt, n, s_all) and not ((n.values | n.base | _clock_parts(tgt, n) | _as_year(tgt, n)) & s_all) and not _groups_in(tgt, n, s_all) and not any(_close(v, n.approx) for v in s_all):
                (extra if max(n.values) >= min_other else small).append(n)
        # a number of the original the English sentence itself lacks (a neighbour has it: "32" in the
        # headline and "36" in the sentence) stands beside a small English number as one changed
        unmatched = [n for n in _unmatched(s_nums, t_nums, tgt) if n not in lost and n not in excused] if small else []
        targets, sources = extra + small, lost + unmatched
        for k, t in enumerate(targets):  # a changed number: one finding, on both numbers
            if k < len(sources):
                s = sources[k]
                yield Issue(t.start, t.end, s.start, s.end,
                            f"the English has {_short(tgt[t.start:t.end], 30)!r} where the original has {_short(src[s.start:s.end], 30)!r}")
            elif k < len(extra):
                yield Issue(t.start, t.end, b.source[0], b.source[1], f"the number {_short(tgt[t.start:t.end], 30)!r} is not in the original")
        for s in lost[len(targets):]:
            yield Issue(b.target[0], b.target[1], s.start, s.end,
                        f"the original's number {_short(src[s.start:s.end], 30)!r} is not in the English (changed or left out?)")


def _excused(src: str, n, lang: str, tgt: str, target: tuple[int, int], t_all: set[float], own: set[float]) -> bool:
    """Is a number of the original one the English may well give otherwise (reasons beside)?"""
    raw = src[n.start:n.end]
    if raw in ("0", "۰", "٠") and re.match(r"[^\W\d_]{2}", src[n.end:n.end + 2]) and not re.match(r"[\w.,]", src[n.start - 1:n.start]):
        return True  # "0ведены": a zero typed against a word's letters is a mistyped letter, not a number
    if raw in ("00", "۰۰", "٠٠") or _groups_in(src, n, t_all):
        return True  # the "00" of a clock time, or a phone number's groups
    if len(n.parts) > 1 and n.parts <= t_all and re.fullmatch(r"\d{1,2}[.:]\d\d", lexicon.anchors.ascii_digits(raw)):
        return True  # a time: "11.15" is the English "11:15"
    percent = _PERCENT_AFTER.match(src, n.end) or _PERCENT_BEFORE.search(src[max(0, n.start - 8):n.start])
    if percent and 100.0 in n.values and _WHOLLY.search(tgt, *target):
        return True  # "à 100 %" is the English "completely": an idiom of the whole
    if percent and any(abs(v / 100 - x) <= 0.015 for v in n.values for x in own if 0 < x < 1):
        # "50 %" is the English "half", "20 %" "one in five", "33 %" "a third of" (within 1.5 points; of its
        # own sentence: a neighbour's "second half" is no share)
        return True
    if _other_calendar(src, n, lang, t_all):
        return True  # "۷ مهر ۱۳۹۷": a date of the Solar Hijri or Islamic calendar, which the English gives as Gregorian
    parts = _date_parts(src, n)
    if parts and parts <= t_all:
        return True  # "29.09.2018": a date in digits, the English "September 29, 2018" (month names vouch)
    # "le 29 septembre" where the English says "Saturday" and not "September": a date given as its weekday (PV1002's matter)
    if n.values <= _DAYS and lexicon.weekdays(tgt, target[0], target[1], "en"):
        month = _month_beside(src, n, lang)
        return month is not None and month not in {m for m, _, _ in lexicon.months(tgt, target[0], target[1], "en")}
    return False


#: A hedge before an English number: "nearly 300" may round the original's 297.
_HEDGE = re.compile(r"\b(?:about|around|nearly|almost|some|roughly|approximately|more than|over|close to|up to|under|"
                    r"less than|at least|just over|just under|an estimated|upwards of)\s(?:[$€£¥]|US\$|Rs\.? ?)?$", re.IGNORECASE)


def _significant(v: float) -> int:
    """Significant digits of a value (297 has 3, 300 has 1, 1.5 has 2)."""
    return len(f"{abs(v):.10g}".replace(".", "").strip("0")) if v else 1


def _rounds(tgt: str, t, values) -> bool:
    """An English number after a hedge that is one of the original's values rounded to fewer
    significant digits ("nearly 300" for 297, "about 1.5 million" for 1 478 000): a translator's rounding."""
    if not _HEDGE.search(tgt[max(0, t.start - 20):t.start]):
        return False
    for e in t.values:
        k = _significant(e)
        # of 100 or more, within 5 %: "nearly 300" for 297, not "an estimated 100 million" for 140 million
        if any(_significant(v) > k and float(f"{v:.{k}g}") == e and abs(e - v) <= 0.05 * v for v in values if v >= 100):
            return True
    return False


def _unmatched(s_nums, t_nums, tgt: str) -> list:
    """The original's numbers (in digits) left over when each takes one English number of the
    same sentence with a value in common: "2-2" against "7-2" leaves one 2."""
    free = [None if n.vague else n.values | n.base | _clock_parts(tgt, n) for n in t_nums]
    out = []
    for n in s_nums:
        if not n.digits and not _word_partner(n):
            continue
        # a number in words by its whole value only: the "4" of "چهل و چهار" (44) is no partner of an English "fourth"
        mine = n.values if n.digits else frozenset({max(n.values)})
        # a value in common, or a conversion ("75 mm" takes the English "3 inches")
        k = next((j for j, v in enumerate(free) if v is not None and (mine & v or any(_close(x, t_nums[j].approx) for x in mine))), None)
        if k is None:
            out.append(n)
        else:
            free[k] = None
    return out


def _word_partner(n) -> bool:
    """A number of the original in words that may stand beside a small English number as one
    changed: 11-99 ("сорока восьми", "التاسع عشر"), not the small words every sentence has
    ("one", "both", "first") nor a scale word alone ("тысячи": thousands of)."""
    top = max(n.values)
    return 11 <= top < 100 and top == int(top)


def _close(value: float, approx: set[float]) -> bool:
    """A value of one side close to a conversion of the other's; a round value ("300 km" for 200
    miles, 322 km) within 12 %: a translator rounds a conversion to its first digit."""
    digits = f"{value:.0f}".rstrip("0") if value >= 100 and value == int(value) else ""
    return lexicon.close_to(value, approx, 0.12 if len(digits) == 1 else 0.06)


def _two_units(src: str, lost: list, approx: set[float]) -> tuple[list, list]:
    """The original's numbers left (and those taken out) when one length is given in two units
    ("1 متر و ۹۸ سانتیمتر", 1 m 98 cm) and the English converts the whole (6-foot-6, 1.98 m)."""
    out, paired, k = [], [], 0
    while k < len(lost):
        a = lost[k]
        if k + 1 < len(lost) and approx:
            b = lost[k + 1]
            whole = {x + y / 100 for x in a.values for y in b.values if y < 100} | {x * 100 + y for x in a.values for y in b.values if y < 100}
            if b.start - a.end <= 20 and any(abs(w - x) <= 0.02 * abs(x) for w in whole for x in approx):  # 2 %: two numbers by chance rarely make one
                paired += [a, b]
                k += 2
                continue
        out.append(a)
        k += 1
    return out, paired


_DAYS = frozenset(float(d) for d in range(1, 32))
_HIJRI_YEARS = frozenset(float(y) for y in range(1300, 1500))
# the marks of a Hijri year after it: هـ, ه‍.ق, ه.ش, ش, ق, هجری, قمری, شمسی, خورشیدی, ہجری
_HIJRI = re.compile(r"[ \u00a0\u200c]?(?:هـ|ه\u200d?\.?\s?[قش]|[قش]\b|هجر|قمری|شمسی|خورشیدی|ہجری|ھ)")
_DATE = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})|(\d{4})[./-](\d{1,2})[./-](\d{1,2})")


def _date_parts(text: str, n) -> frozenset:
    """Day, month and year of a date written in digits ("29.09.2018", "2018-09-29"), or nothing."""
    m = _DATE.fullmatch(lexicon.anchors.ascii_digits(text[n.start:n.end]))
    if m is None:
        return frozenset()
    day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(6), m.group(5))
    return frozenset({float(day), float(month)})  # the year may be left out in the English ("on September 29")


def _other_calendar(text: str, n, lang: str, english: set[float]) -> bool:
    """A day or year beside a month of another calendar, or a Hijri year (13xx-14xx) the English
    gives as its Gregorian year (Solar Hijri + 621/622; Islamic about (G - 622) * 33 / 32)."""
    pattern = lexicon.calendar(lang)
    if pattern is not None and n.values & (_DAYS | _HIJRI_YEARS):  # a day or a year: "۳ تیر" may be three shots
        for m in pattern.finditer(text, max(0, n.start - 12), min(len(text), n.end + 12)):
            if 0 <= m.start() - n.end <= 2 or 0 <= n.start - m.end() <= 2:
                return True
    marked = _HIJRI.match(text, n.end) is not None
    if not marked and lang != "fa":
        return False  # a number 13xx-14xx is a year of another calendar only marked as one ("1400 هـ", "۱۳۹۷ ش")
    years = sorted(n.values & _HIJRI_YEARS)
    gregorian = [g for g in english if 1900 <= g <= 2100]
    # unmarked, a Persian year is a Solar Hijri one (Iran's own calendar) only when the English has its Gregorian year
    return any(g - y in (621, 622) or marked and abs(y - (g - 622) * 33 / 32) <= 1.5 for y in years for g in gregorian)


def _month_beside(text: str, n, lang: str) -> int | None:
    """The month whose day the number is, a month name right before or after it ("29 septembre", "9月29日")."""
    for month, s, e in lexicon.months(text, max(0, n.start - 16), min(len(text), n.end + 16), lang):
        if 0 <= s - n.end <= 3 or 0 <= n.start - e <= 3:
            return month
    return None


# "%", "٪", "per cent" after the original's number (its own words too: "por ciento", "процентов").
_PERCENT_AFTER = re.compile(r"[ \u00a0\u202f]?(?:%|٪|％|pour ?cent|por ?ciento|prozent|процент|відсот|yüzde|درصد|في الم(?:ئ|ائ)ة|بالم(?:ئ|ائ)ة"
                            r"|אחוז|فیصد|प्रतिशत|(?:फ\u093c?|\u095e)ीसदी)", re.IGNORECASE)
# ... or before it: Turkish writes "yüzde 5" and "%5", Chinese 百分之五.
_PERCENT_BEFORE = re.compile(r"(?:yüzde|%|٪|百分之)[ \u00a0]?$", re.IGNORECASE)
# English words of the whole that a "100 %" of the original may be.
_WHOLLY = re.compile(r"\b(?:completely|entirely|totally|fully|wholly|absolutely|altogether|all the way)\b", re.IGNORECASE)

# "SS19", "'19", "FY2019" aside: two digits glued to letters or after an apostrophe name a year.
_SHORT_YEAR = re.compile(r"(?:(?<=[A-Za-z])|(?<=[A-Za-z]['’])|(?<=\s['’]))(\d\d)\b")
# "100 percent sure": an idiom of certainty, which the original says in words ("absolutely").
_PERCENT_IDIOM = re.compile(r"100(?: ?%| per ?cent)(?! of)")


_YEAR_RANGE = re.compile(r"\b(1[89]|20)\d\d[-–]$")
#: An English ordinal ("the 19th", "3rd"): compared only as a small number changed (the original's "XIX", "сорок восьмой").
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b")


_TIME = re.compile(r"\d{1,2}(?:[.:]\d\d)?")


def _clock_parts(text: str, n) -> frozenset:
    """The hours and minutes a clock time stands for ("3 p.m." is 15, "4.40" is 4 and 40); not
    the groups of "10,040", which say nothing of 10 or 40."""
    return n.parts if _TIME.fullmatch(lexicon.anchors.ascii_digits(text[n.start:n.end])) else frozenset()


def _as_year(text: str, n) -> set[float]:
    """The years an English two-digit number may be when written as one ("'53", "SS19", the end
    of a range of years "1950-53")."""
    if n.end - n.start != 2:
        return set()
    m = _YEAR_RANGE.search(text, max(0, n.start - 5), n.start)
    if m is not None:
        return {float(int(m.group(1)) * 100 + int(text[n.start:n.end]))}
    return _short_years(text, (max(0, n.start - 2), n.end))


def _short_years(text: str, span: tuple[int, int]) -> set[float]:
    """The years a two-digit year of the English may be: "SS19" vouches for the original's 2019."""
    return {float(c + int(m.group(1))) for m in _SHORT_YEAR.finditer(text, *span) for c in (1900, 2000)}


def _groups_in(text: str, n, other: set[float]) -> bool:
    """A number written in groups apart ("0800 555 111", a phone number) is vouched for when
    every group but a leading-zero one is on the other side, in any order (a right-to-left
    original may list the groups the other way round)."""
    raw = text[n.start:n.end]
    if not re.search(r"\d[ \u00a0\u202f]\d", raw):
        return False
    groups = [g for g in re.findall(r"\d+", lexicon.anchors.ascii_digits(raw)) if not g.startswith("0")]
    return bool(groups) and all(float(g) in other for g in groups)


def _checkable(text: str, n, minimum: float) -> bool:
    if max(n.values) < minimum:
        return False
    raw = text[n.start:n.end]
    if re.fullmatch(r"(1[89]|20)\d\d", raw):
        return False  # a year: the original may name it otherwise ("the eighties", a calendar of its own)
    return not text[n.end : n.end + 1].isalpha()  # "1980s", "2nd"


# -- weekdays and months --------------------------------------------------------------------------


def dates(pair, params: dict) -> Iterator[Issue]:
    """An English weekday or month that the aligned original names otherwise."""
    al, src, tgt, lang = pair.alignment, pair.text, pair.alignment.target_text, pair.lang
    beads = al.beads
    kinds = (("weekday", lexicon.weekdays, lexicon.WEEKDAY_NAMES), ("month", lexicon.months, lexicon.MONTH_NAMES))
    for i in _matched(beads):
        b = beads[i]
        for what, find, names in kinds:
            english = find(tgt, b.target[0], b.target[1], "en")
            if not english:
                continue
            here = find(src, b.source[0], b.source[1], lang)
            if not here:
                continue  # the original names none here: nothing to compare with
            near = {v for span in _near(beads, i, "source") for v, _, _ in find(src, span[0], span[1], lang)}
            said_here = {v for v, _, _ in here}
            kept = said_here <= {v for v, _, _ in english}
            for v, s, e in english:
                if kept and tgt.startswith(("'s", "’s"), e):
                    continue  # "Friday's loss" beside the original's every weekday: an adjective the original may form otherwise ("пятничное")
                # a neighbour's weekday excuses an alignment slip, unless this sentence's own is gone
                if v not in near or (v not in said_here and not kept):
                    said = ", ".join(dict.fromkeys(names[w - (1 if what == "month" else 0)] for w, _, _ in here))
                    yield Issue(s, e, here[0][1], here[0][2], f"the English says {tgt[s:e]!r} where the original says {said}")
