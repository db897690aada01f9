"""The source-aware checks: what an aligned original says that its English
translation does not (numbers, weekdays and months, sentences, quotation and
question marks, text left untranslated).

Each check reads a SourcePair (provenance.bilingual.pair) and yields Issues:
a span of the English and a span of the original, exact on both sides. The
rules of kind ``source-*`` (provenance.rules.kinds.source) report them.
Every threshold was tuned on the even-indexed NTREX-128 articles
(benchmarks/source_aware.py) and is a rule parameter. Numbers and dates are in
check_numbers, omissions and additions in check_omissions, names in names;
quotations and untranslated text here, and CHECKS dispatches them all.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from itertools import pairwise

from provenance.bilingual.check_common import _NOSPACE, Issue
from provenance.bilingual.check_numbers import dates, numbers
from provenance.bilingual.check_omissions import _zl, additions, omissions  # noqa: F401 (_zl: tests)

# -- quotation and question marks (provenance.bilingual.check_quotes) -----------------------------


def quotations(pair, params: dict) -> Iterator[Issue]:
    from provenance.bilingual.check_quotes import quotations as check

    return check(pair, params)


# -- untranslated ---------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+|\d+")


def _tokens(text: str, start: int, end: int) -> list[str]:
    out = []
    for m in _WORD.finditer(text, start, end):
        w = m.group().casefold()
        if _NOSPACE.search(w):
            out.extend(w)  # Chinese: characters are the units
        else:
            out.append(w)
    return out


def _bigrams(tokens: list[str]) -> set[tuple[str, str]]:
    return set(pairwise(tokens))


def _is_latin(c: str) -> bool:
    return c.isascii() or unicodedata.name(c, "").startswith("LATIN")


def _token_spans(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    out = []
    for m in _WORD.finditer(text, start, end):
        w = m.group().casefold()
        if _NOSPACE.search(w):
            out.extend((c, m.start() + i, m.start() + i + 1) for i, c in enumerate(w))
        else:
            out.append((w, m.start(), m.end()))
    return out


def _english(text: str, start: int, end: int, share: float, capitals: bool = True) -> bool:
    """Are most words of text[start:end] common English words or (``capitals``) capitalized
    (names, acronyms)? Not for German, which capitalizes every noun."""
    from provenance.rules.kinds._romanized_model import model

    # words of any script (a Hebrew run with "CNN" in it is not English); digits are neither ("5-3")
    words = [w for w in _WORD.findall(text, start, end) if not w.isdigit()]
    if not words:
        return False
    common = model().common
    if not capitals and all(w.lower() in common for w in words if not w[0].isupper()):
        capitals = True  # German: capitalized words are names only when no lowercase German word is among them (a list of names, a title)
    english = sum(1 for w in words if w.isascii() and (w.lower() in common or (capitals and w[0].isupper())))
    return english >= share * len(words)  # "eleştirdi", "était": not English words



def untranslated(pair, params: dict) -> Iterator[Issue]:
    """Text copied from the original into the English: a run of at least ``min_run`` words
    (Chinese: ``min_run_chars`` characters) each pair of which occurs in the original, or a
    sentence most of whose letters are in the original's (non-Latin) script."""
    al, src, tgt = pair.alignment, pair.text, pair.alignment.target_text
    min_run = params.get("min_run", 6)
    min_run_chars = params.get("min_run_chars", 8)
    min_share = params.get("min_share", 0.5)
    src_sentences = al.source_sentences
    src_bigrams = [_bigrams(_tokens(src, s, e)) for s, e in src_sentences]
    every = set().union(*src_bigrams) if src_bigrams else set()
    for s, e in al.target_sentences:
        toks = _token_spans(tgt, s, e)
        runs, k = [], 0
        while k < len(toks) - 1:  # maximal runs of tokens whose every pair is the original's
            j = k
            while j + 1 < len(toks) and (toks[j][0], toks[j + 1][0]) in every:
                j += 1
            if j > k:
                need = min_run_chars if _NOSPACE.search(toks[k][0]) else min_run
                if j - k + 1 >= need:
                    runs.append((toks[k][1], toks[j][2], j - k + 1))
            k = j + 1
        letters = [c for c in tgt[s:e] if c.isalpha()]
        foreign = sum(1 for c in letters if not _is_latin(c))
        if not runs and letters and foreign >= 8 and foreign / len(letters) >= min_share:
            runs.append((s, e, 0))
        for rs, re_, n in runs:
            if n and _english(tgt, rs, re_, params.get("english_share", 0.8), pair.lang != "de"):
                continue  # an English name or title the original quotes as it is ("AI Superpowers: China, …")
            grams = _bigrams(_tokens(tgt, rs, re_))
            best = max(range(len(src_sentences)), key=lambda i: (len(grams & src_bigrams[i]), -i), default=None)
            if best is None:
                continue
            ss, se = src_sentences[best]
            why = f"{n} words as in the original" if n else "in the original's script"
            yield Issue(rs, re_, ss, se, f"text of the original left untranslated ({why})")


CHECKS = {
    "numbers": numbers,
    "dates": dates,
    "omissions": omissions,
    "additions": additions,
    "quotations": quotations,
    "untranslated": untranslated,
}
