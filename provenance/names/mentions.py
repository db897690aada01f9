"""Finding the names a document mentions.

Three sources, in this order:

1. Glossary forms (``glossary_forms``), found with one Aho-Corasick pass over
   the lower-cased text (the longest form wins where forms overlap; a form must
   start and end at word boundaries and be capitalized as the glossary writes
   it, or in capitals). ``context_required`` short forms ("Lew") count only when
   the document also has a full form of their entry.
2. Other names (``name_runs``): runs of capitalized words joined by Arabic and
   European name particles (al-, el-, bin, ibn, Abu, Abd, Umm, de, van...),
   with titles (President, Sheikh, Gen.), possessives ('s), sentence-initial
   ordinary words, days, months, demonyms and capitalized institution words
   (Council, Ministry, Strip...) kept out (the word lists are in
   ``name_words``). A run needs two words or more; it is typed ``person`` when
   there is evidence (a known given name, a particle, a title before it).
3. Bare surnames (``surname_mentions``): one capitalized word equal to the last
   word of a full name mentioned in the document ("Liu" after "Jack Liu")
   resolves to that name.

Unlisted names and surnames are looked for only in the prose regions
(``prose``). Each source yields ``NameMention`` records (``name_mention``);
``detect`` here puts them together in document order.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from provenance.names.glossary_forms import Hit, glossary_hits
from provenance.names.name_mention import REPORT_STATUS, NameMention
from provenance.names.name_runs import name_runs
from provenance.names.name_words import LO, STOP_WORDS, UP
from provenance.names.surname_mentions import surname_mentions

if TYPE_CHECKING:
    from provenance.document import Document
    from provenance.names.glossary import Glossary

_NEXT_CAP = re.compile(rf"[ \t]+([{UP}][{LO}]+)")


def _part_of_longer_name(text: str, end: int) -> bool:
    """'Jerusalem Post', 'al-Quds University': a place name followed by a capitalized word."""
    m = _NEXT_CAP.match(text, end)
    return bool(m) and m.group(1).lower() not in STOP_WORDS


def detect(doc: "Document", glossary: "Glossary") -> list[NameMention]:
    """All name mentions of a document, in document order."""
    text = doc.text
    if not text.strip():
        return []
    mentions: list[NameMention] = []
    covered: list[tuple[int, int]] = []
    pending_context: list[Hit] = []
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
                        REPORT_STATUS[ref.status], entry.type, "glossary", ref.status, ref.kind, ref.note, None, None,
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
                            REPORT_STATUS[ref.status], entry.type, "context", ref.status, ref.kind, ref.note,
                            full.text if full else None, full.start if full else None, 1)
            )
            covered.append((hit.start, hit.end))

    covered.sort()
    runs = name_runs(doc, glossary, covered)
    mentions += runs
    mentions += surname_mentions(doc, runs, covered)
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
