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
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from provenance.document import Document
    from provenance.names.glossary import FormRef, Glossary

#: Report statuses: what names[].status may be.
STATUSES = ("canonical", "admitted", "variant", "forbidden", "unknown")
_REPORT_STATUS = {"canonical": "canonical", "admitted": "admitted", "deprecated": "variant", "forbidden": "forbidden"}


@dataclass(frozen=True, slots=True)
class NameMention:
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
_CAP = rf"(?:(?:al|el|ad|ash|as|at|az|ar|an|ed|ul)-)?[{_UP}][{_LO}]+(?:[{_UP}][{_LO}]+)?(?:['’][{_LO}]+)?(?:-[{_UP}{_LO}][{_LO}]+)*"
#: A capitalized word, a title abbreviation (Gen.) or an initial (J.).
_NAMEWORD = rf"(?:{_CAP}\.?|[{_UP}]\.)"
_JOIN = r"(?:bin|ibn|bint|ben|de|da|di|du|del|della|van|von|der|den|la|le|al|el|ul|dos|das)"
_RUN = re.compile(rf"(?<![\w'’.-]){_NAMEWORD}(?:[ \t]+(?:{_JOIN}[ \t]+)*{_NAMEWORD})*(?![\w-])")

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


def _is_given_name(word: str) -> bool:
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
    for f, s in zip(fw, sw):
        if not f or not f[0].isalpha():
            continue
        if len(f) >= 2 and f.isupper():
            if s != f:
                return False
        elif f[0].isupper() and not s[0].isupper():
            return False
    return True


# -- detection ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Hit:
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


def _boundary(text: str, start: int, end: int) -> bool:
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        return False
    if end < len(text) and (text[end].isalnum() or text[end] == "_"):
        return False
    return True


def glossary_hits(text: str, glossary: "Glossary") -> list[_Hit]:
    """Non-overlapping glossary forms in the text (longest first, then leftmost)."""
    auto = glossary.automaton()
    if not len(auto):
        return []
    low = _lowered(text)
    found: list[_Hit] = []
    for end_idx, (key, refs) in auto.iter(low):
        start, end = end_idx - len(key) + 1, end_idx + 1
        if not _boundary(text, start, end):
            continue
        surface = text[start:end]
        ok = tuple(r for r in refs if case_ok(r.form, surface))
        if ok:
            found.append(_Hit(start, end, ok))
    found.sort(key=lambda h: (-(h.end - h.start), h.start))
    taken: list[tuple[int, int]] = []
    out: list[_Hit] = []
    for h in found:
        i = bisect_right(taken, (h.start, 10**12))
        if i > 0 and taken[i - 1][1] > h.start:
            continue
        if i < len(taken) and taken[i][0] < h.end:
            continue
        taken.insert(i, (h.start, h.end))
        out.append(h)
    out.sort(key=lambda h: h.start)
    return out


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
    sentences = _Sentences(doc)
    mentions: list[NameMention] = []
    covered: list[tuple[int, int]] = []
    pending_context: list[_Hit] = []

    for hit in glossary_hits(text, glossary):
        full = [r for r in hit.refs if not r.context_only]
        if not full:
            pending_context.append(hit)
            continue
        ref = full[0]
        entry = glossary.by_id[ref.entry]
        if entry.type == "place" and _part_of_longer_name(text, hit.end):
            continue
        mentions.append(_from_ref(doc, hit.start, hit.end, ref, entry))
        covered.append((hit.start, hit.end))

    # context_required short forms: only for entries the document names in full
    present: dict[str, list[int]] = {}
    for m in mentions:
        if m.entry:
            present.setdefault(m.entry, []).append(m.start)
    for hit in pending_context:
        candidates = [r for r in hit.refs if r.entry in present]
        if not candidates:
            continue
        ref = min(candidates, key=lambda r: _distance(present[r.entry], hit.start))
        entry = glossary.by_id[ref.entry]
        full = _nearest_full(mentions, ref.entry, hit.start)
        m = _from_ref(doc, hit.start, hit.end, ref, entry, via="context")
        mentions.append(replace(m, full=full.text if full else None, full_start=full.start if full else None))
        covered.append((hit.start, hit.end))

    runs, singles = _name_runs(doc, sentences, glossary, sorted(covered))
    mentions += runs
    mentions.sort(key=lambda m: m.start)
    doc.annotations["_names_lone_words"] = singles
    return mentions


def lone_words(doc: "Document", mentions: list[NameMention]) -> list[tuple[int, int, str]]:
    """Single capitalized words that are not part of any mention (candidates for surnames)."""
    covered = sorted((m.start, m.end) for m in mentions)
    return [w for w in doc.annotations.get("_names_lone_words", []) if not _overlaps(covered, w[0], w[1])]


