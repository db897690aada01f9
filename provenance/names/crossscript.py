"""Is a name in the source script the same as a romanized name in the English?

    >>> match_cross("محمد بن سلمان", "Mohammed bin Salman").same
    True
    >>> match_cross("محمد بن سلمان", "Mohammed bin Nayef").same
    False
    >>> [(s, e) for s, e, _ in find_in_text("يحيى السنوار", None, "Hamas leader Yahya Sinwar spoke.")]
    [(13, 25)]

The functions the source-aware checks call:

- ``match_cross(src, latin, src_lang=None, glossary=None) -> MatchResult``:
  same/different, a score (0–1) and why;
- ``score_cross(src, latin) -> (score, reason)``: the score alone;
- ``find_in_text(src_name, src_lang, english_text, glossary=None)`` ->
  ``[(start, end, score)]``: where the English names the person or place,
  ``english_text[start:end]`` being the name as written there.

How a name in an abjad (Arabic, Persian, Urdu, Hebrew) is compared: the source
name is cut into words the way the Latin normalizer cuts romanized names
(the article ال / ה dropped, عبد joined to the next word, "bin/ibn" as one
particle that may be left out, titles dropped), each letter becomes a *unit*
of ``script_tables`` (the Latin letters it is written as, and what leaving it
out costs: ع/ح/خ/ق and the other consonants with their usual variants, long
vowels that may be a vowel or a glide, tāʾ marbūṭa as -a/-ah/-e/-at, hamza and
ayn that are usually not written). A weighted edit distance aligns the units
with the Latin word in the matcher's reduced alphabet, short vowels the source
does not write being nearly free. Words are scored like the Latin matcher
(``0.7 × weakest + 0.3 × mean``); names whose word counts differ are compared
as one joined string, discounted: a name with an extra word (a prepended
given name, a son's name before the father's) is a different name.

Any other script (Cyrillic, Greek, Devanagari, Chinese, Georgian...) is first
romanized with ``anyascii`` (ISC licence) and compared with both the Latin
matcher and the same edit distance over the romanized letters.

A glossary, when given, decides first: a source form of an entry is the same
name as that entry's English forms and a different name from another entry's.
The threshold was chosen on the development split of the Wikidata name pairs
(benchmarks/names_crossscript_eval.py).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from provenance.names.arabic_given import group_of_arabic
from provenance.names.given_names import group_of
from provenance.names.matcher import _SUB, MatchResult, _group_affinity, _pretty, score_names
from provenance.names.normalize import VOWELS, core_tokens, name_tokens
from provenance.names.script_tables import (
    ARABIC_UNITS,
    HEBREW_UNITS,
    Unit,
    fold_arabic,
    fold_hebrew,
    script_of,
)
from provenance.names.wordalign import best_alignment

if TYPE_CHECKING:
    from provenance.names.glossary import Entry, Glossary

#: Cross-script names scoring at least this are the same name (chosen on the dev split).
THRESHOLD = 0.76
#: Scripts romanized by anyascii are compared Latin to Latin: the Latin matcher's threshold.
OTHER_THRESHOLD = 0.84

#: Inserting a Latin letter the source does not write: a short vowel is almost free, h and a
#: glide (y/w) are sometimes written for a vowel or a lost letter, any other consonant is not.
_INS_VOWEL, _INS_GLIDE, _INS_H, _INS_OTHER = 0.05, 0.4, 0.5, 1.0

_AR_TITLES = frozenset(
    "الشيخ شيخ الرئيس رئيس الأمير الامير الملك الملكة السيدة الدكتور د الحاج حاج الإمام الامام "
    "اللواء العميد العقيد الفريق المشير الجنرال الوزير السفير آية الله".split()
)
_AR_TITLES = frozenset(fold_arabic(t) for t in _AR_TITLES)
_AR_SON = frozenset(fold_arabic(t) for t in ("بن", "ابن", "بنت", "ولد", "إبن"))
_AR_TAILS = frozenset(fold_arabic(t) for t in ("الدين", "الله", "الدوله", "الدولة"))
_HE_SON = frozenset({"בן", "בת"})
_SPLIT = re.compile(r"[\s\-‐‑_.,،؛:/()\"'«»“”]+")
_NAMEISH = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


# -- the source side -----------------------------------------------------------------------------


def _arabic_words(name: str) -> list[str]:
    raw = [t for t in _SPLIT.split(fold_arabic(name)) if t]
    while len(raw) > 1 and raw[0] in _AR_TITLES:
        raw.pop(0)
    out: list[str] = []
    i = 0
    while i < len(raw):
        tok = raw[i]
        nxt = raw[i + 1] if i + 1 < len(raw) else None
        if tok == "ال":  # the family "Al" (آل ثاني) or a detached article
            i += 1
            continue
        if tok in _AR_SON:
            out.append("bin")
            i += 1
            continue
        if tok == "عبد" and nxt is not None and nxt not in _AR_SON:
            tok, i = "عبد" + _strip_article(nxt, force=True), i + 1
        elif nxt is not None and nxt in _AR_TAILS and out:
            tok, i = _strip_article(tok) + _strip_article(nxt, force=True), i + 1
        elif tok.startswith("عبدال") and len(tok) > 6:
            tok = "عبد" + tok[5:]
        out.append(_strip_article(tok))
        i += 1
    return out


def _strip_article(tok: str, force: bool = False) -> str:
    if tok.startswith("ال") and (len(tok) > 3 or (force and len(tok) > 2)):
        return tok[2:]
    return tok


def _hebrew_words(name: str) -> list[str]:
    raw = [t for t in _SPLIT.split(fold_hebrew(name)) if t]
    out = []
    for tok in raw:
        if tok in _HE_SON:
            out.append("bin")
        else:
            out.append(tok[1:] if tok.startswith("ה") and len(tok) > 3 else tok)  # the article ה
    return out


def _units_of(word: str, table: dict[str, Unit]) -> tuple[Unit, ...]:
    out: list[Unit] = []
    last = None
    for ch in word:
        unit = table.get(ch)
        if unit is None:
            continue
        if ch == last and ch not in "اويوי":  # a doubled consonant (shadda is not written, but لل is)
            continue
        out.append(unit)
        last = ch
    return tuple(out)


@lru_cache(maxsize=4096)
def _latin_letter_unit(c: str) -> Unit:
    subs = {c: 0.0}
    for (x, y), cost in _SUB.items():
        if x == c:
            subs[y] = cost
    return subs, (0.3 if c in VOWELS else 1.0)


def _romanized(name: str) -> str:
    """anyascii, with camel-cased syllables (Chinese pinyin: XiJinPing) split into words."""
    from anyascii import anyascii

    text = anyascii(name)
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)


@lru_cache(maxsize=16384)
def source_words(name: str) -> tuple[str, tuple[tuple[str, tuple[Unit, ...]], ...]]:
    """(script, (word, its units) for each word without the "son of" particle)."""
    script = script_of(name)
    if script in ("arabic", "hebrew"):
        table = ARABIC_UNITS if script == "arabic" else HEBREW_UNITS
        ws = [w for w in (_arabic_words(name) if script == "arabic" else _hebrew_words(name)) if w != "bin"]
        return script, tuple((w, u) for w, u in ((w, _units_of(w, table)) for w in ws) if u)
    toks = core_tokens(name_tokens(_romanized(name) if script == "other" else name))
    return script, tuple((t, tuple(_latin_letter_unit(c) for c in t)) for t in toks)


# -- the comparison ------------------------------------------------------------------------------


def _ins(c: str) -> float:
    if c in VOWELS:
        return _INS_VOWEL
    if c in "yw":
        return _INS_GLIDE
    return _INS_H if c == "h" else _INS_OTHER


def _distance(units: tuple[Unit, ...], latin: str) -> float:
    n, m = len(units), len(latin)
    prev = [0.0] * (m + 1)
    for j in range(1, m + 1):
        prev[j] = prev[j - 1] + _ins(latin[j - 1])
    for i in range(1, n + 1):
        subs, dele = units[i - 1]
        cur = [prev[0] + dele] + [0.0] * m
        for j in range(1, m + 1):
            c = latin[j - 1]
            sub = subs.get(c, 1.0)
            cur[j] = min(prev[j - 1] + sub, prev[j] + dele, cur[j - 1] + _ins(c))
        prev = cur
    return prev[m]


def _similarity(units: tuple[Unit, ...], latin: str, abjad: bool = True) -> float:
    if not units or not latin:
        return 0.0
    cost = _distance(units, latin)
    if len(latin) > 4 and latin[:2] in ("al", "el"):  # the article written joined (Elsayed)
        cost = min(cost, _distance(units, latin[2:]) + 0.05)
    consonants = sum(1 for c in latin if c not in VOWELS)
    # an abjad's vowel letters, ayn and hamza (cheap to leave out) weigh half a letter
    strong = sum(1.0 if dele >= 0.5 or not abjad else 0.5 for _, dele in units)
    return max(0.0, 1.0 - cost / max(strong, consonants, 1))


def _latin_words(latin: str) -> tuple[str, ...]:
    return core_tokens(name_tokens(latin))


def score_cross(src: str, latin: str) -> tuple[float, str]:
    """The score (0–1) of a source-script name against a romanized one, and why."""
    script, src_words = source_words(src)
    lat = _latin_words(latin)
    if not src_words or not lat:
        return 0.0, "no name to compare"
    if script == "latin":
        return score_names(src, latin)
    best, reason = _score_words(script, src_words, lat)
    if script == "other":  # also the Latin matcher on the romanization (Cyrillic, Greek: near-Latin spellings)
        plain, why = score_names(_romanized(src), latin)
        if plain > best:
            best, reason = plain, f"romanized {_romanized(src)!r}: {why}"
    return best, reason


def _word_similarity(script: str, word: str, units: tuple[Unit, ...], latin: str) -> tuple[float, str]:
    sim = _similarity(units, latin, script != "other")
    if script != "arabic":
        return sim, "spelling"
    group = group_of_arabic(word)
    if group is None:
        return sim, "spelling"
    other = group_of(latin)
    if other is not None:
        return (1.0, "same given name") if other == group else (min(sim, 0.5), "different given names")
    own, rival = _group_affinity(latin, group)
    if rival > own and rival >= 0.8:  # Mahmod is closer to Mahmoud than to Muhammad
        return min(sim, 0.5), "closer to another given name"
    return sim, "spelling"


def _score_words(script: str, src_words, lat: tuple[str, ...]) -> tuple[float, str]:
    def pair(i: int, j: int, di: int, dj: int) -> float:
        if di == dj == 1:
            w, u = src_words[i]
            return _word_similarity(script, w, u, lat[j])[0]
        if di == 1 and any(_word_similarity(script, *src_words[i], part)[0] >= THRESHOLD for part in lat[j : j + dj]):
            return 0.5  # the source word is one of the two: the other is an extra name (a son's own)
        if dj == 1 and any(_word_similarity(script, *sw, lat[j])[0] >= THRESHOLD for sw in src_words[i : i + di]):
            return 0.5
        units = tuple(x for _, u in src_words[i : i + di] for x in u)
        return _similarity(units, "".join(lat[j : j + dj]), script != "other")

    found = best_alignment(len(src_words), len(lat), pair)
    if found is None:
        return 0.0, f"words differ ({len(src_words)} vs {len(lat)})"
    score, path = found
    i, j, di, dj, value = min(path, key=lambda p: p[4])
    if di == dj == 1:
        how = _word_similarity(script, src_words[i][0], src_words[i][1], lat[j])[1]
    elif value <= 0.5:
        how = "an extra word"
    else:
        how = "written apart" if di == 1 else "written as one word"
    return score, f"{how}: {_pretty(' '.join(lat[j : j + dj]))} ({value:.2f})"


def match_cross(
    src: str, latin: str, src_lang: str | None = None, glossary: "Glossary | None" = None, *, threshold: float = THRESHOLD
) -> MatchResult:
    """Decide whether ``latin`` is a romanization of the source-script name ``src``.

    ``src_lang`` (an ISO 639 tag such as ar, fa, he) narrows the glossary's
    source forms to that language; the comparison itself reads the script.
    """
    if glossary is not None:
        verdict = _glossary_verdict(src, src_lang, latin, glossary)
        if verdict is not None:
            return verdict
    if script_of(src) == "latin":
        from provenance.names.matcher import THRESHOLD as LATIN_THRESHOLD

        score, reason = score_names(src, latin)
        return MatchResult(score >= LATIN_THRESHOLD, score, reason)
    score, reason = score_cross(src, latin)
    if script_of(src) == "other":  # romanized first, then compared Latin to Latin
        threshold = max(threshold, OTHER_THRESHOLD)
    return MatchResult(score >= threshold, score, reason)


def match_any(a: str, b: str, glossary: "Glossary | None" = None, *, source_lang: str | None = None) -> MatchResult:
    """Two names in any scripts (``provenance names match``): the Latin matcher for two
    romanized names, the cross-script matcher when one is in another script; two names
    in other scripts are the same written form, or compared through the second's romanization."""
    from provenance.names.matcher import match

    sa, sb = script_of(a), script_of(b)
    if sa == "latin" and sb == "latin":
        return match(a, b, glossary)
    if sa == "latin":
        return match_cross(b, a, source_lang, glossary)
    if sb == "latin":
        return match_cross(a, b, source_lang, glossary)
    if source_key(a) == source_key(b):
        return MatchResult(True, 1.0, "the same written name")
    result = match_cross(a, _romanized(b), source_lang, glossary)
    return MatchResult(result.same, result.score, f"against the romanization {_romanized(b)!r}: {result.reason}")


