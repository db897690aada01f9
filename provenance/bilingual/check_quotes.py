"""The source-aware check of quotation and question marks (rule PV1005, kind
``source-quotation``): a quotation of the original that the English reports without
quotation marks (or, with ``reverse``, the other way round), a quotation whose closing
mark the English lost, a question of the original that the English states.

Tuned on the even-indexed NTREX-128 articles (benchmarks/source_aware.py); every
threshold is a rule parameter. provenance.bilingual.checks dispatches here.
"""

from __future__ import annotations

import math
import re
from itertools import pairwise
from typing import Iterator

from provenance.bilingual.check_common import _NOSPACE, Issue, _matched, _near, word_count
from provenance.bilingual.quote_marks import (
    _CLOSING,
    _OPENING,
    _QUOTE,
    _SHAPED,
    _SINGLE,
    _directional_pairs,
    _double_marks_before,
    _english_opens,
    _english_quotations,
    _english_quote_marks,
    _lone,
    _opens,
    _paired_quotations,
    _quote_marks,
    _quoted_elsewhere,
    _slipped,
    _stands_for_all,
)
from provenance.bilingual.speech_cues import cue_beside, named, quoted_sentence

_QUESTION = re.compile("[?؟？]")

#: Last characters of Chinese names of institutions, places and works (bureau, hall, ministry, court,
#: council, palace, party, group, company, centre, plan, act, university, paper, station, district, city…).
_CJK_NAME_ENDS = tuple("局厅部院会宫署处委党社团队司所馆站台报州省市县区国杯赛场周山脉河湖岛节奖展") + ("中心", "计划", "法案", "公司", "组织", "联盟", "大学", "学院", "条约", "协议", "委员会")
_CJK_PERSON = re.compile("[我你您咱]")  # I, you, we: a name of an institution or work does not say them, speech does
_CJK_PUNCT = re.compile("[，。！？、：；,.!?:;]")
_GLOSS = re.compile("\\s*[（(][^（()）]*[）)]\\s*$|\\s+$")  # a gloss in brackets at the end (the name in Latin letters: “…法院（ICJ）”)


def _quotation(text: str, marks: list[int], span: tuple[int, int], min_words: int, latin_source: bool, lang: str = "") -> tuple[int, int] | None:
    """The longest of _quotations (None when there is none)."""
    found = _quotations(text, marks, span, min_words, latin_source, lang)
    return found[0] if found else None


def _quotations(text: str, marks: list[int], span: tuple[int, int], min_words: int, latin_source: bool, lang: str = "") -> list[tuple[int, int]]:
    """The quoted stretches, longest first (of equal length, the first), inside the span of at least ``min_words`` words, from a
    mark to its partner, or from a lone mark to the span's edge (a quotation that runs on);
    a title in Latin letters quoted in a text of another script is the work's own name, and
    a short quoted Chinese phrase without punctuation a name ("“国家气象局”"), not a quotation."""
    found = []
    directional = _directional_pairs(text, marks, span, lang)
    pairs, rest = (directional, []) if directional is not None else _straight_pairs(text, marks, lang)
    if rest:
        lone = rest[0]
        if lone == span[0] and text[lone + 1 : lone + 2].isspace():
            pass  # "“ Während …": the closing mark of the sentence before, split off with it
        else:
            opens = _opens(text, lone, lang) and any(c.isalnum() for c in text[lone + 1 : span[1]])
            # a mark with only punctuation after it ("… جديد ".") closes, whatever the space before it
            pairs.append((lone, span[1]) if opens else (span[0] - 1, lone))
    for a, b in pairs:
        inner = text[a + 1 : b]
        if (a < span[0] or b >= span[1]) and not inner.strip(" \u00a0,.;:!?—–-"):
            continue
        n = word_count(inner)
        if n < min_words:
            continue
        if n < 5 and all(w[:1].isupper() for w in inner.split()):
            continue  # «Манчестер Сити», “Welsh Parliament Members”: a name or a title, not a quotation
        if _NOSPACE.search(inner) and not _CJK_PUNCT.search(inner) and len(inner) < 16 and _GLOSS.sub("", inner).endswith(_CJK_NAME_ENDS) and not _CJK_PERSON.search(inner):
            continue  # “国家气象局”, “白宫”, “国际法院（ICJ）”: an institution or a work by its last character (before a gloss in brackets), unless it says I or you (“你…比赛”: speech); “显然感到失望” is speech
        letters = [c for c in inner if c.isalpha()]
        if not latin_source and letters and sum(c.isascii() for c in letters) > len(letters) / 2:
            continue
        found.append((a - b, len(found), (max(a, span[0]), min(b + 1, span[1]))))
    return [q for _, _, q in sorted(found)]


