"""Finding the names a document mentions.

Three sources, in this order:

1. Glossary forms, found with one Aho-Corasick pass over the lower-cased text
   (the longest form wins where forms overlap; a form must start and end at
   word boundaries and be capitalized as the glossary writes it, or in
   capitals). ``context_required`` short forms ("Lew") count only when the
   document also has a full form of their entry.
2. Other names: runs of capitalized words joined by Arabic and European name
   particles (al-, el-, bin, ibn, Abu, Abd, Umm, de, van...), with titles
   (President, Sheikh, Gen.), possessives ('s), sentence-initial ordinary words,
   days, months, demonyms and capitalized institution words (Council, Ministry,
   Strip...) kept out. A run needs two words or more; it is typed ``person``
   when there is evidence (a known given name, a particle, a title before it).
3. Bare surnames: one capitalized word equal to the last word of a full name
   mentioned in the document ("Liu" after "Jack Liu") resolves to that name.

Each mention carries the attributes the report's ``names[]`` needs (text,
start, end, line, entry, canonical, status, type) and a few that the checks
use (how it was found, the glossary status and note, the full mention a
surname resolves to).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from provenance.document import Document
    from provenance.names.glossary import Glossary

#: Report statuses: what names[].status may be.
STATUSES = ("canonical", "admitted", "variant", "forbidden", "unknown")
_REPORT_STATUS = {"canonical": "canonical", "admitted": "admitted", "deprecated": "variant", "forbidden": "forbidden"}


class NameMention(NamedTuple):
    """One mention of a name (a named tuple: a document has thousands)."""

    start: int
    end: int
    text: str
    line: int
    #: Glossary id, or None for a name the glossary does not list.
    entry: str | None
    #: The form to use: the glossary's canonical form, or for an unlisted name
    #: the full or more frequent spelling it resolves to; None when unknown.
    canonical: str | None
    #: canonical | admitted | variant | forbidden | unknown
    status: str
    #: person | organization | outlet | place | title | term, or None
    type: str | None
    # -- detail for the checks (not in the report) --
    #: "glossary", "context" (a context_required short form), "name" (an unlisted
    #: run of capitalized words), "surname" (a bare surname), "fuzzy" (an unlisted
    #: spelling matched to a glossary entry or to another name in the document).
    via: str = "glossary"
    #: The glossary's status of the form: canonical, admitted, deprecated, forbidden.
    glossary_status: str | None = None
    kind: str | None = None
    note: str | None = None
    #: Surnames: the text of the full mention it resolves to, and its offset.
    full: str | None = None
    full_start: int | None = None
    #: Number of words (after titles are removed).
    words: int = 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "entry": self.entry,
            "canonical": self.canonical,
            "status": self.status,
            "type": self.type,
        }


# -- word lists ---------------------------------------------------------------------------

_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪİŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_LO = "a-zß-öø-ÿāăąćčďđēėęěğīıłńňōőœřśşšţťūůűųźżž"
#: A capitalized word: Sinwar, McGurk, O'Brien, Ma'ariv, Al-Thani, Ben-Gvir, al-Quds.
_CAP = rf"(?:[{_UP}]|(?:al|el|ad|ash|as|at|az|ar|an|ed|ul)-[{_UP}])[{_LO}]+(?:[{_UP}][{_LO}]+)?(?:['’][{_LO}]+)?(?:-[{_UP}{_LO}][{_LO}]+)*"
#: A capitalized word, a title abbreviation (Gen.) or an initial (J.).
_NAMEWORD = rf"(?:{_CAP}\.?|[{_UP}]\.)"
_JOIN = r"(?:bin|ibn|bint|ben|de|da|di|du|del|della|van|von|der|den|la|le|al|el|ul|dos|das)"
#: Two capitalized words or more, possibly joined by particles. It starts with a capital
#: (no look-behind, so the regex engine can skip ahead to capitals; what precedes the
#: match is checked after).
_RUN = re.compile(
    rf"[{_UP}](?:[{_LO}]+(?:[{_UP}][{_LO}]+)?(?:['’][{_LO}]+)?(?:-[{_UP}{_LO}][{_LO}]+)*\.?|\.)"
    rf"(?:[ \t]+(?:{_JOIN}[ \t]+)*{_NAMEWORD})+(?![\w-])"
)
#: One capitalized word (surname candidates).
_CAPWORD = re.compile(rf"[{_UP}][{_LO}]+(?:[{_UP}][{_LO}]+)?(?:['’][{_LO}]+)?(?:-[{_UP}{_LO}][{_LO}]+)*(?![\w-])")
_NOT_BEFORE = frozenset("'’.-_")

DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset("january february march april may june july august september october november december".split())
#: Titles and roles: not part of the name, but evidence that a person's name follows.
TITLE_WORDS = frozenset(
    """
    president vice prime minister secretary sheikh shaykh emir king queen prince princess crown sultan
    gen general lt lieutenant col colonel maj major brig brigadier capt captain sgt sergeant adm admiral
    commander cmdr dr doctor mr mrs ms miss sir dame lord lady rev reverend imam mufti ayatollah mullah
    hajj haj rabbi pope cardinal bishop archbishop father sen senator rep representative gov governor
    mayor judge justice ambassador envoy spokesman spokeswoman spokesperson director chief chairman chair
    speaker chancellor premier deputy foreign defense defence interior finance officer professor prof
    coach manager head leader commissioner inspector corporal pastor dean
    """.split()
)
#: Words that are never part of a person's name (they break a run).
_STOP = frozenset(
    """
    the a an and or but if as at by for from in into of on onto to with without he she it they we i you
    his her its their our my your this that these those there here then than when while after before since
    until during although though because however meanwhile moreover furthermore also yet still so thus
    according source sources news god allah mister
    israeli israelis palestinian palestinians american americans egyptian egyptians qatari qataris arab
    arabs arabic jordanian lebanese syrian syrians iranian iranians iraqi iraqis saudi saudis emirati
    turkish russian russians chinese british french german germans european europeans western eastern
    muslim muslims jewish jews christian christians islamic islamist zionist hebrew english african
    asian yemeni libyan sudanese kuwaiti bahraini omani moroccan algerian tunisian ukrainian indian
    pakistani afghan kurdish shiite shia sunni druze bedouin gazan gazans
    """.split()
) | DAYS | MONTHS
#: Capitalized words that make a run an institution, a place or a title of a work.
_INSTITUTION = frozenset(
    """
    council ministry court movement agency authority department office committee commission party army
    forces force brigades brigade guard guards police service services intelligence security government
    administration house senate congress parliament assembly union nations league organization
    organisation foundation institute university college school academy hospital center centre bank
    fund company corporation group inc ltd llc network news channel radio television tv times post
    journal press review magazine gazette herald daily weekly tribune strip street road avenue square
    bridge airport port station camp city town village district province governorate region county state
    states kingdom republic emirates island islands sea ocean gulf bay river lake mount mountain mountains
    valley desert heights peninsula coast crossing gate mosque church temple synagogue cathedral palace
    tower museum stadium park hall club cup prize award awards festival day week year act law accords
    accord agreement treaty plan summit conference forum program programme project operation war
    revolution spring flood storm crisis initiative resistance front alliance coalition federation
    association society cabinet board chamber tribunal prison jail base airlines airways motors systems
    technologies media studios records books north south east west northern southern central middle
    greater upper lower new holy grand royal national international global world federal supreme high
    cross crescent red blue white black green international games olympics championship championships
    series show discs market index exchange stock street wall island
    """.split()
)
_PARTICLES = frozenset({"bin", "ibn", "bint", "abu", "abd", "abdul", "abdel", "umm", "abou"})


@lru_cache(maxsize=1)
def _english_first_names() -> frozenset[str]:
    from nicknames import NickNamer

    nn = NickNamer()
    return frozenset(set(nn.nickname_lookup) | set(nn.canonical_lookup))


def is_given_name(word: str) -> bool:
    from provenance.names.given_names import group_of
    from provenance.names.normalize import fold, letters

    w = fold(word).strip()
    if not w or " " in w:
        return False
    return w in _english_first_names() or group_of(letters(w.replace("-", ""))) is not None


# -- case ------------------------------------------------------------------------------------


def case_ok(form: str, surface: str) -> bool:
    """Does the text write the form as the glossary does (allowing capitals, and
    a capital on a lower-case particle: Al-Quds for al-Quds)? Acronyms must match exactly."""
    if surface == form:
        return True
    letters = [c for c in surface if c.isalpha()]
    if len(letters) > 3 and all(c.isupper() for c in letters):
        return True  # a headline in capitals
    fw = re.split(r"([\s-])", form)
    sw = re.split(r"([\s-])", surface)
    if len(fw) != len(sw):
        return False
    for i, (f, s) in enumerate(zip(fw, sw)):
        if i == 0 and f == "The" and s == "the":
            continue  # "the New York Times" inside a sentence
        if not f or not f[0].isalpha():
            continue
        if len(f) >= 2 and f.isupper():
            if s != f:
                return False
        elif f[0].isupper() and not s[0].isupper():
            return False
    return True


# -- detection ------------------------------------------------------------------------------


class _Hit(NamedTuple):
    start: int
    end: int
    refs: tuple


class _Sentences:
    """Where sentences start, to tell sentence-initial capitals from names."""

    def __init__(self, doc: "Document"):
        text = doc.text
        self.text = text
        starts = []
        for seg in doc.segments:
            starts.append(seg.start)
            for s in seg.sentences:
                starts.append(s.start)
        self.starts = sorted(set(starts))

    def initial(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        if i < 0:
            return True
        between = self.text[self.starts[i] : offset]
        return not between.strip(" \t\r\n\"“‘'(«—–-:")


def _lowered(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def glossary_hits(text: str, glossary: "Glossary") -> list[_Hit]:
    """Non-overlapping glossary forms in the text: of overlapping forms the longest wins
    ("Gaza Strip" over "Gaza"; "Mohammed bin Abdulrahman Al Thani" over "Sheikh Mohammed")."""
    auto = glossary.automaton()
    if not len(auto):
        return []
    low = _lowered(text)
    found: list[_Hit] = []
    for end_idx, (key, refs) in auto.iter(low):
        end = end_idx + 1
        hit = _valid(text, end - len(key), end, refs)
        if hit is not None:
            found.append(hit)
    found.sort()
    out: list[_Hit] = []
    i, n = 0, len(found)
    while i < n:
        j, reach = i + 1, found[i].end
        while j < n and found[j].start < reach:
            reach = max(reach, found[j].end)
            j += 1
        if j == i + 1:
            out.append(found[i])
        else:  # overlapping forms: the longest first, then whatever still fits
            chosen: list[_Hit] = []
            for h in sorted(found[i:j], key=lambda h: (h.start - h.end, h.start)):
                if all(h.end <= c.start or h.start >= c.end for c in chosen):
                    chosen.append(h)
            out += sorted(chosen)
        i = j
    return out


def _valid(text: str, start: int, end: int, refs) -> _Hit | None:
    if (start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_")) or (end < len(text) and (text[end].isalnum() or text[end] == "_")):
        return None
    surface = text[start:end]
    if len(refs) == 1 and refs[0].form == surface:
        return _Hit(start, end, refs)
    ok = tuple(r for r in refs if case_ok(r.form, surface))
    return _Hit(start, end, ok) if ok else None


_NEXT_CAP = re.compile(rf"[ \t]+([{_UP}][{_LO}]+)")


def _part_of_longer_name(text: str, end: int) -> bool:
    """'Jerusalem Post', 'al-Quds University': a place name followed by a capitalized word."""
    m = _NEXT_CAP.match(text, end)
    return bool(m) and m.group(1).lower() not in _STOP


def detect(doc: "Document", glossary: "Glossary") -> list[NameMention]:
    """All name mentions of a document, in document order."""
    text = doc.text
    if not text.strip():
        return []
    mentions: list[NameMention] = []
    covered: list[tuple[int, int]] = []
    pending_context: list[_Hit] = []
    by_id = glossary.by_id
    line_of = doc.line_col

    for hit in glossary_hits(text, glossary):
        ref = next((r for r in hit.refs if not r.context_only), None)
        if ref is None:
            pending_context.append(hit)
            continue
        entry = by_id[ref.entry]
        if entry.type == "place" and _part_of_longer_name(text, hit.end):
            continue
        mentions.append(
            NameMention(hit.start, hit.end, text[hit.start : hit.end], line_of(hit.start)[0], entry.id, entry.canonical,
                        _REPORT_STATUS[ref.status], entry.type, "glossary", ref.status, ref.kind, ref.note, None, None,
                        len(ref.form.split()))
        )
        covered.append((hit.start, hit.end))

    # context_required short forms: only for entries the document names in full
    if pending_context:
        # every mention so far is a full glossary form, in document order
        fulls: dict[str, list[NameMention]] = {}
        for m in mentions:
            fulls.setdefault(m.entry, []).append(m)
        present = {e: [m.start for m in ms] for e, ms in fulls.items()}
        for hit in pending_context:
            candidates = [r for r in hit.refs if r.entry in present]
            if not candidates:
                continue
            ref = min(candidates, key=lambda r: _distance(present[r.entry], hit.start))
            entry = by_id[ref.entry]
            full = _nearest_full(fulls[ref.entry], present[ref.entry], hit.start)
            mentions.append(
                NameMention(hit.start, hit.end, text[hit.start : hit.end], line_of(hit.start)[0], entry.id, entry.canonical,
                            _REPORT_STATUS[ref.status], entry.type, "context", ref.status, ref.kind, ref.note,
                            full.text if full else None, full.start if full else None, 1)
            )
            covered.append((hit.start, hit.end))

    covered.sort()
    runs = _name_runs(doc, glossary, covered)
    mentions += runs
    mentions += _surnames(doc, runs, covered)
    mentions.sort(key=lambda m: m.start)
    return mentions


def _distance(starts: list[int], offset: int) -> tuple[int, int]:
    """How far the nearest full mention is: (0, distance) when one precedes
    ``offset``, else (1, distance to the first one after). ``starts`` is sorted."""
    i = bisect_right(starts, offset)
    return (0, offset - starts[i - 1]) if i else (1, starts[0] - offset)


def _nearest_full(fulls: list[NameMention], starts: list[int], offset: int) -> NameMention | None:
    """The full mention just before ``offset``, else the first one after it."""
    i = bisect_left(starts, offset)
    if i:
        return fulls[i - 1]
    j = bisect_right(starts, offset)
    return fulls[j] if j < len(fulls) else None


def _overlaps(covered: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_right(covered, (start, 10**12))
    if i > 0 and covered[i - 1][1] > start:
        return True
    return i < len(covered) and covered[i][0] < end


_TOKEN = re.compile(rf"{_NAMEWORD}|\b{_JOIN}\b")

#: Token flags: a possessive or a full stop ends the name ("Netanyahu's office", "... Lew. Liu").
_ENDS = 1
_INITIAL = 2


def _tokens(run: str, base: int) -> list[tuple[int, int, str, int]]:
    out = []
    for m in _TOKEN.finditer(run):
        word = m.group()
        s, e = base + m.start(), base + m.end()
        flags = 0
        if word.endswith("."):
            if len(word) == 2:
                flags = _INITIAL
            elif word[:-1].lower() not in TITLE_WORDS:
                word, e, flags = word[:-1], e - 1, _ENDS
        if word.endswith(("'s", "’s")):
            word, e, flags = word[:-2], e - 2, _ENDS
        elif word.endswith(("'", "’")):
            word, e, flags = word[:-1], e - 1, _ENDS
        out.append((s, e, word, flags))
    return out


def _regions(doc) -> list[tuple[int, int]]:
    """Where unlisted names are looked for: paragraphs, captions (without the credit),
    titles or headings that are not in title case, and the parts of credit lines."""
    from provenance.document import CAPTION, HEADING, PARAGRAPH, TITLE

    cached = doc.annotations.get("_names_regions")
    if cached is not None:
        return cached
    text = doc.text
    regions = []
    for seg in doc.segments:
        if seg.kind in (PARAGRAPH, CAPTION):
            regions.append((seg.start, seg.prose_end))
        elif seg.kind in (TITLE, HEADING) and not _title_case(text[seg.start : seg.end]):
            regions.append((seg.start, seg.end))
        elif seg.credit_parts:  # the names in a byline or a translation credit, not the line
            regions += [(s, e) for _, s, e in seg.credit_parts]
    doc.annotations["_names_regions"] = regions
    return regions


def _prose(doc, covered: list[tuple[int, int]] | None = None) -> str:
    """The text with all but the prose regions, and the glossary mentions, blanked out
    (same length, so offsets hold): unlisted names are looked for only in what is left."""
    cached = doc.annotations.get("_names_prose")
    if cached is not None:
        return cached
    text = doc.text
    blank = "\x1f"
    keep: list[tuple[int, int]] = []
    covered = covered or []
    for rs, re_ in _regions(doc):
        i = bisect_right(covered, (rs, -1))
        if i > 0 and covered[i - 1][1] > rs:
            i -= 1
        pos = rs
        while i < len(covered) and covered[i][0] < re_:
            cs, ce = covered[i]
            if cs > pos:
                keep.append((pos, cs))
            pos = max(pos, ce)
            i += 1
        if pos < re_:
            keep.append((pos, re_))
    parts = []
    last = 0
    for ks, ke in keep:
        parts.append(blank * (ks - last))
        parts.append(text[ks:ke])
        last = ke
    parts.append(blank * (len(text) - last))
    prose = "".join(parts)
    doc.annotations["_names_prose"] = prose
    return prose


def _name_runs(doc, glossary: "Glossary", covered: list[tuple[int, int]]) -> list[NameMention]:
    """Unlisted names: runs of two capitalized words or more outside the glossary mentions."""
    text = doc.text
    prose = _prose(doc, covered)
    sentences = None
    person_first = _glossary_first_words(glossary)
    out: list[NameMention] = []
    elsewhere: dict[str, bool] = {}
    pos = 0
    search = _RUN.search
    while True:
        m = search(prose, pos)
        if m is None:
            break
        before = prose[m.start() - 1] if m.start() else " "
        if before.isalnum() or before in _NOT_BEFORE:
            pos = m.start() + 1  # it started inside a word ("U.S. Sen. ..."): look again just after
            continue
        pos = m.end()
        if sentences is None:
            sentences = _Sentences(doc)
        toks = _tokens(m.group(), m.start())
        for piece, titled in _split_run(toks, sentences, text, elsewhere, person_first):
            words = [w for _, _, w in piece if w.lower() not in _JOIN_WORDS]
            if len(words) < 2:
                continue
            start, end = piece[0][0], piece[-1][1]
            person = titled or _person_evidence(words, person_first)
            out.append(
                NameMention(start, end, text[start:end], doc.line_col(start)[0], None, None, "unknown",
                            "person" if person else None, "name", None, None, None, None, None, len(words))
            )
    return out


_JOIN_WORDS = frozenset(_JOIN[3:-1].split("|"))
#: One-word runs that cannot be a surname.
_BREAKERS = TITLE_WORDS | _STOP | _INSTITUTION


def _title_case(line: str) -> bool:
    words = re.findall(r"[^\W\d_]+", line)
    if len(words) < 4:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) > 0.6


def _glossary_first_words(glossary: "Glossary") -> frozenset[str]:
    cached = getattr(glossary, "_person_first_words", None)
    if cached is None:
        words = set()
        for e in glossary.entries:
            if e.type == "person":
                for f in e.all_forms():
                    first = f.split()[0].lower()
                    if first not in _PARTICLES:
                        words.add(first)
        cached = frozenset(words)
        glossary._person_first_words = cached
    return cached


def capitalized_elsewhere(text: str, word: str, cache: dict[str, bool]) -> bool:
    """Is the word written capitalized inside a sentence somewhere (so it is a name)?"""
    hit = cache.get(word)
    if hit is None:
        hit = cache[word] = re.search(rf"[\w,;:] +{re.escape(word)}\b", text) is not None
    return hit


def _split_run(toks, sentences: _Sentences, text: str, elsewhere: dict[str, bool], person_first: frozenset[str]):
    """Pieces of a run of capitalized words that can be names, and whether a title preceded each.

    Titles, stop words (days, months, demonyms...) and acronyms split a run; an
    institution word (Council, Strip, University...) splits it and takes the
    piece just before it along (Tel Aviv University is not a person).
    """
    pieces: list[tuple[list, bool]] = []
    current: list = []
    titled = False

    def close(next_titled: bool = False, institutional: bool = False) -> None:
        nonlocal current, titled
        if current and not institutional:
            pieces.append((current, titled))
        current = []
        titled = next_titled

    for i, (s, e, w, flags) in enumerate(toks):
        low = w.lower().rstrip(".")
        if low in _INSTITUTION:
            close(institutional=True)
            continue
        if low in TITLE_WORDS or low in _STOP or (w.isupper() and len(w) > 1):
            close(next_titled=low in TITLE_WORDS)
            continue
        if not current and low in _JOIN_WORDS:
            continue
        if not current and i + 1 < len(toks) and not flags and sentences.initial(s):
            # "Meanwhile Hamas", "Yesterday Abu Ubaida": an ordinary word starting the sentence
            if low not in person_first and low not in _PARTICLES and not is_given_name(w) and not capitalized_elsewhere(text, w, elsewhere):
                continue
        current.append((s, e, w.rstrip(".") if flags & _INITIAL == 0 else w))
        if flags & _ENDS:
            close()
    close()
    out = []
    for piece, was_titled in pieces:
        while piece and piece[-1][2].lower() in _JOIN_WORDS:
            piece = piece[:-1]
        if piece:
            out.append((piece, was_titled))
    return out


def _person_evidence(words: list[str], person_first: frozenset[str]) -> bool:
    first = words[0]
    low = first.lower()
    if low in person_first or low in _PARTICLES or is_given_name(first):
        return True
    return any(w.lower() in _PARTICLES or w.lower().startswith(("al-", "el-")) for w in words[1:])


def occurrences(doc, word: str, covered: list[tuple[int, int]], particle: bool = False) -> list[tuple[int, int]]:
    """Where a capitalized word stands alone (possessive allowed) in the prose, outside the covered spans;
    ``particle``: also behind a lower-case article ("al-Zeidan"), which the span then includes."""
    prefix = "(?:[ae]l-)?" if particle else ""
    pattern = re.compile(rf"(?<![\w'’.-]){prefix}{re.escape(word)}(?=(?:['’]s)?(?![\w-]))")
    return [(m.start(), m.end()) for m in pattern.finditer(_prose(doc)) if not _overlaps(covered, m.start(), m.end())]


def lone_words(doc) -> list[str]:
    """The distinct capitalized words of the prose outside glossary mentions (surname
    candidates), stop words left out."""
    words = set(_CAPWORD.findall(_prose(doc)))
    return sorted(w for w in words if len(w) >= 3 and not w.isupper() and w.lower() not in _BREAKERS)


def _surnames(doc, fulls: list[NameMention], covered) -> list[NameMention]:
    """Bare surnames of unlisted full names ("Sinwar" after "Yehia Sinwar")."""
    by_last: dict[str, list[NameMention]] = {}
    for m in fulls:
        if m.type != "person":
            continue
        last = m.text.split()[-1]
        for key in {last, re.sub(r"^(?:al|el)-", "", last, flags=re.I)}:
            if key.lower() not in _BREAKERS:
                by_last.setdefault(key, []).append(m)
    if not by_last:
        return []
    taken = sorted(covered + [(m.start, m.end) for m in fulls])
    out = []
    for word, cands in sorted(by_last.items()):
        for s, e in occurrences(doc, word, taken):
            before = [m for m in cands if m.start < s]
            full = before[-1] if before else min(cands, key=lambda m: m.start)
            out.append(
                NameMention(s, e, doc.text[s:e], doc.line_col(s)[0], None, full.text, "unknown", "person", "surname",
                            None, None, None, full.text, full.start, 1)
            )
    return out