# -- the glossary's source forms -------------------------------------------------------------------


def source_key(form: str) -> str:
    """A source form for lookup: folded letters of its script, words joined by one space."""
    script = script_of(form)
    if script == "arabic":
        form = fold_arabic(form)
    elif script == "hebrew":
        form = fold_hebrew(form)
    return " ".join(_SPLIT.split(form.casefold())).strip()


def source_index(glossary: "Glossary") -> dict[str, list[tuple[str, "Entry"]]]:
    """source_key -> [(lang, entry)] over every entry's source forms (cached on the glossary)."""
    cached = getattr(glossary, "_source_index", None)
    if cached is None:
        cached = {}
        for e in glossary.entries:
            for s in e.source_forms:
                cached.setdefault(source_key(s.form), []).append((s.lang, e))
        glossary._source_index = cached
    return cached


def entries_for_source(src: str, src_lang: str | None, glossary: "Glossary") -> list["Entry"]:
    hits = source_index(glossary).get(source_key(src), [])
    if src_lang:
        base = src_lang.split("-")[0].lower()
        narrowed = [e for lang, e in hits if lang.split("-")[0].lower() == base]
        if narrowed:
            return narrowed
    return list(dict.fromkeys(e for _, e in hits))


def _glossary_verdict(src: str, src_lang: str | None, latin: str, glossary: "Glossary") -> MatchResult | None:
    from provenance.names.matcher import match

    listed = entries_for_source(src, src_lang, glossary)
    if not listed:
        return None
    other = glossary.entry_for_form(latin)
    for e in listed:
        if other is not None and other.id == e.id:
            return MatchResult(True, 1.0, f"glossary: a source form and a form of {e.id}")
    if other is not None:
        ids = ", ".join(e.id for e in listed)
        return MatchResult(False, 0.0, f"glossary: the source form is {ids}, {latin!r} is {other.id}")
    for e in listed:  # an unlisted spelling: the Latin matcher against the entry's forms
        best = max((match(f, latin) for f in e.all_forms()), key=lambda r: r.score)
        if best.same:
            return MatchResult(True, best.score, f"glossary: a source form of {e.id}; {best.reason}")
    return None