def _distance(starts: list[int], offset: int) -> tuple[int, int]:
    before = [offset - s for s in starts if s <= offset]
    if before:
        return (0, min(before))
    return (1, min(s - offset for s in starts))


def _nearest_full(mentions: list[NameMention], entry: str, offset: int) -> NameMention | None:
    fulls = [m for m in mentions if m.entry == entry and m.via == "glossary"]
    before = [m for m in fulls if m.start < offset]
    if before:
        return max(before, key=lambda m: m.start)
    after = [m for m in fulls if m.start > offset]
    return min(after, key=lambda m: m.start) if after else None


def _from_ref(doc, start: int, end: int, ref: "FormRef", entry, via: str = "glossary") -> NameMention:
    return NameMention(
        start=start,
        end=end,
        text=doc.text[start:end],
        line=doc.line_col(start)[0],
        entry=entry.id,
        canonical=entry.canonical,
        status=_REPORT_STATUS[ref.status],
        type=entry.type,
        via=via,
        glossary_status=ref.status,
        kind=ref.kind,
        note=ref.note,
        words=len(ref.form.split()),
    )


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


def _name_runs(doc, sentences: _Sentences, glossary: "Glossary", covered: list[tuple[int, int]]) -> list[NameMention]:
    """Unlisted names (runs of capitalized words) and bare surnames."""
    from provenance.document import CAPTION, HEADING, PARAGRAPH, TITLE

    text = doc.text
    regions = []
    for seg in doc.segments:
        if seg.kind in (PARAGRAPH, CAPTION):
            regions.append((seg.start, seg.prose_end))
        elif seg.kind in (TITLE, HEADING) and not _title_case(text[seg.start : seg.end]):
            regions.append((seg.start, seg.end))
    # capitalized words seen mid-sentence: evidence that a sentence-initial one is a name too
    mid_caps: set[str] = set()
    runs = []
    for rs, re_ in regions:
        for m in _RUN.finditer(text, rs, re_):
            toks = _tokens(m.group(), m.start())
            runs.append(toks)
            for s, e, w, _ in toks:
                if not sentences.initial(s):
                    mid_caps.add(w)
    person_first = _glossary_first_words(glossary)
    out: list[NameMention] = []
    singles: list[tuple[int, int, str]] = []
    for toks in runs:
        for piece, titled in _split_run(toks, sentences, mid_caps, person_first):
            words = [w for _, _, w in piece if w.lower() not in _JOIN_WORDS]
            if len(words) < 2:
                if len(words) == 1 and len(piece) == 1 and len(words[0]) > 1:
                    singles.append(piece[0])
                continue
            start, end = piece[0][0], piece[-1][1]
            if _overlaps(covered, start, end):
                continue
            person = titled or _person_evidence(words, person_first)
            out.append(
                NameMention(
                    start=start,
                    end=end,
                    text=text[start:end],
                    line=doc.line_col(start)[0],
                    entry=None,
                    canonical=None,
                    status="unknown",
                    type="person" if person else None,
                    via="name",
                    words=len(words),
                )
            )
    return out + _surnames(doc, out, singles, covered), singles


_JOIN_WORDS = frozenset(_JOIN[3:-1].split("|"))


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


def _split_run(toks, sentences: _Sentences, mid_caps: set[str], person_first: frozenset[str]):
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
            if w not in mid_caps and low not in person_first and not _is_given_name(w) and low not in _PARTICLES:
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
    if low in person_first or low in _PARTICLES or _is_given_name(first):
        return True
    return any(w.lower() in _PARTICLES or w.lower().startswith(("al-", "el-")) for w in words[1:])


def _surnames(doc, fulls: list[NameMention], singles, covered) -> list[NameMention]:
    """Bare surnames of unlisted full names ("Sinwar" after "Yehia Sinwar")."""
    by_last: dict[str, list[NameMention]] = {}
    for m in fulls:
        if m.type != "person":
            continue
        last = m.text.split()[-1]
        for key in {last, re.sub(r"^(?:al|el)-", "", last, flags=re.I)}:
            by_last.setdefault(key, []).append(m)
    out = []
    for s, e, w in singles:
        cands = by_last.get(w)
        if not cands or _overlaps(covered, s, e):
            continue
        before = [m for m in cands if m.start < s]
        full = before[-1] if before else min(cands, key=lambda m: m.start)
        out.append(
            NameMention(
                start=s,
                end=e,
                text=doc.text[s:e],
                line=doc.line_col(s)[0],
                entry=None,
                canonical=full.text,
                status="unknown",
                type="person",
                via="surname",
                full=full.text,
                full_start=full.start,
            )
        )
    return out
