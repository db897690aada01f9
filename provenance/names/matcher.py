"""Are two spellings the same name? A transliteration-aware matcher.

    >>> match("Yahya Sinwar", "Yehia Sinwar").same
    True
    >>> match("Mohammed Deif", "Mohammed Dahlan").same
    False

Both names are normalized (``provenance.names.normalize``), their tokens
aligned in order, and each pair of tokens scored:

- the same token after normalization: 1;
- both common Arabic given names (``given_names``): 1 when they are the same
  name, at most 0.5 when they are different names (Mahmoud / Muhammad);
- an English nickname of the other (William / Bill, from the ``nicknames``
  package): 0.95;
- otherwise a weighted edit similarity in which romanization choices are cheap
  (e/a, e/i, o/u, y/i, w/u, g/j, th/t, dh/d, the voiced/unvoiced d/t, dh/th,
  z/s, a vowel or a y/w glide more or less) and a different consonant costs a full edit.

The name score is 0.7 × the weakest token + 0.3 × the mean, so one different
token (Deif / Dahlan) sinks the pair. Names whose tokens do not line up (Abdul
Rahman / Abdulrahman already do) are compared as one joined string. A glossary,
when given, decides first: two forms of one entry are the same; two forms of
different entries, or of entries marked ``never_merge_with``, are not.

The threshold was chosen on a development split of OFAC SDN spellings and
hand-written Arabic name pairs (benchmarks/names_matcher_eval.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from provenance.names.given_names import group_of, spellings_of
from provenance.names.normalize import VOWELS, core_tokens, name_tokens, words

if TYPE_CHECKING:
    from provenance.names.glossary import Glossary

#: Names scoring at least this are the same name (see the module docstring).
THRESHOLD = 0.84

_VOWEL_SUB = {
    "ae": 0.2, "ei": 0.2, "ou": 0.1, "ai": 0.6, "ao": 0.5, "au": 0.8,
    "iu": 0.7, "eo": 0.5, "io": 0.7, "eu": 0.6,
}
_CONSONANT_SUB = {
    "iy": 0.2, "uw": 0.2, "ow": 0.3, "ey": 0.4,
    "Xk": 0.5, "Xh": 0.6, "gj": 0.25, "Gg": 0.2, "Gj": 0.5, "GX": 0.6, "gk": 0.3, "Gk": 0.35,
    "Tt": 0.2, "Ts": 0.3, "Dd": 0.2, "Dz": 0.3, "dz": 0.5, "Ss": 0.7, "Td": 0.4, "Tz": 0.5, "SX": 0.4,
    "bp": 0.4, "fv": 0.4, "jy": 0.7, "Sj": 0.7,
    # voiced / unvoiced alternations are romanization choices, not different names (Medhat / Methat,
    # Aziz / Asis, Dhahir / Thahir). Not v / w: Persian Vahed / Wahed gain little, English Erven / Erwin
    # would become one name (a false surname warning on the PolNeAR control)
    "dt": 0.3, "sz": 0.35, "DT": 0.25,
}
_SUB = {}
for _pairs in (_VOWEL_SUB, _CONSONANT_SUB):
    for _k, _v in _pairs.items():
        _SUB[(_k[0], _k[1])] = _SUB[(_k[1], _k[0])] = _v
del _pairs, _k, _v


@dataclass(frozen=True, slots=True)
class MatchResult:
    same: bool
    score: float
    reason: str

    def to_dict(self, a: str, b: str) -> dict:
        return {"a": a, "b": b, "same": self.same, "score": round(self.score, 3), "reason": self.reason}


#: Inserting or deleting: a vowel, a y/w glide next to a vowel, h, any other letter.
VOWEL_INDEL, GLIDE_INDEL, H_INDEL = 0.4, 0.3, 0.6
#: A consonant added or dropped at the start of a word is rarely a spelling choice (Amer / Samer).
INITIAL_FACTOR = 1.5
#: Weight of the weakest word in the name score (the rest is the mean).
MIN_WEIGHT = 0.7


def _indel(s: str, i: int) -> float:
    c = s[i]
    if c in VOWELS:
        return VOWEL_INDEL
    if c in "yw":
        near_vowel = (i > 0 and s[i - 1] in VOWELS) or (i + 1 < len(s) and s[i + 1] in VOWELS)
        return GLIDE_INDEL if near_vowel else 0.8
    cost = H_INDEL if c == "h" else 1.0
    return cost * INITIAL_FACTOR if i == 0 else cost


@lru_cache(maxsize=262144)
def edit_similarity(a: str, b: str) -> float:
    """1 − (weighted edit distance / length of the longer token)."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    n, m = len(a), len(b)
    prev = [0.0] * (m + 1)
    for j in range(1, m + 1):
        prev[j] = prev[j - 1] + _indel(b, j - 1)
    for i in range(1, n + 1):
        cur = [prev[0] + _indel(a, i - 1)] + [0.0] * m
        ca = a[i - 1]
        for j in range(1, m + 1):
            cb = b[j - 1]
            sub = 0.0 if ca == cb else _SUB.get((ca, cb), 1.0)
            cur[j] = min(prev[j - 1] + sub, prev[j] + _indel(a, i - 1), cur[j - 1] + _indel(b, j - 1))
        prev = cur
    return max(0.0, 1.0 - prev[m] / max(n, m))