# -- finding the name in English text --------------------------------------------------------------

#: Lower-case words that may stand inside a romanized name (al-Sisi, bin Salman, Abu Ubaida).
_CONNECTORS = frozenset("al el ad ar as ash at az bin ibn bint ben abu abd abdel abdul de da del der van von la le".split())


def _name_runs(text: str) -> list[list[tuple[int, int]]]:
    """Runs of consecutive capitalized words (and connectors inside them), as (start, end) spans."""
    runs: list[list[tuple[int, int]]] = []
    cur: list[tuple[int, int]] = []
    last_end = -1
    for m in _NAMEISH.finditer(text):
        w = m.group()
        gap = text[last_end : m.start()] if last_end >= 0 else " "
        joined = last_end >= 0 and gap.strip() in ("", "-")
        capital = w[0].isupper()
        connector = w.casefold() in _CONNECTORS
        if (capital or (connector and cur)) and (joined or not cur):
            cur.append((m.start(), m.end()))
        else:
            if cur:
                runs.append(cur)
            cur = [(m.start(), m.end())] if capital else []
        last_end = m.end()
    if cur:
        runs.append(cur)
    out = []
    for run in runs:  # a run does not end on a connector
        while run and text[run[-1][0] : run[-1][1]].casefold() in _CONNECTORS:
            run = run[:-1]
        if run:
            out.append(run)
    return out


def find_in_text(
    src_name: str, src_lang: str | None, english_text: str, glossary: "Glossary | None" = None, *, threshold: float = THRESHOLD
) -> list[tuple[int, int, float]]:
    """Where ``english_text`` names ``src_name``: non-overlapping (start, end, score), in text order.

    Candidates are the windows of consecutive capitalized words (connectors such
    as al-, bin, Abu inside them) with one word fewer to two more than the source
    name; the best-scoring windows at or above the threshold are kept.
    """
    _, src_words = source_words(src_name)
    n = max(1, len(src_words))
    found: list[tuple[float, int, int]] = []
    for run in _name_runs(english_text):
        for i in range(len(run)):
            for k in range(max(1, n - 1), n + 3):
                if i + k > len(run):
                    break
                start, end = run[i][0], run[i + k - 1][1]
                result = match_cross(src_name, english_text[start:end], src_lang, glossary, threshold=threshold)
                if result.same:
                    found.append((result.score, start, end))
    found.sort(key=lambda x: (-x[0], x[1], x[2]))
    taken: list[tuple[int, int, float]] = []
    for score, start, end in found:
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, round(score, 3)))
    return sorted(taken)
