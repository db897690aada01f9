"""Quotation marks on either side of a pair (rule PV1005, provenance.bilingual.check_quotes): which
characters are marks, which open and which close, how they pair into quotations, and how many
quotations a sentence, a bead or two neighbouring beads hold on each side (a partial English quotation
stands for a whole one of the original; an aligner that slipped a sentence moved a quotation's English
into the next bead)."""

from __future__ import annotations

import re

from provenance.bilingual.check_common import _NOSPACE, word_count


_QUOTE = re.compile("[\"“”«»„「」『』‘]|(?<![^\\W_])'(?=[^\\W\\d_])")


def _quote_marks(text: str, start: int, end: int, lang: str = "") -> list[int]:
    """Offsets of the quotation marks in text[start:end]; a straight " between two
    letters (Hebrew acronyms: צה"ל) is not one, nor an apostrophe ("don't", "students'"),
    but in Arabic script, which writes no acronyms so, it is a mark whose space was lost."""
    out = []
    for m in _QUOTE.finditer(text, start, end):
        p = m.start()
        inside = 0 < p < len(text) - 1 and text[p - 1].isalpha() and text[p + 1].isalpha()
        if inside and (p < 2 or not text[p - 2].isalpha()) and text[p + 2 : p + 3].isalpha():
            inside = False  # after a one-letter prefix (Hebrew כ“מעשה, ש“זה): a quotation mark; an acronym's is before its last letter (צה"ל)
        if inside and text[p - 1] == "ـ":
            inside = False  # after a tatweel (بـ"ريان"): an Arabic prefix drawn out before a quotation mark
        if inside and _NOSPACE.match(text[p - 1]) or _NOSPACE.match(text[p + 1 : p + 2]):
            inside = False  # a text without spaces puts its marks between letters (罗莎”带)
        if inside and lang in ("ar", "fa", "ur") and text[p] in '"“”':
            inside = False  # "وايت هول"لإحاطته: the space after the closing mark lost; Arabic writes no acronyms with "
        if inside and lang == "tr" and text[p] in '"“”':
            inside = False  # "Pawn Stars"ın: Turkish joins a case suffix to the closing mark; it writes no acronyms with "
        if not inside:
            out.append(p)
    return out


#: A single mark right after the end of a clause closes a quotation ("…investigation.'"): English
#: styles that quote with single marks; _QUOTE takes a ' after a letter for an apostrophe.
_ENGLISH_SINGLE_CLOSE = re.compile("(?<=[.,!?])['’](?=[\\s\"”]|$)")


def _english_quote_marks(text: str, start: int, end: int) -> list[int]:
    """_quote_marks, and a single mark that closes a clause: the English quotes with single marks."""
    return sorted(set(_quote_marks(text, start, end)) | {m.start() for m in _ENGLISH_SINGLE_CLOSE.finditer(text, start, end)})


_OPENING = "“«„「『‘"


_CLOSING = "”»」』’"


_SINGLE = "‘’‚'"


def _opens(text: str, p: int, lang: str = "") -> bool:
    """Does the mark at p open a quotation (else it closes one)? German closes with “ („…“);
    Hebrew writes both „…“ and “…“, so there “ and ” open where a straight mark would."""
    c = text[p]
    if lang == "de" and c == "“":
        return False
    if c in _OPENING and not (lang == "he" and c in "“”"):
        return True
    if c in _CLOSING and not (lang == "he" and c == "”"):
        return False
    if lang == "he" and p >= 2 and text[p - 1].isalpha() and not text[p - 2].isalpha():
        return True  # after a one-letter prefix: ש“זה
    if c == '"' and 0 < p and text[p - 1] in ",." and not text[p + 1 : p + 2].strip():
        return False  # …yapıyorum," dedi: after a comma or stop, then a space or the end, a straight mark closes
    return p == 0 or text[p - 1].isspace() or text[p - 1] in "([{:—–-،,ـ"


#: Originals whose curly quotation marks open and close by their shape (“…”, «…»): German and
#: Hebrew close with “ („…“), so there the marks are paired by position.
_SHAPED = frozenset({"zh", "ar", "fa", "ur", "ru", "uk", "fr", "es", "tr", "hi"})