@lru_cache(maxsize=1)
def _nicknamer():
    from nicknames import NickNamer

    return NickNamer()


def _nickname(a: str, b: str) -> bool:
    """William / Bill: one is a listed nickname of the other, or both of one name."""
    nn = _nicknamer()
    if b in nn.nicknames_of(a) or a in nn.nicknames_of(b):
        return True
    return bool(nn.canonicals_of(a) & (nn.canonicals_of(b) | {b})) or a in nn.canonicals_of(b)


@lru_cache(maxsize=65536)
def _group_affinity(token: str, group: str) -> tuple[float, float]:
    """How close an unlisted token is to a given-name group, and to its closest other group."""
    own = max((edit_similarity(token, s) for s in spellings_of(group)), default=0.0)
    other = 0.0
    for g in _neighbours(group):
        other = max(other, max((edit_similarity(token, s) for s in spellings_of(g)), default=0.0))
    return own, other


def _neighbours(group: str) -> tuple[str, ...]:
    """Other given names that are spelled much like this one (Mahmoud for Muhammad): from the
    table tools/build_given_neighbours.py writes (computing one group takes ~15 ms of a check)."""
    from provenance.names.given_neighbours import NEIGHBOURS

    found = NEIGHBOURS.get(group)
    return found if found is not None else neighbours_of(group)


@lru_cache(maxsize=4096)
def neighbours_of(group: str) -> tuple[str, ...]:
    """The groups with a spelling within edit similarity 0.6 of one of ``group``'s, in GROUPS order."""
    from provenance.names.given_names import GROUPS

    mine = spellings_of(group)
    out = []
    for g in GROUPS:
        if g != group and any(edit_similarity(x, y) >= 0.6 for x in mine for y in spellings_of(g)):
            out.append(g)
    return tuple(out)


def token_similarity(a: str, b: str, *, plain: tuple[str, str] | None = None) -> tuple[float, str]:
    """Similarity of two reduced tokens and how it was decided; ``plain``: the
    folded words before reduction, for the nickname table (first names only)."""
    if a == b:
        return 1.0, "same"
    if a.startswith("abd") and b.startswith("abd") and len(a) > 5 and len(b) > 5:
        a, b = a[3:], b[3:]  # Abd al-Bari / Abd al-Basir: only the second half tells them apart
    ga, gb = group_of(a), group_of(b)
    edit = edit_similarity(a, b)
    if edit < 0.9 and not (ga and gb):
        stripped = _without_article(a, b)
        if stripped > edit:
            return stripped, "article joined to the name"
    if ga and gb:
        return (1.0, "same given name") if ga == gb else (min(edit, 0.5), "different given names")
    if ga or gb:
        listed, other = (ga, b) if ga else (gb, a)
        own, rival = _group_affinity(other, listed)
        if rival > own and rival >= 0.8:
            return min(edit, 0.5), "closer to another given name"
        edit = max(edit, own)
    if plain is not None and edit < 0.95 and not (ga or gb) and _nickname(*plain):
        return 0.95, "nickname"
    return edit, "spelling" if edit >= 0.5 else "different"


def _without_article(a: str, b: str) -> float:
    """Elkaddafi / Qaddafi, Alhakim / Hakim: an article written joined to the name."""
    best = 0.0
    for x, y in ((a, b), (b, a)):
        if len(x) > 5 and x[:2] in ("al", "el") and y[:2] not in ("al", "el"):
            best = max(best, edit_similarity(x[2:], y) - 0.03)
    return best


