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

from provenance.bilingual.check_common import Issue, _matched, _near, _short  # noqa: F401 (names.py, tests)
from provenance.bilingual.check_numbers import dates, numbers
from provenance.bilingual.check_omissions import _zl, additions, omissions  # noqa: F401 (_zl: tests)

# -- quotation and question marks -----------------------------------------------------------------

_QUOTE = re.compile("[\"“”«»„「」『』‘]|(?<![^\\W_])'(?=[^\\W\\d_])")
_QUESTION = re.compile("[?؟？]")
_NOSPACE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


def _quote_marks(text: str, start: int, end: int) -> list[int]:
    """Offsets of the quotation marks in text[start:end]; a straight " between two
    letters (Hebrew acronyms: צה"ל) is not one, nor an apostrophe ("don't", "students'")."""
    out = []
    for m in _QUOTE.finditer(text, start, end):
        p = m.start()
        inside = 0 < p < len(text) - 1 and text[p - 1].isalpha() and text[p + 1].isalpha()
        if not inside:
            out.append(p)
    return out


def _words(s: str) -> int:
    cjk = len(_NOSPACE.findall(s))
    return len(s.split()) + cjk // 2


_OPENING = "“«„「『‘"
_CLOSING = "”»」』’"
_SINGLE = "‘’‚'"
_CJK_PUNCT = re.compile("[，。！？、：；,.!?:;]")


def _opens(text: str, p: int) -> bool:
    """Does the mark at p open a quotation (else it closes one)?"""
    c = text[p]
    if c in _OPENING:
        return True
    if c in _CLOSING:
        return False
    return p == 0 or text[p - 1].isspace() or text[p - 1] in "([{:—–-،,"


def _quotation(text: str, marks: list[int], span: tuple[int, int], min_words: int, latin_source: bool) -> tuple[int, int] | None:
    """The longest quoted stretch inside the span of at least ``min_words`` words, from a
    mark to its partner, or from a lone mark to the span's edge (a quotation that runs on);
    a title in Latin letters quoted in a text of another script is the work's own name, and
    a short quoted Chinese phrase without punctuation a name ("“国家气象局”"), not a quotation."""
    best = None
    pairs = list(zip(marks[0::2], marks[1::2]))
    if len(marks) % 2:
        lone = marks[-1]
        if lone == span[0] and text[lone + 1 : lone + 2].isspace():
            pass  # "“ Während …": the closing mark of the sentence before, split off with it
        else:
            pairs.append((lone, span[1]) if _opens(text, lone) else (span[0] - 1, lone))
    for a, b in pairs:
        inner = text[a + 1 : b]
        if (a < span[0] or b >= span[1]) and not inner.strip(" \u00a0,.;:!?—–-"):
            continue
        n = _words(inner)
        if n < min_words:
            continue
        if n < 5 and all(w[:1].isupper() for w in inner.split()):
            continue  # «Манчестер Сити», “Welsh Parliament Members”: a name or a title, not a quotation
        if _NOSPACE.search(inner) and not _CJK_PUNCT.search(inner) and len(inner) < 16:
            continue
        letters = [c for c in inner if c.isalpha()]
        if not latin_source and letters and sum(c.isascii() for c in letters) > len(letters) / 2:
            continue
        if best is None or b - a > best[1] - best[0]:
            best = (max(a, span[0]), min(b + 1, span[1]))
    return best


def _inside(text: str, paragraphs: list[tuple[int, int]]):
    """A function: is this offset inside a quotation (marks counted from its paragraph's start)?"""
    from bisect import bisect_right

    marks = _quote_marks(text, 0, len(text))
    starts = [s for s, _ in paragraphs]

    def inside(offset: int) -> bool:
        k = bisect_right(starts, offset) - 1
        floor = starts[k] if k >= 0 else 0
        return sum(1 for m in marks if floor <= m < offset) % 2 == 1

    return inside


_CAPITALIZED = re.compile(r"(?<![^\W\d_])[A-Z][^\W\d_]{2,}")
_ANY_WORD = re.compile(r"[^\W\d_]{3,}")


def _romanized_name(src: str, quoted: tuple[int, int], tgt: str, target: tuple[int, int]) -> bool:
    """Are at least half the words of the quoted stretch (those of three consonants or more)
    capitalized words of the English sentence, by the consonant skeleton of their romanization?
    One word alike is not enough: a quoted remark may name someone."""
    from provenance.bilingual.names import skeleton

    english = {skeleton(m.group()) for m in _CAPITALIZED.finditer(tgt, *target)}
    words = [k for k in (skeleton(m.group()) for m in _ANY_WORD.finditer(src, *quoted)) if len(k) >= 3]
    return bool(words) and 2 * sum(k in english for k in words) >= len(words)


def quotations(pair, params: dict) -> Iterator[Issue]:
    """Quoted in the original and unquoted in the English (or, with ``reverse``, the other way
    round); a question of the original that the English states."""
    from provenance.bilingual.split import paragraphs

    al, src, tgt = pair.alignment, pair.text, pair.alignment.target_text
    beads = al.beads
    min_words = params.get("min_words", 2)
    reverse = params.get("reverse", False)
    latin = pair.lang in ("tr", "fr", "de", "es")
    english_inside = _inside(tgt, paragraphs(tgt))
    for i in _matched(beads):
        b = beads[i]
        sq = [p for p in _quote_marks(src, *b.source) if src[p] not in _SINGLE]  # a Hebrew geresh (צ‘לסי) is no quotation mark
        tq = _quote_marks(tgt, *b.target)
        quoted = _quotation(src, sq, b.source, min_words, latin) if not tq and not english_inside(b.target[0]) else None
        if quoted is not None and _words(src[quoted[0]:quoted[1]]) < params.get("min_speech_words", 4) and _romanized_name(src, quoted, tgt, b.target):
            quoted = None  # «توود بالين», „רו נגד ווייד“: a name the English writes capitalized, not speech
        if quoted is not None:
            yield Issue(b.target[0], b.target[1], quoted[0], quoted[1],
                        "the original quotes this, the English has no quotation marks")
        elif reverse and tq and not sq:
            quoted = _quotation(tgt, tq, b.target, min_words, True)
            if quoted is not None:
                yield Issue(quoted[0], quoted[1], b.source[0], b.source[1], "the English quotes what the original does not")
        s_question = list(_QUESTION.finditer(src, *b.source))
        if s_question and not any(_QUESTION.search(tgt, *span) for span in _near(beads, i, "target")):
            q = s_question[-1]
            yield Issue(b.target[0], b.target[1], q.start(), q.end(), "a question in the original is a statement in the English")


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

    words = _WORD.findall(text, start, end)  # words of any script: a Hebrew run with "CNN" in it is not English
    if not words:
        return False
    common = model().common
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