def _directional_pairs(text: str, marks: list[int], span: tuple[int, int], lang: str):
    """Pairs of quotation marks by their shape, an opening mark with the next closing one ("”，其…
    “白宫”": the first mark closes a quotation of the sentence before); a lone opening mark runs on
    to the sentence's end, a lone closing one back to its start. None when a mark is straight (")
    or the language closes with “."""
    if lang not in _SHAPED or not marks or any(text[p] not in _OPENING + _CLOSING for p in marks):
        return None
    pairs, opened = [], None
    carried = _open_before(text, span[0], lang)  # a quotation of an earlier sentence of the paragraph still open
    for p in marks:
        if lang == "zh" and text[p] in _OPENING and p == span[0] and text[p + 1 : p + 2].isspace():
            continue  # "“ 维…": Chinese sets no space after an opening mark; the closing one of the sentence before, mistyped
        if lang == "zh" and text[p] == "“" and opened is not None and text[opened] in "“”":
            pairs.append((opened, p))  # “斯坦福桥“, ”国际法院“: Chinese nests with ‘’, so a second “ closes the first, mistyped
            opened = None
        elif text[p] in _OPENING and not any(c.isalnum() for c in text[p + 1 : span[1]]):
            # “…桥“, “…好。“: an opening shape with no word after it to the sentence's end closes, mistyped
            pairs.append((span[0] - 1 if opened is None else opened, p))
            opened = None
        elif text[p] in _OPENING:
            opened = p if opened is None else opened
        elif opened is not None:
            pairs.append((opened, p))
            opened = None
        elif p == span[0] and text[p + 1 : p + 2].isspace():
            pass
        elif carried or not text[p + 1 : p + 2].isalnum():
            pairs.append((span[0] - 1, p))
            carried = False
        else:
            opened = p  # ”الدب…”: nothing open before it and a letter after it, a closing shape typed for an opening mark
    if opened is not None:
        pairs.append((opened, span[1]))
    return pairs


def _double_marks_before(text: str, start: int, lang: str) -> list[int]:
    """The double quotation marks of the paragraph before ``start``."""
    return [p for p in _quote_marks(text, text.rfind("\n", 0, start) + 1, start, lang) if text[p] not in _SINGLE]


def _open_before(text: str, start: int, lang: str) -> bool:
    """Is a quotation open at ``start``, by the shapes of the double marks of its paragraph before it?"""
    marks = [p for p in _double_marks_before(text, start, lang) if text[p] in _OPENING + _CLOSING]
    return bool(marks) and text[marks[-1]] in _OPENING


def _english_opens(text: str, p: int) -> bool:
    """Does the English mark at p open a quotation? Curly marks by their shape; a straight one
    when no letter or digit is before it, or when a space is after it none is (“said," Then” closes)."""
    c = text[p]
    if c in "“«":
        return True
    if c in "”»":
        return False
    before, after = text[p - 1 : p], text[p + 1 : p + 2]
    if after == "" or after.isspace():
        return False
    return before == "" or before.isspace() or before in "([{—–-/"


def _lone(src: str, quoted: tuple[int, int]) -> bool:
    """Is the quoted stretch a lone mark's (running to its unit's edge), not a pair's?"""
    return not (_QUOTE.match(src, quoted[0]) and _QUOTE.match(src, quoted[1] - 1)) or quoted[1] - quoted[0] < 2


def _english_stretches(tgt: str, tq: list[int], target: tuple[int, int]) -> list[str]:
    """The English sentence's quoted stretches (with words), its marks paired by _english_opens (a lone
    closing mark's quotation runs back to the sentence start, a lone opening one on to its end)."""
    out, opened = [], None
    for p in tq:
        if _english_opens(tgt, p):
            # a single mark opening while a single one is open: the first one's closing mark read as an
            # apostrophe ('ola' is …) and left out, so the new one starts the quotation
            opened = p if opened is None or (tgt[p] in _SINGLE and tgt[opened] in _SINGLE) else opened
            continue
        out.append(tgt[(target[0] if opened is None else opened + 1) : p])
        opened = None
    if opened is not None:
        out.append(tgt[opened + 1 : target[1]])
    return [q for q in out if word_count(q)]


def _english_quotations(tgt: str, tq: list[int], target: tuple[int, int]) -> list[int]:
    """Word counts of the English sentence's quotations (_english_stretches)."""
    return [word_count(q) for q in _english_stretches(tgt, tq, target)]


def _paired_quotations(src: str, sq: list[int], source: tuple[int, int], lang: str) -> list[tuple[int, int, int]]:
    """(opening mark, closing mark, words) of the original's quotations inside the unit, pairs of marks
    only: a lone mark's stretch to the sentence's edge overlaps the pairs (“…“…” mistyped)."""
    directional = _directional_pairs(src, sq, source, lang)
    pairs = directional if directional is not None else list(zip(sq[0::2], sq[1::2]))
    quotes = [(a, b, word_count(src[a + 1 : b])) for a, b in pairs if source[0] <= a and b < source[1]]
    return [q for q in quotes if q[2]]