def _glossary_verdict(a: str, b: str, glossary: "Glossary") -> MatchResult | None:
    ea, eb = glossary.entry_for_form(a), glossary.entry_for_form(b)
    if ea is None or eb is None:
        # one listed: never merge it with a name another entry claims it must not be
        listed, other = (ea, b) if ea is not None else (eb, a)
        if listed is not None:
            for other_id in listed.never_merge_with:
                rival = glossary.by_id.get(other_id)
                if rival is not None and any(_plain(f) == _plain(other) for f in rival.all_forms()):
                    return MatchResult(False, 0.0, f"glossary: {listed.id} is never merged with {other_id}")
        return None
    if ea.id == eb.id:
        return MatchResult(True, 1.0, f"glossary: both are forms of {ea.id}")
    if eb.id in ea.never_merge_with or ea.id in eb.never_merge_with:
        return MatchResult(False, 0.0, f"glossary: {ea.id} is never merged with {eb.id}")
    return MatchResult(False, 0.0, f"glossary: different entries ({ea.id}, {eb.id})")


def _plain(s: str) -> str:
    return " ".join(s.casefold().split())


def match(a: str, b: str, glossary: "Glossary | None" = None, *, threshold: float = THRESHOLD) -> MatchResult:
    """Decide whether two written names are spellings of the same name."""
    if glossary is not None:
        verdict = _glossary_verdict(a, b, glossary)
        if verdict is not None:
            return verdict
    score, reason = score_names(a, b)
    return MatchResult(score >= threshold, score, reason)


def score_names(a: str, b: str) -> tuple[float, str]:
    """The matcher's score (0–1) for two names, and why."""
    ta, tb = core_tokens(name_tokens(a)), core_tokens(name_tokens(b))
    if not ta or not tb:
        return 0.0, "no name to compare"
    if ta == tb:
        return 1.0, "same name after normalization"
    if len(ta) == len(tb):
        first = (_first_word(a), _first_word(b))
        sims = [token_similarity(x, y, plain=first if i == 0 else None) for i, (x, y) in enumerate(zip(ta, tb))]
        values = [s for s, _ in sims]
        score = MIN_WEIGHT * min(values) + (1 - MIN_WEIGHT) * sum(values) / len(values)
        differing = [i for i in range(len(ta)) if ta[i] != tb[i]]
        weakest = min(differing, key=lambda i: values[i])
        how = sims[weakest][1]
        wa, wb = _core_words(a), _core_words(b)
        pair = f"{wa[weakest]}/{wb[weakest]}" if len(wa) == len(ta) and len(wb) == len(tb) else f"{_pretty(ta[weakest])}/{_pretty(tb[weakest])}"
        return score, f"{how}: {pair} ({values[weakest]:.2f})"
    # Different numbers of words: a word may be written as two (Abu Bakr / Abubakr), but
    # every word needs a counterpart: a prepended given name is another person (the son).
    from provenance.names.wordalign import best_alignment

    def pair(i: int, j: int, di: int, dj: int) -> float:
        if di == dj == 1:
            return token_similarity(ta[i], tb[j])[0]
        one, two = (tb[j], ta[i : i + di]) if di == 2 else (ta[i], tb[j : j + dj])
        if any(token_similarity(one, part)[0] >= THRESHOLD for part in two):
            return 0.5  # one of the two words is that word: the other one is an extra name
        return edit_similarity("".join(ta[i : i + di]), "".join(tb[j : j + dj]))

    found = best_alignment(len(ta), len(tb), pair)
    if found is None:
        return 0.0, f"words differ ({len(ta)} vs {len(tb)}): a word has no counterpart"
    score, path = found
    i, j, di, dj, value = min(path, key=lambda p: p[4])
    pa, pb = " ".join(map(_pretty, ta[i : i + di])), " ".join(map(_pretty, tb[j : j + dj]))
    how = "spelling" if di == dj else ("an extra word" if value <= 0.5 else "written apart")
    return score, f"words differ ({len(ta)} vs {len(tb)}); {how}: {pa}/{pb} ({value:.2f})"


def _core_words(name: str) -> tuple[str, ...]:
    return tuple(w for w in words(name) if w != "bin")


def _first_word(name: str) -> str:
    return next(iter(_core_words(name)), "")


_PRETTY = str.maketrans({"S": "sh", "X": "kh", "G": "gh", "T": "th", "D": "dh"})


def _pretty(token: str) -> str:
    return token.translate(_PRETTY)
