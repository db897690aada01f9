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
        for n in s_nums:
            if not n.digits or n.values & t_all or src[n.start:n.end] in ("00", "۰۰", "٠٠") or _groups_in(src, n, t_all):
                continue  # found, or the "00" of a clock time, or a phone number's groups
            if len(n.parts) > 1 and n.parts <= t_all and re.fullmatch(r"\d{1,2}[.:]\d\d", lexicon.anchors.ascii_digits(src[n.start:n.end])):
                continue  # a time: "11.15" is the English "11:15"
            approx = near_approx(i) if approx is None else approx
            if not any(lexicon.close_to(v, approx) for v in n.values):
                lost.append(n)
        small = []  # English numbers below min_other the original lacks: reported only as one changed
        for n in t_nums:
            # the other way round only for numbers of three digits or more that are not a year or
            # a decade: a small number is often a word, a dual or an ordinal in the original
            if n.digits and _checkable(tgt, n, 0) and not _PERCENT_IDIOM.match(tgt, n.start) and not ((n.values | n.base | _clock_parts(tgt, n) | _as_year(tgt, n)) & s_all) and not _groups_in(tgt, n, s_all) and not any(lexicon.close_to(v, n.approx) for v in s_all):
                (extra if max(n.values) >= min_other else small).append(n)
        # a number of the original the English sentence itself lacks (a neighbour has it: "32" in the
        # headline and "36" in the sentence) stands beside a small English number as one changed
        unmatched = [n for n in _unmatched(s_nums, t_nums, tgt) if n not in lost] if small else []
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


def _unmatched(s_nums, t_nums, tgt: str) -> list:
    """The original's numbers (in digits) left over when each takes one English number of the
    same sentence with a value in common: "2-2" against "7-2" leaves one 2."""
    free = [n.values | n.base | _clock_parts(tgt, n) for n in t_nums]
    out = []
    for n in s_nums:
        if not n.digits:
            continue
        k = next((j for j, v in enumerate(free) if v is not None and n.values & v), None)
        if k is None:
            out.append(n)
        else:
            free[k] = None
    return out


# "SS19", "'19", "FY2019" aside: two digits glued to letters or after an apostrophe name a year.
_SHORT_YEAR = re.compile(r"(?:(?<=[A-Za-z])|(?<=[A-Za-z]['’])|(?<=\s['’]))(\d\d)\b")
# "100 percent sure": an idiom of certainty, which the original says in words ("absolutely").
_PERCENT_IDIOM = re.compile(r"100(?: ?%| per ?cent)(?! of)")


_YEAR_RANGE = re.compile(r"\b(1[89]|20)\d\d[-–]$")


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