def _stands_for_all(src: str, sq: list[int], source: tuple[int, int], tgt: str, tq: list[int], target: tuple[int, int], lang: str) -> bool:
    """Does the English sentence have as many quotations as the original's unit, so that each may stand
    for one of them (quoting part of it)? The original's single-marked quotations count too (the
    English nests 'ye' inside the speech as the original does), and an English quotation of words the
    original writes unquoted ("Wu" for M. Wu) stands for none, nor do English quotations of less than a
    fifth of the original's quoted words in all (a one-word name beside a quoted sentence); a title
    in Chinese title marks (《今日》) counts as a quotation, the English quoting titles."""
    singles = sum(1 for p in _quote_marks(src, *source, lang) if src[p] in _SINGLE)
    titles = len(_TITLE_MARKS.findall(src, *source))
    plain = src[source[0] : source[1]]
    english = [q for q in _english_stretches(tgt, tq, target) if not _written_unquoted(q, plain)]
    quotes = _paired_quotations(src, sq, source, lang)
    if 5 * sum(word_count(q) for q in english) < sum(n for _, _, n in quotes):
        return False
    return len(english) >= len(quotes) + singles + titles


#: A title between Chinese title marks (《今日》): the English quotes it.
_TITLE_MARKS = re.compile("《[^《》]+》|〈[^〈〉]+〉")


def _written_unquoted(quoted: str, source: str) -> bool:
    """Are the words of an English quotation (a name: "Wu") in the original as they are, not inside a mark?"""
    inner = quoted.strip("\"“”'‘’ \u00a0.,;:!?")
    if not inner:
        return False
    m = re.search(f"(?<![^\\W_]){re.escape(inner)}(?![^\\W_])", source)
    before = source[: m.start()].rstrip(" \u00a0")[-1:] if m is not None else ""
    return m is not None and (not before or before not in "«„“”\"'‘‚「『")


def _source_count(src: str, span: tuple[int, int], lang: str) -> int:
    """How many quotations (with words) the original has in span: pairs of marks and lone marks."""
    marks = [p for p in _quote_marks(src, *span, lang) if src[p] not in _SINGLE]
    pairs = _directional_pairs(src, marks, span, lang)
    if pairs is None:
        pairs = list(zip(marks[0::2], marks[1::2]))
        if len(marks) % 2:  # a lone mark runs on to the span's end (opening) or back to its start (closing)
            pairs.append((marks[-1], span[1]) if _opens(src, marks[-1], lang) else (span[0] - 1, marks[-1]))
    return sum(1 for a, b in pairs if word_count(src[max(a + 1, span[0]) : min(b, span[1])]))


def _english_count(tgt: str, span: tuple[int, int], src: str, source: tuple[int, int]) -> int:
    """How many quotations the English has in span, but those of words the original writes bare."""
    plain = src[source[0] : source[1]]
    return sum(1 for q in _english_stretches(tgt, _english_quote_marks(tgt, *span), span) if not _written_unquoted(q, plain))


def _quoted_elsewhere(src: str, quoted: tuple[int, int], tgt: str, bead: tuple[int, int]) -> bool:
    """Are the quotation's words (of three letters or more, digits) all inside one English quotation of
    the bead ("November is coming!" quoted in the English sentence before the one it was compared with)?"""
    words = {w.lower() for w in re.findall(r"[^\W_]{3,}|\d+", src[quoted[0] : quoted[1]])}
    if not words:
        return False
    for q in _english_stretches(tgt, _english_quote_marks(tgt, *bead), bead):
        if words <= {w.lower() for w in re.findall(r"[^\W_]{3,}|\d+", q)}:
            return True
    return False


def _slipped(pair, i: int) -> bool:
    """Is bead i's missing quotation in its neighbour's English: bead i has more sentences of the
    original than of the English, the neighbour more of the English (a 2-1 beside a 1-2: the aligner
    slipped a sentence), the neighbour's English sentence next to bead i quotes, and the neighbour's
    English quotes as often as both originals' beyond its own? (A neighbour quoting what its own original
    reports is the translator's choice, not the slip: its sentence next to bead i must hold the quotation.)"""
    al, src, tgt, lang = pair.alignment, pair.text, pair.alignment.target_text, pair.lang
    beads = al.beads

    def sentences(b):
        return b.source_sentences[1] - b.source_sentences[0], b.target_sentences[1] - b.target_sentences[0]

    def counts(b):
        return _source_count(src, b.source, lang), _english_count(tgt, b.target, src, b.source)

    si, ti = sentences(beads[i])
    if si <= ti:
        return False
    for j in (i - 1, i + 1):
        b = beads[j] if 0 <= j < len(beads) else None
        if b is None or b.source is None or b.target is None or sentences(b)[1] <= sentences(b)[0]:
            continue
        t0, t1 = b.target_sentences
        nearest = al.target_sentences[t1 - 1 if j < i else t0]
        if not _english_quote_marks(tgt, *nearest):
            continue
        (s, e), (sj, ej) = counts(beads[i]), counts(b)
        if e < s and ej - sj >= s - e:
            return True
    return False