def _straight_pairs(text: str, marks: list[int], lang: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Marks paired in turn, and the lone one left over (a list of one, or empty); of the last two, an
    opening mark followed by one that opens too (a space before it, a letter after it: "…أن "التصويت…)
    is a stray, left out, and the second opens a quotation running on: a quotation does not close
    with an opening mark. (Marks before them pair as they are: their strays are not so plain.)"""
    pairs, i = [], 0
    while i + 1 < len(marks):
        a, b = marks[i], marks[i + 1]
        if i + 2 == len(marks) and _opens(text, a, lang) and text[b - 1 : b].isspace() and text[b + 1 : b + 2].isalpha() and _opens(text, b, lang):
            i += 1
            continue
        pairs.append((a, b))
        i += 2
    return pairs, marks[i:]


def _closes(src: str, p: int, unit: tuple[int, int], lang: str) -> bool:
    """Does the original's mark at p close a quotation: by _opens, or an opening shape with no word after
    it to the unit's end where marks pair by shape (“…有责。“: the closing mark mistyped)?"""
    if not _opens(src, p, lang):
        return True
    return lang in _SHAPED and src[p] in _OPENING and not any(c.isalnum() for c in src[p + 1 : unit[1]])


def _source_open_before(src: str, start: int, lang: str) -> bool:
    """Is a quotation of the original open at ``start`` (its paragraph's double marks before it: by the
    last one's shape where all are curly, else by an odd count)?"""
    marks = _double_marks_before(src, start, lang)
    if marks and all(src[p] in _OPENING + _CLOSING for p in marks):
        return src[marks[-1]] in _OPENING
    return len(marks) % 2 == 1


def _inside(text: str, paragraphs: list[tuple[int, int]]):
    """A function: is this offset inside a quotation of its paragraph? Each mark opens or closes
    one by its shape or its place, so a paragraph that begins by closing a quotation continued
    from the paragraph before is not "inside" for the rest of it."""
    from bisect import bisect_right

    # double marks only: an opening single mark is counted ("'ready'") but its closing one is an
    # apostrophe to the pattern, and would leave the rest of the paragraph "inside"
    marks = [p for p in _quote_marks(text, 0, len(text)) if text[p] not in _SINGLE]
    opens = [_english_opens(text, p) for p in marks]
    starts = [s for s, _ in paragraphs]

    def inside(offset: int) -> bool:
        k = bisect_right(starts, offset) - 1
        floor = starts[k] if k >= 0 else 0
        a, b = bisect_right(marks, floor - 1), bisect_right(marks, offset - 1)
        return b > a and opens[b - 1]

    return inside


#: A capitalized English word, with its hyphenated capitalized parts ("Mat-Su": one name, the skeleton of both).
_CAPITALIZED = re.compile(r"(?<![^\W\d_])[A-Z][^\W\d_]{2,}(?:-[A-Z][^\W\d_]*)*")
_ANY_WORD = re.compile(r"[^\W\d_]{3,}")


def _romanized_name(src: str, quoted: tuple[int, int], tgt: str, target: tuple[int, int], lang: str = "", least: int = 1) -> bool:
    """Are at least half the words of the quoted stretch (those of three consonants or more)
    capitalized words of the English sentence, by the consonant skeleton of their romanization
    (names._romanized: also without the Arabic article, الكرملين "Kremlin")? One word alike is not
    enough: a quoted remark may name someone."""
    from provenance.bilingual.names import _romanized, skeleton

    capitalized = [m.group() for m in _CAPITALIZED.finditer(tgt, *target)]
    english = {skeleton(w) for w in capitalized}
    # a word of five letters or more of the original's Latin letters that is one of the English's capitalized
    # words as it is ("Johnny", skeleton "kn") counts however short its skeleton ("Twp" in speech does not)
    words = [(ks, len(m.group()) >= 5 and m.group() in capitalized) for m in _ANY_WORD.finditer(src, *quoted) for ks in [{skeleton(f) for f in _romanized(m.group(), lang)}]]
    words = [(ks, same) for ks, same in words if same or max(map(len, ks)) >= 3]
    alike = sum(same or bool(ks & english) for ks, same in words)
    return bool(words) and alike >= least and 2 * alike >= len(words)


def _closed_next(text: str, beads, i: int, marks, paragraphs, attributed: bool = False) -> bool:
    """Does the English sentence after bead i, in the same paragraph, have a quotation mark (the
    quotation closing a sentence later: an alignment that slips), its first mark closing? A quotation that runs on to the
    next paragraph is left open by convention, the next paragraph opening with a mark again."""
    from bisect import bisect_right

    end = beads[i].target[1]
    k = bisect_right([s for s, _ in paragraphs], beads[i].target[0]) - 1
    if k >= 0 and not tgt_has_more(beads, i, paragraphs[k][1]):
        if attributed:
            return False  # the original's words after its closing mark ("…“, said X"): its quotation ends here, not running on
        nxt = beads[i + 1].target if i + 1 < len(beads) else None
        return nxt is not None and bool(marks((nxt[0], min(nxt[0] + 1, nxt[1]))))
    for j in range(i + 1, min(i + 2, len(beads))):
        span = beads[j].target
        if span is not None and span[0] >= end and span[0] < paragraphs[k][1] and marks(span):
            return not _english_opens(text, marks(span)[0])  # its first mark opening a new quotation: the old one was never closed
    return False


def tgt_has_more(beads, i: int, paragraph_end: int) -> bool:
    """Is there an English sentence after bead i inside the paragraph that ends at paragraph_end?"""
    return any(b.target is not None and beads[i].target[1] <= b.target[0] < paragraph_end for b in beads[i + 1 : i + 3])


#: A run of capitalized English words, with the lower-case words names and titles keep inside ("Chariots of Fire").
_TITLE_RUN = re.compile(r"(?<![^\W\d_])[A-Z][^\W_]*(?:[\s\u00a0]+(?:(?:of|the|at|in|for|on|an?|to|de|del|von)[\s\u00a0]+)*[A-Z][^\W_]*)+")
#: An English naming word right before a run ("an initiative called AI Next"): two capitalized words are a name.
_NAMED_BEFORE = re.compile(r"(?<![^\W\d_])(?:called|named|dubbed|entitled|titled|nicknamed|known as|so-called)[\s\u00a0]+(?:the[\s\u00a0]+)?$")
_SMALL = re.compile(r"[\s\u00a0](?:of|the|at|in|for|on|an?|to|de|del|von)[\s\u00a0]")


def _english_title(src: str, quoted: tuple[int, int], source: tuple[int, int], tgt: str, target: tuple[int, int], lang: str, n: int) -> bool:
    """Does the English sentence have a name of its own as long as the quotation (capitalized words,
    half its word count at least, three of them or a small word inside: "Joint Artificial Intelligence
    Center", "Chariots of Fire"), not its first words, most of whose words are no word of the original
    outside the quotation by romanization (a person the original names elsewhere in the sentence)? A
    quoted title or institution of a few words is translated as a capitalized name; speech is not."""
    from provenance.bilingual.names import _romanized, skeleton

    # the original's words outside all its quotations ("Johnny English" of another quoted title is no person named)
    marks = [p for p in _quote_marks(src, *source, lang) if src[p] not in _SINGLE]
    gaps, last = [], source[0]
    for a, b, _ in sorted(_paired_quotations(src, marks, source, lang) + [(quoted[0], quoted[1] - 1, 0)]):
        gaps.append((last, a))
        last = max(last, b + 1)
    gaps.append((last, source[1]))
    outside = {skeleton(f) for s, e in gaps if s < e for m in _ANY_WORD.finditer(src, s, e) for f in _romanized(m.group(), lang)}
    first = next((i for i in range(target[0], target[1]) if tgt[i].isalnum()), target[0])
    for m in _TITLE_RUN.finditer(tgt, first, target[1]):
        if m.start() == first:
            continue  # the sentence's first words are capitalized anyway
        caps = [w for w in m.group().split() if w[:1].isupper()]
        if 2 * len(caps) < n or (len(caps) < 3 and not _SMALL.search(m.group()) and not _NAMED_BEFORE.search(tgt, target[0], m.start())):
            continue
        # where the quotation stands in its sentence, within _TITLE_PLACE of the length: news word order is close
        # enough across these languages, and a name at the other end of the sentence translates something else
        here = (m.start() - target[0]) / max(1, target[1] - target[0]), (quoted[0] - source[0]) / max(1, source[1] - source[0])
        if abs(here[0] - here[1]) <= _TITLE_PLACE and 2 * sum(skeleton(w) in outside for w in caps) < len(caps):
            return True
    return False


#: How far (a share of the sentence's length) the English name may stand from the quotation's place.
_TITLE_PLACE = 0.4


def _pinyin_name(src: str, quoted: tuple[int, int], tgt: str, target: tuple[int, int]) -> bool:
    """Is the quoted Chinese (marks off) a capitalized word of the English, or two, by the consonant
    skeleton of its pinyin (罗莎 "LuoSha" is Rosa, 脸书 is not Facebook)?"""
    from provenance.bilingual.names import skeleton

    inner = src[quoted[0] + 1 : quoted[1] - 1]
    if not inner or not all(_NOSPACE.match(c) for c in inner):
        return False
    words = [m.group() for m in _CAPITALIZED.finditer(tgt, *target)]
    keys = {skeleton(w) for w in words} | {skeleton(a + b) for a, b in pairwise(words)}
    return skeleton(inner) in keys


#: A sentence's end then a closing quotation mark and a space: the sentence splitter keeps „…“ Er sagte
#: together, so a quoted sentence and the next one make one source "sentence" of a 1-2 bead.
_QUOTED_END = re.compile("[.!?。！？][\u00a0 ]?([\"”“»」』])\\s+")


def _pieces(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for s, e in spans:
        for m in _QUOTED_END.finditer(text, s, e):
            if m.end() < e:
                out.append((s, m.end(1)))
                s = m.end()
        out.append((s, e))
    return out


#: The end of a sentence (then spaces): a quotation's neighbour is a sentence of its own.
_ENDS = re.compile("[.!?。！？؟۔।][\\s\u00a0]*$")


def _quoted_by_neighbour(src: str, quoted: tuple[int, int], source: tuple[int, int], tgt: str, target: tuple[int, int]) -> bool:
    """Is the quoted stretch a lone closing mark's, running back to the sentence start, with the
    original's words after it (an English sentence before that closes its quotation: „…“ A
    sentence of the next bead), or a lone opening mark's, running on to the end after words of
    the original, the English sentence after opening one? The aligner joined a quoted sentence to
    its neighbour, and the English of the quotation is in the neighbouring bead."""
    before, after = src[source[0] : quoted[0]], src[quoted[1] : source[1]]
    if len(_quote_marks(src, *quoted)) != 1:
        return False  # a pair of marks: the quotation is the sentence's own
    if quoted[0] == source[0] and not _QUOTE.match(src, quoted[0]) and any(c.isalpha() for c in after) and _ENDS.search(src[quoted[0] : quoted[1] - 1]):
        prev = tgt[: target[0]].rstrip()
        return len(prev) > 1 and prev[-1] in "\"”" and prev[-2] in ".,!?"
    if quoted[1] == source[1] and _ENDS.search(before) and _QUOTE.match(src, quoted[0]):
        return tgt[target[1] :].lstrip()[:1] in ("\"", "“")
    return False


def _mentioned(src: str, quoted: tuple[int, int], tgt: str, target: tuple[int, int]) -> bool:
    """Is the quoted stretch a letter or two ("ب", "w": a grade, a letter named), or written as it is
    in the English sentence ("twp", "buy-to-let": a word quoted to be talked about, not speech)?"""
    inner = src[quoted[0] : quoted[1]].strip("\"“”«»„‚‘’「」『』 \u00a0.,;:!?")
    if sum(c.isalpha() for c in inner) <= 2 and not _NOSPACE.search(inner):  # two Han characters are a word (“严肃”)
        return True
    return re.search(f"(?<![^\\W_]){re.escape(inner)}(?![^\\W_])", tgt[target[0] : target[1]]) is not None


#: Where a source sentence may be cut to meet an English sentence boundary: after a stop, a clause mark or a
#: closing quotation mark (then a space), or before an opening mark after a space.
_CUT = re.compile("(?<=[.!?。！？؟۔।:;,،—»”」』\"])[\u00a0\u200f ]+|(?<=[。！？：；，”」』])(?=\\S)|[\u00a0\u200f ]+(?=[«“„「『\"])")


def _split(text: str, span: tuple[int, int], shares: list[float], tolerance: float) -> list[tuple[int, int]] | None:
    """span cut into len(shares) + 1 pieces, each cut at the candidate place nearest the English
    boundary's share of the length (the English sentences' cumulative shares), within ``tolerance``
    of the length; None when a boundary has no such place."""
    s, e = span
    cuts = [m.end() if m.end() < e else m.start() for m in _CUT.finditer(text, s, e)]
    cuts = [c for c in cuts if s < c < e]
    out, last = [], s
    for r in shares:
        want = s + r * (e - s)
        best = min((c for c in cuts if c > last), key=lambda c: abs(c - want), default=None)
        if best is None or abs(best - want) > tolerance * (e - s):
            return None
        out.append((last, best))
        last = best
    out.append((last, e))
    return out


def _units(al, b, per_sentence: bool, tolerance: float = 0.0):
    """The (source, English) spans to compare in bead b: the bead, or, when both sides have the
    same number of sentences (2-2, 3-3; a quoted sentence's closing mark ends one), sentence by
    sentence: a quoted sentence beside a quoted one would hide that its English lost the marks.
    With ``tolerance``, a source with fewer sentences than the English is cut at clause marks by
    the English sentences' shares of their length (a 1-2 bead: „…“, sagte er. „…“ as one sentence)."""
    (si, sj), (ti, tj) = b.source_sentences, b.target_sentences
    if not per_sentence or tj - ti < 2:
        return [(b.source, b.target)]
    source = _pieces(al.source_text, al.source_sentences[si:sj])
    target = _pieces(al.target_text, al.target_sentences[ti:tj])
    if len(source) < len(target) and tolerance:
        lengths = [t1 - t0 for t0, t1 in target]
        shares = [sum(lengths[: k + 1]) / sum(lengths) for k in range(len(lengths) - 1)]
        cut = _split(al.source_text, b.source, shares, tolerance)
        if cut is not None:
            return list(zip(cut, target))
    if len(source) != len(target):
        return [(b.source, b.target)]
    return list(zip(source, target))


def _unmatched_speech(src, sq, source, tgt, tq, target, latin: bool, lang: str, params: dict) -> tuple[int, int] | None:
    """A quotation of speech of the original (a pair of marks, ``min_speech_words`` words or more) that no
    English quotation of the sentence stands for, while the English quotes less than ``kept_share`` of the
    original's quoted words: the English kept the marks of a term or title ("less than", "Fear") and lost
    those of the speech beside it. Each English quotation takes the original's quotation nearest it in
    length (words, by log ratio), longest first."""
    quotes = _paired_quotations(src, sq, source, lang)
    english = _english_quotations(tgt, tq, target)
    if not quotes or not english or sum(english) >= params.get("kept_share", 0.5) * sum(n for _, _, n in quotes):
        return None
    left = list(quotes)
    for e in sorted(english, reverse=True):
        if not left:
            break
        left.remove(min(left, key=lambda q: abs(math.log(q[2]) - math.log(e))))
    best, least = None, params.get("min_speech_words", 4)
    for a, b, n in left:
        said = _speech_words(src[a + 1 : b])
        if said < least:
            continue  # a short quotation is a term as often as speech
        if _quotation(src, [a, b], source, least, latin, lang) is None:
            continue  # a name or title (capitalized words), a Latin title in another script
        if said < 2 * least and not _short_speech(src, (a, b + 1), source, lang, params):
            continue  # «عروسک خیمه شب بازی» for "Muppet": a term in a few words, unless a sentence or a cue makes it speech
        if best is None or n > best[2]:
            best = (a, b, n)
    return None if best is None else (best[0], best[1] + 1)


def _lost_speech(src, sq, source, tgt, tq, target, latin: bool, lang: str, params: dict) -> tuple[int, int] | None:
    """The original's quoted speech (``min_speech_words`` words or more) when the English sentence
    quotes only something much shorter (a name or term: "Toto", 'ola'): the English kept the marks of
    a term and lost those of the speech. None when the English quotes half as many words or more."""
    speech = _quotation(src, sq, source, params.get("min_speech_words", 4), latin, lang)
    if speech is None:
        return None
    if _lone(src, speech) or (src[speech[0]] == "„" and src.count("„", speech[0], speech[1] - 1) > 1):
        # a lone mark's, or „ again inside a „…“ (a stray one: German and Hebrew nest with ‚‘; Russian's
        # «…«…»…» nests with the same marks): the original's marks pair less surely than the English's
        return None
    english = _english_quotations(tgt, tq, target)
    kept = sum(english)  # words the English quotes
    if kept > params.get("shorter_kept", 2):
        return None
    if _stands_for_all(src, sq, source, tgt, tq, target, lang):
        return None  # as many English quotations as the original's: each stands for one, the English quoting part of it ("obviously disappointed")
    if not _short_speech(src, speech, source, lang, params):
        return None  # a one-word English term for a quoted phrase of four words: a term said in more words, not speech
    return speech if kept * params.get("shorter_share", 3) < word_count(src[speech[0] : speech[1]]) else None


def _nested_only(src, sq, source, tgt, tq, target, latin: bool, lang: str, params: dict) -> tuple[int, int] | None:
    """The original's quoted speech (double marks, ``min_speech_words`` words or more, a quoted sentence
    or with a reporting cue beside it) when the English sentence's only marks are single ones
    after ``min_speech_words`` words of its own, more than twice the original's before its speech: English nests single marks inside double ones ("…about
    'a gold medal'," he said), so the speech's outer marks were lost and only the nested quotation kept them."""
    least = params.get("min_speech_words", 4)
    if not sq or any(tgt[p] not in _SINGLE for p in tq) or not _english_opens(tgt, tq[0]):
        return None  # a first single mark that closes ("…investigation.'") ends a British-style quotation of sentences before
    speech = _quotation(src, sq, source, least, latin, lang)
    if speech is None or not _short_speech(src, speech, source, lang, params):
        return None  # speech only: a quoted sentence, or a reporting cue beside it
    before = word_count(tgt[target[0] : tq[0]])
    # the English's own words before its single mark, twice the original's before its speech opens and more: the
    # original's quotation covers them (nested); as many (O'Hagan said: 'The …') is British style quoting the speech
    if before < least or before <= 2 * word_count(src[source[0] : speech[0]]):
        return None
    return speech


def _short_speech(src: str, quoted: tuple[int, int], unit: tuple[int, int], lang: str, params: dict) -> bool:
    """Is a quotation under ``min_speech_words`` words speech: a quoted sentence, or a reporting cue of
    the original beside it (provenance.bilingual.speech_cues)?"""
    if quoted_sentence(src, quoted, unit, _lone(src, quoted)):
        return True
    if _capitalized_title(src, quoted, lang, unit):
        return False
    return cue_beside(src, quoted, unit, lang, params.get("cue_window", 3))


def _capitalized_title(src: str, quoted: tuple[int, int], lang: str, unit: tuple[int, int] | None = None) -> bool:
    """Does a short quotation of a cased script (not German: its nouns are capitalized) begin with a
    capital letter inside its sentence (not first in it, nor after a colon)? That is a name or title
    («Новый мост»), not speech."""
    if lang not in ("ru", "uk", "tr", "fr", "es"):
        return False
    before = src[unit[0] : quoted[0]] if unit is not None else "x"
    if not any(c.isalnum() for c in before) or before.rstrip(" \u00a0—–-").endswith(":"):
        return False  # a sentence's first word, or speech introduced by a colon: capitalized anyway
    first = next((c for c in src[quoted[0] : quoted[1]] if c.isalpha()), "")
    return first.isupper()


def _english_reported(tgt: str, target: tuple[int, int], cache: dict) -> bool:
    """Does an attribution of the English (provenance.attributions: a cue with its content) have
    content inside the English sentence? Then its unquoted words are reported speech."""
    spans = cache.get("spans")
    if spans is None:
        from provenance.attributions.article import build
        from provenance.document import Document

        spans = cache["spans"] = [(a["content"]["start"], a["content"]["end"]) for a in build(Document(tgt, "article.en.txt")).attributions if a.get("content")]
    return any(s < target[1] and target[0] < e for s, e in spans)


def _said(src: str, quoted: tuple[int, int], source: tuple[int, int], tgt: str, target: tuple[int, int], lang: str, params: dict, english_cache: dict) -> bool:
    """Is the quoted stretch something said, not a name, title or term the English may write bare?"""
    n = _speech_words(src[quoted[0] : quoted[1]])
    short = n < params.get("min_speech_words", 4)
    if _NOSPACE.match(src[quoted[0] - 1 : quoted[0]]) and src[quoted[0]] in _OPENING and _lone(src, quoted) and not cue_beside(src, quoted, source, lang, params.get("cue_window", 3)):
        return False  # 曼彻斯特“阿提哈德体育场，…: a lone opening mark against a word, no cue: a name's whose closing mark is lost, not speech running on
    if params.get("naming", True) and named(src, quoted, source, lang) and not quoted_sentence(src, quoted, source, _lone(src, quoted)):
        return False  # под названием «…», 名为“…”, “…” adlı, so-called: a naming word makes it a name, title or term, not speech
    bare = not short and _title_length(src, quoted, source, lang, n, params)
    sentence = quoted_sentence(src, quoted, source, False)  # the sentence's punctuation inside the marks, or the whole unit
    if ((short and not sentence) or bare) and _romanized_name(src, quoted, tgt, target, lang, 2 if bare else 1):
        # «توود بالين», „רו נגד ווייד“, «الدب بادينغتون»: a name or title the English writes capitalized, not speech
        return False
    if bare and params.get("english_title", True) and _english_title(src, quoted, source, tgt, target, lang, n):
        return False  # "Joint Artificial Intelligence Center", "Chariots of Fire": the English writes the quoted words as a name of its own
    if short and not sentence and (_gloss(src, quoted) or _figure(src, quoted)):
        return False  # Лав («любовь»): a gloss in brackets of the word before; «100 процентов»: a figure, not speech
    if short and not sentence and _mentioned(src, quoted, tgt, target):
        return False  # a letter, or a word the English writes as it is: talked about, not said ("November is coming!" is said)
    title = _capitalized_title(src, quoted, lang, source)
    if title and n < params.get("title_words", 6) and not quoted_sentence(src, quoted, source, _lone(src, quoted)):
        return False  # «Новый день в старом городе»: capitalized inside its sentence, a title
    if short and params.get("short_needs_cue", True) and not _short_speech(src, quoted, source, lang, params):
        # a short quotation with no reporting cue beside it, not a sentence: a term, title or scare
        # quote, unless the English reports the sentence's words (an attribution's content)
        # one word alone ("male", «повезло») is a term or scare quote whoever says the sentence: the attribution is the sentence's
        enough = n >= params.get("english_cue_words", 2)
        return params.get("english_cue", True) and enough and not title and _english_reported(tgt, target, english_cache)
    return True


def _gloss(src: str, quoted: tuple[int, int]) -> bool:
    """Is the quotation all a bracket holds ("Лав («любовь»)": the meaning of the word before it)?"""
    before, after = src[: quoted[0]].rstrip(" \u00a0")[-1:], src[quoted[1] :].lstrip(" \u00a0")[:1]
    return before in ("(", "（") and after in (")", "）")


def _figure(src: str, quoted: tuple[int, int]) -> bool:
    """Is the quotation a number with at most one word ("«100 процентов»": a figure the English writes bare)?"""
    words = src[quoted[0] + 1 : quoted[1] - 1].split()
    return 0 < len(words) <= 2 and any(c.isdigit() for c in words[0]) and all(c.isdigit() or c in ".,%" for c in words[0])


def _title_length(src: str, quoted: tuple[int, int], source: tuple[int, int], lang: str, n: int, params: dict) -> bool:
    """Might a quotation of min_speech_words words or more still be a name or title: under twice that,
    not a quoted sentence, no reporting cue beside it? (A remark that names people is speech: it has a cue.)"""
    least = params.get("min_speech_words", 4)
    if n >= 2 * least or quoted_sentence(src, quoted, source, _lone(src, quoted)):
        return False
    return not cue_beside(src, quoted, source, lang, params.get("cue_window", 3))


def _speech_words(s: str) -> int:
    """Words, for the speech threshold: a Chinese run counts one word per two characters (not also
    one for the run: “休息日忧郁症” is a term of three words, not four)."""
    # a dash or other punctuation between spaces is no word ("Johnny English – Der Spion": five words, not six)
    return sum(1 for w in s.split() if not _NOSPACE.search(w) and any(c.isalnum() for c in w)) + len(_NOSPACE.findall(s)) // 2


def _lost_here(pair, i: int, src: str, quoted, source, tgt: str, target, params: dict, english_cache: dict) -> bool:
    """Is the quotation of the original speech the English sentence lost, not a name, a term, or a
    quotation whose English an alignment slip put in another sentence?"""
    if pair.lang == "zh" and _pinyin_name(src, quoted, tgt, target):
        return False  # “罗莎” for "Rosa": a foreign name in characters, set off by the marks
    if not _said(src, quoted, source, tgt, target, pair.lang, params, english_cache):
        return False
    if params.get("neighbours", True) and _quoted_by_neighbour(src, quoted, source, tgt, target):
        return False  # the bead took the quotation's last (or first) sentence from the next bead: its English is quoted there
    if _quoted_elsewhere(src, quoted, tgt, pair.alignment.beads[i].target):
        return False  # its words quoted in another sentence of the bead: a cut of the bead put them apart
    if params.get("neighbours", True) and _slipped(pair, i):
        return False  # a 2-1 bead beside a 1-2 one whose English quotes more: the alignment, not the English, lost it
    return True


def quotations(pair, params: dict) -> Iterator[Issue]:
    """Quoted in the original and unquoted in the English (or, with ``reverse``, the other way
    round); a question of the original that the English states."""
    from provenance.bilingual.split import paragraphs

    al, src, tgt = pair.alignment, pair.text, pair.alignment.target_text
    beads = al.beads
    min_words = params.get("min_words", 2)
    reverse = params.get("reverse", False)
    latin = pair.lang in ("tr", "fr", "de", "es")
    english_paragraphs = paragraphs(tgt)
    english_inside = _inside(tgt, english_paragraphs)
    english_cache: dict = {}

    def english_marks(span):
        return _english_quote_marks(tgt, *span)

    for i in _matched(beads):
        b = beads[i]
        for source, target in _units(al, b, params.get("per_sentence", True), params.get("cut_tolerance", 0.0)):
            sq = [p for p in _quote_marks(src, *source, pair.lang) if src[p] not in _SINGLE]  # a Hebrew geresh (צ‘לסי) is no quotation mark
            tq = english_marks(target)
            inside = english_inside(target[0])
            if params.get("closing", True) and inside and not tq and sq and _closes(src, sq[-1], source, pair.lang) and not _closed_next(tgt, beads, i, english_marks, english_paragraphs, any(c.isalpha() for c in src[sq[-1] + 1 : source[1]])):
                inside = False  # the original closes its quotation here, the English never does: its closing mark is lost
            if params.get("closing", True) and inside and not tq and sq and _opens(src, sq[0], pair.lang) and any(c.isalpha() for c in src[source[0] : sq[0]]) and not _source_open_before(src, source[0], pair.lang):
                inside = False  # the original opens a new quotation after words of its own, none open before: the English is "inside" only by a quotation it never closed
            # every quotation of the sentence in turn, longest first: a name or term excused must not hide the speech beside it
            candidates = _quotations(src, sq, source, min_words, latin, pair.lang) if not tq and not inside else []
            if tq and not inside and sq and params.get("shorter_quotes", True):
                lost = _lost_speech(src, sq, source, tgt, tq, target, latin, pair.lang, params)
                if lost is None and params.get("unmatched_speech", True):
                    lost = _unmatched_speech(src, sq, source, tgt, tq, target, latin, pair.lang, params)
                if lost is None and params.get("nested_only", True):
                    lost = _nested_only(src, sq, source, tgt, tq, target, latin, pair.lang, params)
                candidates = [lost] if lost is not None else []
            # after the longest, a quotation of min_speech_words words or more only: a short one beside it is a term as often as speech
            least = params.get("min_speech_words", 4) if params.get("every_quotation", True) else math.inf
            candidates = candidates[:1] + [q for q in candidates[1:] if _speech_words(src[q[0] : q[1]]) >= least]
            quoted = next((q for q in candidates if _lost_here(pair, i, src, q, source, tgt, target, params, english_cache)), None)
            if quoted is not None:
                # where the English quotes something else in the sentence, say so: "no quotation marks" would be false
                yield Issue(target[0], target[1], quoted[0], quoted[1],
                            "the original quotes this, the English does not (it quotes only other words here)" if tq
                            else "the original quotes this, the English has no quotation marks")
            elif reverse and tq and not sq:
                quoted = _quotation(tgt, tq, target, min_words, True)
                if quoted is not None:
                    yield Issue(quoted[0], quoted[1], source[0], source[1], "the English quotes what the original does not")
        s_question = list(_QUESTION.finditer(src, *b.source))
        if s_question and not any(_QUESTION.search(tgt, *span) for span in _near(beads, i, "target")):
            q = s_question[-1]
            yield Issue(b.target[0], b.target[1], q.start(), q.end(), "a question in the original is a statement in the English")
